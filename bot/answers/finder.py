"""Career finder: turn three short answers into three suggested roles, each with its reasons.

The answers, typed or tapped, are read by bot/answers/finder_answers.py: an answer's button sends
its own words as if typed ("hands-on work", "hasta dos años"), in the conversation's language, so
that a Spanish conversation is not switched to English by an English payload. The sentences are
the `finder` phrasebook's (data/phrases/<language>/finder.yml).
"""

from __future__ import annotations

from typing import List, Optional, Tuple

from bot.answers.finder_answers import (  # noqa: F401 (re-exported: the form validates with them)
    ANY,
    TRAINING_LEVEL,
    parse_industry,
    parse_interest,
    parse_training,
)
from bot.answers.interests import OwnWord, own_words, states_a_liking  # noqa: F401 (re-exported)
from bot.answers.loaded_knowledge import Knowledge
from bot.knowledge.model import Role
from bot.phrases import say
from bot.render import (
    Answer,
    Button,
    entry_level,
    figure_sources,
    in_sentence,
    join_names,
    money,
    outlook_cite,
    pay_cite,
    payload,
    short_entry,
    signed_percent,
)

#: O*NET's Interest Profiler, for a fuller picture than three questions.
PROFILER = "https://www.mynextmove.org/explore/ip"
#: Interest -> (its words in a sentence, its button's title).
INTERESTS = {
    "hands_on": ("finder.interest_hands_on", "finder.button_hands_on"),
    "technology": ("finder.interest_technology", "finder.button_technology"),
    "people": ("finder.interest_people", "finder.button_people"),
    "data": ("finder.interest_data", "finder.button_data"),
}
#: How long to train -> its button's title.
TRAININGS = {
    "short": "finder.button_short",
    "two_year": "finder.button_two_year",
    "four_year": "finder.button_four_year",
}


def choice(lang: str, key: str) -> Button:
    """An answer's button: it sends its title in lower case, as if typed."""
    title = say(lang, key)
    return Button(title, title.lower())


def quiz_button(lang: str) -> Button:
    """The longer way to find what fits: the "What fits me?" quiz (bot/answers/quiz.py)."""
    return Button(say(lang, "finder.button_quiz"), payload("start_quiz"))


def _job(title: str, lang: str) -> str:
    """A job's title on a button: English lower-cases all of it (as it always has); other
    languages keep an acronym's capitals ("operador de CNC")."""
    return title.lower() if lang == "en" else in_sentence(title)


def rank(k: Knowledge, interest: str, training: str, industry: str) -> List[Tuple[Role, List[str]]]:
    lang = k.language
    scored = []
    for role in k.kb.roles:
        score, reasons = 0.0, []
        if interest in role.interests:
            score += 3 - role.interests.index(interest)  # a role's first interest fits best
            reasons.append(say(lang, "finder.reason_interest", interest=say(lang, INTERESTS[interest][0])))
        if training in TRAINING_LEVEL:
            gap = TRAINING_LEVEL[training] - entry_level(role)
            if gap >= 0:
                score += 2 if gap == 0 else 1
                reasons.append(say(lang, "finder.reason_entry", entry=short_entry(role)))
            else:
                score -= 3
        if industry in k.sectors and role.id in k.sectors[industry].roles:
            score += 2
            reasons.append(say(lang, "finder.reason_sector", sector=k.sectors[industry].name.lower()))
        growth = role.outlook.percent_change if role.outlook else 0
        scored.append((score, growth, role, reasons))
    scored.sort(key=lambda s: (-s[0], -s[1]))
    return [(role, reasons) for _, _, role, reasons in scored[:3]]


def suggest(k: Knowledge, interest: str, training: str, industry: str) -> Answer:
    lang = k.language
    picks = rank(k, interest or ANY, training or ANY, industry or ANY)
    lines = []
    for role, reasons in picks:
        figures = []
        if role.median_pay:
            cite = pay_cite(k.kb, role.median_pay, lang)
            figures.append(say(lang, "finder.figure_pay", money=money(role.median_pay.annual_usd), cite=cite))
        if role.outlook:
            change, cite = signed_percent(role.outlook.percent_change), outlook_cite(k.kb, role.outlook, lang)
            figures.append(say(lang, "finder.figure_outlook", change=change, cite=cite))
        why = join_names(reasons, lang) if reasons else say(lang, "finder.reason_common")
        lines.append(f"\u2022 {role.title}: {why}. " + ("; ".join(figures) + "." if figures else ""))
    text = say(lang, "finder.suggestions", lines="\n".join(lines), url=PROFILER)
    sources = figure_sources(role for role, _ in picks)
    first = picks[0][0]
    buttons = [
        Button(
            say(lang, "finder.button_next_steps", job=_job(first.title, lang)), payload("ask_training", role=first.id)
        )
    ]
    if len(picks) > 1:
        buttons.append(_compare(lang, first, picks[1][0]))
    buttons.append(Button(say(lang, "finder.button_start_over"), payload("start_career_finder")))
    return Answer(text, buttons, sources, {"role": first.id, "last_aspect": "overview"})


def _compare(lang: str, first: Role, second: Role) -> Button:
    """Compare two jobs: the button sends "Welder vs Machinist" as if typed (the titles in the
    conversation's language, so a Spanish conversation stays Spanish)."""
    title = say(lang, "finder.button_compare", first=_job(first.title, lang), second=_job(second.title, lang))
    return Button(title, f"{first.title} vs {second.title}")


def suggest_from_slots(turn) -> Answer:
    """Suggestions from the finder form's three answers."""
    return suggest(
        turn.knowledge, turn.slot("finder_interest"), turn.slot("finder_training"), turn.slot("finder_industry")
    )


# --- interests in the student's own words ("I enjoy repairing bikes") -------------------
def rank_by_words(k: Knowledge, said: List[OwnWord], count: int = 3) -> List[Tuple[Role, str]]:
    """Roles that fit what the student said, best first, each with a plain reason. The words are
    matched on the English texts (the stems are English), so every language gets the same jobs;
    the reason is worded from `k`'s texts (a task is at the same place in every language)."""
    english = k.english.kb
    scored = []
    for role in english.roles:
        summary, rest = role.summary.lower(), " ".join([*role.tasks, *role.skills]).lower()
        score, task = 0.0, None
        for word in said:
            if word.interest in role.interests:
                score += 3 - role.interests.index(word.interest)  # a role's first interest fits best
            # The student's words in the role's summary show the closest fit; in its tasks, a fit.
            in_summary = [stem for stem in word.stems if stem in summary]
            if in_summary or any(stem in rest for stem in word.stems):
                score += min(len(in_summary), 3) + 1
                found = (i for i, t in enumerate(role.tasks) if any(stem in t.lower() for stem in word.stems))
                task = next(found, None) if task is None else task
        if score > 0:
            growth = role.outlook.percent_change if role.outlook else 0
            scored.append((score, growth, role.id, task))
    scored.sort(key=lambda s: (-s[0], -s[1]))
    return [(k.roles[role_id], _reason(k, k.roles[role_id], task)) for _, _, role_id, task in scored[:count]]


def _reason(k: Knowledge, role: Role, task: Optional[int]) -> str:
    """'you would read blueprints ...' from the task that matched, else the summary's first sentence."""
    if task is None:
        return role.summary.split(". ")[0].rstrip(".")
    words = role.tasks[task]
    return say(k.language, "finder.you_would", task=f"{words[0].lower()}{words[1:]}")


def suggest_from_words(turn) -> Answer:
    """'I like sketching, are there factory jobs for me?': two or three roles and why, then
    the offer to narrow them down with the career finder (its first answer already given)."""
    k, lang = turn.knowledge, turn.language
    said = own_words(turn.text)
    picks = rank_by_words(k, said) if said else []
    if not picks and (turn.links.mentions or turn.entities):  # "aerospace" on its own: describe it
        from bot.answers import about  # about imports the answers that import this one

        return about.about(turn)
    if not picks:
        find = Button(say(lang, "finder.button_find"), payload("start_career_finder"))
        return Answer(say(lang, "finder.tell_me"), [find, quiz_button(lang)])
    lines = []
    for role, reason in picks:
        pay = role.median_pay
        cited = (
            say(lang, "finder.pay_sentence", money=money(pay.annual_usd), cite=pay_cite(k.kb, pay, lang)) if pay else ""
        )
        lines.append(f"\u2022 {role.title}: {reason}." + (f" {cited}" if cited else ""))
    likes = join_names([say(lang, w.phrase) for w in said[:3]], lang)
    text = say(lang, "finder.from_words", likes=likes, lines="\n".join(lines))
    first, second = picks[0][0], picks[1][0] if len(picks) > 1 else None
    buttons = [
        Button(say(lang, "finder.button_narrow"), payload("start_career_finder", interest=said[0].interest)),
        Button(say(lang, "finder.button_about", job=_job(first.title, lang)), payload("ask_about", role=first.id)),
    ]
    if second:
        buttons.append(_compare(lang, first, second))
    buttons.append(quiz_button(lang))
    sources = [r.median_pay.source for r, _ in picks if r.median_pay]
    return Answer(text, buttons, list(dict.fromkeys(sources)), {"role": first.id, "last_aspect": "overview"})


def prefill_interest(text: str, given: Optional[str] = None) -> Optional[str]:
    """The finder's first answer when the message starting it already gave one: a button's
    interest, or what the student says they like ("I really enjoy repairing bikes, ...")."""
    if given in INTERESTS:
        return given
    if not states_a_liking(text):
        return None  # "help me find a career": "help" is not an interest here
    found = parse_interest(text)
    return found if found in INTERESTS else None


# --- the form's questions (asked by action_ask_<slot>) -----------------------------------
def ask_interest(turn) -> Answer:
    lang = turn.language
    buttons = [choice(lang, button) for _, button in INTERESTS.values()]
    return Answer(say(lang, "finder.ask_interest"), [*buttons, choice(lang, "finder.button_skip"), quiz_button(lang)])


def ask_training(turn) -> Answer:
    lang = turn.language
    question = say(lang, "finder.ask_training")
    interest = turn.slot("finder_interest")
    if turn.intent == "start_career_finder" and interest in INTERESTS:  # prefilled from the message
        question = say(lang, "finder.prefilled", interest=say(lang, INTERESTS[interest][0]), question=question)
    buttons = [choice(lang, button) for button in TRAININGS.values()]
    return Answer(question, [*buttons, choice(lang, "finder.button_skip")])


def ask_industry(turn) -> Answer:
    lang = turn.language
    buttons = [Button(s.name, s.name.lower()) for s in turn.knowledge.kb.sectors[:5]]  # read by name
    return Answer(say(lang, "finder.ask_industry"), [*buttons, choice(lang, "finder.button_any_industry")])
