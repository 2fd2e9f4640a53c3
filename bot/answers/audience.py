"""Who an answer is about: the student asking, or a parent's child (#25).

"my daughter wants to be a welder, how much..." is a parent asking about their child, so the
answer says "your daughter" and "she" instead of "you", and never tells the parent to "tell an
adult at school". The words are a vocabulary (data/lexicon/<language>/family.yml).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import AbstractSet


@dataclass(frozen=True)
class Reader:
    """How an answer names the person it is about."""

    parent: bool
    child: str  # "you", "your daughter", "your son", "your child"
    they: str  # "you", "she", "he", "they"
    their: str  # "your", "her", "his", "their"
    them: str  # "you", "her", "him", "them"

    def counselor(self) -> str:
        """Whom to ask at school: the student's counselor either way."""
        return "your school counselor" if not self.parent else f"{self.their} school counselor"


STUDENT = Reader(False, "you", "you", "your", "you")
_CHILDREN = {
    "daughter": Reader(True, "your daughter", "she", "her", "her"),
    "son": Reader(True, "your son", "he", "his", "him"),
    "child": Reader(True, "your child", "they", "their", "them"),
}


def reader_of(family: AbstractSet[str]) -> Reader:
    """The child a parent writes about ("my son", "mi hija": the reading's `family`); the student
    otherwise. A message naming a daughter and a son (or only "my kids") is about "your child"."""
    found = [name for name in ("daughter", "son", "child") if name in family]
    if not found:
        return STUDENT
    return _CHILDREN[found[0]] if len(found) == 1 else _CHILDREN["child"]
