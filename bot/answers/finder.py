"""Career finder: turn three short answers into three suggested roles, each with its reasons.

Answers are normalised here (typed words or button titles), so the form's validation and the
ranking share one vocabulary.
"""

from __future__ import annotations

import re
from typing import List, Optional, Tuple

from bot.answers.interests import OwnWord, own_words, states_a_liking  # noqa: F401 (re-exported)
from bot.answers.loaded_knowledge import Knowledge
from bot.knowledge.model import Role
from bot.render import (
    Answer,
    Button,
    entry_level,
    figure_sources,
    join_names,
    money,
    outlook_cite,
    pay_cite,
    payload,
    short_entry,
    signed_percent,
)
from bot.text import normalise
from bot.understanding.reading import SECTOR, Reading

ANY = "any"
#: The longer way to find what fits: the "What fits me?" quiz (bot/answers/quiz.py).
QUIZ_BUTTON = Button("Take the \u201cWhat fits me?\u201d quiz", payload("start_quiz"))
INTEREST_WORDS = {
    "hands_on": r"hands?|build\w*|fix\w*|make things|making things|tools?|weld\w*|outdoor|physical",
    "technology": r"tech\w*|computer\w*|robot\w*|program\w*|coding|code|machines?|electronic\w*|automat\w*",
    "people": r"people|lead\w*|team\w*|help\w*|organi[sz]\w*|manag\w*|talk\w*",
    "data": r"data|numbers?|math\w*|analy\w*|stat\w*|puzzles?|problem solving",
}
INTEREST_LABELS = {
    "hands_on": "hands-on work",
    "technology": "technology",
    "people": "working with people",
    "data": "data and numbers",
}
TRAINING_WORDS = [  # checked in order: "no college" must win over "college"
    (
        "short",
        r"right away|short|months?|no college|without college|skip college|not (?:going to )?college"
        r"|don t want (?:to go to )?college|high school|on the job|asap|quick\w*|1 year|one year|work now",
    ),
    ("two_year", r"two|2|associate\w*|community college|technical college|trade school"),
    ("four_year", r"four|4|bachelor\w*|universit\w*|college|degree|long"),
]
TRAINING_LABELS = {
    "short": "start soon after high school",
    "two_year": "up to two years of training",
    "four_year": "four years of college",
}
_SKIP = re.compile(
    r"\b(skip|not sure|no idea|dont know|don t know|idk|any|anything|whatever|no preference|doesnt matter)\b"
)
#: How long each training answer allows, on the scale of `entry_level` (0 = high school, 2 = a degree).
TRAINING_LEVEL = {"short": 0, "two_year": 1, "four_year": 2}


def parse_interest(text: str) -> Optional[str]:
    t = normalise(text)
    if _SKIP.search(t):
        return ANY
    for interest, words in INTEREST_WORDS.items():
        if re.search(rf"\b({words})\b", t):
            return interest
    said = own_words(text)  # "i like sketching" answers the question too
    return said[0].interest if said else None


def parse_training(text: str) -> Optional[str]:
    t = normalise(text)
    if _SKIP.search(t):
        return ANY
    for level, words in TRAINING_WORDS:
        if re.search(rf"\b({words})\b", t):
            return level
    return None


def parse_industry(text: str, reading: Reading) -> Optional[str]:
    """The industry answered: "any", or the first industry the message's reading names."""
    if _SKIP.search(normalise(text)):
        return ANY
    return reading.links.first(SECTOR)


def rank(k: Knowledge, interest: str, training: str, industry: str) -> List[Tuple[Role, List[str]]]:
    scored = []
    for role in k.kb.roles:
        score, reasons = 0.0, []
        if interest in role.interests:
            score += 3 - role.interests.index(interest)  # a role's first interest fits best
            reasons.append(f"it suits someone who likes {INTEREST_LABELS[interest]}")
        if training in TRAINING_LEVEL:
            gap = TRAINING_LEVEL[training] - entry_level(role)
            if gap >= 0:
                score += 2 if gap == 0 else 1
                reasons.append(f"you can start with {short_entry(role)}")
            else:
                score -= 3
        if industry in k.sectors and role.id in k.sectors[industry].roles:
            score += 2
            reasons.append(f"{k.sectors[industry].name.lower()} employs them")
        growth = role.outlook.percent_change if role.outlook else 0
        scored.append((score, growth, role, reasons))
    scored.sort(key=lambda s: (-s[0], -s[1]))
    return [(role, reasons) for _, _, role, reasons in scored[:3]]


def suggest(k: Knowledge, interest: str, training: str, industry: str) -> Answer:
    picks = rank(k, interest or ANY, training or ANY, industry or ANY)
    lines = []
    for role, reasons in picks:
        figures = []
        if role.median_pay:
            figures.append(f"median pay {money(role.median_pay.annual_usd)} {pay_cite(k.kb, role.median_pay)}")
        if role.outlook:
            figures.append(f"outlook {signed_percent(role.outlook.percent_change)} {outlook_cite(k.kb, role.outlook)}")
        why = join_names(reasons) if reasons else "it is a common way into manufacturing"
        lines.append(f"\u2022 {role.title}: {why}. " + ("; ".join(figures) + "." if figures else ""))
    text = (
        "Based on your answers, three jobs to look at:\n"
        + "\n".join(lines)
        + "\n\nFor a fuller picture of your interests, try O*NET's Interest Profiler: "
        "https://www.mynextmove.org/explore/ip"
    )
    sources = figure_sources(role for role, _ in picks)
    buttons = [Button(f"Next steps: {picks[0][0].title.lower()}", payload("ask_training", role=picks[0][0].id))]
    if len(picks) > 1:
        buttons.append(
            Button(
                f"Compare {picks[0][0].title.lower()} and {picks[1][0].title.lower()}",
                f"{picks[0][0].title} vs {picks[1][0].title}",
            )
        )
    buttons.append(Button("Start over", payload("start_career_finder")))
    return Answer(text, buttons, sources, {"role": picks[0][0].id, "last_aspect": "overview"})


def suggest_from_slots(turn) -> Answer:
    """Suggestions from the finder form's three answers."""
    return suggest(
        turn.knowledge, turn.slot("finder_interest"), turn.slot("finder_training"), turn.slot("finder_industry")
    )


# --- interests in the student's own words ("I enjoy repairing bikes") -------------------
def rank_by_words(k: Knowledge, said: List[OwnWord], count: int = 3) -> List[Tuple[Role, str]]:
    """Roles that fit what the student said, best first, each with a plain reason."""
    scored = []
    for role in k.kb.roles:
        summary, rest = role.summary.lower(), " ".join([*role.tasks, *role.skills]).lower()
        score, reason = 0.0, ""
        for word in said:
            if word.interest in role.interests:
                score += 3 - role.interests.index(word.interest)  # a role's first interest fits best
            # The student's words in the role's summary show the closest fit; in its tasks, a fit.
            in_summary = [stem for stem in word.stems if stem in summary]
            if in_summary or any(stem in rest for stem in word.stems):
                score += min(len(in_summary), 3) + 1
                task = next((t for t in role.tasks if any(stem in t.lower() for stem in word.stems)), None)
                reason = reason or (f"you would {task[0].lower()}{task[1:]}" if task else "")
        if score > 0:
            growth = role.outlook.percent_change if role.outlook else 0
            scored.append((score, growth, role, reason or role.summary.split(". ")[0].rstrip(".")))
    scored.sort(key=lambda s: (-s[0], -s[1]))
    return [(role, reason) for _, _, role, reason in scored[:count]]


def suggest_from_words(turn) -> Answer:
    """'I like sketching, are there factory jobs for me?': two or three roles and why, then
    the offer to narrow them down with the career finder (its first answer already given)."""
    k = turn.knowledge
    said = own_words(turn.text)
    picks = rank_by_words(k, said) if said else []
    if not picks and (turn.links.mentions or turn.entities):  # "aerospace" on its own: describe it
        from bot.answers import about  # about imports the answers that import this one

        return about.about(turn)
    if not picks:
        return Answer(
            "Tell me what you like doing, for example \u201ci like fixing things\u201d or "
            "\u201ci'm good at math\u201d. Or answer three quick questions and I'll suggest jobs.",
            [Button("Find jobs that fit me", payload("start_career_finder")), QUIZ_BUTTON],
        )
    lines = []
    for role, reason in picks:
        pay = (
            f" Median pay: {money(role.median_pay.annual_usd)} a year {pay_cite(k.kb, role.median_pay)}."
            if role.median_pay
            else ""
        )
        lines.append(f"\u2022 {role.title}: {reason}.{pay}")
    text = (
        f"You like {join_names([w.label for w in said[:3]])}. These jobs could fit you:\n"
        + "\n".join(lines)
        + "\n\nWant closer matches? Answer two quick questions about training and industries, "
        "or take the \u201cWhat fits me?\u201d quiz."
    )
    first, second = picks[0][0], picks[1][0] if len(picks) > 1 else None
    buttons = [
        Button("Narrow it down", payload("start_career_finder", interest=said[0].interest)),
        Button(f"About {first.title.lower()}", payload("ask_about", role=first.id)),
    ]
    if second:
        buttons.append(
            Button(f"Compare {first.title.lower()} and {second.title.lower()}", f"{first.title} vs {second.title}")
        )
    buttons.append(QUIZ_BUTTON)
    sources = [r.median_pay.source for r, _ in picks if r.median_pay]
    return Answer(text, buttons, list(dict.fromkeys(sources)), {"role": first.id, "last_aspect": "overview"})


def prefill_interest(text: str, given: Optional[str] = None) -> Optional[str]:
    """The finder's first answer when the message starting it already gave one: a button's
    interest, or what the student says they like ("I really enjoy repairing bikes, ...")."""
    if given in INTEREST_LABELS:
        return given
    if not states_a_liking(text):
        return None  # "help me find a career": "help" is not an interest here
    found = parse_interest(text)
    return found if found in INTEREST_LABELS else None


# --- the form's questions (asked by action_ask_<slot>) -----------------------------------
def ask_interest(turn) -> Answer:
    return Answer(
        "Let's find jobs that fit you: three quick questions (say \u201cskip\u201d to skip one, "
        "\u201cstop\u201d to stop). First: what do you enjoy most?",
        [Button(label.capitalize(), label) for label in INTEREST_LABELS.values()]
        + [Button("Skip", "skip"), QUIZ_BUTTON],
    )


def ask_training(turn) -> Answer:
    question = "How long do you want to train after high school?"
    interest = turn.slot("finder_interest")
    if turn.intent == "start_career_finder" and interest in INTEREST_LABELS:  # prefilled from the message
        question = (
            f"You like {INTEREST_LABELS[interest]}, so I'll use that. Two more quick questions "
            f"(say \u201cstop\u201d to stop). {question}"
        )
    return Answer(
        question, [Button(label.capitalize(), label) for label in TRAINING_LABELS.values()] + [Button("Skip", "skip")]
    )


def ask_industry(turn) -> Answer:
    sectors = turn.knowledge.kb.sectors
    return Answer(
        "Is there an industry you like?",
        [Button(s.name, s.name.lower()) for s in sectors[:5]] + [Button("Any industry", "any industry")],
    )
