"""Counselor insights as files: a static HTML report and CSV files, the same figures as /insights/.

    python -m bot.tools.insights [--from 2026-09-01] [--to 2026-11-30] [--school demo] [--out reports]
    make insights FROM=2026-09-01 TO=2026-11-30 SCHOOL=demo
    python -m bot.tools.insights --new-token      a token for a school (or the district) and its hash

The store is DATABASE_URL when set, else the one endpoints.yml names (as `make purge`). Without
--school: the whole district. Writes <out>/insights.html and <out>/insights-<table>.csv, readable
by their owner only (files 0600 in a folder made 0700): the same figures as the page, and no more.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
import warnings
from datetime import date
from pathlib import Path
from typing import List, Optional, TextIO

import sqlalchemy as sa

from bot import ROOT, schools, settings

PRIVATE_FILE, PRIVATE_DIR = 0o600, 0o700


def write(
    engine: sa.engine.Engine, out: Path, school: Optional[str], start: Optional[date], end: Optional[date]
) -> List[Path]:
    """Write the report and CSV files for this school (None: district); returns the paths written."""
    from bot.insights import page, table
    from bot.insights import report as reports
    from bot.insights.figures import date_range

    start, end = date_range(start, end)
    table.ensure(engine)
    with engine.connect() as connection:
        report = reports.build(connection, school, start, end)
    registered = schools.shared().get(school) if school else None
    out.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    os.chmod(out, PRIVATE_DIR)  # also when it already existed
    written = [out / "insights.html"]
    with _private(written[0]) as f:
        f.write(page.render(report, registered.name if registered else (school or ""), live=False))
    for t in reports.tables(report):
        path = out / f"insights-{t.key}.csv"
        with _private(path) as f:
            writer = csv.writer(f)
            writer.writerow(t.columns)
            writer.writerows(t.rows)
        written.append(path)
    return written


def _private(path: Path) -> TextIO:
    """`path` opened for writing, created (or truncated and reset) as readable by its owner only."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    os.fchmod(fd, PRIVATE_FILE)
    return os.fdopen(fd, "w", newline="", encoding="utf-8")


def _day(value: str) -> date:
    from bot.insights.figures import BadDate, parse_day

    try:
        day = parse_day(value)
    except BadDate as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    if day is None:
        raise argparse.ArgumentTypeError("a date is needed, as YYYY-MM-DD")
    return day


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="start", type=_day, help="first day (default: 30 days ago)")
    parser.add_argument("--to", dest="end", type=_day, help="last day (default: today)")
    parser.add_argument("--school", help="a school id of the registry (default: the whole district)")
    parser.add_argument("--out", type=Path, default=ROOT / "reports", help="folder to write to (default: reports/)")
    parser.add_argument("--database-url", help="the store's SQLAlchemy URL (default: DATABASE_URL, else endpoints.yml)")
    parser.add_argument("--endpoints", type=Path, help="Rasa's endpoints file (default: endpoints.yml)")
    parser.add_argument("--new-token", action="store_true", help="print a new token and its SHA-256, then stop")
    args = parser.parse_args(argv)
    if args.new_token:
        from bot.insights.auth import new_token, token_hash

        token = new_token()
        print(
            f"token (give it to the counselor, or set INSIGHTS_ADMIN_TOKEN): {token}\n"
            f"insights_token_sha256 (for data/schools.yml): {token_hash(token)}"
        )
        return 0
    if args.school and schools.shared().get(args.school) is None:
        parser.error(f"{args.school!r} is not a school in {schools.registry_path()}")
    os.chdir(ROOT)  # endpoints.yml names the SQLite file relative to the project
    warnings.simplefilter("ignore", DeprecationWarning)
    from bot.tools.purge import engine_for

    url = args.database_url or (None if args.endpoints else settings.DATABASE_URL.get() or None)
    engine = sa.create_engine(url) if url else engine_for(args.endpoints or ROOT / "endpoints.yml")
    if engine.dialect.name == "sqlite" and not Path(engine.url.database or "").exists():
        print(f"No conversations stored yet ({engine.url.database}).")
        return 1
    started = time.perf_counter()
    written = write(engine, args.out, args.school, args.start, args.end)
    print(
        f"Wrote {', '.join(str(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p) for p in written)} "
        f"in {time.perf_counter() - started:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
