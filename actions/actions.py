"""Custom actions: each answers one kind of question from the knowledge file.

The kinds of question are declared once, in bot/kinds.py: each custom action there becomes a
class here, connecting its name (as in domain.yml) to the function of `bot.answers` that
answers it. The actions that answer no intent of their own (the career finder's questions and
suggestions, deleting after the confirmation) are declared below. rasa-sdk registers every
Action subclass it finds in this package. Start-up work (loading the knowledge file, log
redaction) is done by the action server's entry point, bot/tools/action_server.py, not on import.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import FORM_SLOTS, KnowledgeAction, answer_function
from actions.finder import ActionResetFinder, ValidateCareerFinderForm  # noqa: F401 (registered)
from actions.quiz import ActionQuizStep, ActionStartQuiz, ActionStop  # noqa: F401 (registered)
from actions.session import ActionSessionStart  # noqa: F401 (registered)
from bot import kinds
from bot.answers import finder, forget
from bot.answers.turn import Turn
from bot.render import Answer


def _class_name(action: str) -> str:
    return "".join(part.title() for part in action.split("_"))


#: One class per custom action of bot/kinds.py (ActionAnswerAbout, ActionAnswerRoleQuestion, ...).
KIND_ACTIONS = {
    action: type(
        _class_name(action),
        (KnowledgeAction,),
        {"action_name": action, "answer": staticmethod(answer_function(dotted)), "__module__": __name__},
    )
    for action, dotted in kinds.ANSWERS.items()
}


class ActionDeleteConversation(KnowledgeAction):
    """Runs only after the confirmation (data/rules.yml); the store deletes when it sees it."""

    action_name = "action_delete_conversation"
    answer = staticmethod(forget.delete_conversation)


class ActionAskFinderInterest(KnowledgeAction):
    action_name = "action_ask_finder_interest"
    answer = staticmethod(finder.ask_interest)


class ActionAskFinderTraining(KnowledgeAction):
    action_name = "action_ask_finder_training"
    answer = staticmethod(finder.ask_training)


class ActionAskFinderIndustry(KnowledgeAction):
    action_name = "action_ask_finder_industry"
    answer = staticmethod(finder.ask_industry)


class ActionSuggestCareers(KnowledgeAction):
    action_name = "action_suggest_careers"
    answer = staticmethod(finder.suggest_from_slots)

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]):
        # Every end of the form comes here (data/rules.yml); one with a question unanswered was
        # the finder set aside (actions/finder.py): nothing to suggest from.
        if any(tracker.get_slot(slot) is None for slot in FORM_SLOTS):
            return []
        return super().run(dispatcher, tracker, domain)


def _all_subclasses(cls) -> list:
    return [c for sub in cls.__subclasses__() for c in (sub, *_all_subclasses(sub))]


#: Action name -> answer function, for the tests that render every kind of answer.
ANSWERS: Dict[str, Callable[[Turn], Answer]] = {
    action.action_name: action.answer for action in _all_subclasses(KnowledgeAction) if action.action_name
}
