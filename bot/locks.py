"""One turn of a conversation at a time, across every Rasa replica: a lock in Redis.

Rasa's own RedisLockStore issues tickets by reading, changing and writing a JSON value: two
replicas that take a message of the same conversation at the same moment can both read the same
value and both be "now serving", and the open-source version can hand out a ticket number again
after one expires. This lock is one atomic `SET key token NX PX lease`, renewed while the turn
runs and released only by its holder (compare-and-delete scripts), so two replicas never handle
one conversation at once. A holder that dies (kill -9) stops renewing, and the conversation is
free again within LEASE_S.

A renewal that fails (the key expired or belongs to another holder, or Redis did not answer) is a
lost lock: renewing stops, and the turn's save is refused (`lease_lost()`, read by the store). The
store's save is also conditional on the newest event the turn read (bot/stores/state.py), so even
a holder that does not know yet that its lease ran out cannot write after another replica did.

Messages of one conversation that arrive at the same instant are handled one after the other,
each completely; their order is not guaranteed (a student's widget sends one at a time).

Redis down: messages are refused (LockUnavailable: the user gets an apology, the log says why)
rather than handled without the lock, which could interleave two turns of one conversation.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, AsyncGenerator, Optional

import redis.asyncio as aioredis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, LockStore
from redis.exceptions import RedisError

from bot import settings
from bot.store_faults import StoreUnavailable

logger = logging.getLogger(__name__)

#: Redis answers on loopback in well under a millisecond; a hung server must not hold a turn long.
REDIS_TIMEOUT_S = 1.0
#: How long a lock outlives a holder that stopped renewing it (renewed every LEASE_S / 3).
LEASE_S = 3.0
#: Longest wait for another turn of the same conversation (a turn's own limit is ~15 s).
MAX_WAIT_S = 30.0
_IF_MINE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call({}) else return 0 end"
_RELEASE = _IF_MINE.format("'del', KEYS[1]")
_RENEW = _IF_MINE.format("'pexpire', KEYS[1], ARGV[2]")


@dataclass
class Lease:
    """The lock of the turn running in this task; `lost` once a renewal failed."""

    lost: bool = False


_LEASE: "ContextVar[Optional[Lease]]" = ContextVar("mfg_conversation_lease", default=None)


def lease_lost() -> bool:
    """Whether the turn running in this task held a conversation lock and lost it."""
    lease = _LEASE.get()
    return lease is not None and lease.lost


class LockUnavailable(StoreUnavailable, LockError):
    """Redis could not be reached, so the conversation could not be locked."""


#: The machine's Redis, as the project's machines run it.
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"


def redis_url(url: Optional[str] = None) -> str:
    """`url`, else REDIS_URL, else the local default."""
    return url or settings.REDIS_URL.get() or DEFAULT_REDIS_URL


def redis_client(url: Optional[str] = None) -> "aioredis.Redis":
    url = redis_url(url)
    return aioredis.Redis.from_url(url, socket_timeout=REDIS_TIMEOUT_S, socket_connect_timeout=REDIS_TIMEOUT_S)


class RedisConversationLocks(LockStore):
    """`lock_store: {type: bot.locks.RedisConversationLocks, url: ${REDIS_URL}}` in endpoints.yml."""

    def __init__(self, endpoint_config: Any = None, url: Optional[str] = None, key_prefix: str = "mfg") -> None:
        config_url = getattr(endpoint_config, "url", None)
        self.url = redis_url(url or config_url)
        self.key_prefix = (getattr(endpoint_config, "kwargs", {}) or {}).get("key_prefix", key_prefix)
        self._clients: "dict[int, aioredis.Redis]" = {}
        super().__init__()

    def _redis(self) -> "aioredis.Redis":
        loop = id(asyncio.get_running_loop())  # a client belongs to the event loop it was made in
        if loop not in self._clients:
            self._clients[loop] = redis_client(self.url)
        return self._clients[loop]

    @asynccontextmanager
    async def lock(
        self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME, wait_time_in_seconds: float = 1
    ) -> AsyncGenerator[TicketLock, None]:
        key, token = f"{self.key_prefix}:lock:{conversation_id}", uuid.uuid4().hex
        await self._acquire(key, token)
        lease = Lease()
        current = _LEASE.set(lease)
        renewing = asyncio.create_task(self._renew(key, token, lease))
        try:
            yield TicketLock(conversation_id)
        finally:
            _LEASE.reset(current)
            renewing.cancel()
            try:
                await self._redis().eval(_RELEASE, 1, key, token)
            except RedisError as error:  # it expires by itself
                logger.error(
                    "Could not release a conversation lock in Redis (%s); it expires in %.0f s",
                    type(error).__name__,
                    LEASE_S,
                )

    async def _renew(self, key: str, token: str, lease: Lease) -> None:
        while True:
            await asyncio.sleep(LEASE_S / 3)
            try:
                renewed = await self._redis().eval(_RENEW, 1, key, token, int(LEASE_S * 1000))
                why = "it had expired or another replica holds it"
            except RedisError as error:
                renewed, why = 0, f"Redis: {type(error).__name__}"
            if not renewed:
                lease.lost = True
                logger.error("Lost a conversation lock (%s): this turn will not be saved", why)
                return

    async def _acquire(self, key: str, token: str) -> None:
        deadline, pause = time.monotonic() + MAX_WAIT_S, 0.005
        while True:
            try:
                if await self._redis().set(key, token, nx=True, px=int(LEASE_S * 1000)):
                    return
            except RedisError as error:
                raise LockUnavailable(
                    f"Redis lock store unreachable at {_safe(self.url)}: {type(error).__name__}: {error}"
                ) from None
            if time.monotonic() > deadline:
                raise LockError(f"Waited {MAX_WAIT_S:.0f} s for another turn of the same conversation")
            await asyncio.sleep(pause)
            pause = min(pause * 2, 0.05)


def _safe(url: str) -> str:
    """The URL without its password, for logs."""
    scheme, sep, rest = url.partition("://")
    return f"{scheme}{sep}{rest.rpartition('@')[2]}"
