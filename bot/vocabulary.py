"""Ordinary question words ("pay", "salary", "jobs"), read from the NLU training data.

The linker treats a word it cannot link as a possibly unknown job ("astronauts") only when
it is not one of these, so the bot never answers for the previous role when the user named
a different one. Reading them from the training data keeps the list in step with it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import FrozenSet

import yaml

from bot import ROOT

NLU_DIR = ROOT / "data" / "nlu"
#: Intents whose examples name things outside the assistant's knowledge on purpose.
_EXCLUDED_INTENTS = {"out_of_scope"}
_ANNOTATION = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\{[^}]*\}")
_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def question_words(nlu_dir: Path = NLU_DIR) -> FrozenSet[str]:
    words = set()
    for path in sorted(Path(nlu_dir).glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in data.get("nlu", []):
            if "intent" not in block or block["intent"] in _EXCLUDED_INTENTS:
                continue
            examples = _ANNOTATION.sub(lambda m: m.group(1) or m.group(2), block.get("examples", ""))
            words.update(_WORD.findall(examples.lower()))
    return frozenset(words)
