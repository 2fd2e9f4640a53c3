"""Each conversation's state in one row: the id of its newest stored event, its slot values and
active form. Two jobs:

1. A bounded read on any replica: a replica that has not served the conversation (or whose memory
   of it is stale) reads this row and the newest WINDOW events, never the whole history.
2. Fencing: a turn saves only if the conversation's newest event is still the one it read
   (`advance`: UPDATE ... WHERE newest_id = the id read, in the transaction that inserts the
   events). If another replica wrote in between (a lost Redis lock: a renewal that failed, a
   replica paused past its lease), the UPDATE matches nothing, the transaction is rolled back
   and the turn fails with ConversationMoved; two replicas can never both extend one conversation.
   A conversation without a row (new, or written before this table existed) is created by the
   first writer only (INSERT ... ON CONFLICT DO NOTHING).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any, Dict, Optional

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from bot.store_faults import StoreUnavailable

METADATA = sa.MetaData()
TABLE = sa.Table(
    "conversation_state",
    METADATA,
    sa.Column("sender_id", sa.String(255), primary_key=True),
    sa.Column("newest_id", sa.Integer, nullable=False),
    sa.Column("slots", sa.Text, nullable=False),
    sa.Column("active_loop", sa.String(255)),
    sa.Column("updated", sa.Float, nullable=False, index=True),  # the newest event's time: retention
)
_FENCE = "_fence_newest_id"  # attribute on a tracker: the newest event id its turn started from


class ConversationMoved(StoreUnavailable):
    """Another replica wrote this conversation after this turn read it: the turn is not saved."""


@dataclass(frozen=True)
class State:
    newest_id: int
    slots: Dict[str, Any]
    active_loop: Optional[str]


def ensure(engine: sa.engine.Engine) -> None:
    try:
        METADATA.create_all(engine, checkfirst=True)
    except (sa.exc.ProgrammingError, sa.exc.IntegrityError, sa.exc.OperationalError):
        if TABLE.name not in sa.inspect(engine).get_table_names():
            raise  # not just another replica creating it at the same moment


_READ = sa.select(TABLE.c.newest_id, TABLE.c.slots, TABLE.c.active_loop).where(
    TABLE.c.sender_id == sa.bindparam("sender")
)


def read(session: Any, sender_id: str) -> Optional[State]:
    row = session.execute(_READ, {"sender": sender_id}).first()
    return None if row is None else State(row.newest_id, json.loads(row.slots), row.active_loop)


def advance(session: Any, sender_id: str, fence: Optional[int], state: State, when: float) -> bool:
    """Record `state` (`when`: its newest event's time, for retention) if the conversation's
    newest event is still `fence` (None: it had no row); False, changing nothing, if another
    writer got there first. Call inside the transaction that writes the events; roll back on False."""
    values = dict(
        newest_id=state.newest_id,
        slots=json.dumps(state.slots),
        active_loop=state.active_loop,
        updated=when or time.time(),
    )
    if fence is not None:
        updated = session.execute(
            TABLE.update().where(TABLE.c.sender_id == sender_id, TABLE.c.newest_id == fence).values(**values)
        )
        if updated.rowcount == 1:
            return True
    dialect = session.get_bind().dialect.name
    insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}[dialect](TABLE)
    created = session.execute(insert.values(sender_id=sender_id, **values).on_conflict_do_nothing())
    return created.rowcount == 1


def delete(session: Any, sender_id: str) -> None:
    session.execute(TABLE.delete().where(TABLE.c.sender_id == sender_id))


def fence_of(tracker: Any) -> Optional[int]:
    return getattr(tracker, _FENCE, None)


def set_fence(tracker: Any, newest_id: Optional[int]) -> None:
    setattr(tracker, _FENCE, newest_id)
