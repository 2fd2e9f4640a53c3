"""The events table as the store writes and reads it each turn: prebuilt statements and rows."""

from __future__ import annotations

import json
from typing import Any, Dict

import sqlalchemy as sa

from bot.stores.compaction import WINDOW


class Statements:
    """The per-turn SQL, built once: SQLAlchemy Core on a session costs a third of an ORM query."""

    def __init__(self, table: sa.Table):
        sender = table.c.sender_id == sa.bindparam("sender")
        self.insert = table.insert()
        self.newest_id = sa.select(sa.func.max(table.c.id)).where(sender)
        self.count = sa.select(sa.func.count()).select_from(table).where(sender)
        self.newest_events = sa.select(table.c.id, table.c.data).where(sender).order_by(table.c.id.desc()).limit(WINDOW)


def row(sender_id: str, e: Any, data: Dict[str, Any]) -> Dict[str, Any]:
    """The events row of event `e`, whose (redacted) dictionary is `data`."""
    return dict(
        sender_id=sender_id,
        type_name=e.type_name,
        timestamp=data.get("timestamp"),
        intent_name=(data.get("parse_data") or {}).get("intent", {}).get("name"),
        action_name=data.get("name"),
        data=json.dumps(data),
    )
