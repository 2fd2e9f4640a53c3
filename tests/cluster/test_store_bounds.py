"""The conversation store on the real PostgreSQL and Redis, in this process (no replicas needed):
a turn on a replica that never saw the conversation reads a bounded window however long it is;
two replicas cannot both extend one conversation (fencing), also when a lock expires mid-turn;
the purge runs on one replica at a time, in batches; start-up waits for the database."""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import List

import pytest
import redis
import sqlalchemy as sa
from rasa.shared.core.trackers import DialogueStateTracker

from bot import locks
from bot.stores import WINDOW, RedactingSQLTrackerStore, connect, retention, state
from bot.tools.cluster import DEFAULT_REDIS_URL
from tests.unit.test_store import DOMAIN, run, turn


def new_store(database):
    url = sa.engine.make_url(database)
    return RedactingSQLTrackerStore(
        DOMAIN, dialect="postgresql", host=url.host, port=url.port, db=url.database, username=url.username
    )


def events_of(database, sender):
    engine = sa.create_engine(database)
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text("SELECT type_name, data FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender}
        ).all()
    engine.dispose()
    return rows


def started(store, sender):
    tracker = DialogueStateTracker.from_events(sender, turn(0, [("role", "welder")]), slots=DOMAIN.slots)
    run(store.save(tracker))
    return tracker


def test_a_replica_that_never_saw_a_long_conversation_reads_a_bounded_window(database, monkeypatch):
    from bot.stores import engine as stores

    monkeypatch.setattr(stores, "MAX_EVENTS_PER_CONVERSATION", 10**6)
    me = uuid.uuid4().hex
    started(new_store(database), me)
    engine = sa.create_engine(database)
    with engine.begin() as connection:  # 160,000 more events, as one very long session would leave
        connection.execute(
            sa.text(
                "INSERT INTO events (sender_id, type_name, timestamp, action_name, data) "
                "SELECT :s, 'action', extract(epoch from now()), 'action_listen', "
                '\'{"event": "action", "name": "action_listen", "timestamp": 1}\' FROM generate_series(1, 160000)'
            ),
            {"s": me},
        )
        newest = connection.execute(sa.text("SELECT max(id) FROM events WHERE sender_id = :s"), {"s": me}).scalar()
        connection.execute(
            sa.text("UPDATE conversation_state SET newest_id = :n WHERE sender_id = :s"), {"n": newest, "s": me}
        )
    engine.dispose()
    other = new_store(database)  # another replica: nothing of this conversation in memory
    fetched = []
    sa.event.listen(other.engine, "after_cursor_execute", lambda c, cursor, *a: fetched.append(cursor.rowcount))
    begun = time.monotonic()
    tracker = run(other.retrieve(me))
    took = time.monotonic() - begun
    print(f"\nfirst turn on another replica, 160,001 events stored: {took * 1000:.0f} ms, rows {fetched}")
    assert tracker.get_slot("role") == "welder"  # the slots come from the state row
    assert len(tracker.events) <= WINDOW + len(DOMAIN.slots)
    assert max(fetched) <= WINDOW and took < 1.0, (fetched, took)


def test_two_replicas_cannot_both_extend_one_conversation(database):
    a, b = new_store(database), new_store(database)
    me = uuid.uuid4().hex
    started(a, me)
    on_a, on_b = run(a.retrieve(me)), run(b.retrieve(me))  # both read the same newest event
    for e in turn(1):
        on_a.update(e)
    for e in turn(2):
        on_b.update(e)
    run(a.save(on_a))
    with pytest.raises(state.ConversationMoved):
        run(b.save(on_b))
    texts = [r.data for r in events_of(database, me) if r.type_name == "user"]
    assert len(texts) == 2 and "message 1" in texts[1] and not any("message 2" in t for t in texts)
    again = run(b.retrieve(me))  # b reads what a wrote and can go on
    assert again.latest_message.text == "message 1"
    for e in turn(3):
        again.update(e)
    run(b.save(again))
    # A brand-new conversation created by two replicas at once: the first one wins.
    new = uuid.uuid4().hex
    first = DialogueStateTracker.from_events(new, turn(0), slots=DOMAIN.slots)
    second = DialogueStateTracker.from_events(new, turn(9) + turn(10), slots=DOMAIN.slots)
    run(a.save(first))
    with pytest.raises(state.ConversationMoved):
        run(b.save(second))


def test_a_lock_that_expires_mid_turn_is_a_lost_lock(database):
    """The lock's key vanishes during a turn (a replica paused past its lease, Redis failed over):
    the holder notices at its next renewal and does not save; another replica took the
    conversation meanwhile, and its turn is the one stored."""
    prefix = f"mfgtest{uuid.uuid4().hex[:8]}"
    a_store, b_store = new_store(database), new_store(database)
    me = uuid.uuid4().hex
    started(a_store, me)
    client = redis.Redis.from_url(DEFAULT_REDIS_URL)

    async def scenario():
        a_locks = locks.RedisConversationLocks(url=DEFAULT_REDIS_URL, key_prefix=prefix)
        b_locks = locks.RedisConversationLocks(url=DEFAULT_REDIS_URL, key_prefix=prefix)
        async with a_locks.lock(me):
            tracker = await a_store.retrieve(me)
            client.delete(f"{prefix}:lock:{me}")  # the lease is gone
            async with b_locks.lock(me):  # another replica takes the conversation
                other = await b_store.retrieve(me)
                for e in turn(2):
                    other.update(e)
                await b_store.save(other)
            await asyncio.sleep(locks.LEASE_S / 3 + 0.3)  # a's next renewal fails
            assert locks.lease_lost()
            for e in turn(1):
                tracker.update(e)
            with pytest.raises(state.ConversationMoved, match="lock was lost"):
                await a_store.save(tracker)

    asyncio.run(scenario())
    texts = [r.data for r in events_of(database, me) if r.type_name == "user"]
    assert any("message 2" in t for t in texts) and not any("message 1" in t for t in texts)


def test_the_purge_runs_on_one_replica_at_a_time_in_batches(database):
    me = uuid.uuid4().hex
    store = new_store(database)
    table = store.SQLEvent.__table__
    engine = sa.create_engine(database)
    old = time.time() - 40 * 86_400
    with engine.begin() as connection:
        connection.execute(
            sa.text(
                "INSERT INTO events (sender_id, type_name, timestamp, data) "
                "SELECT :s, 'bot', :t, '{}' FROM generate_series(1, 2500)"
            ),
            {"s": me, "t": old},
        )
    statements = []
    holder = engine.connect()  # another replica purging: it holds the lock
    with holder.begin():
        assert holder.execute(sa.text("SELECT pg_try_advisory_lock(:k)"), {"k": retention.PURGE_LOCK_KEY}).scalar()
    try:
        assert retention.purge_in_batches(store.engine, table, 30) is None
        assert len(events_of(database, me)) == 2500  # nothing deleted by the second replica
    finally:
        with holder.begin():
            holder.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": retention.PURGE_LOCK_KEY})
        holder.close()
    sa.event.listen(store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    deleted = retention.purge_in_batches(store.engine, table, 30, batch=1000)
    assert deleted is not None and deleted >= 2500 and events_of(database, me) == []
    assert sum(1 for s in statements if s.lstrip().upper().startswith("DELETE FROM EVENTS")) >= 3  # 1000 a time
    engine.dispose()


def test_start_up_waits_for_the_database_with_a_bounded_backoff(caplog):
    pauses: List[float] = []
    calls = iter([sa.exc.OperationalError("connect", {}, Exception("refused"))] * 3)

    def attempt():
        error = next(calls, None)
        if error is not None:
            raise error
        return "ready"

    with caplog.at_level("WARNING"):
        assert connect.until_reachable("testing", attempt, sleep=pauses.append) == "ready"
    assert pauses == list(connect.START_DELAYS_S[:3])
    assert caplog.text.count("Conversation database unreachable at start-up") == 3
    with pytest.raises(SystemExit, match="still unreachable after 3 attempts"):
        connect.until_reachable("testing", lambda: attempt_fail(), delays=(0.0, 0.0), sleep=lambda _: None)
    assert sum(connect.START_DELAYS_S) < 600 and max(connect.START_DELAYS_S) <= 30


def attempt_fail():
    raise sa.exc.OperationalError("connect", {}, Exception("refused"))
