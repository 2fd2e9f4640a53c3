"""When the conversation database is locked or unreachable: retry briefly, then fail loudly.

Rasa wraps every tracker store in `FailSafeTrackerStore`, which on an error silently carries on
with an empty in-memory store: the conversation loses its context and nobody is told. Our store
retries a failed read or write a few times (a locked SQLite file, PostgreSQL restarting) and then
raises StoreUnavailable; the channels answer with a short apology and the log says why
(bot/channels/guarantee.py). `bot.speedups.failsafe` keeps Rasa from wrapping our store.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Awaitable, Callable, TypeVar

import sqlalchemy.exc

logger = logging.getLogger(__name__)
T = TypeVar("T")

#: Pauses between attempts (seconds): four attempts within about a second.
RETRY_DELAYS_S = (0.1, 0.3, 0.6)


class StoreUnavailable(Exception):
    """The conversation store could not be read or written, even after retrying."""


async def with_retries(what: str, operation: Callable[[], Awaitable[T]]) -> T:
    for attempt, delay in enumerate((*RETRY_DELAYS_S, None), start=1):
        try:
            return await operation()
        except (sqlalchemy.exc.OperationalError, sqlalchemy.exc.InterfaceError) as error:
            # Only the driver's own message: SQLAlchemy's text would include the statement's values.
            reason = f"{type(error.orig).__name__}: {str(error.orig).strip()[:200]}"
            if delay is None:
                raise StoreUnavailable(f"{what} failed {attempt} times; last error {reason}") from None
            logger.warning("Conversation store: %s failed (%s); retrying in %.1f s", what, reason, delay)
            await asyncio.sleep(delay)
    raise AssertionError("unreachable")
