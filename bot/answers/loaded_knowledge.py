"""The loaded knowledge with its lookups, built once per process.

The action server answers from facts only: the words of a message were read inside Rasa
(bot/nlu/reader.py) and arrive as the turn's reading. A `Reader` is attached only where text is
read in-process (tests, tools), never in the action server, which so needs no spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Dict, Optional, Union

from bot import settings
from bot.knowledge.loader import DEFAULT_PATH, load
from bot.knowledge.model import KnowledgeBase, Pathway, Role, Sector

if TYPE_CHECKING:  # spaCy (and the TensorFlow it pulls in) stay out of the action server
    from bot.understanding.reader import Reader


@dataclass
class Knowledge:
    kb: KnowledgeBase
    #: Reads text in-process (tests and tools); None in the action server.
    reader: Optional["Reader"] = None
    roles: Dict[str, Role] = field(init=False)
    sectors: Dict[str, Sector] = field(init=False)
    pathways: Dict[str, Pathway] = field(init=False)

    def __post_init__(self):
        self.roles = {r.id: r for r in self.kb.roles}
        self.sectors = {s.id: s for s in self.kb.sectors}
        self.pathways = {p.id: p for p in self.kb.pathways}

    def title(self, role_id: str) -> str:
        return self.roles[role_id].title


def build(path: Union[str, Path] = DEFAULT_PATH, nlp=None) -> Knowledge:
    """Facts only; with `nlp` (a spaCy pipeline) also a Reader for reading text in-process."""
    kb = load(path)
    if nlp is None:
        return Knowledge(kb)
    from bot.understanding.reader import (
        Reader,
    )  # only here: spaCy and its linker took the action server from 44 MB to 653 MB (max RSS)

    return Knowledge(kb, Reader(kb, nlp))


@lru_cache(maxsize=1)
def shared() -> Knowledge:
    """The process-wide knowledge, loaded on first use (or at action-server start), from
    KNOWLEDGE_FILE (e.g. a school's own copy) or the project's file."""
    return build(settings.knowledge_file())
