"""The store writes one insight row per user message, in both of its save paths, and retention
(purge, "delete my conversation") removes them with the events. Plus the page's speed."""

from __future__ import annotations

import asyncio
import time

import pytest
import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import ROOT
from bot.insights.table import TABLE
from bot.stores import RedactingSQLTrackerStore, retention
from harness import bench_insights

DOMAIN = Domain.load(str(ROOT / "domain.yml"))


def turn(text, intent, action, ts, **slots):
    return [
        ActionExecuted("action_listen", timestamp=ts),
        UserUttered(
            text,
            {"name": intent, "confidence": 0.9},
            metadata={"school": "demo"},
            input_channel="socketio",
            timestamp=ts,
        ),
        ActionExecuted(action, timestamp=ts),
        BotUttered("answer", timestamp=ts),
        *[SlotSet(k, v, timestamp=ts) for k, v in slots.items()],
    ]


def run(coro):
    return asyncio.run(coro)


@pytest.fixture()
def store(tmp_path):
    return RedactingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "c.db"))


def chat(store, sender, ts):
    tracker = DialogueStateTracker.from_events(
        sender,
        turn("how much do welders make", "ask_pay", "action_answer_role_question", ts, role="welder"),
        slots=DOMAIN.slots,
    )
    run(store.save(tracker))  # a new conversation: Rasa's own save path
    tracker = run(store.retrieve(sender))
    for e in turn("email me at kid@example.com", "nlu_fallback", "action_handle_low_confidence", ts + 5):
        tracker.update(e)
    run(store.save(tracker))  # later turns: our prebuilt insert


def rows(store, sender=None):
    query = sa.select(TABLE)
    if sender:
        query = query.where(TABLE.c.conversation == sender)
    with store.engine.connect() as connection:
        return [dict(r._mapping) for r in connection.execute(query.order_by(TABLE.c.id))]


def test_each_save_path_writes_one_row_per_user_message(store):
    chat(store, "a", time.time())
    first, second = rows(store, "a")
    assert (first["kind"], first["role"], first["answered"], first["text"], first["school"]) == (
        "pay",
        "welder",
        True,
        None,
        "demo",
    )
    assert (second["kind"], second["answered"], second["text"]) == ("not covered", False, "email me at [email removed]")
    assert first["channel"] == "socketio"


def test_deleting_a_conversation_removes_its_insight_rows(store):
    chat(store, "a", time.time())
    chat(store, "b", time.time())
    store.delete_conversation("a")
    assert rows(store, "a") == [] and len(rows(store, "b")) == 2


def test_retention_purge_removes_old_insight_rows(store):
    store.purges.next_at = float("inf")  # not at the first save: we purge below
    chat(store, "old", time.time() - 40 * 86_400)
    chat(store, "new", time.time())
    with store.session_scope() as session:
        retention.purge(session, store.SQLEvent.__table__, 30)
        session.commit()
    assert {r["conversation"] for r in rows(store)} == {"new"}


def test_purge_tool_on_a_store_without_the_table(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as connection:  # a store written before insights existed
        connection.execute(sa.schema.CreateTable(RedactingSQLTrackerStore.SQLEvent.__table__))
        assert retention.purge(connection, RedactingSQLTrackerStore.SQLEvent.__table__, 30) == 0
    assert sa.inspect(engine).has_table("insights")


def test_page_is_fast_on_a_big_store(tmp_path):
    result = bench_insights.run(events=150_000, days=120, repeat=1, folder=tmp_path)
    assert result["insight_rows"] == 30_000
    assert result["district_page_s"] < 2.0 and result["school_page_s"] < 2.0, result


def test_the_insights_page_reaches_the_database_of_the_store_rasa_opened(tmp_path):
    import gc

    from bot import stores

    first = RedactingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "a.db"))
    assert stores.insights_engine() is first.engine
    second = RedactingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "b.db"))
    assert stores.insights_engine() is second.engine  # the one opened last
    del first, second
    gc.collect()
    assert stores.insights_engine() is None  # no store kept alive for the page's sake
