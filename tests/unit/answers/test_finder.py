"""Career finder (bot/answers/finder.py): three short answers, typed or tapped, turned into three
suggested roles with their reasons; the form's questions; messages outside the form."""

from __future__ import annotations

from bot.answers import finder
from bot.answers.turn import Turn


def test_finder_parses_typed_answers_and_buttons(knowledge):
    assert finder.parse_interest("I like building things") == "hands_on"
    assert finder.parse_interest("data and numbers") == "data"
    assert finder.parse_interest("skip") == finder.ANY
    assert finder.parse_interest("purple") is None
    assert finder.parse_training("start soon after high school") == "short"
    assert finder.parse_training("I don't want college, I want to work") == "short"
    assert finder.parse_training("up to two years of training") == "two_year"
    assert finder.parse_training("four-year college") == "four_year"
    assert finder.parse_industry("aerospace", knowledge.reader.read("aerospace")) == "aerospace"
    assert finder.parse_industry("any industry", knowledge.reader.read("any industry")) == finder.ANY


def test_finder_suggests_three_fitting_roles_with_reasons(knowledge, kb):
    answer = finder.suggest(knowledge, "hands_on", "short", "aerospace")
    lines = [line for line in answer.text.splitlines() if line.startswith("• ")]
    assert len(lines) == 3
    top = lines[0]
    assert top.startswith("• Machinist:") or top.startswith("• Welder:") or top.startswith("• CNC operator:")
    assert "hands-on work" in top and "aerospace employs them" in top and "(BLS, May 2024)" in top
    for picked, _ in finder.rank(knowledge, "hands_on", "short", "aerospace"):
        assert picked.education.typical_entry.startswith("High school")
    assert "https://www.mynextmove.org/explore/ip" in answer.text
    assert [b.title for b in answer.buttons][-1] == "Start over"


def test_finder_with_every_question_skipped_still_suggests(knowledge):
    answer = finder.suggest(knowledge, finder.ANY, finder.ANY, finder.ANY)
    assert len([line for line in answer.text.splitlines() if line.startswith("• ")]) == 3


def test_prefilled_start_asks_the_next_question_and_says_why(knowledge):
    answer = finder.ask_training(
        Turn(knowledge, "start_career_finder", "i love fixing bikes", slots={"finder_interest": "hands_on"})
    )
    assert answer.text.startswith("You like hands-on work, so I'll use that.")
    assert answer.text.endswith("How long do you want to train after high school?")
    plain = finder.ask_training(
        Turn(knowledge, "inform_finder", "hands-on work", slots={"finder_interest": "hands_on"})
    )
    assert plain.text == "How long do you want to train after high school?"


def test_a_terse_answer_outside_the_finder_offers_it(knowledge):
    answer = finder.suggest_from_words(Turn(knowledge, "inform_finder", "two years is fine"))
    assert answer.text.startswith("Tell me what you like doing") and answer.buttons[0].payload == "/start_career_finder"


def test_a_named_industry_outside_the_finder_is_described(knowledge):
    answer = finder.suggest_from_words(Turn(knowledge, "inform_finder", "aerospace"))
    assert answer.slots.get("sector") == "aerospace"
