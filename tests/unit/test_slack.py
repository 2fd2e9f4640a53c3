"""Slack channel without servers: request handling, payload parsing, Web API retries, shutdown."""

from __future__ import annotations

import asyncio
import copy
import hashlib
import hmac
import json
import logging
import time
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from multidict import CIMultiDict
from rasa.core.channels.slack import SlackInput
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)

from bot.channels import slack_payloads
from bot.channels.guarantee import MAX_MESSAGE_CHARS
from bot.channels.slack import (
    MAX_BODY_BYTES,
    POST_RETRIES,
    SchoolSlackBot,
    SchoolSlackInput,
    SeenEvents,
    finish_pending,
)
from bot.channels.slack_payloads import RAW_TEXT_CHARS, Challenge, Ignored, Incoming, Malformed, parse
from tests.e2e.fake_slack import FakeSlack

SECRET = "unit-signing-secret"
BOT_USER = "UBOT0001"


def request(body, content_type="application/json", retry=None, secret=SECRET):
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    ts = str(int(time.time()))
    signature = "v0=" + hmac.new(secret.encode(), f"v0:{ts}:".encode() + raw, hashlib.sha256).hexdigest()
    headers = CIMultiDict(
        {"Content-Type": content_type, "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature}
    )
    if retry:
        headers["X-Slack-Retry-Num"], headers["X-Slack-Retry-Reason"] = retry, "http_timeout"
    return SimpleNamespace(headers=headers, body=raw)


def dm_event(event_id="Ev1", text="how much do welders make", **event):
    return {
        "type": "event_callback",
        "event_id": event_id,
        "authorizations": [{"user_id": BOT_USER}],
        "event": {
            "type": "message",
            "channel_type": "im",
            "channel": "D1",
            "user": "U1",
            "text": text,
            "ts": "1.000100",
            **event,
        },
    }


BUTTON = {
    "type": "block_actions",
    "user": {"id": "U1"},
    "channel": {"id": "D1"},
    "container": {"channel_id": "D1"},
    "message": {"ts": "2.0", "thread_ts": "1.000100"},
    "actions": [{"type": "button", "value": '/ask_education{"role": "welder"}', "action_ts": "3.0"}],
}


def deliver(*requests, channel=None):
    """Statuses of the webhook's answers, and the messages passed on to Rasa."""
    channel = channel or SchoolSlackInput("xoxb-unit", SECRET)
    answered = []

    async def reply(message):
        answered.append(message)

    async def run():
        responses = [await channel.receive(r, reply) for r in requests]
        await finish_pending(channel.replies, 5)
        return responses

    return asyncio.run(run()), answered


# --- 1. retries: only repeats of deliveries we have are dropped ----------------------------------


def test_retry_of_an_event_we_never_got_is_answered_and_repeats_are_dropped():
    (first, repeat, again), answered = deliver(
        request(dm_event("EvLost"), retry="1"), request(dm_event("EvLost"), retry="2"), request(dm_event("EvLost"))
    )
    assert [r.status for r in (first, repeat, again)] == [200, 200, 200]
    assert [m.text for m in answered] == ["how much do welders make"]
    assert repeat.headers.get("X-Slack-No-Retry") == "1"
    assert answered[0].sender_id == "U1_D1_1.000100" and answered[0].output_channel.thread_id == "1.000100"


def test_repeated_button_click_is_answered_once():
    form = urlencode({"payload": json.dumps(BUTTON)}).encode()
    content_type = "application/x-www-form-urlencoded"
    _, answered = deliver(request(form, content_type), request(form, content_type, retry="1"))
    assert [m.text for m in answered] == ['/ask_education{"role": "welder"}']


def test_seen_events_remembers_a_bounded_number():
    seen = SeenEvents(size=2)

    async def run():
        return [await seen.first_time(k) for k in ("a", "a", "b", "c", "a", "c")]

    assert asyncio.run(run()) == [True, False, True, True, True, False]  # "a" was forgotten after "c"


# --- 2 and 3. Web API retries; a reply that cannot be posted does not raise ----------------------


@pytest.fixture(scope="module")
def fake_slack():
    fake = FakeSlack()
    yield fake
    fake.close()


def test_web_client_retries_rate_limits_server_and_connection_errors():
    handlers = SchoolSlackBot("xoxb-unit", "C1", "1.0", None).client.retry_handlers
    assert {type(h) for h in handlers} == {
        AsyncRateLimitErrorRetryHandler,
        AsyncServerErrorRetryHandler,
        AsyncConnectionErrorRetryHandler,
    }
    assert all(h.max_retry_count == POST_RETRIES for h in handlers)


@pytest.mark.parametrize("status", [500, 503])
def test_server_error_is_retried_and_the_reply_delivered_once(fake_slack, status):
    channel = f"C{status}"
    fake_slack.fail(channel, status)
    asyncio.run(SchoolSlackBot("xoxb-unit", channel, "1.0", fake_slack.url).send_text_message("U1", "Welder\nhi"))
    assert len(fake_slack.refused_for(channel)) == 1
    assert len(fake_slack.messages(channel, "1.0")) == 1


def test_reply_that_slack_never_takes_is_logged_without_the_text(fake_slack, caplog):
    fake_slack.fail("CDOWN", 500, times=10)
    bot = SchoolSlackBot("xoxb-unit", "CDOWN", "1.0", fake_slack.url)
    with caplog.at_level(logging.DEBUG, logger="bot.channels.slack"):
        asyncio.run(bot.send_text_with_buttons("U1", "Private answer about U1", [{"title": "A", "payload": "/a"}]))
    assert len(fake_slack.refused_for("CDOWN")) == 1 + POST_RETRIES and fake_slack.messages("CDOWN", "1.0") == []
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "HTTP 500 internal_error" in errors[0].getMessage()
    assert "Private answer" not in caplog.text


def test_unreachable_slack_does_not_raise(caplog):
    bot = SchoolSlackBot("xoxb-unit", "C1", "1.0", "http://127.0.0.1:9/api/")  # discard port: refused
    with caplog.at_level(logging.ERROR, logger="bot.channels.slack"):
        asyncio.run(bot.send_text_message("U1", "hi"))
    assert "not delivered" in caplog.text


# --- 4. shutdown waits for replies being worked on ------------------------------------------------


def test_finish_pending_waits_for_replies_including_late_ones_within_the_timeout():
    async def run():
        tasks = set()
        quick = asyncio.create_task(asyncio.sleep(0.1))
        stuck = asyncio.create_task(asyncio.sleep(60))
        tasks |= {quick, stuck}

        async def start_late():
            await asyncio.sleep(0.05)
            tasks.add(asyncio.create_task(asyncio.sleep(0.2)))

        starter = asyncio.create_task(start_late())
        started = time.monotonic()
        left = await finish_pending(tasks, timeout=0.6)
        waited = time.monotonic() - started
        late = next(t for t in tasks if t not in (quick, stuck))
        stuck.cancel()
        await starter
        return left, quick.done(), late.done(), waited

    left, quick_done, late_done, waited = asyncio.run(run())
    assert left == 1 and quick_done and late_done and 0.5 < waited < 1.5
    assert asyncio.run(finish_pending(set(), timeout=10)) == 0


def test_blueprint_finishes_replies_before_the_server_stops():
    async def on_new_message(message):
        return None

    bp = SchoolSlackInput("xoxb-unit", SECRET).blueprint(on_new_message)
    assert "before_server_stop" in [listener.event for listener in bp._future_listeners]


# --- 5 and 6. bounded, validated bodies -----------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        dm_event(text=5),
        {**dm_event(), "event": {"text": 5, "user": []}},
        {**dm_event(), "event": "message"},
        {**dm_event(), "authorizations": "UBOT"},
        {**dm_event(), "authorizations": [{"user_id": 7}]},
        dm_event(thread_ts=["1.0"]),
        dm_event(user=None),
        {**BUTTON, "actions": "button"},
        {**BUTTON, "user": "U1"},
        {**BUTTON, "message": {"ts": 2.0}},
        {"type": "url_verification", "challenge": 42},
        {"type": 3},
        [dm_event()],
    ],
)
def test_signed_but_malformed_bodies_get_400(body):
    (resp,), answered = deliver(request(body))
    assert resp.status == 400 and answered == []


def test_url_verification_and_unknown_types():
    (challenge, other), answered = deliver(
        request({"type": "url_verification", "challenge": "abc"}),
        request({"type": "app_rate_limited", "minute_rate_limited": 1}),
    )
    assert json.loads(challenge.body) == {"challenge": "abc"} and other.status == 200 and answered == []


def test_oversized_body_is_refused_before_the_signature_is_checked():
    huge = json.dumps(dm_event(text="x" * MAX_BODY_BYTES)).encode()
    (resp,), _ = deliver(request(huge, secret="not-the-secret"))
    assert resp.status == 413
    (resp,), _ = deliver(request(dm_event(), secret="not-the-secret"))
    assert resp.status == 401


def test_text_is_cut_before_rasa_sanitises_it(monkeypatch):
    seen = []
    sanitise = SlackInput._sanitize_user_message

    def spy(text, uids):
        seen.append(len(text))
        return sanitise(text, uids)

    monkeypatch.setattr(SlackInput, "_sanitize_user_message", staticmethod(spy))
    message = parse(dm_event(text="<@UBOT0001> " + "x" * 60_000))
    assert isinstance(message, Incoming)
    assert seen == [RAW_TEXT_CHARS] and len(message.text) == MAX_MESSAGE_CHARS and message.text.startswith("x")


def test_mentions_and_links_are_sanitised():
    message = parse(dm_event(text=f"<@{BOT_USER}> see <https://bls.gov|bls.gov> about welders"))
    assert message == Incoming("Ev1", "see bls.gov about welders", "U1", "D1", "1.000100")
    assert parse(dm_event(bot_id="B1")) is slack_payloads.IGNORED
    assert parse(dm_event(channel_type="channel")) is slack_payloads.IGNORED
    assert parse(dm_event(subtype="message_changed", user=None, text=None)) is slack_payloads.IGNORED


# Property: whatever JSON a signed request carries, parsing answers and never raises.

_leaves = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.builds(lambda c, n: c * n, st.characters(), st.integers(0, 200_000))
)
_json = st.recursive(
    _leaves,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
_TEMPLATES = [
    dm_event(),
    dm_event(type="app_mention", channel_type=None, thread_ts="0.5"),
    BUTTON,
    {"type": "url_verification", "challenge": "c"},
]
_STRICT_STRINGS = {
    ("event", "text"),
    ("event", "user"),
    ("event", "channel"),
    ("event", "ts"),
    ("event", "type"),
    ("challenge",),
    ("type",),
}


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, prefix + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _paths(child, prefix + (i,))


def _replace(value, path, new):
    if not path:
        return new
    value = copy.deepcopy(value)
    parent = value
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = new
    return value


@settings(derandomize=True, deadline=None, max_examples=300)
@given(st.sampled_from(_TEMPLATES), st.data())
def test_parse_never_raises_on_any_shape(template, data):
    path = data.draw(st.sampled_from(list(_paths(template))))
    new = data.draw(_json)
    result = parse(_replace(template, path, new))
    assert isinstance(result, (Incoming, Challenge, Ignored, Malformed))
    if isinstance(result, Incoming):
        assert all(isinstance(v, str) for v in (result.text, result.user, result.channel, result.thread))
        assert len(result.text) <= MAX_MESSAGE_CHARS
    if path in _STRICT_STRINGS and not isinstance(new, str) and (new is not None or path[-1] in ("type", "challenge")):
        assert isinstance(result, Malformed)


@settings(derandomize=True, deadline=None, max_examples=100)
@given(_json)
def test_parse_never_raises_on_arbitrary_json(body):
    assert isinstance(parse(body), (Incoming, Challenge, Ignored, Malformed))


def test_answer_blocks_stay_within_block_kit_limits():
    from bot.channels.slack import MAX_BUTTONS, MAX_SECTION_CHARS, answer_blocks

    buttons = [{"title": "t" * 200, "payload": "/ask_pay" + "x" * 3000}] * 40
    section, actions = [b.to_dict() for b in answer_blocks("Welder\n" + "word " * 2000, buttons)]
    assert section["type"] == "section" and len(section["text"]["text"]) == MAX_SECTION_CHARS
    assert len(actions["elements"]) == MAX_BUTTONS
    assert {len(e["text"]["text"]) for e in actions["elements"]} == {75}
    assert {len(e["value"]) for e in actions["elements"]} == {2000}
    assert [b.to_dict()["type"] for b in answer_blocks("Hi", [])] == ["section"]


def test_a_delivery_without_an_event_id_is_still_deduplicated():
    body = dm_event()
    del body["event_id"]
    first, again, with_id = parse(body), parse(json.loads(json.dumps(body))), parse(dm_event(ts="2.000100"))
    assert isinstance(first, Incoming) and isinstance(again, Incoming) and isinstance(with_id, Incoming)
    assert first.key == again.key == "D1:1.000100"
    assert with_id.key == "Ev1"  # with an id, the id
