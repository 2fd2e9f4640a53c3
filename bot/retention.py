"""How long conversations are kept, and deleting them.

Conversations are kept for RETENTION_DAYS (environment `CONVERSATION_RETENTION_DAYS`, default 30):
older events are deleted by the running store (at its first save, then hourly) and by
`make purge DAYS=N`. A user can delete their own conversation by asking ("delete my
conversation"): the store removes every event of it instead of saving that turn.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any, Optional

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.insights import table as insights
from bot.settings import retention_days  # noqa: F401 (re-exported)

PURGE_EVERY_S = 3600
PURGE_RETRY_S = 60  # after a purge failed (a locked or restarting database)
#: The action that answers "delete my conversation"; the store deletes when it sees it run.
DELETE_ACTION = "action_delete_conversation"
_DAY_S = 86_400


def purge(session: Any, table: sa.Table, days: int, now: Optional[float] = None) -> int:
    """Delete events older than `days` days; returns how many were deleted."""
    cutoff = (now if now is not None else time.time()) - days * _DAY_S
    _insights(session).execute(insights.TABLE.delete().where(insights.TABLE.c.ts < cutoff))
    return session.execute(table.delete().where(table.c.timestamp < cutoff)).rowcount or 0


def delete_conversation(session: Any, table: sa.Table, sender_id: str) -> int:
    _insights(session).execute(insights.TABLE.delete().where(insights.TABLE.c.conversation == sender_id))
    return session.execute(table.delete().where(table.c.sender_id == sender_id)).rowcount or 0


def _insights(session: Any) -> Any:
    """The connection of this transaction, with the insights table created if an older store lacks it
    (`make purge` on a database written before insights existed)."""
    connection = session.connection() if isinstance(session, Session) else session
    insights.TABLE.create(connection, checkfirst=True)
    return connection


def ensure_timestamp_index(engine: sa.engine.Engine, table: sa.Table) -> None:
    """An index on event time, so a purge does not read every event."""
    try:
        sa.Index("events_timestamp_idx", table.c.timestamp).create(engine, checkfirst=True)
    except (sa.exc.ProgrammingError, sa.exc.IntegrityError, sa.exc.OperationalError):
        if "events_timestamp_idx" not in {i["name"] for i in sa.inspect(engine).get_indexes(table.name)}:
            raise  # not just another replica creating it at the same moment


def restrict_file(database: Optional[str]) -> None:
    """Only the owner may read the SQLite file; SQLite gives its write-ahead log the same mode.
    (`make run` also creates var/ readable by its owner only.)"""
    if not database or database == ":memory:":
        return
    path = Path(database)
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if name.exists():
            os.chmod(name, 0o600)
