"""Channel guarantees: a reply to every message, 4xx for malformed requests, clean text."""
from __future__ import annotations

import asyncio
import json
from types import SimpleNamespace

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels.guarantee import EMPTY_MESSAGE, MAX_MESSAGE_CHARS, NO_REPLY, clean_message, with_reply
from bot.channels.rest import MAX_BODY_BYTES, reject_malformed
from bot.channels.origins import allowed_origins, frame_ancestors
from bot.channels.socketio import _metadata


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


def test_empty_message_gets_a_hint_without_reaching_rasa():
    async def never(message):
        raise AssertionError("should not be called")
    assert handle("   ", never) == [EMPTY_MESSAGE]


def test_clean_message():
    assert clean_message("  weld\x00er\x07  ") == "welder"
    assert len(clean_message("x" * 100_000)) == MAX_MESSAGE_CHARS
    assert clean_message(42) is None


def request(body, method="POST", path="/webhooks/rest/webhook"):
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return SimpleNamespace(method=method, path=path, body=raw)


@pytest.mark.parametrize("body, status, reason", [
    (b"not json", 400, "must be JSON"),
    ([1, 2], 400, "JSON object"),
    ({"message": "hi"}, 400, "'sender'"),
    ({"sender": "", "message": "hi"}, 400, "'sender'"),
    ({"sender": "x" * 500, "message": "hi"}, 400, "'sender'"),
    ({"sender": "u", "message": 5}, 400, "'message'"),
    ({"sender": "u", "message": "hi", "metadata": "school"}, 400, "'metadata'"),
    (b"{" + b" " * (MAX_BODY_BYTES + 1) + b"}", 413, "larger than"),
])
def test_malformed_rest_requests_get_4xx(body, status, reason):
    resp = asyncio.run(reject_malformed(request(body)))
    assert resp.status == status and reason in json.loads(resp.body)["error"]


def test_wellformed_rest_request_passes():
    assert asyncio.run(reject_malformed(request({"sender": "u", "message": "hi", "metadata": {}}))) is None
    assert asyncio.run(reject_malformed(request(b"", method="GET", path="/webhooks/rest/"))) is None


def test_socketio_metadata_is_always_a_dict():
    assert _metadata('{"school": "Lincoln High"}') == {"school": "Lincoln High"}
    assert _metadata("{broken") == {} and _metadata(["x"]) == {} and _metadata(None) == {}


def test_allowed_origins(monkeypatch):
    monkeypatch.delenv("CHAT_ALLOWED_ORIGINS", raising=False)
    assert "http://localhost:5005" in allowed_origins()
    monkeypatch.setenv("CHAT_ALLOWED_ORIGINS", "https://school.example.org/, https://district.example.org")
    assert allowed_origins() == ["https://school.example.org", "https://district.example.org"]
    assert frame_ancestors() == "frame-ancestors 'self' https://school.example.org https://district.example.org"


def test_slack_mrkdwn():
    from bot.channels.slack import to_mrkdwn

    text = "Welder\nMedian pay: $51,000 a year (BLS, May 2024) <b>&\nMore: https://www.bls.gov/ooh/x.htm."
    assert to_mrkdwn(text) == ("*Welder*\nMedian pay: $51,000 a year (BLS, May 2024) &lt;b&gt;&amp;\n"
                               "More: <https://www.bls.gov/ooh/x.htm>.")
    assert to_mrkdwn("Sorry, I didn't understand that.\nTry again") .startswith("Sorry")


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
