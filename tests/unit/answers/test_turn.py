"""One user turn as the answer logic sees it (bot/answers/turn.py): what it names, what it remembers."""

from __future__ import annotations

from bot.answers.turn import Turn

from .conftest import turn


def test_mentioned_finds_the_things_named_in_the_text(knowledge):
    t = turn(knowledge, "ask_about", "jobs in aerospace for welders")
    assert t.mentioned("role") == ["welder"] and t.mentioned("sector") == ["aerospace"]
    assert t.mentioned("pathway") == []


def test_a_button_entity_wins_over_the_text(knowledge):
    t = turn(knowledge, "ask_pay", "how much does a welder in aerospace make", entities={"role": "machinist"})
    assert t.mentioned("role") == ["machinist"]
    assert t.mentioned("sector") == ["aerospace"]  # only the kind the button gives is overridden


def test_links_are_worked_out_once_per_turn(knowledge):
    t = turn(knowledge, "ask_pay", "how much do zookeepers make")
    assert t.links is t.links and t.reading.unknown_jobs == 1


def test_the_stored_reading_keeps_no_words_of_the_student(knowledge):
    """The reading is stored with the message: ids, counts and cues only (the text is redacted
    on its own, bot/privacy.py); an unknown word may be a name."""
    stored = knowledge.reader.read("my name is jane smith and i want to be a zookeeper like my mom").as_dict()
    assert "jane" not in str(stored) and "zookeeper" not in str(stored)
    assert stored["unknown_jobs"] >= 1


def test_slots_and_defaults(knowledge):
    t = turn(knowledge, "ask_pay", "and the pay?", slots={"role": "welder"})
    assert t.slot("role") == "welder" and t.slot("last_aspect") is None
    assert t.kb is knowledge.kb
    first, second = Turn(knowledge, "greet", "hi"), Turn(knowledge, "greet", "hello")
    first.slots["role"] = "welder"
    assert second.slot("role") is None  # no memory shared between turns
    assert (second.entities, second.metadata, second.intent_ranking, second.previous_intent) == ({}, {}, [], None)
