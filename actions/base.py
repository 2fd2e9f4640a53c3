"""The glue between rasa-sdk and the answer logic in `bot.answers`."""

from __future__ import annotations

import importlib
import logging
from typing import Any, Callable, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot import kinds
from bot.answers import quiz
from bot.answers.loaded_knowledge import Knowledge, shared
from bot.answers.programs import SHOWN_SLOT, with_school_programs
from bot.answers.quiz_wishes import from_slots
from bot.answers.safety_net import with_safety_net
from bot.answers.turn import Turn
from bot.phrases import language_of, say
from bot.render import Answer
from bot.understanding.reading import READING_KEY, Reading

logger = logging.getLogger(__name__)

#: Slots the answers may set; anything else in Answer.slots is a programming error.
MEMORY_SLOTS = ("role", "sector", "pathway", "last_aspect", "place")
#: Read by the career finder's suggestions (set by the form, cleared by action_reset_finder).
FORM_SLOTS = ("finder_interest", "finder_training", "finder_industry")
#: The interest quiz's state (bot/answers/quiz.py): read by every answer, set only by the quiz's.
QUIZ_SLOTS = (quiz.ANSWERS_SLOT, quiz.FINISHED_SLOT)


def answer_function(dotted: str) -> Callable[[Turn], Answer]:
    """The function of bot.answers named "module.function" (bot/kinds.py)."""
    module, function = dotted.rsplit(".", 1)
    return getattr(importlib.import_module(f"bot.answers.{module}"), function)


def tracker_language(tracker: Tracker) -> str:
    """The conversation's language, for what an action says without a Turn."""
    return language_of(tracker.get_slot("language"))


def sorry(tracker: Tracker) -> str:
    """What a student reads when an answer failed (a bug), in the conversation's language."""
    return say(tracker_language(tracker), "scope.sorry")


def turn_from(tracker: Tracker, knowledge: Knowledge) -> Turn:
    message = tracker.latest_message or {}
    entities = {
        e.get("entity"): str(e.get("value"))
        for e in message.get("entities") or []
        if e.get("entity") and e.get("value") is not None
    }
    return Turn(
        knowledge=knowledge,
        intent=(message.get("intent") or {}).get("name") or "",
        text=message.get("text") or "",
        entities=entities,
        slots={
            name: tracker.get_slot(name)
            for name in (*MEMORY_SLOTS, *FORM_SLOTS, *QUIZ_SLOTS, "last_sources", "language")
        },
        metadata=message.get("metadata") or {},
        intent_ranking=message.get("intent_ranking") or [],
        previous_intent=_previous_intent(tracker),
        reading=Reading.from_dict(message.get(READING_KEY)),
    )


def _previous_intent(tracker: Tracker):
    users = [e for e in tracker.events if e.get("event") == "user"]
    return ((users[-2].get("parse_data") or {}).get("intent") or {}).get("name") if len(users) > 1 else None


def send(dispatcher: CollectingDispatcher, answer: Answer) -> List[Dict[Text, Any]]:
    dispatcher.utter_message(text=answer.text, buttons=[b.as_dict() for b in answer.buttons])
    events = [SlotSet(name, value) for name, value in answer.slots.items() if name in (*MEMORY_SLOTS, *QUIZ_SLOTS)]
    if answer.slots.get(SHOWN_SLOT):  # which of the school's programs were shown: counted by insights
        events.append(SlotSet(SHOWN_SLOT, list(answer.slots[SHOWN_SLOT])))
    events.append(SlotSet("last_sources", list(answer.sources)))
    return events


class KnowledgeAction(Action):
    """An action that answers from the knowledge file via one function of `bot.answers`."""

    action_name: str = ""
    #: Takes the Turn and returns an Answer. Set as a staticmethod on subclasses.
    answer: Callable[[Turn], Answer]

    def name(self) -> Text:
        return self.action_name

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]):
        try:
            turn = turn_from(tracker, shared())
            if turn.intent in kinds.QUIZ_ANSWER_INTENTS and quiz.typed_answer(turn):
                # "yes" or "saltar" while the quiz waits for an answer: the answer, not small talk.
                answer = quiz.step(turn, from_slots(tracker.current_slot_values()))
            else:
                answer = with_school_programs(turn, self.answer(turn))
            answer = with_safety_net(turn, answer)
        except Exception:  # a bug must not leave a student without a reply
            logger.exception("%s failed", self.action_name)
            dispatcher.utter_message(text=sorry(tracker))
            return []
        return send(dispatcher, answer)
