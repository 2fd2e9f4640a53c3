"""The conversation store: SQLite (or any SQL database), with these changes to Rasa's own.

1. Privacy: emails and phone numbers are removed from what users typed before it is written.
2. Constant cost per turn: Rasa's store reloads and replays a conversation's whole history on
   every message, and Rasa then featurizes all of it, so a long chat gets slower and slower.
   Our dialogue needs only the latest turns, the slots and the active form (rules look one turn
   back; context lives in slots), so Rasa is handed a *compacted* tracker (compaction.py). The
   database still keeps every event; `retrieve_full_tracker` (exports, the HTTP API) still
   returns all of them.
3. Less work per turn: for recent conversations the newest events are kept in memory as the
   JSON text that was written, so a turn reads one id from the database (to notice writes by
   another process) instead of WINDOW rows; reads and writes use prebuilt SQL statements.

4. Bounded size: a conversation holds at most MAX_EVENTS_PER_CONVERSATION events. Reading one
   that is full raises ConversationFull before any work on the message (no NLU, nothing
   written), and the channels reply CONVERSATION_FULL ("let's start over"). Each process keeps
   the count next to the newest event id it already reads per turn, so this costs one COUNT
   query per conversation and process (again when another process wrote in between).

Faults are loud (bot/store_faults.py): a failed read or write is retried briefly, then the user
gets an apology and the log an error; Rasa's silent switch to an in-memory store is off.
Retention (retention.py): events older than the retention period are deleted, and a user
can delete their whole conversation (the action `action_delete_conversation`). Counselor
insights rows are written with the events (insights_writer.py).
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import weakref
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple

import sqlalchemy as sa
from cachetools import LRUCache
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import event
from sqlalchemy.pool import SingletonThreadPool

from bot.privacy import redact_event
from bot.store_faults import with_retries
from bot.stores.compaction import WINDOW, compacted, mark_stored, new_action_names, stored_count
from bot.stores.insights_writer import ensure as ensure_insights
from bot.stores.insights_writer import write as write_insights
from bot.stores.retention import (
    DELETE_ACTION,
    PurgeSchedule,
    delete_conversation,
    ensure_timestamp_index,
    restrict_file,
    retention_days,
)

logger = logging.getLogger(__name__)

#: Conversations whose slot values we remember between turns (per process).
_SNAPSHOTS = 20_000
#: Conversations whose newest events we keep in memory (~40 KB each).
_WINDOWS = 256
#: Events one conversation may hold (an ordinary turn writes 5-10): far beyond any real chat,
#: small enough that one script cannot grow a conversation without bound.
MAX_EVENTS_PER_CONVERSATION = 3000
#: The newest store this process opened (Rasa opens one): what the insights page reads (opened()).
_opened: "Optional[weakref.ref[RedactingSQLTrackerStore]]" = None


def opened() -> "Optional[RedactingSQLTrackerStore]":
    """The conversation store this process opened last, if it is still in use."""
    return _opened() if _opened is not None else None


class ConversationFull(Exception):
    """The conversation holds MAX_EVENTS_PER_CONVERSATION events: nothing more is added to it."""


class _RedactedEvent:
    """What SQLTrackerStore.save reads of an event, with user-typed text redacted."""

    def __init__(self, event: Any):
        self.type_name = event.type_name
        self._data = redact_event(event.as_dict())

    def as_dict(self) -> Dict[str, Any]:
        return self._data


class RedactingSQLTrackerStore(SQLTrackerStore):
    handles_faults = True  # no FailSafeTrackerStore around us (bot/speedups/failsafe.py)
    engine: sa.engine.Engine  # set by Rasa's __init__, replaced in ours (Rasa has no type hints to read it from)

    def __init__(self, *args: Any, **kwargs: Any):
        if kwargs.get("dialect", "sqlite") == "sqlite" and not kwargs.get("host"):
            # Our own folder for the SQLite file (var/): created readable by its owner only.
            folder = os.path.dirname(str(kwargs.get("db") or ""))
            if folder:
                os.makedirs(folder, mode=0o700, exist_ok=True)
        super().__init__(*args, **kwargs)
        self.purges = PurgeSchedule(retention_days())
        # sender -> (id of its newest stored event, slot values and active form after it)
        self._snapshots: "LRUCache[str, Tuple[int, Dict[str, Any], Optional[str]]]" = LRUCache(_SNAPSHOTS)
        # sender -> (id of its newest stored event, JSON of its newest WINDOW events, oldest first)
        self._windows: "LRUCache[str, Tuple[int, List[str]]]" = LRUCache(_WINDOWS)
        # sender -> (id of its newest stored event, how many events it has stored)
        self._counts: "LRUCache[str, Tuple[int, int]]" = LRUCache(_SNAPSHOTS)
        if self.engine.dialect.name == "sqlite":
            # SQLAlchemy 1.4 opens a new SQLite connection for every session (NullPool); keep one
            # per thread instead (the store runs on Rasa's event-loop thread). WAL +
            # synchronous=NORMAL: no fsync on every turn, still crash-safe (a power cut may lose
            # the last few writes, never corrupt the file).
            url = self.engine.url
            self.engine.dispose()
            # A short busy timeout: a locked file is retried by us, without blocking the event loop.
            self.engine = sa.create_engine(url, poolclass=SingletonThreadPool, connect_args={"timeout": 0.25})
            event.listen(self.engine, "connect", _sqlite_pragmas)
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
            restrict_file(url.database)
        elif self.engine.dialect.name == "postgresql":
            # Several replicas share it: notice connections that died with a database restart
            # (pre-ping), and give up connecting quickly while it is down (bot/store_faults.py).
            url = self.engine.url
            self.engine.dispose()
            self.engine = sa.create_engine(
                url, pool_pre_ping=True, pool_size=5, max_overflow=5, connect_args={"connect_timeout": 2}
            )
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        self._statements = _Statements(self.SQLEvent.__table__)
        ensure_timestamp_index(self.engine, self.SQLEvent.__table__)
        ensure_insights(self.engine)  # counselor insights: one row per user message (bot/insights)
        global _opened
        _opened = weakref.ref(self)

    async def retrieve(self, sender_id: str) -> Optional[DialogueStateTracker]:
        async def once() -> Optional[DialogueStateTracker]:
            return await self._retrieve_once(sender_id)

        return await with_retries("reading a conversation", once)

    async def save(self, tracker: DialogueStateTracker) -> None:
        async def once() -> None:
            if DELETE_ACTION in new_action_names(tracker):
                self.delete_conversation(tracker.sender_id)
            else:
                await self._save_once(tracker)

        await with_retries("saving a conversation", once)
        self._purge_when_due()  # after the turn is stored: its failure must not fail (or repeat) the save

    def delete_conversation(self, sender_id: str) -> int:
        """Remove every stored event of a conversation, and what this process remembers of it."""
        with self.session_scope() as session:
            deleted = delete_conversation(session, self.SQLEvent.__table__, sender_id)
            session.commit()
        self._snapshots.pop(sender_id, None)
        self._windows.pop(sender_id, None)
        self._counts.pop(sender_id, None)
        logger.info("Deleted a conversation at its user's request (%d events)", deleted)
        return deleted

    def _purge_when_due(self) -> None:
        """Delete events older than the retention period: at the first save, then hourly."""
        if self.purges.run_if_due(self.session_scope, self.SQLEvent.__table__):
            self._snapshots.clear()  # the next turn of each conversation reads the database again
            self._windows.clear()
            self._counts.clear()

    def _check_size(self, sender_id: str, newest_id: Optional[int]) -> None:
        """Raise ConversationFull if the conversation already holds the most events allowed."""
        if newest_id is None:
            return
        known = self._counts.get(sender_id)
        if known is None or known[0] != newest_id:
            with self.session_scope() as session:
                count = session.execute(self._statements.count, {"sender": sender_id}).scalar() or 0
            known = self._counts[sender_id] = (newest_id, count)
        if known[1] >= MAX_EVENTS_PER_CONVERSATION:
            raise ConversationFull(sender_id)

    async def _retrieve_once(self, sender_id: str) -> Optional[DialogueStateTracker]:
        snapshot = self._snapshots.get(sender_id)
        newest_id = self._newest_id(sender_id)
        self._check_size(sender_id, newest_id)
        if snapshot is not None and newest_id == snapshot[0]:
            # Nobody else (another process) has written since our last save: use what we know.
            window = self._windows.get(sender_id)
            if window is None or window[0] != snapshot[0]:
                window = (snapshot[0], [data for _, data in self._newest_events(sender_id)])
                self._keep_window(sender_id, window)
            return self._compact(sender_id, snapshot[1], snapshot[2], window[1], json.loads)
        tracker = await super().retrieve(sender_id)  # first time in this process: full load, once
        if tracker is None:
            return None
        return self._compact(
            sender_id,
            tracker.current_slot_values(),
            tracker.active_loop_name,
            list(tracker.events)[-WINDOW:],
            lambda e: e.as_dict(),
        )

    async def _save_once(self, tracker: DialogueStateTracker) -> None:
        stored = stored_count(tracker)
        if stored is None:  # a tracker we did not hand out (a new conversation): Rasa's way
            await super().save(tracker)
        else:
            await self.stream_events(tracker)
            new = list(itertools.islice(tracker.events, stored, None))
            data = [redact_event(e.as_dict()) for e in new]
            rows = [self._row(tracker.sender_id, e, d) for e, d in zip(new, data, strict=True)]
            newest_id = None
            if rows:
                with self.session_scope() as session:
                    session.execute(self._statements.insert, rows)
                    write_insights(session, tracker.sender_id, data)  # same transaction
                    newest_id = session.execute(self._statements.newest_id, {"sender": tracker.sender_id}).scalar()
                    session.commit()
                self._extend_window(tracker.sender_id, newest_id, [row["data"] for row in rows])
                self._count_written(tracker.sender_id, newest_id, len(rows))
        mark_stored(tracker)
        if stored is None or newest_id is None:
            newest_id = self._newest_id(tracker.sender_id)
        if newest_id is not None:
            self._snapshots[tracker.sender_id] = (newest_id, tracker.current_slot_values(), tracker.active_loop_name)

    def _extend_window(self, sender_id: str, newest_id: int, written: List[str]) -> None:
        """Add just-written events to the conversation's kept window, if that window was current."""
        snapshot, window = self._snapshots.get(sender_id), self._windows.get(sender_id)
        if snapshot is None or window is None or window[0] != snapshot[0]:
            self._windows.pop(sender_id, None)  # unknown state: the next turn reads the database
            return
        self._keep_window(sender_id, (newest_id, (window[1] + written)[-WINDOW:]))

    def _count_written(self, sender_id: str, newest_id: Optional[int], written: int) -> None:
        """Add just-written events to the conversation's count, if that count was current."""
        snapshot, known = self._snapshots.get(sender_id), self._counts.get(sender_id)
        if newest_id is None or snapshot is None or known is None or known[0] != snapshot[0]:
            self._counts.pop(sender_id, None)  # unknown: counted again at the next turn
            return
        self._counts[sender_id] = (newest_id, known[1] + written)

    def _keep_window(self, sender_id: str, window: Tuple[int, List[str]]) -> None:
        self._windows[sender_id] = window

    def _additional_events(self, session, tracker) -> Iterator:
        written = []
        for e in super()._additional_events(session, tracker):
            redacted = _RedactedEvent(e)
            written.append(redacted.as_dict())
            yield redacted
        # Rasa's save() commits after this generator is used up: the insight rows join its transaction.
        write_insights(session, tracker.sender_id, written)

    def _row(self, sender_id: str, e: Any, data: Dict[str, Any]) -> Dict[str, Any]:
        return dict(
            sender_id=sender_id,
            type_name=e.type_name,
            timestamp=data.get("timestamp"),
            intent_name=(data.get("parse_data") or {}).get("intent", {}).get("name"),
            action_name=data.get("name"),
            data=json.dumps(data),
        )

    def _newest_id(self, sender_id: str) -> Optional[int]:
        with self.session_scope() as session:
            return session.execute(self._statements.newest_id, {"sender": sender_id}).scalar()

    def _newest_events(self, sender_id: str) -> List[Tuple[int, str]]:
        """(id, data) of a conversation's newest WINDOW events, oldest first."""
        with self.session_scope() as session:
            rows = session.execute(self._statements.newest_events, {"sender": sender_id}).all()
        return [(row.id, row.data) for row in reversed(rows)]

    def _compact(
        self,
        sender_id: str,
        slots: Dict[str, Any],
        active_loop: Optional[str],
        events: Sequence[Any],
        decode: Callable[[Any], Dict[str, Any]],
    ) -> DialogueStateTracker:
        return compacted(sender_id, slots, active_loop, events, decode, self.domain.slots)


class _Statements:
    """The per-turn SQL, built once: SQLAlchemy Core on a session costs a third of an ORM query."""

    def __init__(self, table: sa.Table):
        sender = table.c.sender_id == sa.bindparam("sender")
        self.insert = table.insert()
        self.newest_id = sa.select(sa.func.max(table.c.id)).where(sender)
        self.count = sa.select(sa.func.count()).select_from(table).where(sender)
        self.newest_events = sa.select(table.c.id, table.c.data).where(sender).order_by(table.c.id.desc()).limit(WINDOW)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
