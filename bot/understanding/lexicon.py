"""Vocabularies that are phrases rather than training examples: one data file per vocabulary
and language, `data/lexicon/<language>/<vocabulary>.yml`, each a mapping of section -> list of
regular expressions. A second language is a second file of the same shape, not edits in code.

Patterns are matched on `fold(text)`: lower case, accents removed, curly apostrophes straight,
so a pattern written without accents matches with or without them ("mas" and "más").
Files are read once, at first use (no work at import).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Dict, Optional, Tuple

import yaml

LEXICON_DIR = Path(__file__).resolve().parents[2] / "data" / "lexicon"
#: The languages the assistant reads, in the order they are tried.
LANGUAGES: Tuple[str, ...] = ("en", "es")

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


def fold(text: str) -> str:
    """Lower case, without accents, straight apostrophes: the form patterns are matched on."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=None)
def sections(vocabulary: str, language: str) -> Dict[str, re.Pattern]:
    """Section name -> one compiled alternation of its patterns ({} when there is no file)."""
    path = LEXICON_DIR / language / f"{vocabulary}.yml"
    if not path.exists():
        return {}
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: expected a mapping of section -> list of patterns")
    compiled = {}
    for name, patterns in raw.items():
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise ValueError(f"{path}: section {name!r} must be a list of strings")
        try:
            compiled[name] = re.compile("|".join(f"(?:{p})" for p in patterns))
        except re.error as e:
            raise ValueError(f"{path}: section {name!r}: {e}") from e
    return compiled


def search(vocabulary: str, section: str, folded: str, language: str) -> bool:
    """Whether `section` of the vocabulary in `language` matches the folded text.

    The file's `not` section, if any, lists look-alikes (idioms) blanked out first."""
    pattern = sections(vocabulary, language).get(section)
    return pattern is not None and pattern.search(without_look_alikes(vocabulary, language, folded)) is not None


#: The section of a vocabulary file listing look-alikes (idioms) of its words.
LOOK_ALIKES = "not"


def without_look_alikes(vocabulary: str, language: str, folded: str) -> str:
    """The folded text with the vocabulary's look-alikes (its `not` section) blanked, each by as
    many spaces, so what is left keeps its place ("im dying to know what welders make")."""
    exclude = sections(vocabulary, language).get(LOOK_ALIKES)
    return exclude.sub(lambda m: " " * len(m.group()), folded) if exclude is not None else folded


@lru_cache(maxsize=1024)  # the guard asks about one message several times (bot/understanding/verdict.py)
def language_of_match(vocabulary: str, section: str, text: str) -> Optional[str]:
    """The language in which `section` matches the text, or None; when it matches in several
    (a message mixing two), the one most of the message's short words belong to."""
    if not text:
        return None
    folded = fold(text)
    matched = [lang for lang in LANGUAGES if search(vocabulary, section, folded, lang)]
    if len(matched) < 2:
        return matched[0] if matched else None
    words = _WORD.findall(folded)
    return max(matched, key=lambda lang: sum(w in function_words(lang) for w in words))


_WORD = re.compile(r"[a-z]+")


def language_of(text: str) -> str:
    """The language most of the message's short words belong to (the first one on a tie)."""
    words = _WORD.findall(fold(text or ""))
    return max(LANGUAGES, key=lambda lang: sum(w in function_words(lang) for w in words))


@lru_cache(maxsize=None)
def function_words(language: str) -> frozenset:
    return word_list("language", language)


@lru_cache(maxsize=None)
def word_list(vocabulary: str, language: str, key: str = "words") -> frozenset:
    """A plain word list (`words:`, or another key) of a vocabulary file; empty when there is none."""
    path = LEXICON_DIR / language / f"{vocabulary}.yml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    return frozenset(str(w) for w in (raw or {}).get(key, []))
