"""`action_session_start`: Rasa's own session start, plus the conversation's first language.

Rasa runs it when a conversation (or a new session after `session_expiration_time`) begins,
before the first message is read, with that message's metadata in `session_started_metadata`.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.session_language import starting_language


class ActionSessionStart(Action):
    def name(self) -> Text:
        return "action_session_start"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        events: List[EventType] = [SessionStarted()]
        language = starting_language(tracker.get_slot("session_started_metadata"))
        if language:  # the slot stays empty (English) when the client said nothing
            events.append(SlotSet("language", language))
        events.append(ActionExecuted("action_listen"))
        return events
