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
from bot.knowledge.texts import TEXT_LANGUAGES, load_localised, texts_path

if TYPE_CHECKING:  # spaCy (and the TensorFlow it pulls in) stay out of the action server
    from bot.understanding.reader import Reader


@dataclass
class Knowledge:
    kb: KnowledgeBase
    #: Reads text in-process (tests and tools); None in the action server.
    reader: Optional["Reader"] = None
    #: The language of the texts in `kb` ("en": the knowledge file itself).
    language: str = "en"
    #: The English knowledge this one was localised from (itself in English): answers read
    #: the English words where logic needs them (for example the BLS group's name).
    english: "Knowledge" = field(default=None, repr=False, compare=False)  # type: ignore[assignment]
    #: The knowledge file read: its texts in other languages sit beside it (<dir>/es/<name>).
    path: Path = DEFAULT_PATH
    roles: Dict[str, Role] = field(init=False)
    sectors: Dict[str, Sector] = field(init=False)
    pathways: Dict[str, Pathway] = field(init=False)
    _localised: Dict[str, "Knowledge"] = field(init=False, default_factory=dict, repr=False, compare=False)

    def __post_init__(self):
        self.roles = {r.id: r for r in self.kb.roles}
        self.sectors = {s.id: s for s in self.kb.sectors}
        self.pathways = {p.id: p for p in self.kb.pathways}
        if self.english is None:
            self.english = self

    def title(self, role_id: str) -> str:
        return self.roles[role_id].title

    def in_language(self, language: Optional[str]) -> "Knowledge":
        """This knowledge with the texts of `language` (data/knowledge/<language>/), built once
        and kept with the English one; English (itself) for a language without texts."""
        english = self.english
        if language not in TEXT_LANGUAGES or language == self.language:
            return self if language == self.language else english
        if language not in english._localised:
            kb = load_localised(english.kb, language, texts_path(language, english.path))
            english._localised[language] = Knowledge(kb, english.reader, language, english, english.path)
        return english._localised[language]


def build(path: Union[str, Path] = DEFAULT_PATH, nlp=None) -> Knowledge:
    """Facts only; with `nlp` (a spaCy pipeline) also a Reader for reading text in-process."""
    kb = load(path)
    if nlp is None:
        return Knowledge(kb, path=Path(path))
    from bot.understanding.reader import (
        Reader,
    )  # only here: spaCy and its linker took the action server from 44 MB to 653 MB (max RSS)

    return Knowledge(kb, Reader.for_languages(kb, nlp), path=Path(path))


def shared(language: str = "en") -> Knowledge:
    """The process-wide knowledge in `language`, loaded on first use (or at action-server start),
    from KNOWLEDGE_FILE (e.g. a school's own copy) or the project's file, and its texts beside it."""
    return _english().in_language(language)


@lru_cache(maxsize=1)
def _english() -> Knowledge:
    return build(settings.knowledge_file())
