"""The "What fits me?" quiz in the chat: one activity per message, then the student's top areas
and the roles whose O*NET interest profiles fit best (scoring and matching: bot/interest_quiz.py).
Worded in the conversation's language: the items in data/quiz/<language>.yml, the sentences in
data/phrases/<language>/quiz.yml.

The answers live only in the conversation's slots (`quiz_answers`: one letter per item;
`quiz_finished`), so they go when the conversation goes. docs/quiz.md has the items and the maths.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from bot import interest_quiz as iq
from bot.answers.quiz_wishes import NO_WISHES, Narrowed, Wishes, narrow
from bot.answers.turn import Turn
from bot.knowledge import interest_profiles
from bot.knowledge.model import Role
from bot.phrases import say
from bot.render import Answer, Button, join_names, payload
from bot.text import normalise

PROFILER = "https://www.mynextmove.org/explore/ip"
ANSWERS_SLOT, FINISHED_SLOT = "quiz_answers", "quiz_finished"
CHOICES = ((iq.LIKE, "quiz.like"), (iq.UNSURE, "quiz.not_sure"), (iq.DISLIKE, "quiz.dislike"))
#: Pearson's r from which a role is called a strong, good or fair fit; below the last, a weak one.
FIT_WORDS = ((0.8, "quiz.fit_strong"), (0.5, "quiz.fit_good"), (0.3, "quiz.fit_fair"))
WEAK_FIT = "quiz.fit_weak"
#: How the results word a training wish, after "jobs" (bot/answers/quiz_wishes.py).
TRAINING_WISH = {"short": "quiz.wish_short", "two_year": "quiz.wish_two_year"}


def _state(turn: Turn) -> Tuple[Optional[str], bool]:
    """(answers so far, or None when no quiz was started; whether it was finished)."""
    raw = turn.slot(ANSWERS_SLOT)
    return (iq.clean(raw) if isinstance(raw, str) else None), turn.slot(FINISHED_SLOT) is True


def in_progress(turn: Turn) -> bool:
    answers, finished = _state(turn)
    return answers is not None and not finished and len(answers) < len(iq.quiz().items)


#: A typed quiz answer is short ("yes", "nah skip that one"): a longer message is a question of its own.
MAX_ANSWER_WORDS = 4


def typed_answer(turn: Turn) -> bool:
    """Whether the message answers the quiz that waits for one, whatever the classifier guessed
    ("yes" read as affirm, "saltar" not understood): short, with an answer word of the quiz."""
    if not in_progress(turn) or len(normalise(turn.text).split()) > MAX_ANSWER_WORDS:
        return False
    return any(iq.parse_answer(turn.text, None, language) for language in {"en", turn.language})


def item_text(index: int, language: str = "en") -> str:
    items = iq.quiz(language).items
    activity = items[index].text
    activity = f"{activity[0].lower()}{activity[1:]}"
    return say(language, "quiz.item", number=index + 1, total=len(items), activity=activity)


def _item(lang: str, index: int, lead: str = "", answers: str = "") -> Answer:
    buttons = [
        Button(say(lang, key), payload("answer_quiz", quiz_choice=c, quiz_item=str(index))) for c, key in CHOICES
    ]
    text = f"{lead}\n\n{item_text(index, lang)}" if lead else item_text(index, lang)
    return Answer(text, buttons, slots={ANSWERS_SLOT: answers, FINISHED_SLOT: None})


def start_over(lang: str) -> Button:
    return Button(say(lang, "quiz.start_over"), payload("start_quiz", quiz_choice="restart"))


def start(turn: Turn, wishes: Wishes = NO_WISHES) -> Answer:
    """Start the quiz, or pick up where the student left off, or show a finished quiz's results
    again, narrowed by what they have said since (unless they ask to start over)."""
    lang = turn.language
    answers, finished = _state(turn)
    said = normalise(turn.text)
    restart = turn.entities.get("quiz_choice") == "restart" or any(
        bool(iq.quiz(language).restart.search(said)) for language in {"en", lang}
    )
    if in_progress(turn) and not restart and answers:
        return _item(lang, len(answers), say(lang, "quiz.welcome_back"), answers)
    if finished and answers is not None and len(answers) == len(iq.quiz().items) and not restart:
        return results(turn, answers, wishes)
    return _item(lang, 0, say(lang, "quiz.intro", count=len(iq.quiz(lang).items), link=PROFILER))


def step(turn: Turn, wishes: Wishes = NO_WISHES) -> Answer:
    """One answer: record it and ask the next item, or show the results after the last."""
    lang = turn.language
    answers, _ = _state(turn)
    if not in_progress(turn) or answers is None:
        buttons = [
            Button(say(lang, "quiz.take_quiz"), payload("start_quiz")),
            Button(say(lang, "quiz.jobs_button"), payload("ask_roles")),
        ]
        return Answer(say(lang, "quiz.no_quiz"), buttons)
    index = len(answers)
    given = turn.entities.get("quiz_item")
    if given is not None and given != str(index):  # a button of an earlier question
        return _item(lang, index, say(lang, "quiz.earlier"), answers)
    choice = turn.entities.get("quiz_choice")
    # Typed words in the conversation's language, or in English (a Spanish speaker may type "skip").
    answer = iq.parse_answer(turn.text, choice, lang) or iq.parse_answer(turn.text, choice)
    if answer is None:
        return _item(lang, index, say(lang, "quiz.unclear"), answers)
    answers += answer
    if len(answers) < len(iq.quiz().items):
        return _item(lang, len(answers), answers=answers)
    return results(turn, answers, wishes)


def stop(turn: Turn) -> Answer:
    """'stop' outside a form: the quiz, when one is under way (answers kept to resume), else the finder."""
    lang = turn.language
    roles = Button(say(lang, "quiz.jobs_button"), payload("ask_roles"))
    if not in_progress(turn):
        return Answer(
            say(lang, "quiz.stopped_finder"), [roles, Button(say(lang, "quiz.get_started_button"), "/ask_training")]
        )
    return Answer(
        say(lang, "quiz.stopped"),
        [Button(say(lang, "quiz.go_on"), payload("start_quiz")), start_over(lang), roles],
    )


# --- results ---------------------------------------------------------------------------------
def fit_word(r: float, lang: str = "en") -> str:
    return say(lang, next((key for floor, key in FIT_WORDS if r >= floor), WEAK_FIT))


def ranked_roles(turn: Turn, reading: iq.Reading, roles: List[Role]) -> List[Tuple[Role, float]]:
    """Of these roles, those whose O*NET profiles correlate best with the student's areas."""
    profiles = interest_profiles.shared().profiles
    by_code: Dict[str, Role] = {}
    for role in roles:  # a code shared by two roles keeps the first
        by_code.setdefault(role.onet_code, role)
    known = {code: p for code, p in profiles.items() if code in by_code}
    return [(by_code[code], r) for code, r in iq.matches(reading, known)]


def _jobs(turn: Turn, wishes: Wishes, one: bool = False) -> str:
    """'jobs in aerospace you can start soon after high school' (or 'job ...' for one)."""
    lang = turn.language
    if wishes.sector:
        sector = turn.knowledge.sectors[wishes.sector].name.lower()
        jobs = say(lang, "quiz.job_in" if one else "quiz.jobs_in", sector=sector)
    else:
        jobs = say(lang, "quiz.job" if one else "quiz.jobs")
    training = TRAINING_WISH.get(wishes.training or "")
    return f"{jobs} {say(lang, training)}" if training else jobs


def _wish_lines(turn: Turn, narrowed: Narrowed) -> List[str]:
    """What the results kept to of what the student said, and what they could not."""
    lang = turn.language
    lines = [say(lang, "quiz.as_asked", jobs=_jobs(turn, narrowed.kept))] if narrowed.kept else []
    if narrowed.let_go:
        asked = Wishes(narrowed.kept.training or narrowed.let_go.training, narrowed.let_go.sector)
        n = narrowed.meeting_all
        jobs = _jobs(turn, asked, one=n == 1)
        where = say(lang, "quiz.every_industry" if narrowed.kept else "quiz.all_jobs")
        if n == 0:
            lines.append(say(lang, "quiz.few_none", jobs=jobs, where=where))
        elif n == 1:
            lines.append(say(lang, "quiz.few_one", jobs=jobs, where=where))
        else:
            lines.append(say(lang, "quiz.few", count=n, jobs=jobs, where=where))
    return lines


def results(turn: Turn, answers: str, wishes: Wishes = NO_WISHES) -> Answer:
    lang = turn.language
    q = iq.quiz(lang)
    slots = {ANSWERS_SLOT: answers, FINISHED_SLOT: True}
    reading = iq.read(answers, lang)
    nudge = say(lang, "quiz.nudge", link=PROFILER)
    if iq.answered(answers) < iq.MIN_ANSWERED or reading.flat:
        why = say(lang, "quiz.few_answers" if iq.answered(answers) < iq.MIN_ANSWERED else "quiz.flat")
        buttons = [
            Button(say(lang, "quiz.counselor_button"), payload("ask_counselor")),
            Button(say(lang, "quiz.jobs_button"), payload("ask_roles")),
            start_over(lang),
        ]
        return Answer(f"{say(lang, 'quiz.thanks_finishing', why=why)}\n{nudge}", buttons, slots=slots)

    lines = [say(lang, "quiz.thanks")]
    lines += [say(lang, "quiz.area", name=q.names[a].capitalize(), about=q.about[a]) for a in reading.top]
    if reading.tied:
        second = reading.ranked[1][1]
        even = [q.names[a] for a, v in reading.ranked[1:] if v == second]
        lines.append(say(lang, "quiz.even", areas=join_names(even, lang)))
    elif len(reading.top) == 1:
        lines.append(say(lang, "quiz.nothing_else"))
    narrowed = narrow(turn.knowledge, turn.kb.roles, wishes)
    picks = ranked_roles(turn, reading, narrowed.roles)
    profiles = interest_profiles.shared()
    lines.append("\n" + say(lang, "quiz.fit_heading"))
    lines += _wish_lines(turn, narrowed)
    for role, r in picks:
        code = profiles.profiles[role.onet_code].high_point
        kinds = join_names([q.short[a] for a in code[:2]], lang)
        what = role.summary.split(". ")[0].rstrip(".")
        fit = fit_word(r, lang)
        lines.append(say(lang, "quiz.role_line", title=role.title, what=what, kinds=kinds, code=code, fit=fit))
    first = reading.top[0]
    if not any(profiles.profiles[role.onet_code].high_point.startswith(first) for role, _ in picks):
        among = _jobs(turn, narrowed.kept) if narrowed.kept else say(lang, "quiz.jobs_i_know")
        lines.append(say(lang, "quiz.none_mostly", jobs=among, area=q.names[first]))
    if picks[0][1] < FIT_WORDS[-1][0]:
        lines.append(say(lang, "quiz.none_close"))
    elif reading.tied:
        lines.append(say(lang, "quiz.no_clear_way"))
    if not (narrowed.kept or narrowed.let_go):  # nothing said that narrows: say how
        lines.append(say(lang, "quiz.how_to_narrow"))
    lines.append(nudge)
    lines.append(say(lang, "quiz.credit", release=profiles.meta.release))
    buttons = _result_buttons(lang, [role for role, _ in picks])
    return Answer("\n".join(lines), buttons, slots={**slots, "role": picks[0][0].id})


def _result_buttons(lang: str, roles: List[Role]) -> List[Button]:
    buttons = []
    for role in roles:
        buttons.append(Button(say(lang, "quiz.about_button", title=role.title), payload("ask_about", role=role.id)))
        buttons.append(Button(say(lang, "quiz.pay_button", title=role.title), payload("ask_pay", role=role.id)))
    for a, b in zip(roles[::2], roles[1::2], strict=False):
        title = say(lang, "quiz.compare_button", first=a.title, second=b.title)
        buttons.append(Button(title, f"{a.title}{say(lang, 'explore.versus')}{b.title}"))
    return buttons + [start_over(lang)]
