"""Place questions (bot/answers/local.py): the places are found, and the answer says the figures
are national and where local ones are found."""

from __future__ import annotations

import pytest

from bot.answers import local
from bot.answers.local import JOB_FINDER, SALARY_FINDER
from bot.render import outlook_line
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


def test_a_growth_question_about_a_place_labels_the_national_figure_and_points_to_local_sources(knowledge):
    answer = local.answer(turn(knowledge, "are welders in demand in ohio", "ask_local"))
    welder = knowledge.roles["welder"]
    assert f"Welder, national figure (whole U.S.):\n{outlook_line(knowledge.kb, welder.outlook)}" in answer.text
    assert "not numbers for Ohio" in answer.text and "Ohio's labor market information office" in answer.text
    assert SALARY_FINDER in answer.text and JOB_FINDER in answer.text and "counselor" in answer.text
    assert answer.sources == ["bls_ooh_welders"]
    assert answer.slots == {"role": "welder", "last_aspect": "outlook", "place": "3900000"}


def test_a_place_answer_uses_the_remembered_role_and_never_invents_one(knowledge):
    remembered = local.answer(
        turn(knowledge, "how much do they make around here", "ask_local", slots={"role": "machinist"})
    )
    assert "Machinist, national figure" in remembered.text and "Your state's labor market" in remembered.text
    assert "Tell me your state or city" in remembered.text
    none = local.answer(turn(knowledge, "Any cnc jobs in my town?", "ask_local"))
    assert "CNC operator, national figure" in none.text and "Job outlook" in none.text
    plain = local.answer(turn(knowledge, "manufacturing jobs near me", "ask_local"))
    assert "national figure (" not in plain.text and "$" not in plain.text and plain.sources == []
    training = local.answer(turn(knowledge, "apprenticeships near me", "ask_local"))
    assert "https://www.apprenticeship.gov/" in training.text


# Local figures: each expected number is the one in data/local/oews_pay.csv (BLS OEWS, May 2025).
def test_a_state_named_in_full_gets_the_local_median_range_and_comparisons(knowledge):
    answer = local.answer(turn(knowledge, "what do machinists earn in Wisconsin", "ask_local"))
    assert answer.text.startswith("Machinist pay in Wisconsin:\n")
    assert "• Median pay: $59,110 a year, or $28.42 an hour" in answer.text
    assert "between $40,600 and $76,280 a year" in answer.text
    assert "About the same as the U.S. median of $58,750" in answer.text  # within 3%
    assert "All jobs in Wisconsin: median $50,270 a year" in answer.text
    assert "About 12,700 people do this job there: 2.3 times as common" in answer.text
    assert answer.text.endswith("Source: BLS OEWS, May 2025, Wisconsin.")
    assert answer.sources == ["bls_oews_may2025"]
    assert answer.slots == {"place": "5500000", "role": "machinist", "last_aspect": "pay"}


@pytest.mark.parametrize(
    "text, slots, expected",
    [
        ("welder salary GA", {}, ["Welder pay in Georgia:", "$48,430", "$5,320 less than the U.S. median of $53,750"]),
        (
            "quality inspector pay in Charlotte",
            {},
            ["Charlotte-Concord-Gastonia, NC-SC:", "$47,670", "Inspectors, Testers, Sorters, Samplers, and Weighers"],
        ),
        ("in Philly", {"role": "welder"}, ["Philadelphia-Camden-Wilmington, PA-NJ-DE-MD", "$58,380", "$4,630 more"]),
        ("and in my state?", {"role": "machinist", "place": "5500000"}, ["Machinist pay in Wisconsin:", "$59,110"]),
        ("welder pay in pensylvania", {}, ["Welder pay in Pennsylvania:"]),
        (
            "buyer pay in Wyoming",
            {"role": "purchasing_agent"},
            ["a wider BLS job group: \u201cBuyers and Purchasing Agents\u201d"],
        ),
    ],
)
def test_local_questions_get_the_figure_of_that_place(knowledge, text, slots, expected):
    answer = local.answer(turn(knowledge, text, "ask_local", slots=slots))
    for part in expected:
        assert part in answer.text
    assert "BLS OEWS, May 2025" in answer.text


def test_where_a_job_pays_most_lists_the_top_states_with_the_release(knowledge):
    answer = local.answer(turn(knowledge, "where do CNC operators earn the most", "ask_local"))
    lines = answer.text.splitlines()
    assert lines[1:3] == ["• Washington: $107,920 a year", "• Massachusetts: $61,630 a year"]
    assert "U.S. median: $50,690 a year." in answer.text and "not adjusted for living costs" in answer.text
    assert answer.text.endswith("Source: BLS OEWS, May 2025, state and U.S. estimates.")


def test_a_job_bls_does_not_publish_there_is_said_so_never_filled(knowledge):
    answer = local.answer(turn(knowledge, "semiconductor technician pay in Wyoming", "ask_local"))
    assert "BLS does not publish pay for this job in Wyoming." in answer.text
    assert "For the whole U.S., the median is $51,430 a year." in answer.text
    assert answer.text.count("$") == 1


def test_places_we_cannot_pin_down_get_a_question_never_a_guess(knowledge):
    ambiguous = local.answer(turn(knowledge, "welders in Springfield", "ask_local"))
    assert "more than one Springfield" in ambiguous.text and "• Springfield, MO" in ambiguous.text
    assert "$" not in ambiguous.text and ambiguous.slots == {}
    payloads = [b.payload for b in ambiguous.buttons]
    assert payloads[:2] == ["welder pay in Springfield, IL", "welder pay in Springfield, MA"]
    unknown = local.answer(turn(knowledge, "welders in Smallville", "ask_local"))
    assert "could not find Smallville" in unknown.text and "Which state" in unknown.text and "$" not in unknown.text


def test_a_place_without_a_job_is_remembered_and_a_job_asked_for(knowledge):
    answer = local.answer(turn(knowledge, "what's the pay like in Ohio", "ask_local"))
    assert "I have pay for Ohio from BLS (May 2025)" in answer.text and answer.slots == {"place": "3900000"}
    assert answer.buttons[0].payload == '/ask_local{"role": "welder"}'


def test_where_pay_is_highest_without_a_job_we_know_asks_which_job(knowledge):
    answer = local.answer(turn(knowledge, "which states pay electricians the most", "ask_local"))
    assert "Which job?" in answer.text and "$" not in answer.text and answer.sources == []


def test_two_places_are_compared_side_by_side(knowledge):
    answer = local.answer(turn(knowledge, "machinists in Georgia vs Alabama", "ask_local"))
    assert answer.text.splitlines() == [
        "Machinist pay in 2 places:",
        "• Georgia: median $52,610 a year (most earn $37,060 to $77,420)",
        "• Alabama: median $55,560 a year (most earn $37,770 to $79,380)",
        "• Whole U.S.: median $58,750 a year",
        "Source: BLS OEWS, May 2025, Georgia and Alabama.",
    ]


def test_where_a_local_figure_comes_from_names_the_oews_release(knowledge):
    from bot.answers import topics

    shown = topics.sources(
        turn(knowledge, "where is that from?", "ask_source", slots={"last_sources": ["bls_oews_may2025"]})
    )
    assert (
        "Occupational Employment and Wage Statistics, May 2025" in shown.text
        and "https://www.bls.gov/oes/" in shown.text
    )
    assert shown.sources == ["bls_oews_may2025"]


def test_a_zip_code_gets_a_question_for_the_state_or_city_and_keeps_the_job(knowledge):
    answer = local.answer(turn(knowledge, "how much do welders make in 62704", "ask_local"))
    assert "can't look up places by ZIP code" in answer.text and "$" not in answer.text
    assert "62704" not in answer.text and answer.slots == {"role": "welder"}
    spanish = local.answer(turn(knowledge, "cuanto gana un soldador en 62704", "ask_local", slots={"language": "es"}))
    assert "código postal" in spanish.text
