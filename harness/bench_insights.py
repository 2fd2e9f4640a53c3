"""How long the insights page takes on a big store (SQLite): 1,000,000 events by default.

    python -m harness.bench_insights [--events 1000000] [--days 120]     (make bench-insights)

Generates the store in a temporary folder with bulk SQL (harness/insights_sample.py), then times the
page for the last 30 days, for the whole district and for one school: the SQL figures plus the
grouping of unanswered questions ("compute"), and the charts and HTML ("render"); the median of
--repeat runs (the first run, which imports matplotlib, is reported apart). Writes
reports/bench-insights.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, Optional

import sqlalchemy as sa

from bot import ROOT


def run(events: int, days: int = 120, repeat: int = 3, folder: Optional[Path] = None) -> Dict[str, float]:
    from bot.insights import page, report
    from bot.insights.figures import date_range
    from harness import insights_sample as sample

    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        engine = sa.create_engine(f"sqlite:///{tmp}/bench.db")
        started = time.perf_counter()
        rows = sample.fill(engine, events, days)
        result: Dict[str, float] = {"events": events, "insight_rows": rows, "generate_s": time.perf_counter() - started}
        start, end = date_range(None, None)
        for scope, school in (("district", None), ("school", "demo")):
            computes, renders = [], []
            for _ in range(repeat + 1):
                t0 = time.perf_counter()
                with engine.connect() as connection:
                    built = report.build(connection, school, start, end)
                t1 = time.perf_counter()
                page.render(built, "Demo High School", live=True)
                computes.append(t1 - t0)
                renders.append(time.perf_counter() - t1)
            result[f"{scope}_first_page_s"] = computes[0] + renders[0]
            result[f"{scope}_compute_s"] = statistics.median(computes[1:])
            result[f"{scope}_render_s"] = statistics.median(renders[1:])
            result[f"{scope}_page_s"] = result[f"{scope}_compute_s"] + result[f"{scope}_render_s"]
        engine.dispose()
    return result


def markdown(result: Dict[str, float]) -> str:
    lines = [
        f"# Insights page on a store of {result['events']:,} events ({result['insight_rows']:,} user messages)",
        "",
        f"Generated in {result['generate_s']:.1f} s (SQLite, bulk SQL). Last 30 days, median of runs:",
        "",
        "| view | compute (SQL + grouping) s | render (charts + HTML) s | page s | first page s |",
        "|---|---|---|---|---|",
    ]
    for scope in ("district", "school"):
        lines.append(
            f"| {scope} | {result[f'{scope}_compute_s']:.3f} | {result[f'{scope}_render_s']:.3f} | "
            f"{result[f'{scope}_page_s']:.3f} | {result[f'{scope}_first_page_s']:.3f} |"
        )
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=120, help="days the events are spread over (default 120)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    result = run(args.events, args.days, args.repeat)
    text = markdown(result)
    out = ROOT / "reports" / "bench-insights.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(text + f"\n(written to {out.relative_to(ROOT)})")
    return 0 if max(result["district_page_s"], result["school_page_s"]) < 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
