"""The sentences of answers, per language: `data/phrases/<language>/<book>.yml`.

Each file is a mapping of key -> a sentence with `{placeholders}` (or a list of words, such as
the months); the key of a phrase is "<book>.<key>" ("roles.pay_missing"). Every language has the
same keys and the same placeholders (tests/unit/test_phrases.py), so an answer is written once,
in code, and worded per language in data. The figures put into a phrase are formatted by
bot/render.py, the same in every language ("$45,000", "22.4%").

Files are read once, at first use; a language without a phrasebook is answered in English.
"""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Tuple, Union

import yaml

PHRASES_DIR = Path(__file__).resolve().parents[1] / "data" / "phrases"
#: The languages answers are written in; the first is the fallback.
LANGUAGES: Tuple[str, ...] = ("en", "es")
DEFAULT = LANGUAGES[0]

Phrase = Union[str, List[str]]


@lru_cache(maxsize=None)
def book(language: str) -> Dict[str, Phrase]:
    """Every phrase of a language, keyed "<book>.<key>"."""
    phrases: Dict[str, Phrase] = {}
    for path in sorted((PHRASES_DIR / language).glob("*.yml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(raw, dict):
            raise ValueError(f"{path}: expected a mapping of key -> phrase")
        for key, value in raw.items():
            ok = isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))
            if not ok:
                raise ValueError(f"{path}: {key!r} must be a sentence or a list of words")
            phrases[f"{path.stem}.{key}"] = value
    return phrases


def language_of(value: object) -> str:
    """A language answers can be written in: `value` when there is a phrasebook for it, else English."""
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT


def say(language: str, key: str, **fields: object) -> str:
    """The phrase `key` in `language` with its placeholders filled. A missing key is a bug: KeyError."""
    phrase = book(language_of(language))[key]
    if not isinstance(phrase, str):
        raise TypeError(f"{key} is a list of words; use words()")
    return phrase.format(**fields)


def words(language: str, key: str) -> List[str]:
    """A list phrase (for example the months, January first)."""
    phrase = book(language_of(language))[key]
    if not isinstance(phrase, list):
        raise TypeError(f"{key} is a sentence; use say()")
    return phrase


def placeholders(phrase: Phrase) -> frozenset:
    """The {names} a phrase needs (for a list, how many words it has)."""
    if isinstance(phrase, list):
        return frozenset({f"#{len(phrase)}"})
    return frozenset(name for _, name, _, _ in string.Formatter().parse(phrase) if name)
