"""Rate and connection limits (bot/channels/rate_limits.py) on a fake clock, the client address
behind a trusted proxy only, and the REST channel's 429 before any other work."""

from __future__ import annotations

import asyncio
import ipaddress
import json
from types import SimpleNamespace
from typing import Any, Dict, List

import pytest

from bot import settings
from bot.channels import base, rest
from bot.channels.rate_limits import (
    MESSAGES_PER_CONVERSATION,
    REQUESTS_PER_ADDRESS,
    SLOW_DOWN,
    SOCKETS_PER_ADDRESS,
    STUDENTS_PER_ADDRESS,
    ConnectionCounter,
    Rate,
    RateLimiter,
    client_address,
    new_limits,
    retry_after,
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def test_a_burst_then_the_average_rate():
    clock = Clock()
    limiter = RateLimiter(Rate(per_minute=60, burst=5), clock)
    assert [limiter.check("a") for _ in range(5)] == [0.0] * 5
    assert limiter.check("a") == pytest.approx(1.0)  # one token a second
    clock.advance(0.5)
    assert limiter.check("a") == pytest.approx(0.5)
    clock.advance(0.5)
    assert limiter.check("a") == 0.0 and limiter.check("a") > 0
    clock.advance(60)  # refilled, but never above the burst
    assert [limiter.check("a") for _ in range(6)].count(0.0) == 5


def test_keys_are_counted_apart_and_memory_is_bounded():
    clock = Clock()
    limiter = RateLimiter(Rate(per_minute=60, burst=2), clock, max_keys=100)
    assert limiter.check("a") == 0.0 and limiter.check("a") == 0.0 and limiter.check("a") > 0
    assert limiter.check("b") == 0.0
    for i in range(10_000):
        limiter.check(f"flood-{i}")
    assert len(limiter._buckets) <= 100
    clock.advance(REQUESTS_PER_ADDRESS.refill_s + 1)
    limiter.check("c")
    assert len(limiter._buckets) == 1  # clients not seen for a full refill are forgotten


def test_refused_requests_do_not_take_tokens():
    clock = Clock()
    limiter = RateLimiter(Rate(per_minute=60, burst=1), clock)
    assert limiter.check("a") == 0.0
    for _ in range(100):  # a client hammering while refused is not pushed further back
        assert limiter.check("a") > 0
    clock.advance(1.0)
    assert limiter.check("a") == 0.0


def test_a_refund_gives_back_one_token_up_to_the_burst():
    clock = Clock()
    limiter = RateLimiter(Rate(per_minute=60, burst=2), clock)
    assert limiter.check("a") == 0.0 and limiter.check("a") == 0.0 and limiter.check("a") > 0
    limiter.refund("a")
    assert limiter.check("a") == 0.0 and limiter.check("a") > 0
    for _ in range(5):
        limiter.refund("b")
    assert [limiter.check("b") for _ in range(3)].count(0.0) == 2


def test_one_conversation_flooding_does_not_use_up_its_schools_budget():
    clock = Clock()
    limits = new_limits(clock)
    for _ in range(10 * MESSAGES_PER_CONVERSATION.burst):
        limits.message("203.0.113.9", "one-script")
    # only the messages the conversation allowed were counted for the address
    others = [limits.message("203.0.113.9", f"student-{i}") for i in range(REQUESTS_PER_ADDRESS.burst)]
    assert others.count(0.0) == REQUESTS_PER_ADDRESS.burst - MESSAGES_PER_CONVERSATION.burst


def test_connections_per_address():
    counter = ConnectionCounter(limit=2)
    assert counter.open("a") and counter.open("a") and not counter.open("a")
    assert counter.open("b")
    counter.close("a")
    assert counter.open("a")
    for key in ("a", "a", "b"):
        counter.close(key)
    assert counter.count("a") == 0 and counter._open == {}


def test_retry_after_is_whole_seconds():
    assert retry_after(0.01) == "1" and retry_after(1.2) == "2" and retry_after(30) == "30"


def test_limits_are_sized_for_a_school_behind_one_address():
    assert STUDENTS_PER_ADDRESS == 300  # the default; the tests run without STUDENTS_PER_ADDRESS
    # every student opens the chat (page, settings, connection) at the same moment
    assert REQUESTS_PER_ADDRESS.burst >= 3 * STUDENTS_PER_ADDRESS
    # and then each asks a question every 20 seconds
    assert REQUESTS_PER_ADDRESS.per_minute >= 3 * STUDENTS_PER_ADDRESS
    assert SOCKETS_PER_ADDRESS >= STUDENTS_PER_ADDRESS
    # but one address cannot take a replica (about 150 turns/s, docs/deploy.md)
    assert REQUESTS_PER_ADDRESS.per_second <= 20
    # a student clicking through a dozen buttons quickly is not stopped; a script is
    assert 12 <= MESSAGES_PER_CONVERSATION.burst <= 20 and MESSAGES_PER_CONVERSATION.per_minute <= 30


LOOPBACK = [ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("::1/128")]


@pytest.mark.parametrize(
    "peer, headers, expected",
    [
        ("203.0.113.7", {}, "203.0.113.7"),
        # a client's own headers are never believed
        ("203.0.113.7", {"x-forwarded-for": "10.1.1.1"}, "203.0.113.7"),
        ("203.0.113.7", {"x-real-ip": "10.1.1.1"}, "203.0.113.7"),
        # from the trusted proxy: the address it added (the last entry), not what the client sent before it
        ("127.0.0.1", {"x-forwarded-for": "10.1.1.1, 198.51.100.4"}, "198.51.100.4"),
        ("127.0.0.1", {"x-forwarded-for": "198.51.100.4"}, "198.51.100.4"),
        ("127.0.0.1", {"x-real-ip": "198.51.100.4"}, "198.51.100.4"),
        ("::1", {"x-forwarded-for": "2001:db8::1"}, "2001:db8::1"),
        ("::ffff:127.0.0.1", {"x-forwarded-for": "198.51.100.4"}, "198.51.100.4"),
        # make run without a proxy: a local client is itself
        ("127.0.0.1", {}, "127.0.0.1"),
        ("127.0.0.1", {"x-forwarded-for": "not an address"}, "127.0.0.1"),
        ("127.0.0.1", {"x-forwarded-for": ""}, "127.0.0.1"),
        (None, {"x-forwarded-for": "198.51.100.4"}, "unknown"),
    ],
)
def test_client_address(peer, headers, expected):
    assert client_address(peer, headers, LOOPBACK) == expected


def test_trusted_proxies_from_the_environment():
    spec = {"TRUSTED_PROXIES": "10.0.0.5, 192.168.1.0/24"}
    assert [str(n) for n in settings.trusted_proxies(spec)] == ["10.0.0.5/32", "192.168.1.0/24"]
    with pytest.raises(SystemExit, match="TRUSTED_PROXIES"):
        settings.trusted_proxies({"TRUSTED_PROXIES": "nginx.local"})


def test_students_per_address_from_the_environment():
    assert settings.students_per_address({"STUDENTS_PER_ADDRESS": "1000"}) == 1000
    with pytest.raises(SystemExit, match="STUDENTS_PER_ADDRESS"):
        settings.students_per_address({"STUDENTS_PER_ADDRESS": "lots"})


def post(body, ip="127.0.0.1", headers=None):
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    req: Any = SimpleNamespace(
        method="POST", path="/webhooks/rest/webhook", body=raw, ip=ip, headers=headers or {}, ctx=SimpleNamespace()
    )
    return asyncio.run(rest.reject_malformed(req))


@pytest.fixture()
def clock(monkeypatch):
    clock = Clock()
    limits = new_limits(clock)
    for module in (rest, base):  # the address before parsing (rest), the conversation (base.admit)
        monkeypatch.setattr(module, "LIMITS", limits)
    return clock


def test_rest_conversation_over_its_limit_gets_429(clock):
    for i in range(MESSAGES_PER_CONVERSATION.burst):
        assert post({"sender": "flood", "message": f"hi {i}"}) is None
    resp = post({"sender": "flood", "message": "again"})
    assert resp.status == 429 and json.loads(resp.body)["error"] == SLOW_DOWN
    assert resp.headers["Retry-After"] == "2"  # one message every 2 s on average
    assert post({"sender": "someone-else", "message": "hi"}) is None
    clock.advance(2)
    assert post({"sender": "flood", "message": "later"}) is None


def test_rest_conversation_flood_leaves_the_address_budget_alone(clock):
    for i in range(5 * MESSAGES_PER_CONVERSATION.burst):
        post({"sender": "flood", "message": f"hi {i}"}, ip="203.0.113.9")
    allowed = [
        post({"sender": f"s{i}", "message": "hi"}, ip="203.0.113.9") is None for i in range(REQUESTS_PER_ADDRESS.burst)
    ]
    assert allowed.count(True) == REQUESTS_PER_ADDRESS.burst - MESSAGES_PER_CONVERSATION.burst


def test_rest_address_over_its_limit_gets_429_before_parsing(clock):
    for i in range(REQUESTS_PER_ADDRESS.burst):  # any sender: a new conversation every time
        assert post({"sender": f"s{i}", "message": "hi"}, ip="203.0.113.9") is None
    resp = post(b"not even json", ip="203.0.113.9")
    assert resp.status == 429 and int(resp.headers["Retry-After"]) >= 1
    # another school, and a client behind the trusted proxy, still get through
    assert post({"sender": "x", "message": "hi"}, ip="198.51.100.1") is None
    assert post({"sender": "y", "message": "hi"}, headers={"x-forwarded-for": "198.51.100.2"}) is None
    # the flooding address cannot escape by naming another client in a header
    spoofed = post({"sender": "z", "message": "hi"}, ip="203.0.113.9", headers={"x-forwarded-for": "1.2.3.4"})
    assert spoofed.status == 429


def test_socketio_refuses_connections_over_the_limit_and_slows_down_messages(monkeypatch):
    from bot.channels import socketio as channel
    from bot.channels.rate_limits import TOO_MANY_SOCKETS, ConnectionCounter, Limits

    clock = Clock()
    limits = Limits(RateLimiter(Rate(60, 2), clock), RateLimiter(Rate(600, 100), clock), ConnectionCounter(2))
    monkeypatch.setattr(channel, "LIMITS", limits)
    monkeypatch.setattr(base, "LIMITS", limits)
    handled = []

    async def on_new_message(message):
        handled.append(message.text)

    sio_input = channel.SafeSocketIOInput.from_credentials(
        {"user_message_evt": "user_uttered", "bot_message_evt": "bot_uttered", "session_persistence": True}
    )
    sio_input.blueprint(on_new_message)
    sio: Any = sio_input.sio
    emitted = []

    async def emit(event, data=None, room=None, namespace=None, **_):
        emitted.append((event, data, room))

    monkeypatch.setattr(sio, "emit", emit)
    monkeypatch.setattr(sio, "get_environ", lambda sid, namespace=None: sio.environ.get(sid))

    def environ(ip, forwarded=None):
        headers = {"x-forwarded-for": forwarded} if forwarded else {}
        return {"sanic.request": SimpleNamespace(ip=ip, headers=headers), "REMOTE_ADDR": "127.0.0.1"}

    async def scenario():
        assert await sio._handle_eio_connect("s1", environ("203.0.113.5")) is None  # accepted
        assert (
            await sio._handle_eio_connect("s2", environ("127.0.0.1", "203.0.113.5")) is None
        )  # same client, via nginx
        assert await sio._handle_eio_connect("s3", environ("203.0.113.5")) == TOO_MANY_SOCKETS
        assert await sio._handle_eio_connect("s4", environ("198.51.100.1")) is None  # another school
        await sio._handle_eio_disconnect("s1", "client disconnect")
        assert await sio._handle_eio_connect("s5", environ("203.0.113.5")) is None  # a slot was freed
        assert limits.sockets.count("203.0.113.5") == 2
        # one conversation per connection: asking for another leaves the first one's room
        rooms: Dict[str, List[str]] = {}
        monkeypatch.setattr(sio, "rooms", lambda sid, namespace=None: [sid, *rooms.get(sid, [])])

        async def enter_room(sid, room, namespace=None):
            rooms.setdefault(sid, []).append(room)

        async def leave_room(sid, room, namespace=None):
            rooms[sid].remove(room)

        monkeypatch.setattr(sio, "enter_room", enter_room)
        monkeypatch.setattr(sio, "leave_room", leave_room)
        for i in range(50):
            await sio.handlers["/"]["session_request"]("s2", {"session_id": f"conversation-{i}"})
        assert len(rooms["s2"]) == 1 and rooms["s2"][0].startswith("web-")  # ids it names are not its to take
        handler = sio.handlers["/"]["user_uttered"]
        for i in range(3):
            await handler("s2", {"message": f"welder pay {i}", "session_id": "abc"})

    asyncio.run(scenario())
    assert handled == ["welder pay 0", "welder pay 1"]  # the conversation's burst is 2
    assert [e for e in emitted if e[1] == {"text": SLOW_DOWN}] == [("bot_uttered", {"text": SLOW_DOWN}, "s2")]
