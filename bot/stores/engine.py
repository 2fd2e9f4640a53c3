"""The conversation store: SQLite (or any SQL database), with these changes to Rasa's own.

1. Privacy: emails and phone numbers are removed from what users typed before it is written.
2. Constant cost per turn: Rasa's store reloads and replays a conversation's whole history on
   every message, and Rasa then featurizes all of it, so a long chat gets slower and slower.
   Our dialogue needs only the latest turns, the slots and the active form (rules look one turn
   back; context lives in slots), so Rasa is handed a *compacted* tracker (compaction.py). The
   database still keeps every event; `retrieve_full_tracker` (exports, the HTTP API) still
   returns all of them.
3. Less work per turn, bounded on any replica: each conversation's newest event id, slot values
   and active form are one row (state.py), written with the events; a turn reads that row and,
   unless this process keeps them in memory (as the JSON text written), the newest WINDOW events:
   never the whole history, whichever replica it lands on. Saves are conditional on the newest
   event read (fencing, state.py): two replicas cannot both extend one conversation.

4. Bounded size: a conversation holds at most MAX_EVENTS_PER_CONVERSATION events. Reading one
   that is full raises ConversationFull before any work on the message (no NLU, nothing
   written), and the channels reply CONVERSATION_FULL ("let's start over"). Each process keeps
   the count next to the newest event id it already reads per turn, so this costs one COUNT
   query per conversation and process (again when another process wrote in between).

Faults are loud and bounded (bot/store_faults.py, connect.py): database calls run in the store's
own threads, never on the event loop, with statement, connection and TCP timeouts; a failed read
or write is retried briefly, then the user gets an apology and the log an error; Rasa's silent
switch to an in-memory store is off. A process started while PostgreSQL is down waits for it.
Retention (retention.py): events older than the retention period are deleted, and a user
can delete their whole conversation (the action `action_delete_conversation`). Counselor
insights rows are written with the events (insights_writer.py).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import os
import threading
import weakref
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, TypeVar

import sqlalchemy as sa
from cachetools import LRUCache
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker

import bot.stores.connect as connect
import bot.stores.events as events
import bot.stores.state as state
from bot.locks import lease_lost
from bot.privacy import redact_event
from bot.store_faults import StoreUnavailable, with_retries
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
T = TypeVar("T")

#: Conversations whose event count we remember between turns (per process).
_COUNTS = 20_000
#: Conversations whose newest events we keep in memory (~40 KB each).
_WINDOWS = 256
#: Threads that run database calls (PostgreSQL; SQLite writes one at a time: one thread).
_IO_THREADS = 8
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


class RedactingSQLTrackerStore(SQLTrackerStore):
    handles_faults = True  # no FailSafeTrackerStore around us (bot/speedups/failsafe.py)
    engine: sa.engine.Engine  # set by Rasa's __init__, replaced in ours (Rasa has no type hints to read it from)

    def __init__(self, *args: Any, **kwargs: Any):
        if kwargs.get("dialect", "sqlite") == "sqlite" and not kwargs.get("host"):
            # Our own folder for the SQLite file (var/): created readable by its owner only.
            folder = os.path.dirname(str(kwargs.get("db") or ""))
            if folder:
                os.makedirs(folder, mode=0o700, exist_ok=True)
        super().__init__(*args, **kwargs)  # Rasa logs (and carries on) when its tables cannot be made
        self.purges = PurgeSchedule(retention_days())
        self._cache_lock = threading.Lock()  # the caches below are used from the store's threads
        # sender -> (id of its newest stored event, JSON of its newest WINDOW events, oldest first)
        self._windows: "LRUCache[str, Tuple[int, List[str]]]" = LRUCache(_WINDOWS)
        # sender -> (id of its newest stored event, how many events it has stored)
        self._counts: "LRUCache[str, Tuple[int, int]]" = LRUCache(_COUNTS)
        threads = 1
        self._insights_engine: Optional[sa.engine.Engine] = None
        if self.engine.dialect.name == "sqlite":
            url = self.engine.url
            self.engine.dispose()
            self.engine = connect.sqlite_engine(url)
            restrict_file(url.database)
        elif self.engine.dialect.name == "postgresql":
            url = self.engine.url
            self.engine.dispose()
            self.engine = connect.postgres_engine(url)  # statement, connect and TCP timeouts
            threads = _IO_THREADS
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        self._io = ThreadPoolExecutor(threads, thread_name_prefix="store")
        self._maintenance = ThreadPoolExecutor(1, thread_name_prefix="store-purge")
        self.purging: "Optional[Future[int]]" = None  # the latest purge started
        self._statements = events.Statements(self.SQLEvent.__table__)
        connect.until_reachable("preparing the conversation tables", self._prepare_tables)
        global _opened
        _opened = weakref.ref(self)

    def _prepare_tables(self) -> None:
        self.SQLEvent.__table__.create(self.engine, checkfirst=True)  # Rasa's attempt fails while the database is down
        ensure_timestamp_index(self.engine, self.SQLEvent.__table__)
        ensure_insights(self.engine)  # counselor insights: one row per user message (bot/insights)
        state.ensure(self.engine)

    def insights_engine(self) -> sa.engine.Engine:
        """The insights page's way into this database: on PostgreSQL an engine of its own, with a
        longer statement limit and its own small pool (a report never takes a turn's connection)."""
        if self.engine.dialect.name != "postgresql":
            return self.engine
        if self._insights_engine is None:
            self._insights_engine = connect.postgres_engine(
                self.engine.url, connect.INSIGHTS_STATEMENT_TIMEOUT_MS, pool_size=2
            )
        return self._insights_engine

    async def _off_loop(self, what: str, call: Callable[..., T], *args: Any) -> T:
        """call(*args) in the store's threads; the event loop waits at most CALL_TIMEOUT_S, even
        when the database does not answer at all (the thread finishes or fails on its own)."""
        future = asyncio.get_running_loop().run_in_executor(self._io, call, *args)
        try:
            return await asyncio.wait_for(future, connect.CALL_TIMEOUT_S)
        except asyncio.TimeoutError:
            raise StoreUnavailable(f"{what}: no answer from the database in {connect.CALL_TIMEOUT_S:.0f} s") from None

    async def retrieve(self, sender_id: str) -> Optional[DialogueStateTracker]:
        async def once() -> Optional[DialogueStateTracker]:
            return await self._off_loop("reading a conversation", self._retrieve_sync, sender_id)

        return await with_retries("reading a conversation", once)

    async def save(self, tracker: DialogueStateTracker) -> None:
        if lease_lost():  # bot/locks.py: another replica may run this conversation now
            raise state.ConversationMoved("the conversation lock was lost during the turn; not saved")
        deleting = DELETE_ACTION in new_action_names(tracker)
        await self.stream_events(tracker)  # Rasa's event broker, if one is configured

        async def once() -> None:
            if deleting:
                await self._off_loop("deleting a conversation", self.delete_conversation, tracker.sender_id)
            else:
                await self._off_loop("saving a conversation", self._save_sync, tracker)

        try:
            await with_retries("saving a conversation", once)
        except state.ConversationMoved:
            self._forget(tracker.sender_id)
            logger.warning("A turn was not saved: another replica wrote its conversation meanwhile")
            raise
        self._purge_when_due()  # after the turn is stored: its failure must not fail (or repeat) the save

    def delete_conversation(self, sender_id: str) -> int:
        """Remove every stored event of a conversation, and what this process remembers of it."""
        with self.session_scope() as session:
            deleted = delete_conversation(session, self.SQLEvent.__table__, sender_id)
            session.commit()
        self._forget(sender_id)
        logger.info("Deleted a conversation at its user's request (%d events)", deleted)
        return deleted

    def _forget(self, sender_id: str) -> None:
        with self._cache_lock:
            self._windows.pop(sender_id, None)
            self._counts.pop(sender_id, None)

    def _purge_when_due(self) -> None:
        """Delete events older than the retention period: at the first save, then hourly, in a
        thread of its own (the turn does not wait), on one replica at a time (retention.py)."""
        if self.purges.due():
            self.purging = self._maintenance.submit(self.purges.run, self.engine, self.SQLEvent.__table__)

    def _check_size(self, session: Any, sender_id: str, newest_id: int) -> None:
        """Raise ConversationFull if the conversation already holds the most events allowed."""
        with self._cache_lock:
            known = self._counts.get(sender_id)
        if known is None or known[0] != newest_id:
            count = session.execute(self._statements.count, {"sender": sender_id}).scalar() or 0
            known = (newest_id, count)
            with self._cache_lock:
                self._counts[sender_id] = known
        if known[1] >= MAX_EVENTS_PER_CONVERSATION:
            raise ConversationFull(sender_id)

    def _retrieve_sync(self, sender_id: str) -> Optional[DialogueStateTracker]:
        with self.session_scope() as session:
            current = state.read(session, sender_id)
            newest_id = current.newest_id if current else self._newest_id(session, sender_id)
            if newest_id is None:
                return None  # a new conversation
            self._check_size(session, sender_id, newest_id)
            if current is None:  # written before conversation_state existed: read in full, once
                tracker = self._full_load(session, sender_id)
                if tracker is None:
                    return None
                slots, loop = tracker.current_slot_values(), tracker.active_loop_name
                working = self._compact(sender_id, slots, loop, list(tracker.events)[-WINDOW:], lambda e: e.as_dict())
            else:
                with self._cache_lock:
                    window = self._windows.get(sender_id)
                if window is None or window[0] != newest_id:
                    rows = session.execute(self._statements.newest_events, {"sender": sender_id}).all()
                    if not rows:  # its events expired (retention) before its state row did
                        state.delete(session, sender_id)
                        session.commit()
                        return None
                    window = (newest_id, [row.data for row in reversed(rows)])
                    with self._cache_lock:
                        self._windows[sender_id] = window
                working = self._compact(sender_id, current.slots, current.active_loop, window[1], json.loads)
        state.set_fence(working, newest_id)
        return working

    def _full_load(self, session: Any, sender_id: str) -> Optional[DialogueStateTracker]:
        rows = self._event_query(session, sender_id, fetch_events_from_all_sessions=False).all()
        loaded = [json.loads(row.data) for row in rows]
        return DialogueStateTracker.from_dict(sender_id, loaded, self.domain.slots) if loaded else None

    def _save_sync(self, tracker: DialogueStateTracker) -> None:
        sender_id, stored, fence = tracker.sender_id, stored_count(tracker), state.fence_of(tracker)
        with self.session_scope() as session:
            if stored is None:  # a tracker we did not hand out (a new conversation): what is not stored yet
                new = list(super()._additional_events(session, tracker))
            else:
                new = list(itertools.islice(tracker.events, stored, None))
            if not new:
                return
            data = [redact_event(e.as_dict()) for e in new]
            rows = [events.row(sender_id, e, d) for e, d in zip(new, data, strict=True)]
            session.execute(self._statements.insert, rows)
            write_insights(session, sender_id, data)  # same transaction
            newest_id = session.execute(self._statements.newest_id, {"sender": sender_id}).scalar()
            now = state.State(newest_id, tracker.current_slot_values(), tracker.active_loop_name)
            when = max((d.get("timestamp") or 0 for d in data), default=0)
            if not state.advance(session, sender_id, fence, now, when):
                session.rollback()
                raise state.ConversationMoved("another replica wrote this conversation after this turn read it")
            session.commit()
        written = [row["data"] for row in rows]
        with self._cache_lock:
            window, known = self._windows.get(sender_id), self._counts.get(sender_id)
            if window is not None and window[0] == fence:
                self._windows[sender_id] = (newest_id, (window[1] + written)[-WINDOW:])
            else:
                self._windows.pop(sender_id, None)  # unknown state: the next turn reads the database
            if known is not None and known[0] == fence:
                self._counts[sender_id] = (newest_id, known[1] + len(rows))
            else:
                self._counts.pop(sender_id, None)  # counted again at the next turn
        mark_stored(tracker)
        state.set_fence(tracker, newest_id)

    def _newest_id(self, session: Any, sender_id: str) -> Optional[int]:
        return session.execute(self._statements.newest_id, {"sender": sender_id}).scalar()

    def _compact(
        self,
        sender_id: str,
        slots: Dict[str, Any],
        active_loop: Optional[str],
        events: Sequence[Any],
        decode: Callable[[Any], Dict[str, Any]],
    ) -> DialogueStateTracker:
        return compacted(sender_id, slots, active_loop, events, decode, self.domain.slots)
