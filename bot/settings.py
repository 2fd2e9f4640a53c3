"""Settings read from the environment, in one place (documented in .env.example).

Each is a small function so the answer logic can read it without importing the store.
"""

from __future__ import annotations

import ipaddress
import os
from typing import List, Optional, Union

from bot.knowledge.loader import DEFAULT_PATH

#: Days a conversation is kept before the store deletes it (CONVERSATION_RETENTION_DAYS).
DEFAULT_RETENTION_DAYS = 30


def retention_days(environ: Optional[dict] = None) -> int:
    raw = (environ if environ is not None else os.environ).get("CONVERSATION_RETENTION_DAYS", "")
    if not raw.strip():
        return DEFAULT_RETENTION_DAYS
    try:
        days = int(raw)
    except ValueError:
        days = 0
    if days < 1:
        raise ValueError(f"CONVERSATION_RETENTION_DAYS must be a whole number of days, 1 or more (got {raw!r})")
    return days


#: The largest school expected behind one address (STUDENTS_PER_ADDRESS): per-address rate
#: limits scale with it (bot/channels/rate_limits.py).
DEFAULT_STUDENTS_PER_ADDRESS = 300


def students_per_address(environ: Optional[dict] = None) -> int:
    raw = (environ if environ is not None else os.environ).get("STUDENTS_PER_ADDRESS", "").strip()
    if not raw:
        return DEFAULT_STUDENTS_PER_ADDRESS
    try:
        value = int(raw)
    except ValueError:
        raise SystemExit(f"STUDENTS_PER_ADDRESS must be a whole number, not {raw!r}") from None
    if value < 1:
        raise SystemExit("STUDENTS_PER_ADDRESS must be 1 or more")
    return value


Network = Union[ipaddress.IPv4Network, ipaddress.IPv6Network]


def trusted_proxies(environ: Optional[dict] = None) -> List[Network]:
    """Proxies whose X-Forwarded-For / X-Real-IP are believed (TRUSTED_PROXIES, comma-separated
    addresses or networks; default: nginx on the same machine)."""
    spec = (environ if environ is not None else os.environ).get("TRUSTED_PROXIES") or "127.0.0.0/8,::1"
    networks: List[Network] = []
    for part in (p.strip() for p in spec.split(",")):
        if part:
            try:
                networks.append(ipaddress.ip_network(part, strict=False))
            except ValueError:
                raise SystemExit(f"TRUSTED_PROXIES: {part!r} is not an address or network") from None
    return networks


def knowledge_file(environ: Optional[dict] = None) -> str:
    """The knowledge file both processes read (KNOWLEDGE_FILE, e.g. a school's own copy): Rasa
    reads messages against its names, the action server answers from its facts."""
    return (environ if environ is not None else os.environ).get("KNOWLEDGE_FILE") or str(DEFAULT_PATH)


# Counselor insights (bot/insights, docs/insights.md). --------------------------------------

#: A figure is shown only when it comes from at least this many distinct conversations, in every
#: school-week it adds up (bot/insights/suppress.py); an unanswered question's wording is shown only
#: when typed identically in this many widget conversations.
INSIGHTS_MIN_CONVERSATIONS = 5

#: Distinct unanswered wordings grouped per page (the most frequent first): bounds the grouping's work.
INSIGHTS_MAX_GROUPED_TEXTS = 1000

#: Groups of unanswered questions listed on a page (the largest); the rest are counted in one line.
INSIGHTS_MAX_GROUPS_SHOWN = 50

#: Sign-in attempts per client address on /insights/login: this many at once, then one a minute.
INSIGHTS_SIGN_IN_BURST = 10

#: Hours a counselor stays signed in (INSIGHTS_SESSION_HOURS): the signed session cookie's expiry.
DEFAULT_INSIGHTS_SESSION_HOURS = 8


def insights_session_hours(environ: Optional[dict] = None) -> int:
    raw = (environ if environ is not None else os.environ).get("INSIGHTS_SESSION_HOURS", "").strip()
    if not raw:
        return DEFAULT_INSIGHTS_SESSION_HOURS
    try:
        hours = int(raw)
    except ValueError:
        hours = 0
    if not 1 <= hours <= 24 * 7:
        raise SystemExit(f"INSIGHTS_SESSION_HOURS must be a whole number of hours from 1 to 168 (got {raw!r})")
    return hours
