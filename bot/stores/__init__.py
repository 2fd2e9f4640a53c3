"""The conversation store, one module per job: engine.py (the store Rasa uses: SQLite or
PostgreSQL, redaction, caches, size limit, loud faults), compaction.py (the working tracker of
the newest turns), insights_writer.py (the counselor insights rows, written with the events) and
retention.py (expired and deleted conversations).

endpoints.yml names `bot.stores.RedactingSQLTrackerStore`; the insights page reads the
database through insights_engine(), not through Rasa's wrappers around the store."""

from __future__ import annotations

from typing import Optional

import sqlalchemy as sa

from bot.stores.compaction import TURNS_KEPT, WINDOW
from bot.stores.engine import MAX_EVENTS_PER_CONVERSATION, ConversationFull, RedactingSQLTrackerStore, opened

__all__ = [
    "MAX_EVENTS_PER_CONVERSATION",
    "TURNS_KEPT",
    "WINDOW",
    "ConversationFull",
    "RedactingSQLTrackerStore",
    "insights_engine",
]


def insights_engine() -> Optional[sa.engine.Engine]:
    """The database of the conversation store this process runs (Rasa opens one at start-up),
    where the insights rows are; None when Rasa runs another store (in memory, Redis...)."""
    store = opened()
    return store.insights_engine() if store is not None else None
