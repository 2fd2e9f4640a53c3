"""The career finder form: validation of each answer, and resetting it to start over."""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT

from actions.base import FORM_SLOTS as FINDER_SLOTS
from actions.base import MEMORY_SLOTS, answer_function, tracker_language, turn_from
from bot import kinds
from bot.answers import finder
from bot.answers.loaded_knowledge import shared
from bot.answers.quiz_wishes import from_finder
from bot.phrases import say
from bot.render import Answer, Button, payload
from bot.text import user_text
from bot.understanding.reading import READING_KEY, ROLE, Reading

#: Intents that answer the finder's questions (or pass on them): never a question of their own.
FINDER_INTENTS = {"inform_finder", "affirm", "deny", "nlu_fallback", "start_career_finder"}
#: How sure the classifier must be that a message the finder could not use is another question.
SIDE_QUESTION_CONFIDENCE = 0.5
#: From this many words, a message the classifier takes for another question is one, even when
#: the finder could read an answer into it.
SIDE_QUESTION_WORDS = 5
#: Questions of another kind in a row after which the student has moved on: the last is answered
#: and the finder set aside, instead of asking its question yet again after every answer.
SIDE_QUESTIONS_IN_A_ROW = 2
ASIDES_SLOT = "finder_asides"


def _check(
    value: Any, parse, dispatcher: CollectingDispatcher, slot: str, hint: str, tracker: Tracker
) -> Dict[Text, Any]:
    """The parsed answer, or a request to answer again. None (just reset) stays unset, silently.
    A question of another kind asked instead ("whats a semiconductor technician") is answered
    first, then the finder's question is asked again: the student is never stuck in the form."""
    if value is None:
        return {slot: None}
    # A job named is no answer to "what do you enjoy?" or "how long?": a question about it. So is
    # a sentence the classifier is sure is another question ("r robots gonna take all the factory
    # jobs tho"); a short answer ("robots", "2 years") is parsed first.
    asks = _names_a_job(tracker) or (len(str(value).split()) >= SIDE_QUESTION_WORDS and not _off_topic(tracker))
    side = _side_question(tracker) if asks else None
    parsed = None if side else parse(str(value))
    if parsed:
        return {slot: parsed, ASIDES_SLOT: None}
    side = side or _side_question(tracker)
    if side is None:
        return _reask(dispatcher, slot, hint, tracker)
    dispatcher.utter_message(text=side.text, buttons=[b.as_dict() for b in side.buttons])
    remembered = {name: value for name, value in side.slots.items() if name in MEMORY_SLOTS}
    lang, asides = tracker_language(tracker), int(tracker.get_slot(ASIDES_SLOT) or 0) + 1
    if asides >= SIDE_QUESTIONS_IN_A_ROW:
        # The student has moved on: the finder ends unfinished, and action_suggest_careers,
        # which follows every end of the form (data/rules.yml), suggests nothing.
        start = Button(say(lang, "finder.button_find"), payload("start_career_finder"))
        dispatcher.utter_message(text=say(lang, "finder.set_aside"), buttons=[start.as_dict()])
        return {slot: None, ASIDES_SLOT: None, REQUESTED_SLOT: None, **remembered}
    dispatcher.utter_message(text=say(lang, "finder.back_to_finder"))  # its question follows
    return {slot: None, ASIDES_SLOT: float(asides), **remembered}


def _off_topic(tracker: Tracker) -> bool:
    """The classifier's out-of-scope guess: no question we answer ("I like fixing cars, text me at
    555-1234" is still what the student enjoys)."""
    return ((tracker.latest_message or {}).get("intent") or {}).get("name") == "out_of_scope"


def _names_a_job(tracker: Tracker) -> bool:
    return bool(Reading.from_dict((tracker.latest_message or {}).get(READING_KEY)).ids(ROLE))


def _side_question(tracker: Tracker) -> Optional[Answer]:
    """The answer to the latest message when it is clearly a question of another kind (bot/kinds.py)."""
    intent = (tracker.latest_message or {}).get("intent") or {}
    name, confidence = str(intent.get("name") or ""), intent.get("confidence") or 0.0
    dotted = ANSWERS_BY_INTENT.get(name)
    if not dotted or name in FINDER_INTENTS or confidence < SIDE_QUESTION_CONFIDENCE:
        return None
    try:
        return answer_function(dotted)(turn_from(tracker, shared()))
    except Exception:  # a bug must not leave the student without the finder's question
        logger.exception("answering a question asked during the career finder failed")
        return None


logger = logging.getLogger(__name__)
#: Intent -> the function of bot.answers that answers it (bot/kinds.py).
ANSWERS_BY_INTENT = {k.intent: k.answer for k in kinds.KINDS if k.answer}


def _wish(checked: Dict[Text, Any], slot: str) -> Dict[Text, Any]:
    """A finder answer also sets the wish the quiz narrows with (bot/answers/quiz_wishes.py)."""
    return {**checked, **from_finder(slot, checked[slot])} if checked.get(slot) else checked


def _reask(dispatcher: CollectingDispatcher, slot: str, hint: str, tracker: Tracker) -> Dict[Text, Any]:
    """Ask again, with what an answer looks like (`hint`: a phrase of the finder book)."""
    lang = tracker_language(tracker)
    dispatcher.utter_message(text=say(lang, "finder.reask", hint=say(lang, hint)))
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
            "finder.hint_interest",
            tracker,
        )

    def validate_finder_training(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict
    ) -> Dict[Text, Any]:
        return _wish(
            _check(
                value,
                finder.parse_training,
                dispatcher,
                "finder_training",
                "finder.hint_training",
                tracker,
            ),
            "finder_training",
        )

    def validate_finder_industry(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict
    ) -> Dict[Text, Any]:
        return _wish(
            _check(
                value,
                lambda text: finder.parse_industry(text, Reading.from_dict(tracker.latest_message.get(READING_KEY))),
                dispatcher,
                "finder_industry",
                "finder.hint_industry",
                tracker,
            ),
            "finder_industry",
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
        return events + [SlotSet(ASIDES_SLOT, None), SlotSet(REQUESTED_SLOT, None)]
