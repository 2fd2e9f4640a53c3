"""Delete conversations' events older than N days: from DATABASE_URL when it is set (a shared
deployment), else from the store that endpoints.yml names (SQLite for `make run`).

    python -m bot.tools.purge --days 30 [--endpoints endpoints.yml]     (make purge DAYS=30)

The running assistant does the same by itself (CONVERSATION_RETENTION_DAYS, default 30); this is
for a shorter period on demand, or for a store whose assistant is stopped.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from pathlib import Path

import sqlalchemy as sa

from bot import ROOT, settings
from bot.stores import retention


def engine_for(endpoints: Path) -> sa.engine.Engine:
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.core.utils import read_endpoints_from_path

    config = read_endpoints_from_path(str(endpoints)).tracker_store
    if config is None:
        raise SystemExit(f"{endpoints} names no tracker store: nothing is stored, nothing to purge")
    kwargs = {k: v for k, v in config.kwargs.items() if k in ("dialect", "port", "db", "username", "password", "query")}
    return sa.create_engine(SQLTrackerStore.get_db_url(host=config.url, **kwargs))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--days", type=int, required=True, help="keep events of the last DAYS days (1 or more)")
    parser.add_argument("--endpoints", type=Path, help="Rasa's endpoints file (default: endpoints.yml)")
    parser.add_argument("--database-url", help="the store's SQLAlchemy URL instead (default: DATABASE_URL)")
    args = parser.parse_args(argv)
    if args.days < 1:
        parser.error("--days must be 1 or more")
    os.chdir(ROOT)  # endpoints.yml names the SQLite file relative to the project
    warnings.simplefilter("ignore", DeprecationWarning)  # Rasa's imports: noise here
    from rasa.core.tracker_store import SQLTrackerStore

    table = SQLTrackerStore.SQLEvent.__table__
    url = args.database_url or (None if args.endpoints else settings.DATABASE_URL.get() or None)
    engine = sa.create_engine(url) if url else engine_for(args.endpoints or ROOT / "endpoints.yml")
    missing_file = engine.dialect.name == "sqlite" and not Path(engine.url.database or "").exists()
    if missing_file or not sa.inspect(engine).has_table(table.name):
        print("No conversations stored yet: nothing to purge.")
        return 0
    with engine.begin() as connection:
        deleted = retention.purge(connection, table, args.days)
        left = connection.execute(sa.select(sa.func.count()).select_from(table)).scalar()
    print(f"Deleted {deleted} events older than {args.days} days; {left} events remain.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
