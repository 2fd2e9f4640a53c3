"""The counselor insights rows (bot/insights/table.py) written by the store: one row per user
message, in the same transaction as the message's events, so it is counted exactly when the
message is stored."""

from __future__ import annotations

from typing import Any, Dict, Sequence

import sqlalchemy as sa

from bot.insights import table as insights

#: Built once: SQLAlchemy Core on a session costs a third of an ORM query.
_INSERT = insights.TABLE.insert()
_INSERT_PROGRAMS = insights.PROGRAMS.insert()


def ensure(engine: sa.engine.Engine) -> None:
    """The insights table and its indexes exist."""
    insights.ensure(engine)


def write(session: Any, sender_id: str, events: Sequence[Dict[str, Any]]) -> None:
    """Insert the insights rows of these just-written (already redacted) events, in the session's transaction."""
    rows, programs = insights.rows_and_programs(sender_id, list(events))
    if rows:
        session.execute(_INSERT, rows)
    if programs:  # the school programs the answers showed (bot/answers/programs.py)
        session.execute(_INSERT_PROGRAMS, programs)
