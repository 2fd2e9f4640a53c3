"""The "What fits me?" quiz's actions: the answer functions of bot/answers/quiz.py, given the
student's wishes that narrow the results. A quiz answer typed as something else ("yes", "saltar")
reaches quiz.step through any quiz-answering kind (actions/base.py, bot/kinds.py)."""

from __future__ import annotations

import logging
from typing import Any, Callable, Dict, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import KnowledgeAction, send, sorry, turn_from
from bot.answers import quiz
from bot.answers.loaded_knowledge import shared
from bot.answers.quiz_wishes import from_slots
from bot.answers.safety_net import with_safety_net
from bot.render import Answer

logger = logging.getLogger(__name__)


class QuizAction(KnowledgeAction):
    #: Whether the answer takes the student's wishes (training, industry) to narrow the results.
    narrows = True
    #: Takes the Turn, and the wishes when `narrows`.
    answer: Callable[..., Answer]

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]):
        try:
            turn = turn_from(tracker, shared())
            answer = self.answer(turn, from_slots(tracker.current_slot_values())) if self.narrows else self.answer(turn)
            answer = with_safety_net(turn, answer)
        except Exception:  # a bug must not leave a student without a reply
            logger.exception("%s failed", self.action_name)
            dispatcher.utter_message(text=sorry(tracker))
            return []
        return send(dispatcher, answer)


class ActionStartQuiz(QuizAction):
    action_name = "action_start_quiz"
    answer = staticmethod(quiz.start)


class ActionQuizStep(QuizAction):
    action_name = "action_quiz_step"
    answer = staticmethod(quiz.step)


class ActionStop(QuizAction):
    """'stop' outside the career finder's form: stops the quiz if one is under way."""

    action_name = "action_stop"
    narrows = False
    answer = staticmethod(quiz.stop)
