"""The career finder form: validation of each answer, and resetting it to start over."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import FORM_SLOTS as FINDER_SLOTS
from bot.answers import finder
from bot.text import user_text
from bot.understanding.reading import READING_KEY, Reading


def _check(value: Any, parse, dispatcher: CollectingDispatcher, slot: str, hint: str) -> Dict[Text, Any]:
    """The parsed answer, or a request to answer again. None (just reset) stays unset, silently."""
    if value is None:
        return {slot: None}
    parsed = parse(str(value))
    return {slot: parsed} if parsed else _reask(dispatcher, slot, hint)


def _reask(dispatcher: CollectingDispatcher, slot: str, hint: str) -> Dict[Text, Any]:
    dispatcher.utter_message(text=f"Sorry, I didn't catch that. {hint} Or say \u201cskip\u201d.")
    return {slot: None}


class ValidateCareerFinderForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_career_finder_form"

    def validate_finder_interest(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict
    ) -> Dict[Text, Any]:
        return _check(
            value,
            finder.parse_interest,
            dispatcher,
            "finder_interest",
            "Pick hands-on work, technology, working with people, or data and numbers.",
        )

    def validate_finder_training(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict
    ) -> Dict[Text, Any]:
        return _check(
            value,
            finder.parse_training,
            dispatcher,
            "finder_training",
            "Say how long: soon after high school, up to two years, or four years.",
        )

    def validate_finder_industry(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict
    ) -> Dict[Text, Any]:
        return _check(
            value,
            lambda text: finder.parse_industry(text, Reading.from_dict(tracker.latest_message.get(READING_KEY))),
            dispatcher,
            "finder_industry",
            "Name an industry such as aerospace or automotive, or say \u201cany\u201d.",
        )


class ActionResetFinder(Action):
    def name(self) -> Text:
        return "action_reset_finder"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict) -> List[Dict[Text, Any]]:
        """Clear the answers, keeping the one the starting message already gave ("I really enjoy
        repairing bikes, which job suits me?" or the "Narrow it down" button), so the form skips
        that question instead of asking what the student just said."""
        message = tracker.latest_message or {}
        given = next(
            (str(e.get("value")) for e in message.get("entities") or [] if e.get("entity") == "interest"), None
        )
        interest = finder.prefill_interest(user_text(message.get("text")), given)
        events = [SlotSet(slot, None) for slot in FINDER_SLOTS if not (slot == "finder_interest" and interest)]
        if interest:
            events.append(SlotSet("finder_interest", interest))
        return events + [SlotSet("requested_slot", None)]
