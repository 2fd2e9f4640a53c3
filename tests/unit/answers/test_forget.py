"""'Delete my conversation' (bot/answers/forget.py): the student is told it is gone from the
server, how to clear the screen too, and how to start again."""

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
