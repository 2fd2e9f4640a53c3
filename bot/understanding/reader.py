"""Reads messages against one loaded knowledge file: the names (linker), glossary terms,
closest known jobs, question cues and places, into a `Reading` (bot/understanding/reading.py).
Built once per process inside Rasa (bot/nlu/reader.py), and in tests and tools."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Optional, Tuple

from bot.knowledge.model import KnowledgeBase
from bot.text import normalise, user_text
from bot.understanding.closest import closest_roles
from bot.understanding.linking import Linker, role_heads
from bot.understanding.name_forms import with_other_languages
from bot.understanding.reading import SECTOR, Reading, cues_in, family_in, first_aspect, places_in
from bot.understanding.terms import GlossaryIndex
from bot.understanding.vocabulary import question_words


@dataclass
class Reader:
    """Reads messages against one loaded knowledge file (built once per process, in Rasa)."""

    kb: KnowledgeBase
    nlp: Any
    #: Head words of job names -> the jobs they can mean (None: from `kb`'s English names).
    heads: Optional[Dict[str, Tuple[str, ...]]] = None
    linker: Linker = field(init=False)
    glossary: GlossaryIndex = field(init=False)

    def __post_init__(self):
        self.linker = Linker(self.kb, self.nlp, question_words(), self.heads)
        self.glossary = GlossaryIndex(self.kb, self.nlp)

    @classmethod
    def for_languages(cls, kb: KnowledgeBase, nlp: Any) -> "Reader":
        """A reader of `kb` that also knows its names in the other languages (name_forms.py)."""
        heads = role_heads(kb, nlp)  # English heads come last in a name ("mechanical ENGINEER")
        bilingual, other_heads = with_other_languages(kb)
        for word, roles in other_heads.items():
            heads[word] = tuple(dict.fromkeys([*heads.get(word, ()), *roles]))
        return cls(bilingual, nlp, heads)

    def read(self, text: str) -> Reading:
        text = user_text(text)
        doc = self.nlp(normalise(text))
        links = self.linker.link_doc(doc)
        covered = {i for m in links.mentions for i in range(m.start, m.end)}
        outside = " ".join(t.text for t in doc if t.i not in covered)
        closest = (
            closest_roles(self.linker, self.kb, links.unknown_words, links.ids(SECTOR)) if links.unknown_words else []
        )
        cues = cues_in(text)
        return Reading(
            mentions=tuple(links.mentions),
            ambiguous=tuple(links.ambiguous),
            unknown_jobs=len(links.unknown_words),
            closest=tuple(closest),
            cues=cues,
            cues_outside_names=cues_in(outside),
            **places_in(text),
            term=self.glossary.find(doc, typos="meaning" in cues),
            family=family_in(text),
            aspect=first_aspect(outside),
        )
