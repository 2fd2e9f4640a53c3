"""The figures of an insights page, from indexed SQL aggregates (no tracker is loaded).

Figures are per whole week (Monday to Sunday) and per school-week "unit"; bot/insights/suppress.py
decides what may be shown. `Count.shown` is None for a hidden figure, and every view prints it as
"fewer than 5". Students and staff are counted apart: messages from Slack (channel "slack") only in
`staff`. A school's figures count only messages from its registered sites (`verified`); messages
that named a school from anywhere else are counted apart, in `unverified`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Dict, List, Optional, Set, Tuple

import sqlalchemy as sa

from bot.insights import suppress
from bot.insights.suppress import MIN_CONVERSATIONS, PageItems, UnitFigures
from bot.insights.table import PROGRAMS, TABLE

FEWER = f"fewer than {MIN_CONVERSATIONS}"
DEFAULT_DAYS = 30
MAX_WEEKS = 57  # a bit over a year
EARLIEST = date(2000, 1, 1)  # dates outside EARLIEST .. a year from today are refused (400)
TOPICS = ("role", "sector", "pathway", "kind")
PROGRAM_TOPIC = "program"  # the school programs shown (from insights_programs, not a column of insights)
STAFF_CHANNEL = "slack"
WIDGET_CHANNEL = "socketio"
MAX_UNANSWERED_ROWS = 20_000  # distinct (text, conversation) pairs read for grouping


@dataclass(frozen=True)
class Count:
    value: int
    conversations: int

    @property
    def shown(self) -> Optional[int]:
        return self.value if self.conversations >= MIN_CONVERSATIONS else None

    def text(self) -> str:
        return FEWER if self.shown is None else f"{self.value:,}"

    def conversations_text(self) -> str:
        return FEWER if self.shown is None else f"{self.conversations:,}"


HIDDEN = Count(0, 0)


@dataclass
class Period:
    start: date
    label: str
    conversations: Count
    messages: Count
    answered: Count
    unanswered: Count

    @property
    def answered_share(self) -> Optional[float]:
        """Percent answered; None unless both answered and unanswered counts may be shown
        (else the share would reveal a small number), or nothing went unanswered."""
        if self.messages.shown is None or self.answered.shown is None:
            return None
        if self.unanswered.value and self.unanswered.shown is None:
            return None
        return round(100.0 * self.answered.value / self.messages.value, 1)


@dataclass
class Report:
    school: Optional[str]
    start: date
    end: date
    conversations: Count = Count(0, 0)
    messages: Count = Count(0, 0)
    periods: List[Period] = field(default_factory=list)
    topics: Dict[str, List[Tuple[str, Count]]] = field(default_factory=dict)
    others: Dict[str, Count] = field(default_factory=dict)  # topic -> its hidden items together (unnamed)
    #: (text, conversation no., messages, from the widget) of unanswered messages; emptied after grouping
    unanswered: List[Tuple[str, int, int, bool]] = field(default_factory=list)
    unverified: Count = Count(0, 0)
    left_out_weeks: int = 0  # weeks of this page with a unit left out (fewer than 5 conversations)
    staff_messages: Count = Count(0, 0)
    staff_conversations: Count = Count(0, 0)
    staff_unanswered: Count = Count(0, 0)
    groups: list = field(default_factory=list)  # filled by bot.insights.grouping
    hidden_groups: int = 0
    more_groups: int = 0  # groups that could be shown but are past the page's list


class BadDate(ValueError):
    """A date the page cannot use (a 400, with this message)."""


def parse_day(value: Optional[str], today: Optional[date] = None) -> Optional[date]:
    """A ?from= / ?to= value: None when absent; BadDate when malformed or out of range."""
    if not value:
        return None
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise BadDate(f"{value[:40]!r} is not a date: write it as YYYY-MM-DD") from None
    latest = (today or date.today()) + timedelta(days=366)
    if not EARLIEST <= day <= latest:
        raise BadDate(
            f"{day.isoformat()} is out of range: use a date from {EARLIEST.isoformat()} to {latest.isoformat()}"
        )
    return day


def date_range(start: Optional[date], end: Optional[date], today: Optional[date] = None) -> Tuple[date, date]:
    """The range asked for (default: the last DEFAULT_DAYS days), never reversed, widened to whole
    weeks (Monday to Sunday) and at most MAX_WEEKS long: no page, and so no difference of two
    pages, ever gives a figure for less than a week."""
    today = today or date.today()
    end = end or today
    start = start or end - timedelta(days=DEFAULT_DAYS - 1)
    if start > end:
        start, end = end, start
    start = max(start - timedelta(days=start.weekday()), EARLIEST - timedelta(days=EARLIEST.weekday()))
    end = end + timedelta(days=6 - end.weekday())
    return max(start, end - timedelta(weeks=MAX_WEEKS) + timedelta(days=1)), end


def compute(connection, school: Optional[str], start: date, end: date) -> Report:
    """The report's SQL figures for one school (or None: the district) for whole weeks start..end."""
    t = TABLE
    start, end = start - timedelta(days=start.weekday()), end + timedelta(days=6 - end.weekday())  # whole weeks
    days = [t.c.day >= start, t.c.day <= end]
    named_elsewhere = sa.and_(t.c.school != "", sa.not_(t.c.verified))
    if school is not None:
        scope, unverified = sa.and_(t.c.school == school, t.c.verified), sa.and_(t.c.school == school, named_elsewhere)
    else:
        scope, unverified = sa.not_(named_elsewhere), named_elsewhere
    students = sa.and_(*days, scope, t.c.channel != STAFF_CHANNEL)
    report = Report(school, start, end)
    conv = sa.func.count(sa.distinct(t.c.conversation))
    answered_conv = sa.func.count(sa.distinct(sa.case((t.c.answered, t.c.conversation))))
    unanswered_conv = sa.func.count(sa.distinct(sa.case((sa.not_(t.c.answered), t.c.conversation))))
    answered_n = sa.func.sum(sa.case((t.c.answered, 1), else_=0))

    unit_cols = (t.c.school, t.c.week)
    query = sa.select(*unit_cols, conv, sa.func.count(), answered_n, answered_conv, unanswered_conv)
    units: Dict[tuple, UnitFigures] = {}
    weeks_seen: Set[date] = set()
    for r in connection.execute(query.where(students).group_by(*unit_cols)):
        week = _as_date(r[1])
        weeks_seen.add(week)
        if r[2] >= MIN_CONVERSATIONS:  # rule 1: a smaller unit is left out of everything
            n_ans = int(r[4] or 0)
            units[(r[0], week)] = UnitFigures(r[2], r[3], (n_ans, r[5]), (r[3] - n_ans, r[6]))
    report.left_out_weeks = len(weeks_seen - {w for _, w in units})

    per_topic: Dict[str, Dict[tuple, Dict[str, suppress.Figure]]] = {}
    for column in TOPICS:
        col = t.c[column]
        query = sa.select(*unit_cols, col, sa.func.count(), conv).where(students, col.isnot(None))
        found: Dict[tuple, Dict[str, suppress.Figure]] = defaultdict(dict)
        for r in connection.execute(query.group_by(*unit_cols, col)):
            unit = (r[0], _as_date(r[1]))
            if unit in units:
                found[unit][r[2]] = (r[3], r[4])
        per_topic[column] = found
    kinds_hidden = {u: suppress.hidden_kinds(per_topic["kind"].get(u, {}), f) for u, f in units.items()}
    for column in TOPICS:
        hidden = (
            kinds_hidden if column == "kind" else {u: suppress.hidden_items(i) for u, i in per_topic[column].items()}
        )
        _set_topic(report, column, suppress.page_items(per_topic[column], hidden))

    _set_topic(report, PROGRAM_TOPIC, _programs(connection, school, start, end, units))

    report.conversations = _sum_count([(f.conversations, f.conversations) for f in units.values()])
    report.messages = _sum_count([(f.messages, f.conversations) for f in units.values()])
    by_week: Dict[date, List[tuple]] = defaultdict(list)
    for unit in units:
        by_week[unit[1]].append(unit)
    for week in _weeks(start, end):
        in_week = by_week.get(week, [])
        figs = [units[k] for k in in_week]
        hide = suppress.answers_hidden(in_week, kinds_hidden)
        report.periods.append(
            Period(
                week,
                f"week of {week.isoformat()}",
                _sum_count([(f.conversations, f.conversations) for f in figs]),
                _sum_count([(f.messages, f.conversations) for f in figs]),
                HIDDEN if hide else _sum_count([f.answered for f in figs]),
                HIDDEN if hide else _sum_count([f.unanswered for f in figs]),
            )
        )

    query = (
        sa.select(t.c.school, t.c.week, t.c.text, t.c.conversation, sa.func.count(), sa.func.max(t.c.channel))
        .where(students, sa.not_(t.c.answered), t.c.text.isnot(None))
        .group_by(t.c.school, t.c.week, t.c.text, t.c.conversation)
        .limit(MAX_UNANSWERED_ROWS)
    )
    keys: Dict[str, int] = {}  # conversation -> a small number, so no sender id leaves this function
    report.unanswered = [
        (r[2], keys.setdefault(r[3], len(keys)), r[4], r[5] == WIDGET_CHANNEL)
        for r in connection.execute(query)
        if (r[0], _as_date(r[1])) in units
    ]

    row = connection.execute(
        sa.select(sa.func.count(), conv).where(*days, unverified, t.c.channel != STAFF_CHANNEL)
    ).one()
    report.unverified = Count(row[0], row[1])
    where = days + ([t.c.school == school] if school is not None else [])
    staff = sa.and_(*where, t.c.channel == STAFF_CHANNEL)
    row = connection.execute(
        sa.select(conv, sa.func.count(), sa.func.count() - answered_n, unanswered_conv).where(staff)
    ).one()
    report.staff_conversations, report.staff_messages = Count(row[0], row[0]), Count(row[1], row[0])
    report.staff_unanswered = Count(int(row[2] or 0), row[3])
    return report


def _programs(connection, school: Optional[str], start: date, end: date, units) -> PageItems:
    """How often each school program was shown (bot/answers/programs.py), per school-week unit,
    hidden as jobs are (rule 2), keyed "school/program" (a program belongs to one school)."""
    p = PROGRAMS
    where = [p.c.day >= start, p.c.day <= end, p.c.verified, p.c.channel != STAFF_CHANNEL]
    if school is not None:
        where.append(p.c.school == school)
    conv = sa.func.count(sa.distinct(p.c.conversation))
    query = sa.select(p.c.school, p.c.week, p.c.program, sa.func.count(), conv).where(*where)
    found: Dict[tuple, Dict[str, suppress.Figure]] = defaultdict(dict)
    for r in connection.execute(query.group_by(p.c.school, p.c.week, p.c.program)):
        unit = (r[0], _as_date(r[1]))
        if unit in units:  # rule 1: a unit from fewer than 5 conversations is left out
            found[unit][f"{r[0]}/{r[2]}"] = (r[3], r[4])
    return suppress.page_items(found, {u: suppress.hidden_items(items) for u, items in found.items()})


def _set_topic(report: Report, column: str, items: PageItems) -> None:
    report.topics[column] = [(name, Count(m, c)) for name, (m, c) in items.shown]
    if items.any_hidden:
        # Kinds add up to the messages, so their hidden part is known anyway: it is shown, unnamed.
        together = Count(items.hidden_messages, items.hidden_conversations)
        report.others[column] = together if column == "kind" else HIDDEN


def _sum_count(figures: List[suppress.Figure]) -> Count:
    """A sum of unit figures, each 0 or from MIN_CONVERSATIONS or more (hidden: HIDDEN)."""
    return Count(sum(f[0] for f in figures), sum(f[1] for f in figures))


def _weeks(start: date, end: date) -> List[date]:
    first = start - timedelta(days=start.weekday())
    out = []
    while first <= end:
        out.append(first)
        first += timedelta(days=7)
    return out


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
