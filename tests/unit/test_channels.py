"""Channel guarantees: a reply to every message, 4xx for malformed requests, clean text."""

from __future__ import annotations

import asyncio
import json
from types import SimpleNamespace

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels.guarantee import (
    CONVERSATION_FULL,
    EMPTY_MESSAGE,
    MAX_MESSAGE_CHARS,
    NO_REPLY,
    STORE_DOWN,
    clean_message,
    with_reply,
)
from bot.channels.limits import MAX_METADATA_BYTES, clean_metadata, limit_requests, valid_session_id
from bot.channels.rest import MAX_BODY_BYTES, reject_malformed
from bot.store_faults import StoreUnavailable


def handle(text, on_new_message):
    out = CollectingOutputChannel()
    asyncio.run(with_reply(on_new_message)(UserMessage(text, out, "u1")))
    return [m["text"] for m in out.messages]


def test_reply_passes_through():
    async def answer(message):
        await message.output_channel.send_text_message(message.sender_id, "hello")

    assert handle("hi", answer) == ["hello"]


def test_silence_becomes_a_graceful_reply():
    async def silent(message):  # what Rasa does when the action server is down
        return None

    assert handle("how much do welders make", silent) == [NO_REPLY]


def test_failure_becomes_a_graceful_reply():
    async def broken(message):
        raise RuntimeError("database gone")

    assert handle("hi", broken) == [NO_REPLY]


def test_replies_are_held_until_the_turn_is_stored():
    seen = []

    class Out(CollectingOutputChannel):
        async def send_response(self, recipient_id, message):
            seen.append(("sent", message["text"]))

    async def answer(message):
        await message.output_channel.send_text_message(message.sender_id, "hello")
        seen.append(("stored", None))  # Rasa saves the tracker after running the actions

    asyncio.run(with_reply(answer)(UserMessage("hi", Out(), "u1")))
    assert seen == [("stored", None), ("sent", "hello")]


def test_an_unavailable_store_gets_an_apology_and_nothing_else(caplog):
    async def store_down(message):
        await message.output_channel.send_text_message(message.sender_id, "an answer that was not saved")
        raise StoreUnavailable("saving a conversation failed 4 times")

    with caplog.at_level("ERROR"):
        assert handle("how much do welders make", store_down) == [STORE_DOWN]
    assert "Conversation store unavailable" in caplog.text


def test_a_full_conversation_gets_a_start_over_reply_and_nothing_else():
    from bot.stores import ConversationFull

    async def full(message):
        await message.output_channel.send_text_message(message.sender_id, "never sent")
        raise ConversationFull(message.sender_id)

    assert handle("what does a welder do", full) == [CONVERSATION_FULL]


def test_empty_message_gets_a_hint_without_reaching_rasa():
    async def never(message):
        raise AssertionError("should not be called")

    assert handle("   ", never) == [EMPTY_MESSAGE]


def test_clean_message():
    assert clean_message("  weld\x00er\x07  ") == "welder"
    long = clean_message("x" * 100_000)
    assert long is not None and len(long) == MAX_MESSAGE_CHARS
    assert clean_message(42) is None


def request(body, method="POST", path="/webhooks/rest/webhook"):
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return SimpleNamespace(method=method, path=path, body=raw, headers={}, ctx=SimpleNamespace())


@pytest.mark.parametrize(
    "body, status, reason",
    [
        (b"not json", 400, "must be JSON"),
        ([1, 2], 400, "JSON object"),
        ({"message": "hi"}, 400, "'sender'"),
        ({"sender": "", "message": "hi"}, 400, "'sender'"),
        ({"sender": "x" * 500, "message": "hi"}, 400, "'sender'"),
        ({"sender": "a b", "message": "hi"}, 400, "'sender'"),
        ({"sender": "me@example.org", "message": "hi"}, 400, "'sender'"),
        ({"sender": "u\n", "message": "hi"}, 400, "'sender'"),
        ({"sender": "u", "message": "hi", "metadata": {"x": "y" * MAX_METADATA_BYTES}}, 400, "'metadata'"),
        (b'{"sender": "u", "message": "hi", "metadata": ' + b"[" * 5000 + b"]" * 5000 + b"}", 400, "must be JSON"),
        ({"sender": "u", "message": 5}, 400, "'message'"),
        # A Slack conversation's id: a web client cannot read or write a staff member's chat.
        ({"sender": "U0123ABCD", "message": "hi"}, 400, "Slack"),
        ({"sender": "U0123ABCD_D0456EFGH_1700000000.000100", "message": "hi"}, 400, "Slack"),
        ({"sender": "u", "message": "hi", "metadata": "school"}, 400, "'metadata'"),
        (b"{" + b" " * (MAX_BODY_BYTES + 1) + b"}", 413, "larger than"),
    ],
)
def test_malformed_rest_requests_get_4xx(body, status, reason):
    resp = asyncio.run(reject_malformed(request(body)))
    assert resp.status == status and reason in json.loads(resp.body)["error"]


def test_wellformed_rest_request_passes():
    assert asyncio.run(reject_malformed(request({"sender": "u", "message": "hi", "metadata": {}}))) is None
    widget_id = "1b4e28ba-2fa1-11d2-883f-0016d3cca427"  # our widget's and most clients' ids are not Slack's
    assert asyncio.run(reject_malformed(request({"sender": widget_id, "message": "hi"}))) is None
    assert asyncio.run(reject_malformed(request(b"", method="GET", path="/webhooks/rest/"))) is None


def test_metadata_keeps_only_a_school_id():
    assert clean_metadata('{"school": "lincoln-high"}') == {"school": "lincoln-high"}
    assert clean_metadata({"school": "lincoln-high", "counselor_email": "evil@attacker.example"}) == {
        "school": "lincoln-high"
    }
    assert clean_metadata({"school": {"counselor": {"email": "evil@attacker.example"}}}) == {}
    assert clean_metadata({"school": "Lincoln High"}) == {}  # not an id: settings live on the server
    assert clean_metadata("{broken") == {} and clean_metadata(["x"]) == {} and clean_metadata(None) == {}
    assert clean_metadata("[" * 50_000) == {}


@pytest.mark.parametrize(
    "value, ok",
    [
        ("3f2b9c0e4d5a4b1c8e7f6a5b4c3d2e1f", True),
        ("slack:C1:1700000000.0001", True),
        ("x" * 128, True),
        ("x" * 129, False),
        ("", False),
        ("a b", False),
        ("<script>", False),
        ("me@example.org", False),
        (None, False),
        (5, False),
        (["a"], False),
    ],
)
def test_session_ids(value, ok):
    assert valid_session_id(value) is ok


def test_server_wide_request_limits():
    app = SimpleNamespace(config=SimpleNamespace(REQUEST_MAX_SIZE=100_000_000, REQUEST_TIMEOUT=60))
    asyncio.run(limit_requests(app))
    assert app.config.REQUEST_MAX_SIZE == 64 * 1024 and app.config.REQUEST_TIMEOUT == 10


def test_slack_mrkdwn():
    from bot.channels.slack import to_mrkdwn

    text = "Welder\nMedian pay: $51,000 a year (BLS, May 2024) <b>&\nMore: https://www.bls.gov/ooh/x.htm."
    assert to_mrkdwn(text) == (
        "*Welder*\nMedian pay: $51,000 a year (BLS, May 2024) &lt;b&gt;&amp;\nMore: <https://www.bls.gov/ooh/x.htm>."
    )
    assert to_mrkdwn("Sorry, I didn't understand that.\nTry again").startswith("Sorry")


def test_slack_is_off_without_credentials(monkeypatch, caplog):
    from bot.channels.slack import SchoolSlackInput, SlackOff

    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    monkeypatch.delenv("SLACK_SIGNING_SECRET", raising=False)
    with caplog.at_level("INFO"):
        assert isinstance(SchoolSlackInput.from_credentials({}), SlackOff)
    assert "Slack is off" in caplog.text
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s")
    assert isinstance(SchoolSlackInput.from_credentials({}), SchoolSlackInput)
