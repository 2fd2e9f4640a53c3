"""One user turn as the answer logic sees it: no Rasa types, so pytest can build one."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Dict, List, Optional

from bot.answers.loaded_knowledge import Knowledge
from bot.text import user_text
from bot.understanding.linking import Links


@dataclass
class Turn:
    knowledge: Knowledge
    intent: str
    text: str
    entities: Dict[str, str] = field(default_factory=dict)  # from button payloads
    slots: Dict[str, Any] = field(default_factory=dict)
    metadata: Dict[str, Any] = field(default_factory=dict)  # from the channel (school settings)
    intent_ranking: List[Dict[str, Any]] = field(default_factory=list)
    previous_intent: Optional[str] = None  # of the user's message before this one

    @cached_property
    def links(self) -> Links:
        return self.knowledge.linker.link(user_text(self.text))

    @property
    def kb(self):
        return self.knowledge.kb

    def mentioned(self, kind: str) -> list:
        """Ids of this kind named by a button payload, else found in the text."""
        given = self.entities.get(kind)
        if given:
            return [given]
        return self.links.ids(kind)

    def slot(self, name: str) -> Optional[Any]:
        return self.slots.get(name)
