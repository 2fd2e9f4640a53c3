"""The socket.io channel with session persistence, through a real socket.io client.

Rasa 3.6.21's channel forgets to await enter_room with newer python-socketio; this proves
replies reach the client over both transports. A conversation belongs to the client the server
gave its signed id to (bot/channels/conversation_ids.py): a second client that knows the id
receives nothing of it and changes nothing in it.
"""

from __future__ import annotations

import queue
import sqlite3
import time
import uuid
from typing import List, Optional

import pytest
import requests
import socketio

from bot.render import pay_line
from tests.conftest import role
from tests.e2e.conftest import close_tab


class Tab:
    """One browser tab's socket.io client: what it was told and what it received."""

    def __init__(self, base: str, transport: str = "websocket"):
        self.replies: "queue.Queue[dict]" = queue.Queue()
        self.confirmed: "queue.Queue[str]" = queue.Queue()
        self.client = socketio.Client(reconnection=False)
        self.client.on("bot_uttered", self.replies.put)
        self.client.on("session_confirm", self.confirmed.put)
        self.client.connect(f"{base}?route={uuid.uuid4().hex}", transports=[transport], wait_timeout=10)

    def join(self, presented: Optional[str] = None) -> str:
        """session_request; returns the pass the server confirmed."""
        self.client.emit("session_request", {"session_id": presented})
        return self.confirmed.get(timeout=10)

    def say(self, text: str, session_id: str) -> None:
        self.client.emit("user_uttered", {"message": text, "session_id": session_id, "metadata": {"school": "demo"}})

    def received(self, wait_s: float) -> List[dict]:
        got, until = [], time.monotonic() + wait_s
        while time.monotonic() < until:
            try:
                got.append(self.replies.get(timeout=max(0.0, until - time.monotonic())))
            except queue.Empty:
                break
        return got

    def close(self) -> None:
        close_tab(self.client)


def stored_texts(db, conversation: str) -> List[str]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id", (conversation,)
        ).fetchall()
    import json

    return [json.loads(data)["text"] for (data,) in rows]


@pytest.mark.parametrize("transport", ["websocket", "polling"])
def test_replies_arrive_with_session_persistence(bot, kb, transport):
    tab = Tab(bot.base, transport)
    try:
        issued = tab.join()  # a new tab: the server makes the conversation
        assert issued.startswith("web-") and "." in issued
        tab.say("how much do welders make", issued)
        reply = tab.replies.get(timeout=20)
        assert pay_line(kb, role(kb, "welder").median_pay) in reply["text"]
        assert [b["title"] for b in reply["quick_replies"]][:1] == ["Education"]
    finally:
        tab.close()


def test_a_reconnecting_tab_keeps_its_conversation(bot, kb):
    first = Tab(bot.base)
    issued = first.join()
    first.say("how much do welders make", issued)
    assert pay_line(kb, role(kb, "welder").median_pay) in first.replies.get(timeout=20)["text"]
    first.close()
    again = Tab(bot.base, "polling")  # a reload: a new connection presenting the pass it was given
    try:
        assert again.join(issued) == issued
        again.say("what education do they need", issued)
        assert role(kb, "welder").education.typical_entry in again.replies.get(timeout=20)["text"]
    finally:
        again.close()


def test_a_second_client_that_knows_the_id_receives_nothing_and_changes_nothing(bot, kb):
    owner = Tab(bot.base)
    intruder = Tab(bot.base)
    try:
        issued = owner.join()
        conversation = issued.split(".")[0]  # what a log or the database could show
        forged = f"{conversation}.{'0' * 32}"
        # The intruder names the conversation every way it can: bare id, forged signature, as
        # sender of its messages, and asks to delete it. It is given conversations of its own.
        for presented in (conversation, forged):
            own = intruder.join(presented)
            assert own != issued and own.split(".")[0] != conversation
        intruder.say("delete my conversation", conversation)
        intruder.say("what does a machinist do", forged)
        welder = role(kb, "welder")
        owner.say("how much do welders make", issued)
        assert pay_line(kb, welder.median_pay) in owner.replies.get(timeout=20)["text"]
        owner.say("what education do they need", issued)
        assert welder.education.typical_entry in owner.replies.get(timeout=20)["text"]
        intruder_got = " ".join(str(r) for r in intruder.received(3))
        assert role(kb, "machinist").summary in intruder_got  # its own conversation works
        assert pay_line(kb, welder.median_pay) not in intruder_got
        assert welder.education.typical_entry not in intruder_got
        # The owner's conversation holds the owner's words only, and was not deleted.
        time.sleep(0.5)  # the last turn is written right after its reply
        assert stored_texts(bot.db, conversation) == ["how much do welders make", "what education do they need"]
        # REST cannot name it either (as it cannot name a Slack conversation).
        for sender in (conversation, issued):
            resp = requests.post(
                f"{bot.base}/webhooks/rest/webhook", json={"sender": sender, "message": "hi"}, timeout=10
            )
            assert resp.status_code == 400 and "web chat" in resp.json()["error"]
    finally:
        owner.close()
        intruder.close()


def test_malformed_socket_events_do_not_break_the_server(bot, kb):
    tab = Tab(bot.base, "polling")
    try:
        tab.client.emit("session_request", "not a dict")
        issued = tab.confirmed.get(timeout=10)  # a new conversation, as for a request without an id
        tab.client.emit("user_uttered", "not a dict")
        tab.client.emit("user_uttered", {"message": "hi"})  # no session id: ignored
        tab.client.emit(
            "user_uttered", {"message": "what does a welder do", "session_id": issued, "metadata": "{broken json"}
        )
        assert role(kb, "welder").summary in tab.replies.get(timeout=20)["text"]
    finally:
        tab.close()
