"""One declaration per environment variable (bot/settings.py): each is documented in .env.example,
and no other module of the assistant reads the environment. The harness and the tests may read
their own variables (ports, the Chromium path): they are not the assistant's settings."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import List

import pytest

from bot import ROOT, settings

EXAMPLE = ROOT / ".env.example"
#: Where the assistant's code lives: every read of the environment there goes through settings.
RUNTIME = ("bot", "actions", "deploy")


def documented() -> List[str]:
    """Variable names in .env.example, set or commented out (`NAME=...` or `# NAME=...`)."""
    return re.findall(r"^(?:# )?([A-Z][A-Z0-9_]+)=", EXAMPLE.read_text(encoding="utf-8"), re.MULTILINE)


def environment_reads(path: Path, root: Path = ROOT) -> List[str]:
    """Where a module reads the environment: os.environ, os.getenv, or either imported from os."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "environb"):
            if isinstance(node.value, ast.Name) and node.value.id == "os":
                found.append(f"{path.relative_to(root)}:{node.lineno} os.{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module == "os":
            for alias in node.names:
                if alias.name in ("environ", "getenv", "environb"):
                    found.append(f"{path.relative_to(root)}:{node.lineno} from os import {alias.name}")
    return found


def test_every_setting_is_documented_in_the_env_example_and_nothing_else_is():
    names = documented()
    assert sorted(settings.DECLARED) == sorted(set(names))
    assert len(names) == len(set(names)), "a variable documented twice"


def test_every_setting_says_why_in_one_line():
    for name, setting in settings.DECLARED.items():
        assert setting.name == name
        assert setting.why and "\n" not in setting.why and len(setting.why) <= 100, name


def test_only_the_settings_module_reads_the_environment():
    files = [p for folder in RUNTIME for p in (ROOT / folder).rglob("*.py")]
    reads = [read for path in files if path != ROOT / "bot" / "settings.py" for read in environment_reads(path)]
    assert reads == []
    assert environment_reads(ROOT / "bot" / "settings.py")  # the check does see a read


def test_the_check_finds_every_way_of_reading(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import os\nfrom os import getenv\na = os.environ.get('X')\nb = os.getenv('Y')\n")
    assert len(environment_reads(module, tmp_path)) == 3


def test_blank_means_the_default_and_values_are_typed():
    assert settings.ACTION_TIMEOUT_S.get({}) == 15.0
    assert settings.ACTION_TIMEOUT_S.get({"ACTION_TIMEOUT_S": " 2.5 "}) == 2.5
    assert settings.REPLICAS.get({"REPLICAS": "  "}) == 2
    assert settings.BOT_PATCH_ANY_RASA.get({"BOT_PATCH_ANY_RASA": "yes"}) is True
    assert settings.MODEL_PATH.get({"MODEL_PATH": "/tmp/m.tar.gz"}) == Path("/tmp/m.tar.gz")
    assert settings.RASA_HOST.get({}) == "127.0.0.1"
    with pytest.raises(ValueError, match="ACTION_TIMEOUT_S"):
        settings.ACTION_TIMEOUT_S.get({"ACTION_TIMEOUT_S": "soon"})
    with pytest.raises(SystemExit, match="REPLICAS must be 1 or more"):
        settings.REPLICAS.get({"REPLICAS": "0"})


def test_a_setting_is_read_when_asked_not_at_import(monkeypatch):
    monkeypatch.setenv("RASA_HOST", "0.0.0.0")
    assert settings.RASA_HOST.get() == "0.0.0.0"
    monkeypatch.delenv("RASA_HOST")
    assert settings.RASA_HOST.get() == "127.0.0.1"
