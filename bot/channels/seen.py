"""Which Slack deliveries were already taken, so a repeat is never answered twice.

One process: the newest ids in memory. Several replicas (REDIS_URL set): Slack retries a delivery
it thinks was lost, and the retry may reach another replica, so the ids are kept in Redis with
`SET key 1 NX EX`, which only one replica can win.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Optional

from cachetools import TTLCache
from redis.exceptions import RedisError

from bot import settings

if TYPE_CHECKING:
    import redis.asyncio as aioredis

logger = logging.getLogger(__name__)

SIZE = 2000  # ids remembered in one process
KEEP_S = 3600  # Slack retries within minutes; an hour is ample


class SeenEvents:
    """Recent delivery ids in this process: the newest SIZE, each for KEEP_S (as in Redis)."""

    def __init__(self, size: int = SIZE):
        self.size = size
        self._seen: "TTLCache[str, bool]" = TTLCache(maxsize=size, ttl=KEEP_S)

    async def first_time(self, key: str) -> bool:
        if key in self._seen:
            return False
        self._seen[key] = True
        return True


class RedisSeenEvents(SeenEvents):
    """Delivery ids shared by every replica."""

    def __init__(self, url: str, key_prefix: str = "mfg"):
        from bot.locks import redis_client

        super().__init__()
        self.url, self.key_prefix = url, key_prefix
        self._client: Optional[aioredis.Redis] = None
        self._make = redis_client

    async def first_time(self, key: str) -> bool:
        if self._client is None:  # made on the server's event loop, at first use
            self._client = self._make(self.url)
        try:
            return bool(await self._client.set(f"{self.key_prefix}:slack-seen:{key}", 1, nx=True, ex=KEEP_S))
        except RedisError as error:
            # Answering (perhaps twice) beats dropping a message; the lock store refuses loudly anyway.
            logger.error("Slack duplicate check unavailable (Redis: %s); taking the delivery", type(error).__name__)
            return await super().first_time(key)


def seen_events(url: Optional[str] = None) -> SeenEvents:
    url = url or settings.REDIS_URL.get()
    return RedisSeenEvents(url) if url else SeenEvents()
