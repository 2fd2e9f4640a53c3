"""Figures in context: what a role's pay or job outlook means next to all U.S. jobs (the
`benchmarks` of the knowledge file) and next to its related roles, and the answer to a
follow-up such as "is that good pay?" or "is that growing fast?".

Every number shown carries its year and source; a benchmark missing from the file is simply
not mentioned, never guessed.
"""

from __future__ import annotations

from typing import Iterable, List, Optional, Tuple

from bot.answers import local
from bot.answers.choices import ask_which
from bot.answers.loaded_knowledge import Knowledge
from bot.answers.turn import Turn
from bot.knowledge.model import MedianPay, Outlook, Role
from bot.render import (
    Answer,
    Button,
    bullets,
    in_sentence,
    join_names,
    money,
    outlook_cite,
    pay_cite,
    payload,
    period,
    signed_percent,
)
from bot.understanding.reading import ROLE

#: Growth within this many percentage points of all jobs counts as "about the same".
_SAME_GROWTH = 0.5
_ASPECTS = ("pay", "outlook")


def pay_context(k: Knowledge, role: Role, related: bool = False) -> Tuple[str, List[str]]:
    """A short comparison of a role's median pay with all U.S. jobs (when the file has that
    benchmark) and, with `related`, with its related roles; '' when there is nothing to compare.
    Pay answers use the benchmark only; "is that good pay?" gets both."""
    if not role.median_pay:
        return "", []
    lines, sources = [], []
    bench = k.kb.benchmarks.median_pay
    if bench:
        diff = role.median_pay.annual_usd - bench.annual_usd
        word = "more than" if diff > 0 else "less than" if diff < 0 else "the same as"
        lines.append(f"That is {word} the median for all U.S. jobs, {money(bench.annual_usd)} {pay_cite(k.kb, bench)}.")
        sources.append(bench.source)
    others = _with_pay(k.roles[r] for r in role.related_roles) if related else []
    if others:
        more = [in_sentence(r.title) for r, pay in others if pay.annual_usd < role.median_pay.annual_usd]
        less = [in_sentence(r.title) for r, pay in others if pay.annual_usd > role.median_pay.annual_usd]
        parts = ([f"more than {_plural(more)}"] if more else []) + ([f"less than {_plural(less)}"] if less else [])
        if parts:
            lines.append(f"Among related jobs, it pays {' and '.join(parts)} {pay_cite(k.kb, others[0][1])}.")
            sources += [pay.source for _, pay in others]
    return " ".join(lines), list(dict.fromkeys(sources))


def outlook_context(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    """How a role's projected growth compares with all U.S. jobs; '' when there is no benchmark."""
    bench = k.kb.benchmarks.outlook
    if not (role.outlook and bench):
        return "", []
    diff = role.outlook.percent_change - bench.percent_change
    word = "faster than" if diff > _SAME_GROWTH else "slower than" if diff < -_SAME_GROWTH else "about the same as"
    text = (
        f"That is {word} the {signed_percent(bench.percent_change)} BLS expects for all U.S. jobs "
        f"in {period(bench.period)} {outlook_cite(k.kb, bench)}."
    )
    return text, [bench.source]


def judge(turn: Turn) -> Answer:
    """'Is that good pay?' / 'is that growing fast?': the comparison for the role being
    discussed (or named now). Never a repeat of the figure alone, never "I don't have that job"."""
    k = turn.knowledge
    named = [r for r in turn.mentioned(ROLE) if r in k.roles]
    role_id = named[0] if named else (turn.slot("role") if turn.slot("role") in k.roles else None)
    aspect = _aspect(turn)
    if role_id is None:
        return ask_which(
            k,
            [r.id for r in k.kb.roles],
            aspect or "pay",
            "Which job do you mean? Pick one and I'll tell you how its figures compare.",
        )
    role = k.roles[role_id]
    here = local.judge_here(turn, role_id) if aspect in ("pay", None) else None
    if here is not None and aspect == "pay":  # a place was named earlier: its figures
        return here
    parts, sources = [], []
    for each in (aspect,) if aspect else _ASPECTS:
        if each == "pay" and here is not None:
            text, used = here.text, here.sources
        else:
            text, used = (_judge_pay if each == "pay" else _judge_outlook)(k, role)
        parts.append(text)
        sources += used
    buttons = _buttons(k, role, aspect)
    return Answer(
        "\n\n".join(parts), buttons, list(dict.fromkeys(sources)), {"role": role_id, "last_aspect": aspect or "pay"}
    )


def _aspect(turn: Turn) -> Optional[str]:
    """Pay or outlook: what the words ask about, else what the last answer was about."""
    pay, grow = turn.asks("pay") or turn.asks("pay_judgement"), turn.asks("growth")
    if pay != grow:
        return "pay" if pay else "outlook"
    last = turn.slot("last_aspect")
    return last if last in _ASPECTS else None


def _judge_pay(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    if not role.median_pay:
        return f"{role.title}: I don't have a sourced pay figure for this job, so I can't compare it.", []
    context, used = pay_context(k, role, related=True)
    related = sorted(
        _with_pay([*(k.roles[r] for r in role.related_roles), role]),  # role has a pay (checked above)
        key=lambda each: -each[1].annual_usd,
    )
    table = bullets(f"{r.title}: {money(pay.annual_usd)}" + (" (this job)" if r is role else "") for r, pay in related)
    text = (
        f"{role.title}: median pay {money(role.median_pay.annual_usd)} a year {pay_cite(k.kb, role.median_pay)}. "
        f"{context}\nMedian pay of related jobs {pay_cite(k.kb, role.median_pay)}:\n{table}\n"
        "Whether it is enough for you also depends on where you live and your costs. "
        "Pay usually goes up as you gain skills and experience."
    )
    return text, [role.median_pay.source, *used]


def _judge_outlook(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    if not role.outlook:
        return f"{role.title}: I don't have a sourced job-outlook figure for this job, so I can't compare it.", []
    context, used = outlook_context(k, role)
    related = _with_outlook(k.roles[r] for r in role.related_roles)
    faster = [in_sentence(r.title) for r, outlook in related if outlook.percent_change > role.outlook.percent_change]
    text = (
        f"{role.title}: {signed_percent(role.outlook.percent_change)} for {period(role.outlook.period)} "
        f"{outlook_cite(k.kb, role.outlook)}. {context}"
    )
    if faster:
        text += f" Related jobs expected to grow faster: {join_names(faster)}."
        used = used + [outlook.source for _, outlook in related]
    text += "\nEven when a job grows slowly, openings come up as workers retire or change jobs."
    return text, [role.outlook.source, *used]


def _with_pay(roles: Iterable[Role]) -> List[Tuple[Role, MedianPay]]:
    """The roles that have a sourced median pay, each with it (in the same order)."""
    return [(r, r.median_pay) for r in roles if r.median_pay]


def _with_outlook(roles: Iterable[Role]) -> List[Tuple[Role, Outlook]]:
    """The roles that have a sourced job outlook, each with it (in the same order)."""
    return [(r, r.outlook) for r in roles if r.outlook]


def _buttons(k: Knowledge, role: Role, aspect: Optional[str]) -> List[Button]:
    other = "outlook" if aspect == "pay" else "pay"
    buttons = [Button("Job outlook" if other == "outlook" else "Pay", payload("ask_" + other, role=role.id))]
    if role.related_roles:
        first = k.roles[role.related_roles[0]]
        buttons.append(Button(f"Compare with {in_sentence(first.title)}", f"{role.title} vs {first.title}"))
    buttons.append(Button("Education needed", payload("ask_education", role=role.id)))
    return buttons


def _plural(titles: List[str]) -> str:
    """'welder' -> 'welders'; titles are nouns, so a plain s reads right for every role here."""
    return join_names([t if t.endswith("s") else t + "s" for t in titles])
