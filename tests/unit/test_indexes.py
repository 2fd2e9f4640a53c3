"""Indexes made idempotently (bot/indexes.py, issue #23 item 5): a store made again in one process
logs no "Could not create tables", and both purges find rows by time through an index."""

from __future__ import annotations

import logging

import pytest
import sqlalchemy as sa
from rasa.shared.core.domain import Domain

from bot import ROOT, indexes
from bot.insights import table as insights
from bot.stores import RedactingSQLTrackerStore

DOMAIN = Domain.load(str(ROOT / "domain.yml"))


def plan(engine, query: str) -> str:
    """SQLite's plan for a query, as one line ("SEARCH insights USING INDEX ..." or "SCAN insights")."""
    with engine.connect() as connection:
        return " ".join(str(row[-1]) for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {query}"))


def test_stores_made_again_in_one_process_create_their_tables_without_an_error(tmp_path, caplog):
    caplog.set_level(logging.ERROR)
    shared = RedactingSQLTrackerStore.SQLEvent.__table__
    before = {i.name for i in shared.indexes}
    for name in ("a", "a", "b", "c"):  # b and c: new databases, made after the first store
        store = RedactingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / f"{name}.db"))
        assert "events_timestamp_idx" in indexes.names(store.engine, "events")
    assert "Could not create tables" not in caplog.text and "already exists" not in caplog.text
    assert {i.name for i in shared.indexes} == before and len(shared.indexes) == len(before)  # Rasa's table unchanged
    assert "INDEX events_timestamp_idx (timestamp<?)" in plan(
        store.engine, "SELECT id FROM events WHERE timestamp < 1 LIMIT 9"
    )


def test_an_insights_table_made_before_its_time_index_gets_it(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    insights.TABLE.create(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP INDEX insights_ts_idx")  # as a store written before it existed
    purge = "SELECT id FROM insights WHERE ts < 1 LIMIT 1000"  # what retention deletes by
    assert "INDEX insights_ts_idx (ts<?)" not in plan(engine, purge)
    insights.ensure(engine)
    insights.ensure(engine)  # every start: nothing to do, no error
    assert {i.name for i in insights.TABLE.indexes} <= indexes.names(engine, "insights")
    assert "INDEX insights_ts_idx (ts<?)" in plan(engine, purge)


def test_an_index_another_replica_just_made_is_fine(tmp_path, monkeypatch):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'race.db'}")
    insights.TABLE.create(engine)
    index = next(i for i in insights.TABLE.indexes if i.name == "insights_ts_idx")
    # The other replica made it between our check and our CREATE INDEX: ours fails, the index is there.
    monkeypatch.setattr(sa.Index, "create", lambda *a, **k: (_ for _ in ()).throw(sa.exc.OperationalError("", {}, "")))
    indexes.ensure(engine, index)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP INDEX insights_ts_idx")
    with pytest.raises(sa.exc.OperationalError):  # a failure that left no index is not hidden
        indexes.ensure(engine, index)
