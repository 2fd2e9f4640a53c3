"""Interests in the student's own words (bot/answers/interests.py): suggestions, and the career
finder filled from them."""

from __future__ import annotations

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.finder import ActionResetFinder
from bot import ROOT
from bot.answers import finder, interests
from bot.answers.turn import Turn

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text())


@pytest.mark.parametrize(
    "text, interest",
    [
        ("I really enjoy repairing bikes, which job suits me?", "hands_on"),
        ("i like sketching and making designs, are there factory jobs for me", "technology"),
        ("i love working on cars", "hands_on"),
        ("i'm good at math", "data"),
        ("i like helping people", "people"),
        ("i like being outside", "hands_on"),
        ("i'm really into video games and coding", "technology"),
        ("i like chemistry and physics", "data"),
        ("i like building stuff with legos", "hands_on"),
        ("purple", None),
    ],
)
def test_own_words_map_to_finder_interests(text, interest):
    assert finder.parse_interest(text) == interest


def test_own_words_are_listed_in_the_order_said_each_once():
    said = interests.own_words("I like sketching and fixing bikes, and drawing too")
    assert [(w.interest, w.label) for w in said] == [
        ("technology", "drawing and design"),
        ("hands_on", "fixing things"),
    ]
    said = interests.own_words("i love math, coding and cars")
    assert [w.label for w in said] == ["numbers and math", "computers and tech", "fixing things"]
    assert interests.own_words("two years is fine") == []


@pytest.mark.parametrize(
    "text, liking",
    [
        ("i enjoy repairing bikes", True),
        ("I'm good at math", True),
        ("i'm really into video games", True),
        ("help me find a career", False),
        ("what does a welder do", False),  # names work with the hands, but says nothing about the student
    ],
)
def test_a_liking_is_told_by_the_words_around_it(text, liking):
    assert interests.states_a_liking(text) is liking


@pytest.mark.parametrize(
    "text, first_id",
    [
        ("I really enjoy repairing bikes, which job suits me?", "maintenance_mechanic"),
        ("i like sketching and making designs, are there factory jobs for me", "cad_drafter"),
        ("i'm good at math and numbers", "data_analyst"),
        ("i like helping people", "factory_manager"),
    ],
)
def test_suggestions_name_two_or_three_roles_with_reasons(knowledge, text, first_id):
    first = knowledge.roles[first_id].title
    answer = finder.suggest_from_words(Turn(knowledge, "inform_finder", text))
    lines = [line for line in answer.text.splitlines() if line.startswith("\u2022 ")]
    assert 2 <= len(lines) <= 3 and lines[0].startswith(f"\u2022 {first}:"), answer.text
    assert all("(BLS, May 2024)" in line for line in lines)
    assert answer.buttons[0].title == "Narrow it down"
    assert answer.buttons[0].payload.startswith('/start_career_finder{"interest": ')
    assert answer.slots["last_aspect"] == "overview" and answer.sources


def test_suggestions_say_back_what_was_said(knowledge):
    answer = finder.suggest_from_words(Turn(knowledge, "inform_finder", "i like sketching and making designs"))
    assert answer.text.startswith("You like drawing and design. These jobs could fit you:")


def _reset(text, entities=()):
    message = {"text": text, "intent": {"name": "start_career_finder"}, "entities": list(entities)}
    tracker = Tracker("u", {}, message, [], False, None, {}, "action_listen")
    events = ActionResetFinder().run(CollectingDispatcher(), tracker, DOMAIN)
    return {e["name"]: e["value"] for e in events}


def test_finder_start_keeps_the_interest_the_message_gave():
    assert _reset("I really enjoy repairing bikes, which job suits me?")["finder_interest"] == "hands_on"
    assert _reset("/start_career_finder", [{"entity": "interest", "value": "data"}])["finder_interest"] == "data"


@pytest.mark.parametrize("text", ["help me find a career", "change my answers", "what jobs match my interests"])
def test_finder_start_without_a_liking_clears_everything(text):
    slots = _reset(text)
    assert slots["finder_interest"] is None and slots["finder_training"] is None and slots["requested_slot"] is None
