"""Answers like a good counselor, against the real servers over REST: ordinary worries never get
the crisis reply and real distress always does (both lists must pass exactly), worries get a
kind answer with facts, and questions about a place say the figures are national."""

from __future__ import annotations

import uuid

import pytest

from bot.answers.local import JOB_FINDER, SALARY_FINDER
from tests.unit.test_safety import ORDINARY_WORRIES, REAL_DISTRESS

CRISIS = "988"


def is_crisis(reply: str) -> bool:
    return CRISIS in reply and "Crisis Lifeline" in reply


def test_the_crisis_reply_is_exactly_for_distress(bot):
    wrong_crisis = [t for t in ORDINARY_WORRIES if is_crisis(bot.text(t))]
    missed = [t for t in REAL_DISTRESS if not is_crisis(bot.text(t))]
    assert (wrong_crisis, missed) == ([], [])


def test_distress_mid_conversation_still_comes_first(bot):
    me = uuid.uuid4().hex
    bot.text("what do welders earn in ohio", me)
    assert is_crisis(bot.text("i don't feel safe at home", me))
    assert not is_crisis(bot.text("my parents want me to go to college but i want to weld", me))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("My parents want me to go to college but I want to do hands-on work", "apprenticeship"),
        ("my family doesn't have money for college", "paid"),
        ("i'm bad at math, is manufacturing still an option", "math"),
        ("I'm a girl and I want to weld but I'm nervous", "anyone"),
        ("I'm not smart enough to be an engineer", "high school diploma"),
        ("I failed my algebra test and now I'm worried", "math"),
        ("i'm stressed out about my future", "small step"),
        ("I'm worried I won't find a job", "counselor"),
    ],
)
def test_a_worry_gets_a_kind_answer_with_facts_and_the_counselor(bot, text, expected):
    reply = bot.ask(text)
    said = "\n".join(m.get("text", "") for m in reply)
    assert not is_crisis(said) and expected in said.lower() and "counselor" in said.lower()
    assert any(b["payload"] == "/ask_counselor" for m in reply for b in m.get("buttons", []))


def test_the_schools_counselor_is_named_in_a_worry_answer(bot):
    said = bot.text("my parents want me to go to college but i want to weld", metadata={"school": "demo"})
    assert "counselor@demo-school.example.org" in said


NEAR_QUESTIONS = [
    ("Any cnc jobs in my town?", "CNC operator"),
    ("welding jobs near me", "Welder"),
    ("how much do quality inspectors make around here", "Quality control inspector"),
    ("robotics technician pay in my area", "Robotics technician"),
    ("local manufacturing jobs", None),
    ("are there factories near me", None),
    ("manufacturing jobs in my city", None),
    ("who is hiring around here", None),
    ("apprenticeships near me", None),
]


@pytest.mark.parametrize("text, role", NEAR_QUESTIONS)
def test_near_me_before_a_place_is_known_asks_for_it_and_labels_national_figures(bot, text, role):
    said = bot.text(text)
    assert "Tell me your state or city" in said and SALARY_FINDER in said and JOB_FINDER in said
    assert "labor market information" in said and "counselor" in said
    if role:
        assert f"{role}, national figure (whole U.S.)" in said
    else:
        assert "national figure (" not in said and "Median pay" not in said


PLACE_QUESTIONS = [
    ("what do welders earn in ohio", "Welder pay in Ohio:"),
    ("how much do machinists make in Texas", "Machinist pay in Texas:"),
    ("what's the salary for a cad drafter in chicago", "CAD drafter pay in Chicago-Naperville-Elgin, IL-IN:"),
    ("welder pay in new york", "Welder pay in New York:"),
    ("how much do welders make in michigan", "Welder pay in Michigan:"),
]


@pytest.mark.parametrize("text, heading", PLACE_QUESTIONS)
def test_a_pay_question_about_a_place_gets_that_places_figures(bot, text, heading):
    said = bot.text(text)
    assert heading in said and "Source: BLS OEWS, May 2025, " in said and "U.S. median" in said, said


def test_growth_in_a_place_is_national_and_an_ambiguous_place_is_asked_about(bot):
    said = bot.text("are there machinist jobs in dayton")
    assert "only have national figures on job growth" in said and "Dayton-Kettering-Beavercreek, OH" in said
    assert "Machinist, national figure (whole U.S.)" in said and "Job outlook" in said
    ambiguous = bot.text("how much do assemblers make in Springfield")
    assert "more than one Springfield" in ambiguous and "$" not in ambiguous


def test_a_remembered_role_gets_the_local_figure_for_a_place(bot):
    me = uuid.uuid4().hex
    assert "Median pay" in bot.text("how much do welders make", me)
    said = bot.text("how much do they make in ohio?", me)
    assert "Welder pay in Ohio:" in said and "Source: BLS OEWS, May 2025, Ohio." in said


@pytest.mark.parametrize(
    "text, expected",
    [
        ("are welders in demand", "Job outlook"),
        ("what classes should i take in high school", None),
        ("jobs in aerospace", None),
        ("how much do welders make", "Median pay"),
        ("what can i do in school to get ready", None),
        ("what do machinists do", "Machinist"),
    ],
)
def test_questions_without_a_place_are_answered_as_before(bot, text, expected):
    said = bot.text(text)
    assert "only have national figures" not in said and not is_crisis(said)
    if expected:
        assert expected in said
