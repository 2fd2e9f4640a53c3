"""The socket.io channel with session persistence, through a real socket.io client.

Rasa 3.6.21's channel forgets to await enter_room with newer python-socketio; this proves
replies reach the client over both transports.
"""

from __future__ import annotations

import queue
import uuid

import pytest
import socketio

from bot.render import pay_line
from tests.conftest import role


@pytest.mark.parametrize("transport", ["websocket", "polling"])
def test_replies_arrive_with_session_persistence(bot, kb, transport):
    replies: "queue.Queue[dict]" = queue.Queue()
    confirmed: "queue.Queue[str]" = queue.Queue()
    client = socketio.Client(reconnection=False)
    client.on("bot_uttered", replies.put)
    client.on("session_confirm", confirmed.put)
    session_id = uuid.uuid4().hex
    client.connect(bot.base, transports=[transport], socketio_path="socket.io", wait_timeout=10)
    try:
        client.emit("session_request", {"session_id": session_id})
        assert confirmed.get(timeout=10) == session_id
        client.emit(
            "user_uttered",
            {"message": "how much do welders make", "session_id": session_id, "metadata": {"school": "Lincoln High"}},
        )
        reply = replies.get(timeout=20)
        assert pay_line(kb, role(kb, "welder").median_pay) in reply["text"]
        assert [b["title"] for b in reply["quick_replies"]][:1] == ["Education"]
    finally:
        client.disconnect()


def test_malformed_socket_events_do_not_break_the_server(bot, kb):
    replies: "queue.Queue[dict]" = queue.Queue()
    client = socketio.Client(reconnection=False)
    client.on("bot_uttered", replies.put)
    client.connect(bot.base, transports=["polling"], wait_timeout=10)
    try:
        session_id = uuid.uuid4().hex
        client.emit("session_request", "not a dict")
        client.emit("user_uttered", "not a dict")
        client.emit("user_uttered", {"message": "hi"})  # no session id: ignored
        client.emit("session_request", {"session_id": session_id})
        client.emit(
            "user_uttered", {"message": "what does a welder do", "session_id": session_id, "metadata": "{broken json"}
        )
        assert role(kb, "welder").summary in replies.get(timeout=20)["text"]
    finally:
        client.disconnect()
