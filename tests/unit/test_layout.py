"""The shape of the code base: the assistant (bot/, actions/) never imports the benchmark and
test harness (harness/), so what `make run` starts carries none of it."""

from __future__ import annotations

import ast
from pathlib import Path

from bot import ROOT

RUNTIME = ("bot", "actions")


def imported_modules(path: Path) -> set:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: set = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def runtime_files():
    return sorted(p for folder in RUNTIME for p in (ROOT / folder).rglob("*.py"))


def test_the_runtime_never_imports_the_harness():
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in runtime_files()
        for name in imported_modules(path)
        if name == "harness" or name.startswith("harness.")
    ]
    assert offenders == []


def test_the_check_sees_an_import_of_the_harness(tmp_path):
    # the check above must be able to fail: an import written either way is found
    module = tmp_path / "m.py"
    module.write_text("import harness.bench\nfrom harness import students\n", encoding="utf-8")
    assert {"harness.bench", "harness"} <= imported_modules(module)
    assert len(runtime_files()) > 50
