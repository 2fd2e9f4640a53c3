"""The conversation store, called directly (Rasa's FailSafeTrackerStore would hide its errors):
compacted working trackers, every event kept, and no stale state across processes."""

from __future__ import annotations

import asyncio

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import ROOT
from bot.stores import TURNS_KEPT, WINDOW, RedactingSQLTrackerStore
from bot.stores.compaction import last_turns

DOMAIN = Domain.load(str(ROOT / "domain.yml"))


def turn(i, slots=()):
    return [
        ActionExecuted("action_listen"),
        UserUttered(f"message {i}", {"name": "greet", "confidence": 1.0}),
        ActionExecuted("action_answer_about"),
        BotUttered(f"answer {i}"),
        *[SlotSet(k, v) for k, v in slots],
    ]


def run(coro):
    return asyncio.run(coro)


@pytest.fixture()
def store(tmp_path):
    return RedactingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "c.db"))


def conversation(store, turns=60):
    tracker = DialogueStateTracker.from_events(
        "s1", turn(0, [("role", "welder"), ("last_aspect", "pay")]), slots=DOMAIN.slots
    )
    run(store.save(tracker))
    for i in range(1, turns):
        tracker = run(store.retrieve("s1"))
        for e in turn(i, [("last_aspect", "education")] if i == turns - 1 else []):
            tracker.update(e)
        run(store.save(tracker))
    return tracker


def test_working_tracker_is_compacted_but_keeps_slots(store):
    conversation(store)
    tracker = run(store.retrieve("s1"))
    assert len(tracker.events) <= WINDOW + len(DOMAIN.slots)
    assert tracker.get_slot("role") == "welder" and tracker.get_slot("last_aspect") == "education"
    assert tracker.latest_message.text == "message 59"


def test_every_event_is_stored_in_order(store):
    conversation(store)
    full = run(store.retrieve_full_tracker("s1"))
    texts = [e.text for e in full.events if isinstance(e, UserUttered)]
    assert texts == [f"message {i}" for i in range(60)]


def test_a_second_process_sees_the_other_ones_writes(tmp_path):
    a = RedactingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "shared.db"))
    b = RedactingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "shared.db"))
    t = DialogueStateTracker.from_events("s2", turn(0, [("role", "welder")]), slots=DOMAIN.slots)
    run(a.save(t))
    t = run(b.retrieve("s2"))
    for e in turn(1, [("role", "machinist")]):
        t.update(e)
    run(b.save(t))
    # `a` remembers role=welder from its own save, but must notice b's newer write.
    assert run(a.retrieve("s2")).get_slot("role") == "machinist"


def test_a_form_started_long_ago_is_still_active(store):
    from rasa.shared.core.events import ActiveLoop

    tracker = DialogueStateTracker.from_events(
        "s3",
        turn(0) + [ActiveLoop("career_finder_form"), SlotSet("requested_slot", "finder_interest")],
        slots=DOMAIN.slots,
    )
    run(store.save(tracker))
    for i in range(1, 30):  # many re-asked answers: the form's start leaves the window
        tracker = run(store.retrieve("s3"))
        for e in turn(i):
            tracker.update(e)
        run(store.save(tracker))
    fresh = RedactingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(store.engine.url.database))
    for s in (store, fresh):  # from the snapshot, and from a full load in a new process
        restored = run(s.retrieve("s3"))
        assert restored.active_loop_name == "career_finder_form"
        assert restored.get_slot("requested_slot") == "finder_interest"


def _events(tracker):
    return [e.as_dict() for e in tracker.events]


def test_the_kept_window_gives_the_tracker_the_database_gives(store, tmp_path):
    conversation(store, turns=25)
    tracker = run(store.retrieve("s1"))
    tracker.update(UserUttered("my email is kid@example.com", {"name": "greet", "confidence": 1.0}))
    run(store.save(tracker))
    from_memory = run(store.retrieve("s1"))
    from_database = run(
        RedactingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(store.engine.url.database)).retrieve("s1")
    )
    store._windows.clear()
    reread = run(store.retrieve("s1"))
    assert _events(from_memory) == _events(reread)
    assert [e for e in _events(from_memory) if e["event"] != "slot"] == [
        e for e in _events(from_database) if e["event"] != "slot"
    ]
    assert "kid@example.com" not in str(_events(from_memory))  # the window holds what was written


def test_a_turn_reads_one_row_not_the_whole_window(store):
    from sqlalchemy import event

    conversation(store, turns=5)
    statements = []
    event.listen(store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    run(store.retrieve("s1"))
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 1 and "from conversation_state" in selects[0].lower()  # by its primary key


def test_windows_kept_are_bounded(store):
    from cachetools import LRUCache

    store._windows = LRUCache(maxsize=3)  # as the store makes it, with _WINDOWS = 3
    for n in range(6):
        t = DialogueStateTracker.from_events(f"w{n}", turn(0), slots=DOMAIN.slots)
        run(store.save(t))
        for i in range(1, 3):
            t = run(store.retrieve(f"w{n}"))
            for e in turn(i):
                t.update(e)
            run(store.save(t))
    assert len(store._windows) == 3


def test_the_working_tracker_keeps_the_last_whole_turns(store):
    conversation(store, turns=10)
    tracker = run(store.retrieve("s1"))
    tracker.update(ActionExecuted("action_listen"))  # as Rasa stores it: listening after each turn
    run(store.save(tracker))
    tracker = run(store.retrieve("s1"))
    users = [e.text for e in tracker.events if isinstance(e, UserUttered)]
    assert users == [f"message {i}" for i in range(10 - TURNS_KEPT, 10)]  # the previous message is there
    listens = [
        i for i, e in enumerate(tracker.events) if isinstance(e, ActionExecuted) and e.action_name == "action_listen"
    ]
    first_non_slot = next(i for i, e in enumerate(tracker.events) if not isinstance(e, SlotSet))
    assert listens[0] == first_non_slot  # starts where a turn starts
    assert tracker.latest_action_name == "action_listen"


def test_last_turns_with_fewer_turns_keeps_from_the_first_listen():
    listen = {"event": "action", "name": "action_listen"}
    user = {"event": "user", "text": "hi"}
    bot_ = {"event": "bot", "text": "hello"}
    assert last_turns([bot_, listen, user, bot_, listen], lambda e: e) == [listen, user, bot_, listen]
    assert last_turns([bot_, user], lambda e: e) == [bot_, user]  # no turn boundary at all
    many = [listen, user, bot_] * 5 + [listen]
    assert last_turns(many, lambda e: e) == [listen, user, bot_] * TURNS_KEPT + [listen]


def stored_count(store, sender):
    import sqlalchemy as sa

    with store.engine.connect() as connection:
        return connection.execute(sa.text("SELECT count(*) FROM events WHERE sender_id = :s"), {"s": sender}).scalar()


def test_a_full_conversation_is_refused_before_any_work(store, monkeypatch):
    from bot.stores import engine as stores  # where the limit is read

    conversation(store, turns=7)
    monkeypatch.setattr(stores, "MAX_EVENTS_PER_CONVERSATION", stored_count(store, "s1") + 2)
    tracker = run(store.retrieve("s1"))
    for e in turn(7):
        tracker.update(e)
    run(store.save(tracker))  # over the limit now: the next message is refused
    full = stored_count(store, "s1")
    with pytest.raises(stores.ConversationFull):
        run(store.retrieve("s1"))
    assert stored_count(store, "s1") == full  # nothing more was added
    assert run(store.retrieve("s2")) is None  # other conversations are not affected
    # a second process counts what is stored, not what it saw
    other = RedactingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(store.engine.url.database))
    with pytest.raises(stores.ConversationFull):
        run(other.retrieve("s1"))
    store.delete_conversation("s1")  # "delete my conversation" (or retention) frees it
    assert run(store.retrieve("s1")) is None


def test_the_event_count_is_kept_without_a_query_per_turn(store):
    conversation(store, turns=5)
    run(store.retrieve("s1"))
    assert store._counts["s1"][1] == stored_count(store, "s1")
    tracker = run(store.retrieve("s1"))
    for e in turn(5):
        tracker.update(e)
    run(store.save(tracker))
    with store.session_scope() as session:
        newest = store._newest_id(session, "s1")
    assert store._counts["s1"] == (newest, stored_count(store, "s1"))
