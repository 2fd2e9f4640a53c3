"""The register of private Rasa names (bot/speedups: PATCHES and relied.RELIED_ON) is complete and
true: no module outside bot/speedups names a private Rasa name that is not in it, and every entry
is found, as described, in the installed Rasa."""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from pathlib import Path
from typing import Dict, Iterator, Set, Tuple

import pytest

from bot import ROOT
from bot.speedups import relied

SOURCES = [*sorted((ROOT / "bot").rglob("*.py")), *sorted((ROOT / "actions").rglob("*.py"))]
#: Rasa's wrappers of the tracker store: never imported by us, met at run time (request.app.ctx.agent).
MET_AT_RUN_TIME = [
    ("rasa.core.tracker_store", "AwaitableTrackerStore"),
    ("rasa.core.tracker_store", "FailSafeTrackerStore"),
]


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _ours(path: Path) -> bool:
    return "speedups" not in path.relative_to(ROOT).parts


def rasa_classes() -> Set[type]:
    """Every Rasa class a module of ours imports, with its Rasa base classes."""
    found: Set[type] = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "rasa":
                module = importlib.import_module(node.module)
                found.update(v for v in (getattr(module, a.name, None) for a in node.names) if isinstance(v, type))
    found.update(getattr(importlib.import_module(m), c) for m, c in MET_AT_RUN_TIME)
    return {k for cls in found for k in cls.__mro__ if k.__module__.split(".")[0] == "rasa"}


def rasa_private_names() -> Dict[str, str]:
    """name -> a Rasa class that has it (a class attribute, or one its code sets on self)."""
    names: Dict[str, str] = {}
    for cls in rasa_classes():
        for name in vars(cls):
            if _private(name):
                names.setdefault(name, cls.__qualname__)
        try:
            source = inspect.getsource(cls)
        except (OSError, TypeError):
            continue
        for name in re.findall(r"self\.(_[A-Za-z]\w*)\s*[:=]", source):
            names.setdefault(name, cls.__qualname__)
    return names


def used_private_names(path: Path) -> Iterator[Tuple[str, int]]:
    """Private names a module uses as attributes, defines as methods, or passes as strings; less
    those its own classes (no Rasa base) define for themselves."""
    tree = ast.parse(path.read_text())
    from_rasa = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "rasa"
        for alias in node.names
    }
    own = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and not any(getattr(b, "id", None) in from_rasa for b in node.bases):
            for inner in ast.walk(node):
                if isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)) and _private(inner.name):
                    own.add(inner.name)
                elif isinstance(inner, ast.Attribute) and isinstance(inner.ctx, ast.Store) and _private(inner.attr):
                    own.add(inner.attr)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            found = node.attr, node.lineno
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and _private(node.name):
            found = node.name, node.lineno
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and re.fullmatch(r"_[a-z]\w*", node.value):
            found = node.value, node.lineno
        else:
            continue
        if found[0] not in own:
            yield found


def test_no_private_rasa_name_outside_the_register():
    rasa = rasa_private_names()
    registered = {(r.target.split(".")[1], r.where) for r in relied.RELIED_ON if r.how == relied.OVERRIDE}
    unregistered = sorted(
        f"{path.relative_to(ROOT)}:{line} {name} (Rasa's {rasa[name]})"
        for path in SOURCES
        if _ours(path)
        for name, line in used_private_names(path)
        if name in rasa and (name, str(path.relative_to(ROOT))) not in registered
    )
    assert not unregistered, "private Rasa names outside bot/speedups; add them to relied.RELIED_ON:\n" + "\n".join(
        unregistered
    )


def test_the_scan_finds_a_private_rasa_name(tmp_path):
    """The check above can fail: a module calling a private Slack helper is caught."""
    module = tmp_path / "channel.py"
    module.write_text("from rasa.core.channels.slack import SlackInput\nSlackInput._sanitize_user_message('a', [])\n")
    assert ("_sanitize_user_message", 2) in list(used_private_names(module))
    assert "_sanitize_user_message" in rasa_private_names()


@pytest.mark.parametrize("entry", relied.RELIED_ON, ids=lambda r: r.name)
def test_every_relied_on_name_is_in_this_rasa(entry):
    assert entry.problem() is None


def test_a_changed_name_is_reported():
    gone = relied.Relied(relied.CALL, "rasa.core.channels.slack", "SlackInput._no_such_helper", "bot/x.py")
    moved = relied.Relied(
        relied.OVERRIDE, "rasa.core.tracker_store", "SQLTrackerStore._additional_events", "x", ("self",)
    )
    assert gone.problem() == "not found" and "expected (self)" in (moved.problem() or "")


def test_the_helpers_do_what_rasa_does():
    assert relied.sanitize_slack_text("<@UBOT> what does a welder do", ["UBOT"]).strip() == "what does a welder do"
