"""'Delete my conversation' (bot/answers/forget.py): first a question with two buttons; once
confirmed, the student is told it is gone from the server, how to clear the screen too, and how
to start again. Questions about storage get the facts of docs/privacy.md."""

from __future__ import annotations

from bot.answers import forget

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
    assert answer.text == forget.CONFIRM and "can't be undone" in answer.text
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
