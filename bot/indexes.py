"""Database indexes made idempotently: on a new database, on one made before the index existed,
and with several replicas starting at once (the one that loses the race finds the index there)."""

from __future__ import annotations

from typing import Set

import sqlalchemy as sa


def ensure(engine: sa.engine.Engine, index: sa.Index) -> None:
    """Create `index` unless its table already has an index of that name."""
    try:
        index.create(engine, checkfirst=True)
    except (sa.exc.ProgrammingError, sa.exc.IntegrityError, sa.exc.OperationalError):
        if index.name not in names(engine, index.table.name):
            raise  # not just another replica creating it at the same moment


def names(engine: sa.engine.Engine, table: str) -> Set[str]:
    return {i["name"] for i in sa.inspect(engine).get_indexes(table)}


def detached(name: str, table: sa.Table, column: str) -> sa.Index:
    """An index on `table.column` made on a private copy of the table. An Index made on a shared
    Table (Rasa's class-level `events`) stays attached to it: each store made in the process would
    add another, and the next create_all on a new database would create it twice and fail
    ("index events_timestamp_idx already exists", logged by Rasa as "Could not create tables")."""
    copy = sa.Table(table.name, sa.MetaData(), sa.Column(column, table.c[column].type), schema=table.schema)
    return sa.Index(name, copy.c[column])
