"""How long conversations are kept, and deleting them.

Conversations are kept for RETENTION_DAYS (environment `CONVERSATION_RETENTION_DAYS`, default 30):
older events are deleted by the running store (at its first save, then hourly: PurgeSchedule, on
one replica at a time and in batches: purge_in_batches) and by `make purge DAYS=N`. A user can
delete their own conversation by asking ("delete my conversation"): the store removes every
event of it instead of saving that turn.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Any, Optional, Tuple

import sqlalchemy as sa
from sqlalchemy.orm import Session

import bot.stores.state as state
from bot import indexes
from bot.insights import table as insights
from bot.settings import retention_days  # noqa: F401 (re-exported)

PURGE_EVERY_S = 3600
PURGE_RETRY_S = 60  # after a purge failed (a locked or restarting database)
PURGE_BATCH = 1000  # rows per transaction
#: PostgreSQL advisory lock held by the replica that purges (any fixed number of ours: "mfgpurge").
PURGE_LOCK_KEY = 0x6D666770757267
_TRY_LOCK = sa.text("SELECT pg_try_advisory_lock(:key)")
_UNLOCK = sa.text("SELECT pg_advisory_unlock(:key)")
#: The action that answers "delete my conversation"; the store deletes when it sees it run.
DELETE_ACTION = "action_delete_conversation"
_DAY_S = 86_400

logger = logging.getLogger(__name__)


class PurgeSchedule:
    """When the running store deletes expired events: at its first save, then every
    PURGE_EVERY_S (PURGE_RETRY_S after a failure, which never fails the turn being saved). The
    store runs `run` in a thread of its own, off the event loop."""

    def __init__(self, days: int):
        self.days = days
        self.next_at = 0.0  # time.monotonic() of the next purge

    def due(self) -> bool:
        """Whether a purge is due now; if so, the next one is planned (so it starts only once)."""
        now = time.monotonic()
        if now < self.next_at:
            return False
        self.next_at = now + PURGE_EVERY_S
        return True

    def run(self, engine: sa.engine.Engine, table: sa.Table) -> int:
        """Purge now, in batches, unless another replica is; returns how many events were deleted."""
        try:
            deleted = purge_in_batches(engine, table, self.days)
        except (sa.exc.OperationalError, sa.exc.InterfaceError) as error:
            self.next_at = time.monotonic() + PURGE_RETRY_S
            logger.warning(
                "Retention purge failed (%s); trying again in %d s", type(error.orig).__name__, PURGE_RETRY_S
            )
            return 0
        if deleted is None:
            logger.info("Retention: another replica is purging; this one skips this hour")
        elif deleted:
            logger.info("Retention: deleted %d events older than %d days", deleted, self.days)
        return deleted or 0


def purge_in_batches(
    engine: sa.engine.Engine, table: sa.Table, days: int, now: Optional[float] = None, batch: int = PURGE_BATCH
) -> Optional[int]:
    """Delete what is older than `days` days, `batch` rows per transaction (short locks, each
    statement well within the database's statement limit); on PostgreSQL only while holding an
    advisory lock, so one replica purges at a time. Returns the events deleted; None when
    another replica holds the lock."""
    with engine.connect() as connection:
        postgres = connection.dialect.name == "postgresql"
        if postgres:
            with connection.begin():  # a session lock: it outlives this transaction
                if not connection.execute(_TRY_LOCK, {"key": PURGE_LOCK_KEY}).scalar():
                    return None
        try:
            total = 0
            while True:
                with connection.begin():
                    events, others = _purge_batch(connection, table, days, now, batch)
                total += events
                if events < batch and others < batch:
                    return total
        finally:
            if postgres:
                with connection.begin():
                    connection.execute(_UNLOCK, {"key": PURGE_LOCK_KEY})


def purge(session: Any, table: sa.Table, days: int, now: Optional[float] = None) -> int:
    """Delete events older than `days` days, in the caller's transaction; returns how many."""
    total = 0
    while True:
        events, others = _purge_batch(session, table, days, now, PURGE_BATCH)
        total += events
        if events < PURGE_BATCH and others < PURGE_BATCH:
            return total


def _purge_batch(session: Any, table: sa.Table, days: int, now: Optional[float], batch: int) -> Tuple[int, int]:
    """At most `batch` expired events, insights rows and conversation states: (events, others) deleted."""
    cutoff = (now if now is not None else time.time()) - days * _DAY_S
    connection = _insights(session)
    others = 0
    for rows in (insights.TABLE, insights.PROGRAMS):  # insights, and the school programs shown
        old_rows = sa.select(rows.c.id).where(rows.c.ts < cutoff).limit(batch)
        others = max(others, connection.execute(rows.delete().where(rows.c.id.in_(old_rows))).rowcount or 0)
    states = state.TABLE
    if sa.inspect(connection).has_table(states.name):
        old_states = sa.select(states.c.sender_id).where(states.c.updated < cutoff).limit(batch)
        others = max(
            others, connection.execute(states.delete().where(states.c.sender_id.in_(old_states))).rowcount or 0
        )
    old_events = sa.select(table.c.id).where(table.c.timestamp < cutoff).limit(batch)
    events = connection.execute(table.delete().where(table.c.id.in_(old_events))).rowcount or 0
    return events, others


def delete_conversation(session: Any, table: sa.Table, sender_id: str) -> int:
    connection = _insights(session)
    state.delete(connection, sender_id)
    for rows in (insights.TABLE, insights.PROGRAMS):
        connection.execute(rows.delete().where(rows.c.conversation == sender_id))
    return session.execute(table.delete().where(table.c.sender_id == sender_id)).rowcount or 0


def _insights(session: Any) -> Any:
    """The connection of this transaction, with the insights tables created if an older store lacks
    them (`make purge` on a database written before insights existed)."""
    connection = session.connection() if isinstance(session, Session) else session
    for rows in (insights.TABLE, insights.PROGRAMS):
        rows.create(connection, checkfirst=True)
    return connection


def ensure_timestamp_index(engine: sa.engine.Engine, table: sa.Table) -> None:
    """An index on event time, so a purge does not read every event."""
    indexes.ensure(engine, indexes.detached("events_timestamp_idx", table, "timestamp"))


def restrict_file(database: Optional[str]) -> None:
    """Only the owner may read the SQLite file; SQLite gives its write-ahead log the same mode.
    (`make run` also creates var/ readable by its owner only.)"""
    if not database or database == ":memory:":
        return
    path = Path(database)
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if name.exists():
            os.chmod(name, 0o600)
