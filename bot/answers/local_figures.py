"""Local pay written out for a student: one role in one state or metro area, or the states
where a role's median is highest. Every figure is from BLS's OEWS survey (data/local/,
bot/knowledge/local_pay.py) and says its release and area; a figure BLS does not publish is said
to be missing, never filled in. The sentences are the `local` phrasebook's
(data/phrases/<language>/local.yml); place names stay as BLS writes them."""

from __future__ import annotations

from typing import List, Optional, Tuple

from bot.answers.loaded_knowledge import Knowledge
from bot.knowledge.local_pay import ALL_JOBS, NATION, Figures, LocalPay, Occupation
from bot.knowledge.model import Role
from bot.phrases import say
from bot.render import bullets, in_sentence, join_names, money, month_year
from bot.text import normalise

#: How many states "where do they earn the most?" lists.
TOP_STATES = 5
#: A local median within this share of the national one is "about the same".
SAME_SHARE = 0.03
#: Location quotients beyond these are said as "more common" / "less common" there.
COMMON_ABOVE, RARE_BELOW = 1.2, 0.8
#: BLS footnote 5: a wage top-coded at this yearly amount is "this or more".
TOP_CODED_WAGE = 239_200
#: (compared with, direction) -> its phrase: "$5,320 less than the U.S. median of $53,750".
COMPARED = {
    ("us", "same"): "local.same_as_us",
    ("us", "more"): "local.more_than_us",
    ("us", "less"): "local.less_than_us",
    ("all", "same"): "local.same_as_all",
    ("all", "more"): "local.more_than_all",
    ("all", "less"): "local.less_than_all",
}


def source_line(table: LocalPay, lang: str, area_text: str) -> str:
    """The line that ends a local answer: its source, release (in the answer's language) and area."""
    return say(lang, "local.source", release=month_year(table.release, lang), area=area_text)


def yearly(f: Figures, column: str, lang: str = "en") -> Optional[str]:
    value = f.get(column)
    if value is not None:
        return money(int(value))
    if f.top_coded(column):
        return say(lang, "local.top_coded", money=money(TOP_CODED_WAGE))
    return None


def hourly(f: Figures, column: str) -> Optional[str]:
    value = f.get(column)
    return f"${value:,.2f}" if value is not None else None


def group_note(k: Knowledge, role: Role, occupation: Occupation) -> str:
    """Which BLS group the figures describe, when it is not the role itself (BLS names the group
    in English: it is compared with the English title)."""
    title = normalise(k.english.roles[role.id].title)
    if normalise(occupation.title) in (title, title + "s"):
        return ""
    key = "roles.group_note" if occupation.broader else "local.group_same"
    return say(k.language, key, group=occupation.title)


def role_in_area(k: Knowledge, table: LocalPay, role: Role, occupation: Occupation, area: str) -> str:
    """Median with the range, the national median and all jobs there for comparison."""
    lang, where = k.language, table.areas[area]
    here = table.figures(occupation.soc, area)
    heading = say(lang, "local.heading", title=role.title, area=where.name)
    note = group_note(k, role, occupation)
    if here is None or here.get("a50") is None and not here.top_coded("a50"):
        missing = say(lang, "local.not_published_job" if here is None else "local.not_published", area=where.name)
        national = table.figures(occupation.soc, NATION)
        lines = [missing]
        if national and national.get("a50"):
            lines.append(say(lang, "local.us_median_sentence", money=yearly(national, "a50", lang)))
        source = source_line(table, lang, say(lang, "local.area_and_us", area=where.name))
        return "\n".join(x for x in [heading, *lines, note, source] if x)
    lines = [_median_line(here, lang)]
    low, high = yearly(here, "a10", lang), yearly(here, "a90", lang)
    if low and high:
        lines.append(say(lang, "local.range", low=low, high=high))
    else:
        lines.append(say(lang, "local.no_range", area=where.name))
    lines.append(_versus_nation(table, occupation, here, lang))
    everyone = table.figures(ALL_JOBS, area)
    if everyone and everyone.get("a50") and here.get("a50"):
        lines.append(say(lang, "local.all_jobs", area=where.name, money=yearly(everyone, "a50", lang)))
    jobs = _jobs_line(here, lang)
    if jobs:
        lines.append(jobs)
    return "\n".join(x for x in [heading, bullets(lines), note, source_line(table, lang, where.name)] if x)


def _median_line(f: Figures, lang: str) -> str:
    per_hour = hourly(f, "h50")
    if per_hour:
        return say(lang, "local.median_hourly", money=yearly(f, "a50", lang), hourly=per_hour)
    return say(lang, "local.median", money=yearly(f, "a50", lang))


def _versus_nation(table: LocalPay, occupation: Occupation, here: Figures, lang: str) -> str:
    national = table.figures(occupation.soc, NATION)
    local, whole = here.get("a50"), national.get("a50") if national else None
    if local is None or whole is None:
        return say(lang, "local.no_us_median")
    return _compared(lang, local, whole, "us")


def _jobs_line(f: Figures, lang: str) -> str:
    count, lq = f.get("emp"), f.get("lq")
    if count is None:
        return ""
    people = f"{int(count):,}"
    if lq is not None and lq >= COMMON_ABOVE:
        return say(lang, "local.people_common", count=people, times=f"{lq:.1f}")
    if lq is not None and lq <= RARE_BELOW:
        return say(lang, "local.people_rare", count=people)
    return say(lang, "local.people", count=people)


def top_states(k: Knowledge, table: LocalPay, role: Role, occupation: Occupation) -> str:
    lang = k.language
    ranked = table.states_by_median(occupation.soc)[:TOP_STATES]
    if not ranked:
        return say(lang, "local.no_state_pay", group=occupation.title)
    lines = [say(lang, "local.state_line", area=f.area.name, money=yearly(f, "a50", lang)) for f in ranked]
    national = table.figures(occupation.soc, NATION)
    tail: List[str] = []
    if national and national.get("a50"):
        tail.append(say(lang, "local.us_median", money=yearly(national, "a50", lang)))
    tail.append(say(lang, "local.living_costs"))
    head = say(lang, "local.top_heading", title=role.title, count=len(ranked))
    source = source_line(table, lang, say(lang, "local.states_and_us"))
    return "\n".join(x for x in [head, bullets(lines), *tail, group_note(k, role, occupation), source] if x)


def compare_areas(k: Knowledge, table: LocalPay, role: Role, occupation: Occupation, areas: List[str]) -> str:
    """ "Machinists in Georgia vs Alabama": each place's median and range, and the U.S. median."""
    lang = k.language
    names = [table.areas[a].name for a in areas]
    lines = []
    for area, name in zip(areas, names, strict=True):
        here = table.figures(occupation.soc, area)
        mid = yearly(here, "a50", lang) if here else None
        if not mid:
            lines.append(say(lang, "local.place_missing", area=name))
            continue
        low, high = (yearly(here, "a10", lang), yearly(here, "a90", lang)) if here else (None, None)
        if low and high:
            lines.append(say(lang, "local.place_median_range", area=name, money=mid, low=low, high=high))
        else:
            lines.append(say(lang, "local.place_median", area=name, money=mid))
    national = table.figures(occupation.soc, NATION)
    if national and national.get("a50"):
        lines.append(say(lang, "local.whole_us", money=yearly(national, "a50", lang)))
    head = say(lang, "local.places_heading", title=role.title, count=len(names))
    source = source_line(table, lang, join_names(names, lang))
    return "\n".join(x for x in [head, bullets(lines), group_note(k, role, occupation), source] if x)


def roles_in_area(k: Knowledge, table: LocalPay, pairs: List[Tuple[Role, Occupation]], area: str) -> str:
    """ "Welder or machinist, which pays more?" with a place known: each job's median there, its
    U.S. median beside it, and which earns more there."""
    lang, where = k.language, table.areas[area].name
    lines, medians = [], []
    for role, occupation in pairs:
        here, national = table.figures(occupation.soc, area), table.figures(occupation.soc, NATION)
        mid = yearly(here, "a50", lang) if here else None
        if not mid:
            lines.append(say(lang, "local.job_missing", title=role.title))
        elif national and national.get("a50"):
            us = yearly(national, "a50", lang)
            lines.append(say(lang, "local.job_median_us", title=role.title, money=mid, us=us))
        else:
            lines.append(say(lang, "local.job_median", title=role.title, money=mid))
        if here is not None and here.get("a50") is not None:
            medians.append((here.get("a50"), role.title))
    verdict = ""
    if len(medians) == len(pairs) >= 2:
        top = max(medians)
        verdict = say(lang, "local.earns_most", area=where, jobs=_people(top[1], lang))
    notes = [group_note(k, role, occupation) for role, occupation in pairs]
    head = say(
        lang, "local.jobs_heading", titles=say(lang, "explore.versus").join(r.title for r, _ in pairs), area=where
    )
    source = source_line(table, lang, say(lang, "local.area_and_nation", area=where))
    return "\n".join(x for x in [head, bullets(lines), verdict, *notes, source] if x)


def judge_in_area(k: Knowledge, table: LocalPay, role: Role, occupation: Occupation, area: str) -> str:
    """ "Is that good pay?" with a place known: the job's median there next to all jobs there and
    next to the same job in the whole U.S."""
    lang, where = k.language, table.areas[area].name
    here = table.figures(occupation.soc, area)
    source = source_line(table, lang, say(lang, "local.area_and_nation", area=where))
    if here is None or here.get("a50") is None:
        return f"{say(lang, 'local.cannot_judge', area=where)}\n{source}"
    local = here.get("a50") or 0
    lines = []
    everyone = table.figures(ALL_JOBS, area)
    if everyone and everyone.get("a50"):
        lines.append(_compared(lang, local, everyone.get("a50") or 0, "all", area=where))
    lines.append(_versus_nation(table, occupation, here, lang))
    head = say(lang, "local.judge_heading", title=role.title, area=where, money=yearly(here, "a50", lang))
    tail = say(lang, "local.judge_tail")
    return "\n".join(x for x in [head, bullets(lines), group_note(k, role, occupation), tail, source] if x)


def _compared(lang: str, value: float, other: float, against: str, **fields: str) -> str:
    """How a figure compares with another (`against`: "us" or "all"): "$5,320 less than the U.S.
    median of $53,750", or "About the same as ..." within SAME_SHARE."""
    share = (value - other) / other
    direction = "same" if abs(share) < SAME_SHARE else "more" if share > 0 else "less"
    gap = money(int(abs(value - other)))
    return say(lang, COMPARED[against, direction], gap=gap, money=money(int(other)), **fields)


def _people(title: str, lang: str) -> str:
    """Who does a job, inside a sentence: 'Welder' -> 'welders' ('CNC operator' -> 'CNC operators').
    Other languages' phrases are worded so that the job needs no plural ("el de soldador")."""
    word = in_sentence(title)
    if lang != "en" or word.endswith("s"):
        return word
    return word + "s"
