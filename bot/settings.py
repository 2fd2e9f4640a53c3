"""Settings read from the environment, in one place (documented in .env.example).

Each is a small function so the answer logic can read it without importing the store.
"""

from __future__ import annotations

import ipaddress
import os
from typing import List, Optional, Union

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


#: Fewest characters of CONVERSATION_SECRET (`secrets.token_urlsafe(32)` makes 43).
MIN_SECRET_CHARS = 32


def conversation_secret(environ: Optional[dict] = None) -> Optional[str]:
    """The key that signs web chat conversation ids (CONVERSATION_SECRET; bot/channels/conversation_ids.py).
    None when unset: the process then makes one of its own. Every replica needs the same one."""
    raw = ((environ if environ is not None else os.environ).get("CONVERSATION_SECRET") or "").strip()
    if not raw:
        return None
    if len(raw) < MIN_SECRET_CHARS:
        raise SystemExit(
            f"CONVERSATION_SECRET must be at least {MIN_SECRET_CHARS} characters: make one with "
            '`python3 -c "import secrets; print(secrets.token_urlsafe(32))"`'
        )
    return raw
