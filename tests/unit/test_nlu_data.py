"""The NLU data: the held-out split really is held out, and every intent has enough examples."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot import ROOT
from bot.understanding.vocabulary import intent_examples


def examples(path: Path) -> dict:
    return {intent: [t.lower() for t in texts] for intent, texts in intent_examples(path).items()}


def training() -> dict:
    return examples(ROOT / "data" / "nlu")


def test_holdout_is_not_in_training():
    train = {text for items in training().values() for text in items}
    holdout = {text for items in examples(ROOT / "tests" / "nlu" / "holdout.yml").values() for text in items}
    assert sorted(train & holdout) == []


#: New intents whose held-out rows must be written blind, by someone who has not seen their
#: training data (#25): until then they have none. Remove an intent from here when its rows land.
AWAITING_BLIND_HOLDOUT: set = set()


def test_every_domain_intent_has_training_and_holdout_examples():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())["intents"]
    train, holdout = training(), examples(ROOT / "tests" / "nlu" / "holdout.yml")
    for intent in domain:
        assert len(train.get(intent, [])) >= 15, intent
        if intent in AWAITING_BLIND_HOLDOUT:
            assert len(holdout.get(intent, [])) < 5, f"{intent} has its held-out rows: remove it from the list"
            continue
        assert len(holdout.get(intent, [])) >= 5, intent
