"""Fixtures shared by all tests: the real knowledge file, the offline spaCy pipeline."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from bot.answers.loaded_knowledge import Knowledge, build
from bot.knowledge.loader import DEFAULT_PATH
from bot.knowledge.texts import load_localised
from bot.understanding import nlp as nlp_pipeline


@pytest.fixture(scope="session")
def slack():
    """A fake Slack Web API on loopback (the e2e and cluster tests' Slack)."""
    from tests.e2e.fake_slack import FakeSlack

    fake = FakeSlack()
    yield fake
    fake.close()


@pytest.fixture(scope="session")
def nlp():
    return nlp_pipeline.load()


@pytest.fixture(scope="session")
def knowledge(nlp) -> Knowledge:
    return build(DEFAULT_PATH, nlp)


@pytest.fixture(scope="session")
def kb(knowledge):
    return knowledge.kb


@pytest.fixture(scope="session")
def es(kb):
    """The knowledge file with its Spanish texts (bot/knowledge/texts.py)."""
    return load_localised(kb, "es")


@pytest.fixture()
def raw_knowledge() -> dict:
    """The real knowledge file as plain data, to break or extend in a test."""
    return copy.deepcopy(yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8")))


@pytest.fixture()
def write_knowledge(tmp_path):
    def write(data, name: str = "knowledge.yml") -> Path:
        path = tmp_path / name
        path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        return path

    return write


def role(kb, role_id: str):
    """The role with this id in a loaded knowledge base."""
    return next(r for r in kb.roles if r.id == role_id)


def raw_role(data: dict, role_id: str) -> dict:
    """The role with this id in the knowledge file's raw YAML data."""
    return next(r for r in data["roles"] if r["id"] == role_id)
