"""How long conversations are kept, and deleting them.

Conversations are kept for RETENTION_DAYS (environment `CONVERSATION_RETENTION_DAYS`, default 30):
older events are deleted by the running store (at its first save, then hourly: PurgeSchedule) and
by `make purge DAYS=N`. A user can delete their own conversation by asking ("delete my
conversation"): the store removes every event of it instead of saving that turn.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Any, Callable, ContextManager, Optional

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.insights import table as insights
from bot.settings import retention_days  # noqa: F401 (re-exported)

PURGE_EVERY_S = 3600
PURGE_RETRY_S = 60  # after a purge failed (a locked or restarting database)
#: The action that answers "delete my conversation"; the store deletes when it sees it run.
DELETE_ACTION = "action_delete_conversation"
_DAY_S = 86_400

logger = logging.getLogger(__name__)


class PurgeSchedule:
    """When the running store deletes expired events: at its first save, then every
    PURGE_EVERY_S (PURGE_RETRY_S after a failure, which never fails the turn being saved)."""

    def __init__(self, days: int):
        self.days = days
        self.next_at = 0.0  # time.monotonic() of the next purge

    def run_if_due(self, session_scope: Callable[[], ContextManager[Any]], table: sa.Table) -> int:
        """Purge now if it is time; returns how many events were deleted (0 when not due or failed)."""
        now = time.monotonic()
        if now < self.next_at:
            return 0
        self.next_at = now + PURGE_EVERY_S
        try:
            with session_scope() as session:
                deleted = purge(session, table, self.days)
                session.commit()
        except (sa.exc.OperationalError, sa.exc.InterfaceError) as error:
            self.next_at = now + PURGE_RETRY_S
            logger.warning(
                "Retention purge failed (%s); trying again in %d s", type(error.orig).__name__, PURGE_RETRY_S
            )
            return 0
        if deleted:
            logger.info("Retention: deleted %d events older than %d days", deleted, self.days)
        return deleted


def purge(session: Any, table: sa.Table, days: int, now: Optional[float] = None) -> int:
    """Delete events older than `days` days; returns how many were deleted."""
    cutoff = (now if now is not None else time.time()) - days * _DAY_S
    connection = _insights(session)
    for t in (insights.TABLE, insights.PROGRAMS):
        connection.execute(t.delete().where(t.c.ts < cutoff))
    return session.execute(table.delete().where(table.c.timestamp < cutoff)).rowcount or 0


def delete_conversation(session: Any, table: sa.Table, sender_id: str) -> int:
    connection = _insights(session)
    for t in (insights.TABLE, insights.PROGRAMS):
        connection.execute(t.delete().where(t.c.conversation == sender_id))
    return session.execute(table.delete().where(table.c.sender_id == sender_id)).rowcount or 0


def _insights(session: Any) -> Any:
    """The connection of this transaction, with the insights tables created if an older store lacks them
    (`make purge` on a database written before insights existed)."""
    connection = session.connection() if isinstance(session, Session) else session
    for t in (insights.TABLE, insights.PROGRAMS):
        t.create(connection, checkfirst=True)
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
