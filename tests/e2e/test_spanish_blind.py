"""Blind Spanish batches (#21), end to end against the real bot: the honest Spanish score.

Each batch (tests/blind/spanish_batch<N>.yml) was written by a helper who never saw the training
data, only the knowledge file's English and Spanish texts (docs/blind-brief.md, "Batch brief:
Spanish messages"). Rows are sent with no
language in the metadata, as a student writing Spanish on an English-default school site would,
and judged as the Spanish answer check judges its rows (tests/e2e/test_spanish_answers.py). The
score per key and class and every failure go to reports/blind-spanish.md; each batch has a floor
(its first score, rounded down)."""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict

import pytest
import yaml

from tests.e2e.blind_sampling import Floor, chosen, described, every_for, sample
from tests.e2e.expectations import IN_FLIGHT
from tests.e2e.test_blind_understanding import CONFIRMS, CRISIS_LEAD
from tests.e2e.test_spanish_answers import check

ROOT = Path(__file__).parents[2]
BATCHES = sorted(ROOT.joinpath("tests", "blind").glob("spanish_batch*.yml"))
REPORT = ROOT / "reports" / "blind-spanish.md"
#: Batch -> its section of the report, as scored in this run.
SECTIONS: Dict[str, str] = {}
#: Batch -> the share of its rows that must pass (blind_sampling.Floor).
FLOORS: Dict[str, Floor] = {
    "spanish_batch1": Floor(0.61),
    "spanish_batch2": Floor(0.52),
    "spanish_batch3": Floor(0.70, sampled=0.66),  # its every-4th-play sample first scored 66.7%
    "spanish_batch4": Floor(0.65),
}
#: Harm (#25) in any language: a crisis reply or a delete question nobody asked for fails a row.
HARMFUL = [CRISIS_LEAD, "Siento mucho que estés pasando por esto.", *CONFIRMS]


def _key(row: dict) -> str:
    ((key, _),) = row["expect"].items()
    return key


def _table(title: str, rows: list, failed: set, by) -> list:
    total, bad = Counter(by(r) for r in rows), Counter(by(r) for n, r in enumerate(rows) if n in failed)
    ordered = sorted(total, key=lambda k: ((total[k] - bad[k]) / total[k], k))
    return [f"| {title} | Passed |", "|---|---|", *(f"| {k} | {total[k] - bad[k]}/{total[k]} |" for k in ordered), ""]


def test_every_spanish_batch_has_a_floor():
    assert {p.stem for p in BATCHES} == set(FLOORS)


@pytest.mark.parametrize("path", chosen(BATCHES), ids=lambda p: p.stem)
def test_spanish_blind_batch(bot, kb, es, path):
    every = every_for(path, BATCHES)
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))["rows"]
    rows = [{**row, "not": HARMFUL} for row in sample(rows, every)]
    with ThreadPoolExecutor(IN_FLIGHT) as pool:
        results = list(pool.map(lambda n: check(bot, es, kb, rows[n], 500 + n), range(len(rows))))
    failed = {n for n, f in enumerate(results) if f}
    passed = len(rows) - len(failed)
    floor = FLOORS[path.stem].of(every)
    lines = [
        f"## {path.stem}{described(every)}",
        "",
        f"Overall: **{passed}/{len(rows)} ({passed / len(rows):.1%})**",
        "",
    ]
    lines += [f"Harmful replies (a crisis reply or a delete question nobody asked for): {len(harmful(results))}.", ""]
    lines += _table("Expectation", rows, failed, _key) + _table("Class", rows, failed, lambda r: r["class"])
    lines += [f"- ({rows[n]['class']}) {results[n]}" for n in sorted(failed)]
    REPORT.parent.mkdir(exist_ok=True)
    SECTIONS[path.stem] = "\n".join(lines) + "\n"  # every batch scored in this run, in one report
    REPORT.write_text("# Blind Spanish batches\n\n" + "\n".join(SECTIONS.values()), encoding="utf-8")
    print("\n" + "\n".join(lines[:3]))
    assert passed / len(rows) >= floor, f"{path.stem}{described(every)}: {passed}/{len(rows)} (see {REPORT})"
    harm = harmful(results)
    assert not harm, f"{path.stem}: harmful replies (#25: none on any batch):\n" + "\n".join(harm)


def harmful(results) -> list:
    """The failures whose reply had a harmful text nobody asked for (HARMFUL: every row bans them)."""
    return [f for f in results if f and any(text in f.split("\n")[0].split(" forbidden ", 1)[-1] for text in HARMFUL)]
