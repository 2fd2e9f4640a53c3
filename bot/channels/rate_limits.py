"""How much one client may ask of the assistant: every rate and connection limit, declared once.

One script sending requests in a loop (any `sender`) must not take a whole replica, fill the
database, or hold the server's connections. The channels check these limits before any work with
a request (before JSON parsing for the address, before NLU for the conversation):

- REST (`/webhooks/rest/webhook`): over a limit, HTTP 429 with a short reason and `Retry-After`.
- socket.io: a connection over SOCKETS_PER_ADDRESS is refused; a message over a limit gets a
  `bot_uttered` reply asking to slow down (SLOW_DOWN) and is not processed.
- The widget (`/chat/`): its pages (the chat page, its settings) count against the address budget;
  its static files are served from memory and are not counted.

Per address, the limits are sized for a whole school behind one NAT address:
STUDENTS_PER_ADDRESS students (environment variable of the same name, default 300: a district
with a bigger school behind one address raises it). nginx in front has matching limits
(deploy/nginx/manufacturing-careers.conf). Each Rasa process counts on its own: with N replicas
behind nginx the in-process per-address budget is N times larger, and nginx's is the one that
holds for the whole deployment.

The client's address is the connection's, or, when the connection comes from a trusted proxy
(TRUSTED_PROXIES, default loopback), the one the proxy recorded in `X-Forwarded-For` (its last
entry, the one the proxy itself added) or `X-Real-IP`. A client's own header is never trusted.
"""

from __future__ import annotations

import ipaddress
import math
import time
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

from cachetools import TTLCache

from bot import settings

Network = settings.Network


@dataclass(frozen=True)
class Rate:
    """A token bucket: `burst` at once, then `per_minute` on average."""

    per_minute: float
    burst: int

    @property
    def per_second(self) -> float:
        return self.per_minute / 60.0

    @property
    def refill_s(self) -> float:
        """Seconds an empty bucket takes to be full again (after that, a client is forgotten)."""
        return self.burst / self.per_second


#: The largest school expected behind one address (a school's NAT): per-address limits scale with it.
STUDENTS_PER_ADDRESS = settings.students_per_address()

#: Messages in one conversation (REST `sender`, socket.io session). A student reading the answers
#: and clicking buttons sends one every few seconds at most; 15 quick ones are allowed at once
#: (MESSAGES_PER_CONVERSATION_PER_MINUTE, default 30: only the benchmark of the engine raises it).
_PER_CONVERSATION = settings.MESSAGES_PER_CONVERSATION_PER_MINUTE.get()
MESSAGES_PER_CONVERSATION = Rate(per_minute=_PER_CONVERSATION, burst=max(1, _PER_CONVERSATION // 2))

#: Requests from one address: REST messages, socket.io connections and messages, widget pages.
#: Burst: every student of the school opening the chat at once (page, settings, connection: 3
#: each); then one message every 20 s per student on average (students chatting send one every
#: 10-30 s, docs/deploy.md): 15 turns/s for 300 students, a third of what two replicas on a 2-core
#: machine answer when every message starts a new conversation (measured: about 44/s).
REQUESTS_PER_ADDRESS = Rate(per_minute=3 * STUDENTS_PER_ADDRESS, burst=3 * STUDENTS_PER_ADDRESS)

#: Open socket.io connections from one address: one per student, twice over for second tabs and
#: reconnections whose old connection is not yet noticed as gone (up to a minute).
SOCKETS_PER_ADDRESS = 2 * STUDENTS_PER_ADDRESS

#: Clients (conversations or addresses) remembered at once per limiter; the least recently seen
#: are forgotten first (they start again with a full bucket). Bounds the memory a flood of new ids uses.
MAX_TRACKED = 100_000

#: What a student sees when over a limit (socket.io) and what a REST client is told with its 429.
SLOW_DOWN = "Whoa, that's a lot of messages at once! Please slow down and try again in a minute."
TOO_MANY_SOCKETS = "Too many chats are open from your network right now. Please try again in a minute."


class RateLimiter:
    """Token buckets per key (a conversation id, an address), in memory, with a bounded key count."""

    def __init__(self, rate: Rate, clock: Callable[[], float] = time.monotonic, max_keys: int = MAX_TRACKED):
        self.rate = rate
        self.clock = clock
        # key -> (tokens, when). A key unseen for refill_s has a full bucket again: it may be dropped.
        self._buckets: "TTLCache[str, Tuple[float, float]]" = TTLCache(max_keys, rate.refill_s, timer=clock)

    def check(self, key: str) -> float:
        """Take one token for `key`: 0.0 if allowed, else the seconds until one is available."""
        now = self.clock()
        tokens, when = self._buckets.get(key, (float(self.rate.burst), now))
        tokens = min(float(self.rate.burst), tokens + (now - when) * self.rate.per_second)
        if tokens >= 1.0:
            self._buckets[key] = (tokens - 1.0, now)
            return 0.0
        self._buckets[key] = (tokens, now)
        return (1.0 - tokens) / self.rate.per_second

    def refund(self, key: str) -> None:
        """Give back the token a request took (it was refused by another limit after all)."""
        tokens, when = self._buckets.get(key, (float(self.rate.burst), self.clock()))
        self._buckets[key] = (min(float(self.rate.burst), tokens + 1.0), when)

    def reset(self) -> None:
        self._buckets.clear()


class ConnectionCounter:
    """Open connections per key; a key with none is forgotten, so memory follows open connections."""

    def __init__(self, limit: int):
        self.limit = limit
        self._open: Dict[str, int] = {}

    def open(self, key: str) -> bool:
        """Count one more connection for `key`, unless it already has `limit` open."""
        count = self._open.get(key, 0)
        if count >= self.limit:
            return False
        self._open[key] = count + 1
        return True

    def close(self, key: str) -> None:
        count = self._open.get(key, 0) - 1
        if count > 0:
            self._open[key] = count
        else:
            self._open.pop(key, None)

    def count(self, key: str) -> int:
        return self._open.get(key, 0)


def retry_after(seconds: float) -> str:
    """The Retry-After header's value: whole seconds, at least 1."""
    return str(max(1, math.ceil(seconds)))


# --- The client's address -------------------------------------------------------------------


#: Proxies whose X-Forwarded-For / X-Real-IP are believed: nginx on the same machine by default.
#: TRUSTED_PROXIES (comma-separated addresses or networks) names others, e.g. nginx on another host.
TRUSTED_PROXIES: List[Network] = settings.trusted_proxies()


def _parse_ip(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def is_trusted(peer: Optional[str], trusted: Iterable[Network] = TRUSTED_PROXIES) -> bool:
    if not peer:
        return False
    try:
        address = ipaddress.ip_address(peer)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return any(address in network for network in trusted)


def client_address(peer: Optional[str], headers: Any, trusted: Iterable[Network] = TRUSTED_PROXIES) -> str:
    """Who a request is from: the connection's address, or the one a trusted proxy recorded.

    `headers` is any mapping with `.get()` (Sanic's headers are case-insensitive). The last
    X-Forwarded-For entry is the one the proxy itself added (nginx's `$proxy_add_x_forwarded_for`
    appends the address it saw to whatever the client sent)."""
    peer = peer or "unknown"
    if not is_trusted(peer, trusted):
        return peer
    forwarded = headers.get("x-forwarded-for") or ""
    recorded = _parse_ip(forwarded.split(",")[-1]) if forwarded.strip() else None
    return recorded or _parse_ip(headers.get("x-real-ip")) or peer


def request_address(request: Any) -> str:
    """client_address() of a Sanic request (`request.ip` is the connection's peer)."""
    return client_address(getattr(request, "ip", None), getattr(request, "headers", None) or {})


# --- The limiters every channel of this process shares -----------------------------------


@dataclass
class Limits:
    conversations: RateLimiter
    addresses: RateLimiter
    sockets: ConnectionCounter

    def message(self, address: str, conversation: str) -> float:
        """One message from `address` in `conversation`: 0.0 if allowed, else seconds to wait.

        A message its conversation refuses does not count against its address: one student's
        script hammering one conversation must not use up the budget of their whole school."""
        wait = self.addresses.check(address)
        if wait:
            return wait
        wait = self.conversations.check(conversation)
        if wait:
            self.addresses.refund(address)
        return wait


def new_limits(clock: Callable[[], float] = time.monotonic) -> Limits:
    return Limits(
        RateLimiter(MESSAGES_PER_CONVERSATION, clock),
        RateLimiter(REQUESTS_PER_ADDRESS, clock),
        ConnectionCounter(SOCKETS_PER_ADDRESS),
    )


#: Shared by the REST, socket.io and widget channels of this process.
LIMITS = new_limits()
