"""The NLU data: the held-out split really is held out, and every intent has enough examples."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot import ROOT


def examples(path: Path) -> dict:
    out = {}
    for block in (yaml.safe_load(path.read_text()) or {}).get("nlu", []):
        if "intent" in block:
            out[block["intent"]] = [
                re.sub(r"^- ", "", line.strip()).lower() for line in block["examples"].splitlines() if line.strip()
            ]
    return out


def training() -> dict:
    merged = {}
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for intent, items in examples(path).items():
            merged.setdefault(intent, []).extend(items)
    return merged


def test_holdout_is_not_in_training():
    train = {text for items in training().values() for text in items}
    holdout = {text for items in examples(ROOT / "tests" / "nlu" / "holdout.yml").values() for text in items}
    assert sorted(train & holdout) == []


def test_every_domain_intent_has_training_and_holdout_examples():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())["intents"]
    train, holdout = training(), examples(ROOT / "tests" / "nlu" / "holdout.yml")
    for intent in domain:
        assert len(train.get(intent, [])) >= 15, intent
        assert len(holdout.get(intent, [])) >= 5, intent
