"""The loaded knowledge with its lookups and linker, built once per process."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Dict, Union

from bot import settings
from bot.knowledge.loader import DEFAULT_PATH, load
from bot.knowledge.model import KnowledgeBase, Pathway, Role, Sector
from bot.understanding import nlp as nlp_pipeline
from bot.understanding.linking import Linker
from bot.understanding.vocabulary import question_words


@dataclass
class Knowledge:
    kb: KnowledgeBase
    linker: Linker
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
    kb = load(path)
    nlp = nlp or nlp_pipeline.load()
    return Knowledge(kb, Linker(kb, nlp, question_words()))


@lru_cache(maxsize=1)
def shared() -> Knowledge:
    """The process-wide knowledge, loaded on first use (or at action-server start).
    KNOWLEDGE_FILE points to another file, e.g. a school's own copy."""
    return build(settings.KNOWLEDGE_FILE.get() or DEFAULT_PATH)
