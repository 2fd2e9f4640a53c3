"""Local pay written out for a student: one role in one state or metro area, or the states
where a role's median is highest. Every figure is BLS OEWS (data/local/, bot/knowledge/
local_pay.py) and says its release and area; a figure BLS does not publish is said to be
missing, never filled in."""

from __future__ import annotations

from typing import List, Optional, Tuple

from bot.knowledge.local_pay import ALL_JOBS, NATION, Figures, LocalPay, Occupation
from bot.knowledge.model import Role
from bot.render import bullets, money
from bot.text import normalise

#: How many states "where do they earn the most?" lists.
TOP_STATES = 5
#: A local median within this share of the national one is "about the same".
SAME_SHARE = 0.03
#: Location quotients beyond these are said as "more common" / "less common" there.
COMMON_ABOVE, RARE_BELOW = 1.2, 0.8


def cite(table: LocalPay, area_name: str) -> str:
    return f"BLS OEWS, {table.release}, {area_name}"


def yearly(f: Figures, column: str) -> Optional[str]:
    value = f.get(column)
    if value is not None:
        return money(int(value))
    if f.top_coded(column):
        return "$239,200 or more"  # BLS footnote 5: the wage is top-coded there
    return None


def hourly(f: Figures, column: str) -> Optional[str]:
    value = f.get(column)
    return f"${value:,.2f}" if value is not None else None


def group_note(role: Role, occupation: Occupation) -> str:
    """Which BLS group the figures describe, when it is not the role itself."""
    title = normalise(role.title)
    if normalise(occupation.title) in (title, title + "s"):
        return ""
    wider = "a wider" if occupation.broader else "the"
    return f"These numbers are for {wider} BLS job group: \u201c{occupation.title}\u201d."


def role_in_area(table: LocalPay, role: Role, occupation: Occupation, area: str) -> str:
    """Median with the range, the national median and all jobs there for comparison."""
    where = table.areas[area]
    here = table.figures(occupation.soc, area)
    heading = f"{role.title} pay in {where.name}:"
    source = f"Source: {cite(table, where.name)}."
    note = group_note(role, occupation)
    if here is None or here.get("a50") is None and not here.top_coded("a50"):
        missing = f"BLS does not publish this figure for {where.name}."
        if here is None:
            missing = f"BLS does not publish pay for this job in {where.name}."
        national = table.figures(occupation.soc, NATION)
        lines = [missing]
        if national and national.get("a50"):
            lines.append(f"For the whole U.S., the median is {yearly(national, 'a50')} a year.")
        return "\n".join(x for x in [heading, *lines, note, f"Source: {cite(table, where.name + ' and U.S.')}."] if x)
    lines = [_median_line(here)]
    low, high = yearly(here, "a10"), yearly(here, "a90")
    if low and high:
        lines.append(f"Most earn between {low} and {high} a year (the lowest 10% earn less, the top 10% more)")
    else:
        lines.append(f"BLS does not publish the full pay range for {where.name}")
    lines.append(_versus_nation(table, occupation, here))
    everyone = table.figures(ALL_JOBS, area)
    if everyone and everyone.get("a50") and here.get("a50"):
        lines.append(f"All jobs in {where.name}: median {yearly(everyone, 'a50')} a year")
    jobs = _jobs_line(here)
    if jobs:
        lines.append(jobs)
    return "\n".join(x for x in [heading, bullets(lines), note, source] if x)


def _median_line(f: Figures) -> str:
    per_hour = hourly(f, "h50")
    extra = f", or {per_hour} an hour" if per_hour else ""
    return f"Median pay: {yearly(f, 'a50')} a year{extra}"


def _versus_nation(table: LocalPay, occupation: Occupation, here: Figures) -> str:
    national = table.figures(occupation.soc, NATION)
    local, whole = here.get("a50"), national.get("a50") if national else None
    if local is None or whole is None:
        return "BLS does not publish a national median to compare with"
    return _compared(local, whole, "the U.S. median", " of ")


def _jobs_line(f: Figures) -> str:
    count, lq = f.get("emp"), f.get("lq")
    if count is None:
        return ""
    line = f"About {int(count):,} people do this job there"
    if lq is not None and lq >= COMMON_ABOVE:
        line += f": {lq:.1f} times as common as in the U.S. as a whole"
    elif lq is not None and lq <= RARE_BELOW:
        line += ": less common than in the U.S. as a whole"
    return line


def top_states(table: LocalPay, role: Role, occupation: Occupation) -> str:
    ranked = table.states_by_median(occupation.soc)[:TOP_STATES]
    if not ranked:
        return f"BLS does not publish state pay for this job ({occupation.title})."
    lines = [f"{f.area.name}: {yearly(f, 'a50')} a year" for f in ranked]
    national = table.figures(occupation.soc, NATION)
    tail: List[str] = []
    if national and national.get("a50"):
        tail.append(f"U.S. median: {yearly(national, 'a50')} a year.")
    tail.append(
        "These are not adjusted for living costs: rent and prices are higher in some of these states. "
        "Ask me about your state to see its numbers."
    )
    note = group_note(role, occupation)
    head = f"{role.title} pay: the {len(ranked)} states with the highest median:"
    source = f"Source: {cite(table, 'state and U.S. estimates')}."
    return "\n".join(x for x in [head, bullets(lines), *tail, note, source] if x)


def compare_areas(table: LocalPay, role: Role, occupation: Occupation, areas: List[str]) -> str:
    """ "Machinists in Georgia vs Alabama": each place's median and range, and the U.S. median."""
    names = [table.areas[a].name for a in areas]
    lines = []
    for area, name in zip(areas, names, strict=True):
        here = table.figures(occupation.soc, area)
        mid = yearly(here, "a50") if here else None
        if not mid:
            lines.append(f"{name}: BLS does not publish this figure for {name}")
            continue
        low, high = (yearly(here, "a10"), yearly(here, "a90")) if here else (None, None)
        spread = f" (most earn {low} to {high})" if low and high else ""
        lines.append(f"{name}: median {mid} a year{spread}")
    national = table.figures(occupation.soc, NATION)
    if national and national.get("a50"):
        lines.append(f"Whole U.S.: median {yearly(national, 'a50')} a year")
    head = f"{role.title} pay in {len(names)} places:"
    source = f"Source: {cite(table, ' and '.join(names))}."
    return "\n".join(x for x in [head, bullets(lines), group_note(role, occupation), source] if x)


def roles_in_area(table: LocalPay, pairs: List[Tuple[Role, Occupation]], area: str) -> str:
    """ "Welder or machinist, which pays more?" with a place known: each job's median there, its
    U.S. median beside it, and which earns more there."""
    where = table.areas[area].name
    lines, medians = [], []
    for role, occupation in pairs:
        here, national = table.figures(occupation.soc, area), table.figures(occupation.soc, NATION)
        mid = yearly(here, "a50") if here else None
        whole = f" (U.S. median {yearly(national, 'a50')})" if national and national.get("a50") else ""
        lines.append(f"{role.title}: median {mid} a year{whole}" if mid else f"{role.title}: BLS does not publish it")
        if here is not None and here.get("a50") is not None:
            medians.append((here.get("a50"), role.title))
    verdict = ""
    if len(medians) == len(pairs) >= 2:
        top = max(medians)
        verdict = f"In {where}, {in_title(top[1])} earn the most of these."
    notes = [group_note(role, occupation) for role, occupation in pairs]
    head = f"{' vs '.join(r.title for r, _ in pairs)}: pay in {where}"
    source = f"Source: {cite(table, where + ' and nationwide')}."
    return "\n".join(x for x in [head, bullets(lines), verdict, *notes, source] if x)


def judge_in_area(table: LocalPay, role: Role, occupation: Occupation, area: str) -> str:
    """ "Is that good pay?" with a place known: the job's median there next to all jobs there and
    next to the same job in the whole U.S."""
    where = table.areas[area].name
    here = table.figures(occupation.soc, area)
    source = f"Source: {cite(table, where + ' and nationwide')}."
    if here is None or here.get("a50") is None:
        missing = f"BLS does not publish the median pay of this job in {where}, so I can't judge it there."
        return f"{missing}\n{source}"
    local = here.get("a50") or 0
    lines = []
    everyone = table.figures(ALL_JOBS, area)
    if everyone and everyone.get("a50"):
        lines.append(_compared(local, everyone.get("a50") or 0, f"the median of all jobs in {where}"))
    lines.append(_versus_nation(table, occupation, here))
    head = f"{role.title} in {where}: median pay {yearly(here, 'a50')} a year."
    tail = (
        "Whether it is enough for you also depends on your costs (rent, travel). "
        "Pay usually goes up as you gain skills and experience."
    )
    return "\n".join(x for x in [head, bullets(lines), group_note(role, occupation), tail, source] if x)


def _compared(value: float, other: float, what: str, before_figure: str = ", ") -> str:
    """How a figure compares with another: "$5,320 less than the U.S. median of $53,750", or
    "About the same as ..." within SAME_SHARE."""
    share = (value - other) / other
    if abs(share) < SAME_SHARE:
        return f"About the same as {what}{before_figure}{money(int(other))}"
    more = "more" if share > 0 else "less"
    return f"{money(int(abs(value - other)))} {more} than {what}{before_figure}{money(int(other))}"


def in_title(title: str) -> str:
    """'Welder' -> 'welders' inside a sentence ('CNC operator' -> 'CNC operators')."""
    word = title if title[:2].isupper() else title[:1].lower() + title[1:]
    return word if word.endswith("s") else word + "s"
