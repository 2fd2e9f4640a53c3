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


#: SQLSTATE of a statement the server cancelled (statement_timeout) or a lock it could not get.
TIMEOUT_CODES = frozenset({"57014", "55P03"})


def timed_out(error: BaseException) -> bool:
    """Whether a database error is the server giving up on a statement (a hung or locked database:
    trying again at once would only wait as long again)."""
    return getattr(getattr(error, "orig", None), "pgcode", None) in TIMEOUT_CODES


def reason(error: BaseException) -> str:
    """The driver's own message, one line: SQLAlchemy's text would include the statement's values."""
    orig = getattr(error, "orig", None) or error
    lines = str(orig).strip().splitlines()
    return f"{type(orig).__name__}: {lines[0][:200] if lines else ''}"


class StoreUnavailable(Exception):
    """The conversation store could not be read or written, even after retrying."""


async def with_retries(what: str, operation: Callable[[], Awaitable[T]]) -> T:
    """operation(), tried again after RETRY_DELAYS_S when the database is unreachable or restarting;
    a statement the server cancelled for taking too long (a hung or locked database) is not tried
    again: the turn's wait stays bounded (bot/stores/connect.py)."""
    for attempt, delay in enumerate((*RETRY_DELAYS_S, None), start=1):
        try:
            return await operation()
        except (sqlalchemy.exc.OperationalError, sqlalchemy.exc.InterfaceError, sqlalchemy.exc.TimeoutError) as error:
            if delay is None or timed_out(error):
                raise StoreUnavailable(f"{what} failed {attempt} times; last error {reason(error)}") from None
            logger.warning("Conversation store: %s failed (%s); retrying in %.1f s", what, reason(error), delay)
            await asyncio.sleep(delay)
    raise AssertionError("unreachable")
