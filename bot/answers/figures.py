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
from bot.phrases import say
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
from bot.understanding.amounts import Amount
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
    lang = k.language
    bench = k.kb.benchmarks.median_pay
    if bench:
        diff = role.median_pay.annual_usd - bench.annual_usd
        word = say(lang, "figures.more_than" if diff > 0 else "figures.less_than" if diff < 0 else "figures.same_as")
        cite = pay_cite(k.kb, bench, lang)
        lines.append(say(lang, "figures.pay_vs_all", word=word, money=money(bench.annual_usd), cite=cite))
        sources.append(bench.source)
    others = _with_pay(k.roles[r] for r in role.related_roles) if related else []
    if others:
        more = [in_sentence(r.title) for r, pay in others if pay.annual_usd < role.median_pay.annual_usd]
        less = [in_sentence(r.title) for r, pay in others if pay.annual_usd > role.median_pay.annual_usd]
        parts = ([say(lang, "figures.pays_more_than", jobs=_plural(more, lang))] if more else []) + (
            [say(lang, "figures.pays_less_than", jobs=_plural(less, lang))] if less else []
        )
        if parts:
            joined = f" {say(lang, 'render.and')} ".join(parts)
            cite = pay_cite(k.kb, others[0][1], lang)
            lines.append(say(lang, "figures.pay_vs_related", parts=joined, cite=cite))
            sources += [pay.source for _, pay in others]
    return " ".join(lines), list(dict.fromkeys(sources))


def outlook_context(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    """How a role's projected growth compares with all U.S. jobs; '' when there is no benchmark."""
    bench = k.kb.benchmarks.outlook
    if not (role.outlook and bench):
        return "", []
    diff = role.outlook.percent_change - bench.percent_change
    key = (
        "figures.faster_than"
        if diff > _SAME_GROWTH
        else "figures.slower_than"
        if diff < -_SAME_GROWTH
        else "figures.about_same_as"
    )
    text = say(
        k.language,
        "figures.outlook_vs_all",
        word=say(k.language, key),
        percent=signed_percent(bench.percent_change),
        period=period(bench.period),
        cite=outlook_cite(k.kb, bench, k.language),
    )
    return text, [bench.source]


def judge(turn: Turn) -> Answer:
    """'Is that good pay?' / 'is that growing fast?': the comparison for the role being
    discussed (or named now). Never a repeat of the figure alone, never "I don't have that job"."""
    k = turn.knowledge
    named = [r for r in turn.mentioned(ROLE) if r in k.roles]
    role_id = named[0] if named else (turn.slot("role") if turn.slot("role") in k.roles else None)
    aspect = _aspect(turn)
    if turn.reading.amount is not None and not named:  # "is 65k a year good pay?"
        return _judge_amount(k, turn.reading.amount)
    if role_id is None:
        return ask_which(
            k,
            [r.id for r in k.kb.roles],
            aspect or "pay",
            say(k.language, "figures.which_job"),
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


def _judge_amount(k: Knowledge, amount: Amount) -> Answer:
    """A wage the student states, next to all U.S. jobs and the jobs whose median pay is closest."""
    lang = k.language
    yearly = money(amount.yearly)
    stated = (
        say(lang, "figures.amount_hourly", hourly=_hourly(amount.hourly), yearly=yearly)
        if amount.hourly is not None
        else say(lang, "figures.amount_yearly", yearly=yearly)
    )
    lines, sources = [], []
    bench = k.kb.benchmarks.median_pay
    if bench:
        diff = amount.yearly - bench.annual_usd
        word = say(lang, "figures.more_than" if diff > 0 else "figures.less_than" if diff < 0 else "figures.same_as")
        cite = pay_cite(k.kb, bench, lang)
        lines.append(
            say(lang, "figures.amount_vs_all", amount=stated, word=word, money=money(bench.annual_usd), cite=cite)
        )
        sources.append(bench.source)
    closest = sorted(_with_pay(k.kb.roles), key=lambda each: abs(each[1].annual_usd - amount.yearly))[:3]
    if closest:
        table = bullets(
            f"{r.title}: {money(pay.annual_usd)}" for r, pay in sorted(closest, key=lambda e: -e[1].annual_usd)
        )
        lines.append(say(lang, "figures.amount_closest", cite=pay_cite(k.kb, closest[0][1], lang), table=table))
        sources += [pay.source for _, pay in closest]
    lines.append(say(lang, "figures.amount_enough"))
    return Answer("\n\n".join(lines), [], list(dict.fromkeys(sources)), {})


def _hourly(value: float) -> str:
    """'$22' or '$22.50'."""
    return f"${value:,.0f}" if value == int(value) else f"${value:,.2f}"


def _aspect(turn: Turn) -> Optional[str]:
    """Pay or outlook: what the words ask about, else what the last answer was about."""
    pay, grow = turn.asks("pay") or turn.asks("pay_judgement"), turn.asks("growth")
    if pay != grow:
        return "pay" if pay else "outlook"
    last = turn.slot("last_aspect")
    return last if last in _ASPECTS else None


def _judge_pay(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    lang = k.language
    if not role.median_pay:
        return say(lang, "figures.pay_missing", title=role.title), []
    context, used = pay_context(k, role, related=True)
    related = sorted(
        _with_pay([*(k.roles[r] for r in role.related_roles), role]),  # role has a pay (checked above)
        key=lambda each: -each[1].annual_usd,
    )
    this = say(lang, "figures.this_job")
    table = bullets(f"{r.title}: {money(pay.annual_usd)}" + (this if r is role else "") for r, pay in related)
    text = say(
        lang,
        "figures.judge_pay",
        title=role.title,
        money=money(role.median_pay.annual_usd),
        cite=pay_cite(k.kb, role.median_pay, lang),
        context=context,
        table=table,
    )
    return text, [role.median_pay.source, *used]


def _judge_outlook(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    lang = k.language
    if not role.outlook:
        return say(lang, "figures.outlook_missing", title=role.title), []
    context, used = outlook_context(k, role)
    related = _with_outlook(k.roles[r] for r in role.related_roles)
    faster = [in_sentence(r.title) for r, outlook in related if outlook.percent_change > role.outlook.percent_change]
    text = say(
        lang,
        "figures.judge_outlook",
        title=role.title,
        percent=signed_percent(role.outlook.percent_change),
        period=period(role.outlook.period),
        cite=outlook_cite(k.kb, role.outlook, lang),
        context=context,
    )
    if faster:
        text += say(lang, "figures.grow_faster", jobs=join_names(faster, lang))
        used = used + [outlook.source for _, outlook in related]
    text += say(lang, "figures.openings")
    return text, [role.outlook.source, *used]


def _with_pay(roles: Iterable[Role]) -> List[Tuple[Role, MedianPay]]:
    """The roles that have a sourced median pay, each with it (in the same order)."""
    return [(r, r.median_pay) for r in roles if r.median_pay]


def _with_outlook(roles: Iterable[Role]) -> List[Tuple[Role, Outlook]]:
    """The roles that have a sourced job outlook, each with it (in the same order)."""
    return [(r, r.outlook) for r in roles if r.outlook]


def _buttons(k: Knowledge, role: Role, aspect: Optional[str]) -> List[Button]:
    other = "outlook" if aspect == "pay" else "pay"
    lang = k.language
    title = say(lang, "figures.button_outlook" if other == "outlook" else "figures.button_pay")
    buttons = [Button(title, payload("ask_" + other, role=role.id))]
    if role.related_roles:
        first = k.roles[role.related_roles[0]]
        compare = say(lang, "figures.button_compare", job=in_sentence(first.title))
        buttons.append(Button(compare, f"{role.title} vs {first.title}"))
    buttons.append(Button(say(lang, "figures.button_education"), payload("ask_education", role=role.id)))
    return buttons


def _plural(titles: List[str], language: str) -> str:
    """'welder' -> 'welders'; titles are nouns, so a plain s reads right for every role here.
    The Spanish phrase lists them as they are ("más que estos: soldador y maquinista")."""
    if language == "en":
        titles = [t if t.endswith("s") else t + "s" for t in titles]
    return join_names(titles, language)
