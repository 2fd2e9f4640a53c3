"""Settings read from the environment, in one place (documented in .env.example).

Each is a small function so the answer logic can read it without importing the store.
"""

from __future__ import annotations

import os
from typing import Optional

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
