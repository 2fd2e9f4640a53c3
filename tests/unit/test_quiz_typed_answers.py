"""A quiz answer typed as small talk ("yes", "nah") or not understood ("saltar") is the quiz's
answer while the quiz waits for one (bot/kinds.py quiz_answer, bot/answers/quiz.py typed_answer),
and only then: outside a quiz, or in a longer message, the guess stands."""

from __future__ import annotations

import pytest

from bot.answers import quiz
from bot.kinds import QUIZ_ANSWER_INTENTS
from tests.unit.test_actions import run

WAITING = {quiz.ANSWERS_SLOT: "ll", quiz.FINISHED_SLOT: None}


@pytest.mark.parametrize(
    "text, intent, action, language, letter",
    [
        ("yes", "affirm", "action_what_next", "en", "l"),
        ("nah", "deny", "action_what_next", "en", "d"),
        ("cool", "nlu_fallback", "action_handle_low_confidence", "en", "l"),
        ("skip that one", "out_of_scope", "action_explain_scope", "en", "s"),
        ("saltar", "nlu_fallback", "action_handle_low_confidence", "es", "s"),
        ("sí", "affirm", "action_what_next", "es", "l"),
        ("me da igual", "nlu_fallback", "action_handle_low_confidence", "es", "n"),
    ],
)
def test_a_typed_answer_goes_to_the_waiting_quiz(text, intent, action, language, letter):
    messages, slots = run(action, text, intent, slots={**WAITING, "language": language})
    assert slots[quiz.ANSWERS_SLOT] == "ll" + letter
    assert messages[0]["text"].startswith(quiz.item_text(3, language)[:12])  # the next item


def test_outside_a_quiz_a_yes_is_a_yes():
    messages, slots = run("action_what_next", "yes", "affirm")
    assert messages[0]["text"].startswith("OK! What would you like to know?")
    assert quiz.ANSWERS_SLOT not in slots
    messages, _ = run("action_what_next", "sí", "affirm", slots={"language": "es"})
    assert messages[0]["text"].startswith("¡Muy bien! ¿Qué te gustaría saber?")


def test_a_finished_quiz_takes_no_more_answers():
    done = {quiz.ANSWERS_SLOT: "l" * 18, quiz.FINISHED_SLOT: True}
    messages, slots = run("action_what_next", "yes", "affirm", slots=done)
    assert messages[0]["text"].startswith("OK!") and quiz.ANSWERS_SLOT not in slots


def test_a_longer_message_is_a_question_of_its_own():
    text = "no idea what welders do all day"
    messages, slots = run("action_handle_low_confidence", text, "nlu_fallback", slots=WAITING)
    assert quiz.ANSWERS_SLOT not in slots


def test_only_small_talk_and_misses_answer_the_quiz():
    # A crisis, a delete confirmation or a question is never taken for a quiz answer.
    assert QUIZ_ANSWER_INTENTS == {"affirm", "deny", "out_of_scope", "nlu_fallback"}
