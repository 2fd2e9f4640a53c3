"""The `insights` table: one row per user message, written by the store in the same transaction
as the message's events (bot/stores/), deleted with them (bot/stores/retention.py).

A row holds what the counselor page aggregates: the day and week (Monday), the school id from the
message's metadata and whether it came from one of that school's registered sites, the channel,
the intent and question kind, the role / sector / pathway the answer was about (SlotSet events of
the same turn), whether it was answered, and, only for unanswered messages, the redacted text.
`conversation` (the sender id) is used for COUNT(DISTINCT ...) and deletion only; `ts` (the
event's time) for retention only. Neither is shown.

`insights_programs` has one row per school program an answer showed (the `programs_shown` slot
of the turn: bot/answers/programs.py), with the message's day, school and channel: which programs
students were shown, never what they typed.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, Dict, Iterable, List, Optional, Tuple

import sqlalchemy as sa

from bot import indexes
from bot.kinds import INSIGHTS
from bot.privacy import redact
from bot.school_sites import SITE_VERIFIED

METADATA = sa.MetaData()


def _message_columns() -> List[sa.Column]:
    """The columns both tables have in this order, after `id`: when the message came, from which
    school and channel, in which conversation (a column belongs to one table: made anew each)."""
    return [
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("week", sa.Date, nullable=False),
        sa.Column("ts", sa.Float, nullable=False),
        sa.Column("school", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("conversation", sa.String(255), nullable=False),
    ]


TABLE = sa.Table(
    "insights",
    METADATA,
    sa.Column("id", sa.Integer, sa.Sequence("insights_id_seq"), primary_key=True),
    *_message_columns(),
    sa.Column("intent", sa.String(64)),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("role", sa.String(64)),
    sa.Column("sector", sa.String(64)),
    sa.Column("pathway", sa.String(64)),
    sa.Column("answered", sa.Boolean(create_constraint=False), nullable=False),
    # True when the message named its school from one of that school's registered sites
    # (bot.school_sites.from_registered_site); only those count in the school's figures.
    sa.Column("verified", sa.Boolean(create_constraint=False), nullable=False, server_default=sa.false()),
    sa.Column("text", sa.Text),
    # Every page query filters on a day range, for one school or all: these make it a range scan.
    sa.Index("insights_school_day_idx", "school", "day"),
    sa.Index("insights_day_idx", "day"),
    sa.Index("insights_conversation_idx", "conversation"),  # deleting a conversation
    sa.Index("insights_ts_idx", "ts"),  # retention
)

PROGRAMS = sa.Table(
    "insights_programs",
    METADATA,
    sa.Column("id", sa.Integer, sa.Sequence("insights_programs_id_seq"), primary_key=True),
    *_message_columns(),
    sa.Column("verified", sa.Boolean(create_constraint=False), nullable=False),
    sa.Column("program", sa.String(64), nullable=False),  # the program's key (bot.school_programs.slug)
    sa.Index("insights_programs_school_day_idx", "school", "day"),
    sa.Index("insights_programs_conversation_idx", "conversation"),
    sa.Index("insights_programs_ts_idx", "ts"),
)
#: The slot whose SlotSet (in the message's turn) lists the programs shown; at most this many counted.
PROGRAMS_SLOT, MAX_PROGRAMS = "programs_shown", 20
#: What a program row copies from its message's row: all the columns both tables have.
_PROGRAM_FIELDS = tuple(c.name for c in PROGRAMS.columns if c.name not in ("id", "program"))

_FALSE = {"sqlite": "0", "postgresql": "false"}
UNANSWERED_INTENTS = {"out_of_scope", "nlu_fallback"}
#: The quiz's answers (docs/quiz.md): a row only for the one that finished the quiz (its turn sets
#: QUIZ_FINISHED_SLOT), so counselors see starts and finishes and nothing about the answers.
QUIZ_ANSWER_INTENT, QUIZ_FINISHED_SLOT = "answer_quiz", "quiz_finished"
UNANSWERED_ACTIONS = {"action_handle_low_confidence", "action_explain_scope"}
TOPIC_SLOTS = ("role", "sector", "pathway")
MAX_TEXT = 300

#: Intent -> the kind of question counselors see. Follow-ups ("what about welders?") take the
#: aspect the answer was about (slot last_aspect).
#: Intent -> kind of question, as counted for counselors (declared in bot/kinds.py).
KINDS = INSIGHTS
ASPECT_KINDS = {
    "overview": "about a job",
    "pay": "pay",
    "education": "education",
    "skills": "skills",
    "outlook": "outlook",
    "certifications": "certifications",
    "related": "related jobs",
    "safety": "safety",
}


def ensure(engine: sa.engine.Engine) -> None:
    """Create the table and its indexes if missing (several replicas may race: that is fine)."""
    try:
        METADATA.create_all(engine, checkfirst=True)
    except (sa.exc.ProgrammingError, sa.exc.IntegrityError, sa.exc.OperationalError):
        if not all(sa.inspect(engine).has_table(t.name) for t in (TABLE, PROGRAMS)):
            raise
    if "verified" not in {c["name"] for c in sa.inspect(engine).get_columns(TABLE.name)}:
        try:  # a table written before messages were checked against the school's sites: none were
            with engine.begin() as connection:
                false = _FALSE.get(engine.dialect.name, "false")
                connection.exec_driver_sql(f"ALTER TABLE insights ADD COLUMN verified BOOLEAN NOT NULL DEFAULT {false}")
        except (sa.exc.ProgrammingError, sa.exc.OperationalError):
            if "verified" not in {c["name"] for c in sa.inspect(engine).get_columns(TABLE.name)}:
                raise  # not another replica's ALTER that won the race
    # A table made before an index was declared (insights_ts_idx, which the purge by time uses) gets
    # it; one lacking an index's columns is not ours to fix.
    columns = {c["name"] for c in sa.inspect(engine).get_columns(TABLE.name)}
    for index in TABLE.indexes:
        if {c.name for c in index.columns} <= columns:
            indexes.ensure(engine, index)


def day_of(ts: float) -> date:
    return datetime.fromtimestamp(ts).date()  # the server's local day: the school day


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def rows(sender_id: str, events: Iterable[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Insight rows for the user messages among `events` (dicts, already redacted, oldest first)."""
    return rows_and_programs(sender_id, events)[0]


def rows_and_programs(
    sender_id: str, events: Iterable[Dict[str, Any]]
) -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]]]:
    """The insights rows of the user messages among `events` (dicts, already redacted, oldest
    first), and the insights_programs rows of the school programs their answers showed.

    A message's turn runs until the next user message: its actions decide `answered`, its SlotSet
    events the topic and the programs shown."""
    out: List[Dict[str, Any]] = []
    current: Optional[Dict[str, Any]] = None
    for e in events:
        kind = e.get("event")
        if kind == "user":
            current = _start(sender_id, e)
            if current is not None:
                out.append(current)
        elif current is None:
            continue
        elif kind == "action" and e.get("name") in UNANSWERED_ACTIONS:
            current["answered"] = False
        elif kind == "slot" and e.get("value") not in (None, "", []):
            name, value = e.get("name"), e.get("value")
            if name == QUIZ_FINISHED_SLOT and value is True:
                current["_finished"] = True
            if name == PROGRAMS_SLOT and isinstance(value, list):
                shown = [v[:64] for v in value if isinstance(v, str) and v]
                current["_programs"] = list(dict.fromkeys(current.get("_programs", []) + shown))[:MAX_PROGRAMS]
            if name in TOPIC_SLOTS and isinstance(value, str):
                current[name] = value[:64]
            elif name == "last_aspect" and current["intent"] == "what_about" and value in ASPECT_KINDS:
                current["kind"] = ASPECT_KINDS[value]
    out = [r for r in out if r["intent"] != QUIZ_ANSWER_INTENT or r.pop("_finished", False)]
    programs: List[Dict[str, Any]] = []
    for row in out:
        row.pop("_finished", None)
        shown = row.pop("_programs", [])
        if row["school"]:  # programs are a school's: none is shown without one
            programs += [{**{f: row[f] for f in _PROGRAM_FIELDS}, "program": p} for p in shown]
        if not row["answered"]:
            row["kind"] = "not covered"  # a low-confidence guess at the kind says little
            row["text"] = redact(row.pop("_text"))[:MAX_TEXT] or None
        else:
            row.pop("_text")
    return out, programs


def _start(sender_id: str, e: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    ts = e.get("timestamp")
    if not isinstance(ts, (int, float)):
        return None
    intent = ((e.get("parse_data") or {}).get("intent") or {}).get("name") or None
    metadata = e.get("metadata") or {}
    school = metadata.get("school")
    if not isinstance(school, str):
        school = ""
    verified = bool(school) and metadata.get(SITE_VERIFIED) is True
    day = day_of(ts)
    kind = KINDS.get(intent or "", "other")
    if intent == "what_about":
        kind = "about a job"
    return dict(
        day=day,
        week=week_of(day),
        ts=float(ts),
        school=school[:64],
        channel=(e.get("input_channel") or "")[:32],
        conversation=sender_id[:255],
        intent=(intent or "")[:64] or None,
        kind=kind,
        role=None,
        sector=None,
        pathway=None,
        answered=intent not in UNANSWERED_INTENTS,
        verified=verified,
        text=None,
        _text=e.get("text") or "",
    )
