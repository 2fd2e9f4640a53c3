"""The "What fits me?" quiz in the chat: one activity per message, then the student's top areas
and the roles whose O*NET interest profiles fit best (scoring and matching: bot/interest_quiz.py).

The answers live only in the conversation's slots (`quiz_answers`: one letter per item;
`quiz_finished`), so they go when the conversation goes. docs/quiz.md has the items and the maths.
"""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Tuple

from bot import interest_quiz as iq
from bot.answers.quiz_wishes import NO_WISHES, Narrowed, Wishes, narrow
from bot.answers.turn import Turn
from bot.knowledge import interest_profiles
from bot.knowledge.model import Role
from bot.render import Answer, Button, payload
from bot.text import normalise

PROFILER = "https://www.mynextmove.org/explore/ip"
ANSWERS_SLOT, FINISHED_SLOT = "quiz_answers", "quiz_finished"
CHOICES = ((iq.LIKE, "Like"), (iq.UNSURE, "Not sure"), (iq.DISLIKE, "Dislike"))
_RESTART = re.compile(
    r"\b(restart|start (?:it |the quiz )?(?:over|again)|again|from the (?:start|beginning)|new quiz)\b"
)
#: Pearson's r from which a role is called a strong, good or fair fit; below the last, a weak one.
FIT_WORDS = ((0.8, "strong"), (0.5, "good"), (0.3, "fair"))
START_OVER = Button("Start the quiz over", payload("start_quiz", quiz_choice="restart"))
COUNSELOR = Button("Talk to a counselor", payload("ask_counselor"))
#: How the results word a training wish, after "jobs" (bot/answers/quiz_wishes.py).
TRAINING_WISH = {
    "short": "you can start soon after high school",
    "two_year": "you can get into with two years of training or less",
}
STOPPED_FINDER = (
    "OK, I stopped the career finder. Ask me anything about manufacturing careers, "
    "or say \u201ccareer finder\u201d to try again."
)


def _state(turn: Turn) -> Tuple[Optional[str], bool]:
    """(answers so far, or None when no quiz was started; whether it was finished)."""
    raw = turn.slot(ANSWERS_SLOT)
    return (iq.clean(raw) if isinstance(raw, str) else None), turn.slot(FINISHED_SLOT) is True


def in_progress(turn: Turn) -> bool:
    answers, finished = _state(turn)
    return answers is not None and not finished and len(answers) < len(iq.quiz().items)


def item_text(index: int) -> str:
    items = iq.quiz().items
    activity = items[index].text
    return f"Question {index + 1} of {len(items)}: would you like to {activity[0].lower()}{activity[1:]}?"


def _item(index: int, lead: str = "", answers: str = "") -> Answer:
    buttons = [Button(title, payload("answer_quiz", quiz_choice=c, quiz_item=str(index))) for c, title in CHOICES]
    text = f"{lead}\n\n{item_text(index)}" if lead else item_text(index)
    return Answer(text, buttons, slots={ANSWERS_SLOT: answers, FINISHED_SLOT: None})


def start(turn: Turn, wishes: Wishes = NO_WISHES) -> Answer:
    """Start the quiz, or pick up where the student left off, or show a finished quiz's results
    again, narrowed by what they have said since (unless they ask to start over)."""
    answers, finished = _state(turn)
    restart = turn.entities.get("quiz_choice") == "restart" or bool(_RESTART.search(normalise(turn.text)))
    if in_progress(turn) and not restart and answers:
        return _item(len(answers), "Welcome back! Let's pick up where you left off.", answers)
    if finished and answers is not None and len(answers) == len(iq.quiz().items) and not restart:
        return results(turn, answers, wishes)
    count = len(iq.quiz().items)
    intro = (
        f"Let's find out what kind of work you might enjoy. I'll name {count} activities, one at a time. "
        "For each one, tap Like, Not sure or Dislike. Say \u201cskip\u201d to skip one or \u201cstop\u201d to stop.\n"
        "This is a way to start a conversation, not a test: there are no right or wrong answers. "
        f"Your answers stay in this chat only. For the full O*NET Interest Profiler, go to My Next Move: {PROFILER}"
    )
    return _item(0, intro)


def step(turn: Turn, wishes: Wishes = NO_WISHES) -> Answer:
    """One answer: record it and ask the next item, or show the results after the last."""
    answers, _ = _state(turn)
    if not in_progress(turn) or answers is None:
        return Answer(
            "There's no quiz going on right now. Want to take the \u201cWhat fits me?\u201d quiz? "
            "It takes about three minutes.",
            [Button("Take the quiz", payload("start_quiz")), Button("Jobs in manufacturing", payload("ask_roles"))],
        )
    index = len(answers)
    given = turn.entities.get("quiz_item")
    if given is not None and given != str(index):  # a button of an earlier question
        return _item(index, "That was an earlier question. Here is where we are now:", answers)
    answer = iq.parse_answer(turn.text, turn.entities.get("quiz_choice"))
    if answer is None:
        lead = "Sorry, I didn't catch that. Tap Like, Not sure or Dislike, or say \u201cskip\u201d or \u201cstop\u201d."
        return _item(index, lead, answers)
    answers += answer
    if len(answers) < len(iq.quiz().items):
        return _item(len(answers), answers=answers)
    return results(turn, answers, wishes)


def stop(turn: Turn) -> Answer:
    """'stop' outside a form: the quiz, when one is under way (answers kept to resume), else the finder."""
    if not in_progress(turn):
        return Answer(
            STOPPED_FINDER,
            [Button("Jobs in manufacturing", payload("ask_roles")), Button("How do I get started?", "/ask_training")],
        )
    return Answer(
        "OK, I stopped the quiz. Your answers so far stay in this chat until it ends. "
        "Say \u201cquiz\u201d any time to pick up where you left off.",
        [
            Button("Go on with the quiz", payload("start_quiz")),
            START_OVER,
            Button("Jobs in manufacturing", payload("ask_roles")),
        ],
    )


# --- results ---------------------------------------------------------------------------------
def fit_word(r: float) -> str:
    return next((word for floor, word in FIT_WORDS if r >= floor), "weak")


def ranked_roles(turn: Turn, reading: iq.Reading, roles: List[Role]) -> List[Tuple[Role, float]]:
    """Of these roles, those whose O*NET profiles correlate best with the student's areas."""
    profiles = interest_profiles.shared().profiles
    by_code: Dict[str, Role] = {}
    for role in roles:  # a code shared by two roles keeps the first
        by_code.setdefault(role.onet_code, role)
    known = {code: p for code, p in profiles.items() if code in by_code}
    return [(by_code[code], r) for code, r in iq.matches(reading, known)]


def _jobs(turn: Turn, wishes: Wishes) -> str:
    """'jobs in aerospace you can start soon after high school'."""
    sector = turn.knowledge.sectors[wishes.sector].name.lower() if wishes.sector else ""
    return " ".join(
        w for w in ("jobs", f"in {sector}" if sector else "", TRAINING_WISH.get(wishes.training or "", "")) if w
    )


def _wish_lines(turn: Turn, narrowed: Narrowed) -> List[str]:
    """What the results kept to of what the student said, and what they could not."""
    lines = [f"As you asked, these are {_jobs(turn, narrowed.kept)}."] if narrowed.kept else []
    if narrowed.let_go:
        count = {0: "no", 1: "only one"}.get(narrowed.meeting_all, f"only {narrowed.meeting_all}")
        asked = Wishes(narrowed.kept.training or narrowed.let_go.training, narrowed.let_go.sector)
        jobs = _jobs(turn, asked).replace("jobs", "job" if narrowed.meeting_all == 1 else "jobs", 1)
        where = "every industry" if narrowed.kept else "all the jobs I know"
        lines.append(f"I know {count} {jobs}, so these come from {where}.")
    return lines


def results(turn: Turn, answers: str, wishes: Wishes = NO_WISHES) -> Answer:
    q = iq.quiz()
    slots = {ANSWERS_SLOT: answers, FINISHED_SLOT: True}
    reading = iq.read(answers)
    nudge = (
        "Talk it over with your school counselor, who can help you make sense of it. "
        f"For the full O*NET Interest Profiler, go to My Next Move: {PROFILER}"
    )
    if iq.answered(answers) < iq.MIN_ANSWERED or reading.flat:
        why = (
            "You skipped a lot of the questions, so I can't tell much from this quiz."
            if iq.answered(answers) < iq.MIN_ANSWERED
            else "Your answers came out about the same for every kind of work. "
            "You may like a bit of everything, and that's good to know too! "
            "But a quiz this short can't pick jobs for you from that."
        )
        buttons = [COUNSELOR, Button("Jobs in manufacturing", payload("ask_roles")), START_OVER]
        return Answer(f"Thanks for finishing! {why}\n{nudge}", buttons, slots=slots)

    lines = ["Thanks! Here's what your answers point to. Remember, this is a conversation starter, not a test."]
    lines += [f"\u2022 {q.names[a].capitalize()}: {q.about[a]}" for a in reading.top]
    if reading.tied:
        second = reading.ranked[1][1]
        even = [q.names[a] for a, v in reading.ranked[1:] if v == second]
        lines.append(f"After that, {_join(even)} came out even.")
    elif len(reading.top) == 1:
        lines.append("Nothing else stood out.")
    narrowed = narrow(turn.knowledge, turn.kb.roles, wishes)
    picks = ranked_roles(turn, reading, narrowed.roles)
    profiles = interest_profiles.shared()
    lines.append("\nJobs here whose O*NET interest profiles fit yours best:")
    lines += _wish_lines(turn, narrowed)
    for role, r in picks:
        code = profiles.profiles[role.onet_code].high_point
        kinds = _join([q.short[a] for a in code[:2]])
        what = role.summary.split(". ")[0].rstrip(".")
        lines.append(
            f"\u2022 {role.title}: {what}. The work is mostly {kinds} (O*NET code {code}), a {fit_word(r)} fit."
        )
    first = reading.top[0]
    if not any(profiles.profiles[role.onet_code].high_point.startswith(first) for role, _ in picks):
        among = _jobs(turn, narrowed.kept) if narrowed.kept else "jobs I know"
        lines.append(f"None of the {among} is mostly about {q.names[first]}, so these are the closest.")
    if picks[0][1] < FIT_WORDS[-1][0]:
        lines.append(
            "None of them is a close fit, and that's fine: this quiz is short, and you may fit jobs outside this list."
        )
    elif reading.tied:
        lines.append("Your answers don't point one clear way, and that's fine.")
    if not (narrowed.kept or narrowed.let_go):  # nothing said that narrows: say how
        lines.append(
            "Want jobs you can start soon after high school, or in one industry? Tell me (for example "
            "\u201cno college\u201d or \u201cjobs in aerospace\u201d), "
            "then say \u201cwhat fits me\u201d to see this list again."
        )
    lines.append(nudge)
    lines.append(f"(Job interest profiles: O*NET {profiles.meta.release} Database, USDOL/ETA, used under CC BY 4.0.)")
    return Answer(
        "\n".join(lines), _result_buttons([role for role, _ in picks]), slots={**slots, "role": picks[0][0].id}
    )


def _result_buttons(roles: List[Role]) -> List[Button]:
    buttons = []
    for role in roles:
        buttons.append(Button(f"About: {role.title}", payload("ask_about", role=role.id)))
        buttons.append(Button(f"Pay: {role.title}", payload("ask_pay", role=role.id)))
    for a, b in zip(roles[::2], roles[1::2], strict=False):
        buttons.append(Button(f"Compare: {a.title} and {b.title}", f"{a.title} vs {b.title}"))
    return buttons + [START_OVER]


def _join(words: List[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
