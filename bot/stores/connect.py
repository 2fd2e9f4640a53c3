"""Reaching PostgreSQL with every wait bounded, and starting while it is down.

A hung or locked database must cost a turn a few seconds, never freeze a replica:
- each statement is cancelled by the server after STATEMENT_TIMEOUT_MS (a table locked by
  someone else, a slow disk), and a transaction left idle by a stuck client after
  IDLE_TRANSACTION_MS, so it cannot hold its locks against every replica;
- connecting gives up after CONNECT_TIMEOUT_S; TCP keepalives and tcp_user_timeout notice a
  server or network that vanished without closing the connection (no RST) within ~10 s;
- waiting for a free pooled connection gives up after POOL_WAIT_S;
- the store runs these calls in its own threads, never on Rasa's event loop, and stops waiting
  for one after CALL_TIMEOUT_S even if the server does not answer at all (engine.py).
The insights page gets an engine of its own with a longer statement limit (its reports scan more).

A replica started while PostgreSQL is unreachable waits for it (START_DELAYS_S, logged each
time, about five minutes in all) instead of exiting and being restarted in a loop.
"""

from __future__ import annotations

import logging
import time
from typing import Any, Callable, Dict, Sequence, TypeVar

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.pool import SingletonThreadPool

from bot.store_faults import reason

logger = logging.getLogger(__name__)
T = TypeVar("T")

STATEMENT_TIMEOUT_MS = 3000
INSIGHTS_STATEMENT_TIMEOUT_MS = 30_000
IDLE_TRANSACTION_MS = 10_000
CONNECT_TIMEOUT_S = 2
POOL_WAIT_S = 2.0
#: Longest a store call may take, seen from the event loop: one statement limit plus a margin.
CALL_TIMEOUT_S = 5.0
#: Pauses between start-up attempts: doubling from half a second to 30 s, ~5 minutes in all;
#: after that the process exits with the reason (systemd restarts it later).
START_DELAYS_S: Sequence[float] = (0.5, 1, 2, 4, 8, 16, *(30,) * 9)
_TCP = {
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 3,
    "tcp_user_timeout": 10_000,
}


def connect_args(statement_timeout_ms: int = STATEMENT_TIMEOUT_MS) -> Dict[str, Any]:
    options = (
        f"-c statement_timeout={statement_timeout_ms} -c idle_in_transaction_session_timeout={IDLE_TRANSACTION_MS}"
    )
    return {"connect_timeout": CONNECT_TIMEOUT_S, "options": options, **_TCP}


def postgres_engine(url: Any, statement_timeout_ms: int = STATEMENT_TIMEOUT_MS, pool_size: int = 5) -> sa.engine.Engine:
    """An engine on PostgreSQL with the bounds above; connections that died with a database
    restart are noticed before use (pre-ping)."""
    return sa.create_engine(
        url,
        pool_pre_ping=True,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_timeout=POOL_WAIT_S,
        connect_args=connect_args(statement_timeout_ms),
    )


def until_reachable(
    what: str,
    attempt: Callable[[], T],
    delays: Sequence[float] = START_DELAYS_S,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """attempt() until it does not fail for want of the database, pausing `delays` between tries;
    then SystemExit with the reason (a clear message instead of a traceback and a restart loop)."""
    for n, delay in enumerate((*delays, None), start=1):
        try:
            return attempt()
        except (sa.exc.OperationalError, sa.exc.InterfaceError) as error:
            if delay is None:
                raise SystemExit(
                    f"The conversation database is still unreachable after {n} attempts ({what}): {reason(error)}"
                ) from None
            logger.warning(
                "Conversation database unreachable at start-up (%s: %s); attempt %d, next in %.1f s",
                what,
                reason(error),
                n,
                delay,
            )
            sleep(delay)
    raise AssertionError("unreachable")


def sqlite_engine(url: Any) -> sa.engine.Engine:
    """SQLite (make run): SQLAlchemy 1.4 opens a new connection for every session (NullPool); keep
    one per thread instead. WAL + synchronous=NORMAL: no fsync on every turn, still crash-safe (a
    power cut may lose the last few writes, never corrupt the file). A short busy timeout: a
    locked file is retried by the store."""
    engine = sa.create_engine(url, poolclass=SingletonThreadPool, connect_args={"timeout": 0.25})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
