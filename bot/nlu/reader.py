"""Rasa NLU component, last in the pipeline: reads each message once and decides its intent.

It reads the message against the knowledge file (bot/understanding/reading.py: the roles,
sectors, pathways, places and glossary terms named, unknown job words, question cues), weighs the
classifier's guess with those words (bot/understanding/verdict.py: distress, deleting, worries,
places, words over guesses, language), and stores the reading in the parse data
(`parse_data["reading"]`), where the action server's answers read it. The knowledge file is read
when the model loads, so an entry added there is understood after a restart, without retraining.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot import settings
from bot.knowledge.loader import load
from bot.understanding import nlp as nlp_pipeline
from bot.understanding.language import decisive_language
from bot.understanding.reader import Reader
from bot.understanding.reading import READING_KEY, Reading, words_only
from bot.understanding.verdict import LANGUAGE_ENTITY, SAFETY_NET_ENTITY, verdict
from bot.understanding.wishes import wishes

logger = logging.getLogger(__name__)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class MessageReader(GraphComponent):
    def __init__(self, reader: Reader) -> None:
        self.reader = reader

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "MessageReader":
        path = settings.knowledge_file()
        logger.info("Reading messages against the knowledge file %s", path)
        return cls(Reader.for_languages(load(path), nlp_pipeline.load()))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not isinstance(text, str) or text.startswith("/"):
                continue  # button payloads say exactly what they mean
            reading = self._read(text)
            found = verdict(text, message.get(INTENT), message.get(INTENT_RANKING_KEY) or [], reading)
            if found.intent is not None:
                message.set(INTENT, found.intent, add_to_output=True)
            message.set(READING_KEY, reading.as_dict(), add_to_output=True)
            extra = [(SAFETY_NET_ENTITY, "yes")] if found.safety_net else []
            # The conversation's language (the `language` slot) changes only when this message
            # settles it (bot/understanding/language.py): "hola" or a job title keeps it.
            language = found.language or decisive_language(text)
            extra += [(LANGUAGE_ENTITY, language)] if language else []
            extra += wishes(reading)  # kept in the wish slots (bot/understanding/wishes.py)
            if extra:
                entities = [
                    {"entity": name, "value": value, "start": 0, "end": len(text), "extractor": type(self).__name__}
                    for name, value in extra
                ]
                message.set(ENTITIES, [*(message.get(ENTITIES) or []), *entities], add_to_output=True)
        return messages

    def _read(self, text: str) -> Reading:
        """The full reading; if reading fails (a bug), a loud log line and what can be read
        without the knowledge file, so the student still gets an answer and distress is still
        recognised."""
        try:
            return self.reader.read(text)
        except Exception:
            logger.exception("Could not read a message against the knowledge file; using its words only")
            return words_only(text)


__all__ = ["MessageReader", "READING_KEY", "Reading"]
