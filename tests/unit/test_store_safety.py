"""The store when things go wrong, and how long it keeps things: bounded retries then a loud
failure (never Rasa's silent in-memory fallback), retention, deleting a conversation, file mode."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import stat
import time

import pytest
from rasa.core.agent import Agent
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine

from bot import speedups, store_faults
from bot.speedups import failsafe
from bot.store_faults import StoreUnavailable
from bot.stores import RedactingSQLTrackerStore, retention
from tests.unit.test_store import DOMAIN, run, turn


@pytest.fixture()
def store(tmp_path, monkeypatch):
    monkeypatch.setattr(store_faults, "RETRY_DELAYS_S", (0.01, 0.02))
    return RedactingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "c.db"))


def save_turns(store, sender, turns, when=None):
    tracker = run(store.retrieve(sender)) or DialogueStateTracker(sender, DOMAIN.slots)
    for i in range(turns):
        for e in turn(i, [("role", "welder")]):
            if when is not None:
                e.timestamp = when
            tracker.update(e)
    run(store.save(tracker))


def count(store, sender=None):
    con = sqlite3.connect(store.engine.url.database)
    try:
        sql, args = (
            ("SELECT count(*) FROM events WHERE sender_id = ?", (sender,))
            if sender
            else ("SELECT count(*) FROM events", ())
        )
        return con.execute(sql, args).fetchone()[0]
    finally:
        con.close()


def test_our_store_is_not_wrapped_in_rasas_silent_fallback(store):
    speedups.apply(only=failsafe.PATCHED)
    assert Agent._create_tracker_store(store, DOMAIN) is store


def test_a_locked_database_is_retried_then_fails_loudly(store, caplog):
    save_turns(store, "s1", 1)
    if store.purging is not None:  # the first save starts the retention purge in the background
        store.purging.result(timeout=10)  # it must not be the writer that holds the file here
    locker = sqlite3.connect(store.engine.url.database, timeout=0)
    locker.execute("BEGIN EXCLUSIVE")  # another writer holds the file
    try:
        tracker = DialogueStateTracker.from_events("s2", turn(0), slots=DOMAIN.slots)
        started = time.monotonic()
        with caplog.at_level("WARNING"), pytest.raises(StoreUnavailable, match="saving a conversation failed 3 times"):
            run(store.save(tracker))
        assert time.monotonic() - started < 3  # bounded: a short busy timeout per attempt
        assert caplog.text.count("retrying") == 2 and "database is locked" in caplog.text
    finally:
        locker.rollback()
        locker.close()
    run(store.save(tracker))  # the lock is gone: the same save goes through, once
    assert count(store, "s2") == len(tracker.events)


def test_a_locked_database_that_frees_up_in_time_loses_nothing(store):
    locker = sqlite3.connect(store.engine.url.database, timeout=0)
    locker.execute("BEGIN EXCLUSIVE")

    async def release_soon():
        await asyncio.sleep(0.05)
        locker.rollback()

    async def both():
        tracker = DialogueStateTracker.from_events("s3", turn(0), slots=DOMAIN.slots)
        await asyncio.gather(store.save(tracker), release_soon())
        return tracker

    tracker = run(both())
    locker.close()
    assert count(store, "s3") == len(tracker.events)


def test_an_unreachable_database_fails_loudly_instead_of_starting_an_empty_conversation(store, tmp_path):
    save_turns(store, "s1", 1)
    store._windows.clear()
    store.engine = create_engine(f"sqlite:///{tmp_path}/gone/c.db")  # the database has gone away
    store.sessionmaker.configure(bind=store.engine)
    with pytest.raises(StoreUnavailable, match="reading a conversation failed 3 times"):
        run(store.retrieve("s1"))


def test_deleting_a_conversation_removes_every_event_and_what_is_remembered(store):
    save_turns(store, "s1", 3)
    save_turns(store, "other", 2)
    tracker = run(store.retrieve("s1"))
    for e in [
        ActionExecuted("action_listen"),
        UserUttered("delete my conversation", {"name": "delete_conversation"}),
        ActionExecuted(retention.DELETE_ACTION),
        BotUttered("Done."),
        ActionExecuted("action_listen"),
    ]:
        tracker.update(e)
    run(store.save(tracker))
    assert count(store, "s1") == 0 and count(store, "other") > 0
    assert run(store.retrieve("s1")) is None  # a new conversation next time, no slots carried over
    assert run(store.retrieve("other")).get_slot("role") == "welder"


def test_retention_deletes_old_events_only(store):
    old = time.time() - 40 * 86_400
    save_turns(store, "old", 2, when=old)
    save_turns(store, "new", 2)
    store.purges.next_at = 0.0
    save_turns(store, "new", 1)  # a save starts the purge when it is due, in a thread of its own
    assert store.purging is not None and store.purging.result(30) >= 0  # (the first save may have purged)
    assert count(store, "old") == 0 and count(store, "new") > 0
    assert run(store.retrieve("old")) is None


def test_retention_days_from_the_environment():
    assert retention.retention_days({}) == 30
    assert retention.retention_days({"CONVERSATION_RETENTION_DAYS": "7"}) == 7
    for bad in ("0", "-3", "soon"):
        with pytest.raises(ValueError, match="CONVERSATION_RETENTION_DAYS"):
            retention.retention_days({"CONVERSATION_RETENTION_DAYS": bad})


def test_the_database_file_is_readable_by_its_owner_only(store):
    save_turns(store, "s1", 1)
    for suffix in ("", "-wal"):
        path = store.engine.url.database + suffix
        if os.path.exists(path):
            assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path


def test_purge_command(tmp_path, store, capsys):
    from bot.tools import purge

    save_turns(store, "old", 1, when=time.time() - 10 * 86_400)
    save_turns(store, "new", 1)
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        f'tracker_store:\n  type: bot.stores.RedactingSQLTrackerStore\n  dialect: "sqlite"\n'
        f'  db: "{store.engine.url.database}"\n'
    )
    assert purge.main(["--days", "7", "--endpoints", str(endpoints)]) == 0
    assert "Deleted 5 events older than 7 days" in capsys.readouterr().out
    assert count(store, "old") == 0 and count(store, "new") == 5


def test_a_failed_retention_purge_neither_fails_nor_repeats_the_save(store, monkeypatch, caplog):
    import sqlalchemy.exc

    def locked(*_):
        raise sqlalchemy.exc.OperationalError("DELETE", {}, sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(retention, "purge_in_batches", locked)
    store.purges.next_at = 0.0
    with caplog.at_level("WARNING"):
        save_turns(store, "s9", 1)
        assert store.purging is not None and store.purging.result(30) == 0
    assert count(store, "s9") == 5  # stored once
    assert "Retention purge failed (OperationalError); trying again in 60 s" in caplog.text
    assert "retrying" not in caplog.text  # the save itself was not repeated
