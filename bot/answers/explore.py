"""Guided exploration: compare roles side by side, and list roles by filter
(no college degree, highest paying, fastest growing, an industry, a pathway)."""

from __future__ import annotations

from dataclasses import replace
from typing import List, Optional, Tuple

from bot.answers import first_job, local
from bot.answers.loaded_knowledge import Knowledge
from bot.answers.turn import Turn
from bot.knowledge.model import Role
from bot.phrases import say
from bot.render import (
    BULLET,
    Answer,
    Button,
    a_an,
    bullets,
    entry_level,
    figure_sources,
    in_sentence,
    join_names,
    money,
    outlook_cite,
    pay_cite,
    payload,
    period,
    short_entry,
    signed_percent,
)
from bot.understanding.reading import OTHER, PATHWAY, ROLE, SECTOR

MAX_COMPARED = 3
MAX_LISTED = 6


def compare(turn: Turn) -> Answer:
    k = turn.knowledge
    roles = [r for r in turn.mentioned(ROLE) if r in k.roles]
    current = turn.slot("role") if turn.slot("role") in k.roles else None
    # A job outside the knowledge file was named ("welder and electrician"): never stand in
    # the role being discussed for it.
    outside = bool(turn.links.ids(OTHER) or turn.reading.unknown_jobs)
    if len(roles) == 1 and current and current != roles[0] and not outside:
        roles = [current, roles[0]]  # "compare it with machinists"
    if len(roles) >= 2:  # with a place named earlier, its pay figures (bot/answers/local.py)
        return local.pay_here(turn, roles[:MAX_COMPARED]) or side_by_side(k, roles[:MAX_COMPARED])
    base = roles[0] if roles else current
    lang = k.language
    if base:
        options = k.roles[base].related_roles or [r.id for r in k.kb.roles if r.id != base]
        buttons = [Button(k.title(r), payload("compare_roles", role=r)) for r in options[:4]]
        intro = say(lang, "explore.only_my_list") if outside else ""
        text = say(lang, "explore.compare_with", intro=intro, job=in_sentence(k.title(base)))
        return Answer(text, buttons, slots={"role": base})
    return Answer(
        say(lang, "explore.which_two"),
        [
            Button(say(lang, "explore.example_1"), say(lang, "explore.example_1_says")),
            Button(say(lang, "explore.example_2"), say(lang, "explore.example_2_says")),
        ],
    )


def side_by_side(k: Knowledge, role_ids: List[str]) -> Answer:
    roles = [k.roles[r] for r in role_ids]
    kb, lang = k.kb, k.language
    lines = [say(lang, "explore.versus").join(r.title for r in roles)]
    lines += [
        f"{BULLET} "
        + say(
            lang,
            "explore.compared",
            title=r.title,
            figures=_figures(r, lang),
            entry=in_sentence(r.education.typical_entry),
        )
        for r in roles
    ]
    verdict = _who_earns_more(roles, lang)
    if verdict:
        lines.append(verdict)
    pays = [r.median_pay for r in roles if r.median_pay]
    outlooks = [r.outlook for r in roles if r.outlook]
    cited = ([say(lang, "explore.cited_pay", cite=pay_cite(kb, pays[0], lang))] if pays else []) + (
        [
            say(
                lang,
                "explore.cited_outlook",
                period=period(outlooks[0].period),
                cite=outlook_cite(kb, outlooks[0], lang),
            )
        ]
        if outlooks
        else []
    )
    if cited:
        lines.append("; ".join(cited) + ".")
    buttons = [
        Button(say(lang, "explore.about_button", job=in_sentence(r.title)), payload("ask_about", role=r.id))
        for r in roles
    ]
    return Answer("\n".join(lines), buttons, figure_sources(roles), {"role": roles[-1].id, "last_aspect": "pay"})


def _figures(role: Role, lang: str) -> str:
    pay = (
        say(lang, "explore.pay_a_year", money=money(role.median_pay.annual_usd))
        if role.median_pay
        else say(lang, "explore.no_pay")
    )
    outlook = (
        say(lang, "explore.outlook", percent=signed_percent(role.outlook.percent_change))
        if role.outlook
        else say(lang, "explore.no_outlook")
    )
    return f"{pay} {outlook}"


def _who_earns_more(roles: List[Role], lang: str) -> Optional[str]:
    paid = sorted(((r, r.median_pay.annual_usd) for r in roles if r.median_pay), key=lambda each: -each[1])
    if len(paid) < 2:
        return None
    (top, top_pay), (second, second_pay) = paid[0], paid[1]
    gap = top_pay - second_pay
    if gap == 0:
        return say(lang, "explore.same_pay", first=top.title, second=second.title)
    return say(
        lang,
        "explore.earns_more",
        top=a_an(in_sentence(top.title), lang),
        gap=money(gap),
        second=a_an(in_sentence(second.title), lang),
    )


# --- explore by filter ------------------------------------------------------------------


def explore(turn: Turn) -> Answer:
    """Jobs that match the conditions the message sets, ordered as it asks."""
    k = turn.knowledge
    if turn.asks("quick_start") and (turn.asks("no_degree") or turn.asks("just_diploma")):
        return first_job.quick_start(turn)
    roles, places, conditions = _matching(in_discussed_industry(turn))
    lang = k.language
    if not roles:
        return Answer(say(lang, "explore.no_match"), [Button(say(lang, "explore.all_jobs"), payload("ask_roles"))])
    order, shown = _sort(roles, turn)
    listed = roles[:MAX_LISTED]
    both = f" {say(lang, 'render.and')} "
    lead = " ".join([say(lang, "explore.jobs"), both.join(places)] if places else [say(lang, "explore.jobs")])
    lead += (say(lang, "explore.where", conditions=both.join(conditions)) if conditions else "") + say(
        lang, "explore.lead_end", order=say(lang, order)
    )
    lines = [_summary_line(k, r, shown) for r in listed]
    first = listed[0]
    cite = (
        say(
            lang,
            "explore.list_cite",
            pay_cite=pay_cite(k.kb, first.median_pay, lang),
            period=period(first.outlook.period),
            outlook_cite=outlook_cite(k.kb, first.outlook, lang),
        )
        if first.median_pay and first.outlook
        else ""
    )
    more = _the_rest(roles[MAX_LISTED:], lang)
    buttons = [Button(r.title, payload("ask_about", role=r.id)) for r in listed[:3]]
    return Answer(f"{lead}\n{bullets(lines)}{more}\n{cite}".strip(), buttons, figure_sources(listed))


def in_discussed_industry(turn: Turn) -> Turn:
    """ "Tell me about the chemical industry" -> "which jobs are there": the turn with the industry
    being discussed (the `sector` slot, set by its description, which forgets the job before),
    when the message names nothing itself."""
    discussed = turn.slot("sector")
    filtered = any(turn.asks(cue) for cue in ("no_degree", "just_diploma", "two_year"))  # a list of its own
    if discussed in turn.knowledge.sectors and not turn.slot("role") and not turn.reading.mentions and not filtered:
        return replace(turn, entities={**turn.entities, SECTOR: discussed})
    return turn


def _matching(turn: Turn) -> Tuple[List[Role], List[str], List[str]]:
    """The roles in the industry or pathway named and with the training asked for, with the
    places ("in aerospace") and other conditions that were applied, as the answer words them."""
    k = turn.knowledge
    roles = list(k.kb.roles)
    places, conditions = [], []
    sector = next((s for s in turn.mentioned(SECTOR) if s in k.sectors), None)
    pathway = next((p for p in turn.mentioned(PATHWAY) if p in k.pathways), None)
    lang = k.language
    if sector:
        roles = [r for r in roles if r.id in k.sectors[sector].roles]
        places.append(say(lang, "explore.in_sector", sector=k.sectors[sector].name.lower()))
    if pathway:
        roles = [r for r in roles if r.id in k.pathways[pathway].roles]
        places.append(say(lang, "explore.in_pathway", pathway=k.pathways[pathway].name))
    if turn.asks("no_degree") or turn.asks("just_diploma"):
        roles = [r for r in roles if entry_level(r) == 0]
        conditions.append(say(lang, "explore.no_degree"))
    elif turn.asks("two_year"):
        roles = [r for r in roles if entry_level(r) <= 1]
        conditions.append(say(lang, "explore.two_year"))
    return roles, places, conditions


def _sort(roles: List[Role], turn: Turn) -> Tuple[str, str]:
    """Sort by outlook when growth is asked about (and pay is not), else by pay; say which (a phrase key)."""
    if turn.asks("growing") and not turn.asks("highest_pay"):
        roles.sort(key=lambda r: -(r.outlook.percent_change if r.outlook else float("-inf")))
        return "explore.fastest_first", "outlook"
    roles.sort(key=lambda r: -(r.median_pay.annual_usd if r.median_pay else -1))
    return "explore.highest_first", "pay"


#: Up to this many further jobs are named after the list; more are only counted.
MAX_NAMED_AFTER = 10


def _the_rest(rest: List[Role], lang: str) -> str:
    if not rest:
        return ""
    if len(rest) <= MAX_NAMED_AFTER:
        return say(lang, "explore.also", jobs=join_names([in_sentence(r.title) for r in rest], lang))
    return say(lang, "explore.and_more", count=len(rest))


def _summary_line(k: Knowledge, role: Role, shown: str) -> str:
    lang = k.language
    pay = money(role.median_pay.annual_usd) if role.median_pay else say(lang, "explore.no_pay_short")
    outlook = signed_percent(role.outlook.percent_change) if role.outlook else say(lang, "explore.no_outlook_short")
    first, second = (outlook, pay) if shown == "outlook" else (pay, outlook)
    return say(lang, "explore.summary_line", title=role.title, first=first, second=second, entry=short_entry(role))
