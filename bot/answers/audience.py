"""Who an answer is about: the student asking, or a parent's child (#25).

"my daughter wants to be a welder, how much..." is a parent asking about their child, so the
answer says "your daughter" and "she" instead of "you", and never tells the parent to "tell an
adult at school". The words that point to a child are a vocabulary (data/lexicon/<language>/
family.yml); the words that name them are the phrasebook's (data/phrases/<language>/audience.yml).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import AbstractSet

from bot.phrases import say, words


@dataclass(frozen=True)
class Reader:
    """How an answer names the person it is about."""

    parent: bool
    child: str  # "you", "your daughter", "your son", "your child"
    they: str  # "you", "she", "he", "they"
    their: str  # "your", "her", "his", "their"
    them: str  # "you", "her", "him", "them"
    language: str = "en"

    def counselor(self) -> str:
        """Whom to ask at school: the student's counselor either way."""
        return say(self.language, "audience.counselor", their=self.their)

    def phrase(self, student: str, parent: str, **fields: object) -> str:
        """The phrase `student` for the student, `parent` for a parent (Spanish conjugates the
        verb for "tú" or "tu hija": one phrase each), with {child}, {they}, {their}, {them}."""
        names = {"child": self.child, "they": self.they, "their": self.their, "them": self.them}
        return say(self.language, parent if self.parent else student, **names, **fields)


def reader_of(family: AbstractSet[str], language: str = "en") -> Reader:
    """The child a parent writes about ("my son", "mi hija": the reading's `family`); the student
    otherwise. A message naming a daughter and a son (or only "my kids") is about "your child"."""
    found = [name for name in ("daughter", "son", "child") if name in family]
    if not found:
        return _reader("student", language)
    return _reader(found[0] if len(found) == 1 else "child", language)


@lru_cache(maxsize=None)
def _reader(who: str, language: str) -> Reader:
    key = {"student": "audience.student", "daughter": "audience.daughter", "son": "audience.son"}.get(
        who, "audience.child"
    )
    child, they, their, them = words(language, key)
    return Reader(who != "student", child, they, their, them, language)
