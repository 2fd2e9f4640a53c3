"""`make bench-cluster`: the district deployment through nginx with 1 and then 2 replicas, at 8, 32
and 64 simulated students (harness/students.py): turns per second, latency, memory per replica
and per action server. Writes reports/bench-cluster.json and .md.

    python -m harness.bench_cluster [--seconds 15] [--smoke]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Any, Dict, List

from bot import ROOT
from bot.answers.loaded_knowledge import shared
from bot.tools.cluster import Cluster, drop_database
from harness.bench import _cpu_model, _mem_gb, rss_mb
from harness.students import crowd, summary

REPORTS = ROOT / "reports"
LEVELS = (8, 32, 64)
PORT = 5600  # nginx; replicas, action servers above it


def measure(replicas: int, seconds: float, database_url: str, levels=LEVELS) -> Dict[str, Any]:
    roles = shared().kb.roles
    with tempfile.TemporaryDirectory() as work:
        cluster = Cluster(replicas, PORT, PORT + 10, PORT + 20, database_url=database_url, work=Path(work))
        try:
            ready_s = cluster.start()
            asyncio.run(crowd(cluster.base, roles, 8, min(seconds, 3)))  # warm-up
            loads = {}
            for users in levels:
                loads[str(users)] = summary(asyncio.run(crowd(cluster.base, roles, users, seconds)), seconds)
            return {
                "replicas": replicas,
                "ready_s": round(ready_s, 1),
                "loads": loads,
                "rasa_rss_mb": [rss_mb(s.process.pid) for s in cluster.rasa],
                "actions_rss_mb": [rss_mb(s.process.pid) for s in cluster.actions],
            }
        finally:
            cluster.stop()


def report(results: List[Dict[str, Any]], seconds: float, smoke: bool) -> str:
    name = "bench-cluster-smoke" if smoke else "bench-cluster"
    machine = f"{_cpu_model()}, {_mem_gb():.1f} GB"
    lines = [
        f"# Cluster benchmark{' (smoke: timings mean nothing)' if smoke else ''}",
        "",
        f"Machine: {machine}. Through nginx on loopback; PostgreSQL tracker store, Redis locks; "
        f"{seconds:.0f} s per load level; simulated students with follow-up questions.",
        "",
        "| replicas | users | turns/s | p50 ms | p95 ms | wrong | failed |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        for users, s in r["loads"].items():
            lines.append(
                f"| {r['replicas']} | {users} | {s['turns_per_s']} | {s['p50_ms']} | {s['p95_ms']} | "
                f"{s['wrong']} | {s['failed_tries']} |"
            )
    lines += ["", "| replicas | ready s | Rasa RSS MB (each) | action server RSS MB (each) |", "|---|---|---|---|"]
    for r in results:
        lines.append(
            f"| {r['replicas']} | {r['ready_s']} | {', '.join(f'{m:.0f}' for m in r['rasa_rss_mb'])} | "
            f"{', '.join(f'{m:.0f}' for m in r['actions_rss_mb'])} |"
        )
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / f"{name}.json").write_text(
        json.dumps({"machine": machine, "seconds": seconds, "results": results}, indent=2)
    )
    text = "\n".join(lines) + "\n"
    (REPORTS / f"{name}.md").write_text(text)
    return text


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--smoke", action="store_true", help="1 s per level, one level: checks the report only")
    args = parser.parse_args(argv)
    seconds, levels = (1.0, (8,)) if args.smoke else (args.seconds, LEVELS)
    results = []
    for replicas in (1, 2):  # each on a throw-away database
        url = f"postgresql://postgres@127.0.0.1:5432/mfg_bench_{uuid.uuid4().hex[:10]}"
        try:
            results.append(measure(replicas, seconds, url, levels))
        finally:
            drop_database(url)
    print(report(results, seconds, args.smoke))
    return 0


if __name__ == "__main__":
    sys.exit(main())
