"""The Redis conversation lock (bot/locks.py) against the machine's real Redis: two "replicas"
(two lock stores) never run one conversation's turns at once; a dead holder frees it within the
lease; Redis down refuses loudly and fast."""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest
import redis

from bot import locks
from bot.locks import LockUnavailable, RedisConversationLocks
from bot.store_faults import StoreUnavailable

REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture(scope="module", autouse=True)
def redis_is_running():
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:  # never skip: the machines run Redis (README, make services)
        pytest.fail(f"Redis is not reachable at {REDIS_URL} ({error}); start it or run `make services`")


def stores(n=2):
    prefix = "test" + uuid.uuid4().hex[:8]
    return [RedisConversationLocks(url=REDIS_URL, key_prefix=prefix) for _ in range(n)]


def test_two_replicas_never_run_the_same_conversation_at_once():
    a, b = stores()
    inside, overlaps, order = [0], [0], []

    async def turn(store, i):
        async with store.lock("conv-1"):
            inside[0] += 1
            overlaps[0] = max(overlaps[0], inside[0])
            await asyncio.sleep(0.005)
            order.append(i)
            inside[0] -= 1

    async def main():
        await asyncio.gather(*(turn(a if i % 2 else b, i) for i in range(30)))

    asyncio.run(main())
    assert overlaps[0] == 1 and sorted(order) == list(range(30))


def test_other_conversations_are_not_held_up():
    a, b = stores()

    async def main():
        async with a.lock("slow"):
            started = time.monotonic()
            async with b.lock("other"):
                return time.monotonic() - started

    assert asyncio.run(main()) < 0.1


def test_a_lock_is_renewed_while_a_long_turn_runs(monkeypatch):
    monkeypatch.setattr(locks, "LEASE_S", 0.3)
    a, b = stores()

    async def main():
        async with a.lock("long"):
            await asyncio.sleep(1.0)  # three leases: still ours
            with pytest.raises(asyncio.TimeoutError):
                await asyncio.wait_for(b._acquire(f"{b.key_prefix}:lock:long", "x"), 0.3)

    asyncio.run(main())


def test_a_holder_that_died_frees_the_conversation_within_the_lease():
    (a,) = stores(1)
    key = f"{a.key_prefix}:lock:crashed"
    redis.Redis.from_url(REDIS_URL).set(key, "a-replica-that-was-killed", px=int(locks.LEASE_S * 1000))

    async def main():
        started = time.monotonic()
        async with a.lock("crashed"):
            return time.monotonic() - started

    assert asyncio.run(main()) <= locks.LEASE_S + 0.5


def test_redis_down_refuses_quickly_and_loudly():
    store = RedisConversationLocks(url="redis://127.0.0.1:1/0")

    async def main():
        async with store.lock("any"):
            raise AssertionError("must not run without the lock")

    started = time.monotonic()
    with pytest.raises(LockUnavailable, match="Redis lock store unreachable at redis://127.0.0.1:1/0") as caught:
        asyncio.run(main())
    assert isinstance(caught.value, StoreUnavailable)  # the channels answer it with an apology
    assert time.monotonic() - started < 3


def test_the_password_never_reaches_a_log_line():
    assert locks._safe("redis://:s3cret@redis.internal:6379/0") == "redis://redis.internal:6379/0"


def test_slack_deliveries_are_taken_once_across_replicas():
    from bot.channels.seen import RedisSeenEvents, SeenEvents, seen_events

    prefix = "test" + uuid.uuid4().hex[:8]
    replicas = [RedisSeenEvents(REDIS_URL, key_prefix=prefix) for _ in range(2)]

    async def main():
        return [await replicas[i % 2].first_time("Ev123") for i in range(4)] + [await replicas[1].first_time("Ev456")]

    try:
        assert asyncio.run(main()) == [True, False, False, False, True]
    finally:  # leave nothing behind in the machine's Redis
        client = redis.Redis.from_url(REDIS_URL)
        client.delete(*client.keys(f"{prefix}:*") or ["-"])
    assert type(seen_events("")) is SeenEvents and isinstance(seen_events(REDIS_URL), RedisSeenEvents)


def test_slack_duplicate_check_without_redis_still_takes_the_delivery(caplog):
    from bot.channels.seen import RedisSeenEvents

    seen = RedisSeenEvents("redis://127.0.0.1:1/0")
    with caplog.at_level("ERROR"):
        assert asyncio.run(seen.first_time("Ev1")) is True
    assert "Slack duplicate check unavailable" in caplog.text
