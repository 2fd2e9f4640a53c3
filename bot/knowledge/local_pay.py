"""Local pay: the BLS OEWS extract in data/local/ (built by `make oews`, bot/tools/oews_import.py).

One row per occupation and area with BLS's own text for each figure; "-" where BLS publishes
none. A missing figure stays missing here (None), with BLS's footnote when it gave one: it is
never filled in or estimated. Read once, at first use.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import yaml

LOCAL_DIR = Path(__file__).resolve().parents[2] / "data" / "local"
NATION = "0000000"
ALL_JOBS = "000000"
#: BLS footnote meaning the wage is at least $239,200 a year (top-coded).
TOP_CODED = "5"


@dataclass(frozen=True)
class Occupation:
    soc: str
    title: str  # BLS's name for it
    broader: bool  # BLS publishes only a broader group for this role


@dataclass(frozen=True)
class Area:
    code: str
    kind: str  # "N" nation, "S" state (with DC, PR, GU, VI), "M" metro or nonmetro area
    state: str  # FIPS code
    name: str


#: The figures of a row, in the extract's column order.
COLUMNS = ("emp", "h10", "h50", "h90", "a10", "a50", "a90", "lq")
_INDEX = {c: i for i, c in enumerate(COLUMNS)}
_NO_NOTES: Dict[str, str] = {}


@dataclass(frozen=True)
class Figures:
    """One occupation in one area. Each figure is None when BLS does not publish it.
    (Tuples, not dicts: 13,000 rows stay a few MB in the action server.)"""

    __slots__ = ("soc", "area", "values", "notes")
    soc: str
    area: Area
    values: Tuple[Optional[float], ...]  # in COLUMNS order
    notes: Dict[str, str]  # column -> BLS footnote code, for a figure BLS qualifies or withholds

    def get(self, column: str) -> Optional[float]:
        return self.values[_INDEX[column]]

    def top_coded(self, column: str) -> bool:
        return self.notes.get(column) == TOP_CODED


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    url: str
    published: str


@dataclass
class LocalPay:
    release: str  # "May 2025"
    retrieved: str
    source: Source
    areas: Dict[str, Area]
    roles: Dict[str, Occupation]
    rows: Dict[Tuple[str, str], Figures]

    def figures(self, soc: str, area: str) -> Optional[Figures]:
        """None when BLS has no row at all for this occupation there."""
        return self.rows.get((soc, area))

    def occupation(self, role_id: str) -> Optional[Occupation]:
        return self.roles.get(role_id)

    def states_by_median(self, soc: str) -> List[Figures]:
        """States, DC and territories with a published annual median, highest first."""
        found = [f for (s, _), f in self.rows.items() if s == soc and f.area.kind == "S" and f.get("a50")]
        return sorted(found, key=lambda f: (-(f.get("a50") or 0), f.area.name))


def _number(text: str) -> Optional[float]:
    if text in ("", "-"):
        return None
    return float(text)


@lru_cache(maxsize=4)
def load(directory: Path = LOCAL_DIR) -> LocalPay:
    meta = yaml.safe_load((directory / "oews_meta.yml").read_text(encoding="utf-8"))
    with open(directory / "oews_areas.csv", newline="", encoding="utf-8") as f:
        areas = {r["area"]: Area(r["area"], r["type"], r["state"], r["name"]) for r in csv.DictReader(f)}
    rows: Dict[Tuple[str, str], Figures] = {}
    with open(directory / "oews_pay.csv", newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if tuple(c for c in (reader.fieldnames or []) if c not in ("soc", "area", "notes")) != COLUMNS:
            raise ValueError(f"{directory / 'oews_pay.csv'}: columns differ from {COLUMNS}")
        for r in reader:
            notes = dict(n.split(":", 1) for n in r["notes"].split()) or _NO_NOTES
            values = tuple(_number(r[c]) for c in COLUMNS)
            rows[(r["soc"], r["area"])] = Figures(r["soc"], areas[r["area"]], values, notes)
    roles = {k: Occupation(str(v["soc"]), v["title"], bool(v["broader"])) for k, v in meta["roles"].items()}
    source = Source(**{k: str(v) for k, v in meta["source"].items()})
    return LocalPay(str(meta["release"]), str(meta["retrieved"]), source, areas, roles, rows)
