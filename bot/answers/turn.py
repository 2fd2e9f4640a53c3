"""One user turn as the answer logic sees it: no Rasa types, so pytest can build one."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from bot.answers.loaded_knowledge import Knowledge
from bot.phrases import language_of
from bot.session_language import starting_language
from bot.understanding.reading import Links, Reading

#: A turn built without a reading (tests, tools): it is read from its text when it can be.
_NOT_GIVEN = Reading()


@dataclass
class Turn:
    knowledge: Knowledge
    intent: str
    #: What was typed: shown back or passed on, never parsed (the reading says what it asks).
    text: str
    entities: Dict[str, str] = field(default_factory=dict)  # from button payloads
    slots: Dict[str, Any] = field(default_factory=dict)
    metadata: Dict[str, Any] = field(default_factory=dict)  # from the channel (school settings)
    intent_ranking: List[Dict[str, Any]] = field(default_factory=list)
    previous_intent: Optional[str] = None  # of the user's message before this one
    #: What the words name and ask, read inside Rasa (bot/nlu/reader.py). Left out, it is read
    #: here when the knowledge has a reader (tests, tools), else empty (a button payload).
    reading: Reading = _NOT_GIVEN

    def __post_init__(self):
        if self.reading is _NOT_GIVEN:
            reader = self.knowledge.reader
            self.reading = reader.read(self.text) if reader and not self.text.startswith("/") else Reading()
        # Answers are written from the knowledge in the conversation's language (built once).
        self.knowledge = self.knowledge.in_language(self.language)

    @property
    def language(self) -> str:
        """The conversation's language (the `language` slot, bot/understanding/language.py); before
        any message settled it (a conversation older than action_session_start's slot), the one it
        would have started in (bot/session_language.py)."""
        return language_of(self.slots.get("language") or starting_language(self.metadata))

    @property
    def links(self) -> Links:
        return self.reading.links

    def asks(self, cue: str) -> bool:
        """Whether the words ask this (data/lexicon/<lang>/cues.yml: "pay", "no_degree" ...)."""
        return self.reading.asks(cue)

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
