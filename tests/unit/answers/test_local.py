"""Place questions (bot/answers/local.py): the places are found, and the answer says the figures
are national and where local ones are found."""

from __future__ import annotations

import pytest

from bot.answers import local
from bot.answers.local import JOB_FINDER, SALARY_FINDER
from bot.render import pay_line
from bot.understanding.places import find_place

from .conftest import said as turn

PLACES = {
    "what do welders earn in ohio": "Ohio",
    "Any cnc jobs in my town?": "your area",
    "welding jobs near me": "your area",
    "how much do machinists make in Texas": "Texas",
    "pay for welders in new york": "New York",
    "jobs around here": "your area",
    "local welding jobs": "your area",
    "machinist pay in my area": "your area",
    "are there factories in my city": "your area",
    "welder salary in my state": "your area",
    "how much do welders make in dayton": "Dayton",
    "jobs in Springfield": "Springfield",
    "welding jobs in TX": "Texas",
    "cnc jobs in nc": "North Carolina",
    "pay in Columbus, OH": "Ohio",
    "what do they make in OH": "Ohio",
    "factories nearby": "your area",
    "jobs close to me": "your area",
    "where i live, do welders make good money": "your area",
    "manufacturing in my county": "your area",
    "how much do welders make in north carolina": "North Carolina",
    "machinists in west virginia": "West Virginia",
    "jobs in chicago": "Chicago",
    "welders in St Louis": "St Louis",
    "apprenticeships near my school": "your area",
    "any machine shops close by": "your area",
}


@pytest.mark.parametrize("text, place", PLACES.items())
def test_places_are_found(text, place):
    assert find_place(text) == place


@pytest.mark.parametrize(
    "text",
    [
        "are welders in demand",
        "what classes help in school",
        "what can i do in high school",
        "jobs in aerospace",
        "Jobs in Aerospace",
        "In demand jobs",
        "what jobs are in manufacturing",
        "how much do welders make",
        "what about in the future",
        "is welding big in the US",
        "jobs in America",
        "what do i need in math",
        "can i start in a year",
        "careers in food processing",
        "In high school what should i do",
        "i'm in or out",
        "tell me more, ok",
        "what's it like in a factory",
        "jobs in CNC machining",
        "is that in general true",
        "do they work in teams",
        "jobs in the united states",
        "what do engineers do in plants",
    ],
)
def test_non_places_are_not(text):
    assert find_place(text) is None


def test_a_place_answer_labels_the_national_figure_and_points_to_local_sources(knowledge):
    answer = local.answer(turn(knowledge, "what do welders earn in ohio", "ask_local"))
    welder = knowledge.roles["welder"]
    assert f"Welder, national figure (whole U.S.):\n{pay_line(knowledge.kb, welder.median_pay)}" in answer.text
    assert "not numbers for Ohio" in answer.text and "Ohio's labor market information office" in answer.text
    assert SALARY_FINDER in answer.text and JOB_FINDER in answer.text and "counselor" in answer.text
    assert answer.sources == ["bls_ooh_welders"] and answer.slots == {"role": "welder", "last_aspect": "pay"}


def test_a_place_answer_uses_the_remembered_role_and_never_invents_one(knowledge):
    remembered = local.answer(
        turn(knowledge, "how much do they make around here", "ask_local", slots={"role": "machinist"})
    )
    assert "Machinist, national figure" in remembered.text and "Your state's labor market" in remembered.text
    none = local.answer(turn(knowledge, "Any cnc jobs in my town?", "ask_local"))
    assert "CNC operator, national figure" in none.text and "Job outlook" in none.text
    plain = local.answer(turn(knowledge, "manufacturing jobs near me", "ask_local"))
    assert "national figure (" not in plain.text and "$" not in plain.text and plain.sources == []
    training = local.answer(turn(knowledge, "apprenticeships near me", "ask_local"))
    assert "https://www.apprenticeship.gov/" in training.text
