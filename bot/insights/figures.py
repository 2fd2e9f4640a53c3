"""The figures of an insights page, from indexed SQL aggregates (no tracker is loaded).

Every count carries the number of distinct conversations behind it; `Count.shown` is None when
that is below MIN_CONVERSATIONS, and every view prints it as "fewer than 5". Students and staff
are counted apart: messages from Slack (channel "slack") only in `staff`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Dict, List, Optional, Tuple

import sqlalchemy as sa

from bot.insights.table import TABLE

MIN_CONVERSATIONS = 5
FEWER = f"fewer than {MIN_CONVERSATIONS}"
DEFAULT_DAYS = 30
MAX_DAYS = 400
WEEKLY_AFTER_DAYS = 62  # longer ranges are drawn per week
TOPICS = ("role", "sector", "pathway", "kind")
STAFF_CHANNEL = "slack"
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
    weekly: bool
    conversations: Count = Count(0, 0)
    messages: Count = Count(0, 0)
    periods: List[Period] = field(default_factory=list)
    topics: Dict[str, List[Tuple[str, Count]]] = field(default_factory=dict)
    unanswered: List[Tuple[str, int, int]] = field(default_factory=list)  # (text, conversation no., messages)
    staff_messages: Count = Count(0, 0)
    staff_conversations: Count = Count(0, 0)
    staff_unanswered: Count = Count(0, 0)
    groups: list = field(default_factory=list)  # filled by bot.insights.grouping
    hidden_groups: int = 0


def date_range(start: Optional[date], end: Optional[date], today: Optional[date] = None) -> Tuple[date, date]:
    """The range asked for, or the last DEFAULT_DAYS days; at most MAX_DAYS, never reversed."""
    today = today or date.today()
    end = end or today
    start = start or end - timedelta(days=DEFAULT_DAYS - 1)
    if start > end:
        start, end = end, start
    return max(start, end - timedelta(days=MAX_DAYS - 1)), end


def compute(connection, school: Optional[str], start: date, end: date) -> Report:
    """The report's SQL figures for one school (or None: the district) from start to end (inclusive)."""
    t = TABLE
    where = [t.c.day >= start, t.c.day <= end] + ([t.c.school == school] if school is not None else [])
    students = sa.and_(*where, t.c.channel != STAFF_CHANNEL)
    report = Report(school, start, end, weekly=(end - start).days + 1 > WEEKLY_AFTER_DAYS)
    conv = sa.func.count(sa.distinct(t.c.conversation))
    answered_conv = sa.func.count(sa.distinct(sa.case((t.c.answered, t.c.conversation))))
    unanswered_conv = sa.func.count(sa.distinct(sa.case((sa.not_(t.c.answered), t.c.conversation))))
    answered_n = sa.func.sum(sa.case((t.c.answered, 1), else_=0))

    total = connection.execute(sa.select(conv, sa.func.count()).where(students)).one()
    report.conversations, report.messages = Count(total[0], total[0]), Count(total[1], total[0])

    period = t.c.week if report.weekly else t.c.day
    query = (
        sa.select(period, conv, sa.func.count(), answered_n, answered_conv, unanswered_conv)
        .where(students)
        .group_by(period)
        .order_by(period)
    )
    found = {_as_date(r[0]): r for r in connection.execute(query)}
    for start_of in _periods(start, end, report.weekly):
        r = found.get(start_of)
        n_conv, n_msg, n_ans, c_ans, c_unans = (r[1], r[2], int(r[3] or 0), r[4], r[5]) if r else (0, 0, 0, 0, 0)
        label = f"week of {start_of.isoformat()}" if report.weekly else start_of.isoformat()
        report.periods.append(
            Period(
                start_of,
                label,
                Count(n_conv, n_conv),
                Count(n_msg, n_conv),
                Count(n_ans, c_ans),
                Count(n_msg - n_ans, c_unans),
            )
        )

    for column in TOPICS:
        col = t.c[column]
        query = sa.select(col, sa.func.count(), conv).where(students, col.isnot(None)).group_by(col)
        report.topics[column] = rank([(r[0], Count(r[1], r[2])) for r in connection.execute(query)])

    query = (
        sa.select(t.c.text, t.c.conversation, sa.func.count())
        .where(students, sa.not_(t.c.answered), t.c.text.isnot(None))
        .group_by(t.c.text, t.c.conversation)
        .limit(MAX_UNANSWERED_ROWS)
    )
    keys: Dict[str, int] = {}  # conversation -> a small number, so no sender id leaves this function
    report.unanswered = [(r[0], keys.setdefault(r[1], len(keys)), r[2]) for r in connection.execute(query)]

    staff = sa.and_(*where, t.c.channel == STAFF_CHANNEL)
    row = connection.execute(
        sa.select(conv, sa.func.count(), sa.func.count() - answered_n, unanswered_conv).where(staff)
    ).one()
    report.staff_conversations, report.staff_messages = Count(row[0], row[0]), Count(row[1], row[0])
    report.staff_unanswered = Count(int(row[2] or 0), row[3])
    return report


def rank(items: List[Tuple[str, Count]]) -> List[Tuple[str, Count]]:
    """Shown counts largest first; hidden ones after them by name (their order would tell their size)."""
    shown = sorted((i for i in items if i[1].shown is not None), key=lambda i: (-i[1].value, i[0]))
    hidden = sorted((i for i in items if i[1].shown is None), key=lambda i: i[0])
    return shown + [(name, Count(0, 0)) for name, _ in hidden]


def _periods(start: date, end: date, weekly: bool) -> List[date]:
    step = timedelta(days=7 if weekly else 1)
    first = start - timedelta(days=start.weekday()) if weekly else start
    out = []
    while first <= end:
        out.append(first)
        first += step
    return out


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
