"""'Delete my conversation' (bot/answers/forget.py): first a question with two buttons; once
confirmed, the student is told it is gone from the server, how to clear the screen too, and how
to start again. Questions about storage get the facts of docs/privacy.md."""

from __future__ import annotations

from bot.answers import forget
from bot.phrases import say
from bot.render import BULLET

from .conftest import turn


def test_deleting_says_what_was_deleted_and_how_to_clear_the_screen(knowledge):
    answer = forget.delete_conversation(turn(knowledge, "delete_conversation", "delete my conversation"))
    assert answer.text.startswith("Done. I've deleted this conversation from the assistant's server")
    assert "nothing you typed here is kept" in answer.text and "close this tab" in answer.text
    assert [(b.title, b.payload) for b in answer.buttons] == [("Jobs in manufacturing", "/ask_roles")]


def test_deleting_keeps_nothing_about_the_conversation(knowledge):
    discussed = turn(knowledge, "delete_conversation", "forget what I told you about welders", slots={"role": "welder"})
    answer = forget.delete_conversation(discussed)
    assert answer.slots == {} and answer.sources == []
    assert "welder" not in answer.text.lower()


def test_a_request_to_delete_is_answered_with_a_question_and_two_buttons(knowledge):
    answer = forget.confirm_delete(turn(knowledge, "delete_conversation", "delete my conversation"))
    assert answer.text == say("en", "privacy.confirm") and "can't be undone" in answer.text
    assert [(b.title, b.payload) for b in answer.buttons] == [
        ("Yes, delete it", "/confirm_delete"),
        ("No, keep it", "/keep_conversation"),
    ]


def test_the_privacy_answer_says_what_is_kept_for_how_long_and_how_to_delete(knowledge, monkeypatch):
    monkeypatch.setenv("CONVERSATION_RETENTION_DAYS", "7")
    answer = forget.privacy(turn(knowledge, "ask_privacy", "is my chat saved"))
    assert "for 7 days, then deleted" in answer.text
    assert "No accounts and no tracking" in answer.text and "removed before anything is saved" in answer.text
    assert "never a whole conversation or who wrote it" in answer.text
    assert [b.payload for b in answer.buttons] == ["/delete_conversation", "/ask_roles"]
    monkeypatch.delenv("CONVERSATION_RETENTION_DAYS")
    assert "for 30 days" in forget.privacy(turn(knowledge, "ask_privacy", "privacy")).text


# -- in Spanish: the same answers, worded by data/phrases/es/privacy.yml ----------------------
SPANISH = {"slots": {"language": "es"}}


def test_in_spanish_the_request_to_delete_is_the_same_question_with_the_same_two_buttons(knowledge):
    answer = forget.confirm_delete(turn(knowledge, "delete_conversation", "borra mi conversación", **SPANISH))
    assert answer.text.startswith("¿Quieres que borre esta conversación") and "no se puede recuperar" in answer.text
    assert [(b.title, b.payload) for b in answer.buttons] == [
        ("Sí, bórrala", "/confirm_delete"),
        ("No, no la borres", "/keep_conversation"),
    ]


def test_in_spanish_deleting_says_it_is_gone_and_how_to_clear_the_screen(knowledge):
    answer = forget.delete_conversation(turn(knowledge, "confirm_delete", "/confirm_delete", **SPANISH))
    assert answer.text.startswith("Listo. Borré esta conversación del servidor")
    assert "cierra esta pestaña" in answer.text and "Done." not in answer.text
    assert [(b.title, b.payload) for b in answer.buttons] == [("Trabajos en manufactura", "/ask_roles")]


def test_a_spanish_widget_gets_the_spanish_answers_before_any_message_settled_it(knowledge):
    first = turn(knowledge, "delete_conversation", "borra", metadata={"lang": "es"})
    assert forget.confirm_delete(first).text == say("es", "privacy.confirm")


def test_the_spanish_privacy_answer_takes_its_days_from_the_same_setting(knowledge, monkeypatch):
    monkeypatch.setenv("CONVERSATION_RETENTION_DAYS", "7")
    spanish = forget.privacy(turn(knowledge, "ask_privacy", "se guarda lo que escribo?", **SPANISH))
    english = forget.privacy(turn(knowledge, "ask_privacy", "is my chat saved"))
    assert "se guarda 7 días en el servidor" in spanish.text and "for 7 days" in english.text
    assert spanish.text.startswith("Esto es lo que pasa con lo que escribes aquí:")
    assert "Nunca ven una conversación completa" in spanish.text and "no escribas datos personales" in spanish.text
    assert spanish.text.count(f"\n{BULLET} ") == english.text.count(f"\n{BULLET} ") == 5  # the same facts, one for one
    assert [b.payload for b in spanish.buttons] == [b.payload for b in english.buttons]
    assert [b.title for b in spanish.buttons] == ["Borrar mi conversación", "Trabajos en manufactura"]
    monkeypatch.delenv("CONVERSATION_RETENTION_DAYS")
    assert "se guarda 30 días" in forget.privacy(turn(knowledge, "ask_privacy", "privacidad", **SPANISH)).text
