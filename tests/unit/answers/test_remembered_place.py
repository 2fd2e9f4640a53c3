"""A place named earlier ("I live in Ohio", the `place` slot) is used by every pay answer that
follows: pay, "is that good pay?", "what about machinists?" and comparisons give the BLS OEWS
figures of that place, say which place and release, and the national figure is one button away."""

from __future__ import annotations

import pytest

from bot.answers import about, explore, figures, local, roles
from bot.knowledge import local_pay
from bot.render import money, pay_line

from .conftest import turn

OHIO = "3900000"


def median(role_id: str, area: str) -> str:
    table = local_pay.load()
    occupation = table.occupation(role_id)
    assert occupation is not None
    f = table.figures(occupation.soc, area)
    assert f is not None and f.get("a50") is not None
    return money(int(f.get("a50") or 0))


def all_jobs(area: str) -> str:
    f = local_pay.load().figures(local_pay.ALL_JOBS, area)
    assert f is not None
    return money(int(f.get("a50") or 0))


CITE = f"BLS OEWS, {local_pay.load().release}, Ohio"


def test_pay_uses_the_place_named_earlier(knowledge):
    a = roles.answer_for_intent(turn(knowledge, "ask_pay", "how much do welders make", slots={"place": OHIO}))
    assert a.text.startswith("Welder pay in Ohio:")
    assert f"Median pay: {median('welder', OHIO)} a year" in a.text and f"Source: {CITE}." in a.text
    assert a.slots == {"role": "welder", "last_aspect": "pay", "place": OHIO}
    assert a.buttons[0].payload == '/ask_pay{"role": "welder", "place": "us"}'


def test_the_national_button_gives_the_national_figure(knowledge):
    t = turn(knowledge, "ask_pay", "/ask_pay", slots={"place": OHIO}, entities={"role": "welder", "place": "us"})
    a = roles.answer_for_intent(t)
    assert pay_line(knowledge.kb, knowledge.roles["welder"].median_pay) in a.text and "Ohio" not in a.text


@pytest.mark.parametrize("text", ["ok, and nationally?", "what about the national average", "¿y a nivel nacional?"])
def test_asking_for_the_national_figure_in_words_gives_it(knowledge, text):
    t = turn(knowledge, "ask_pay", text, slots={"place": OHIO, "role": "welder"})
    national = roles.answer_for_intent(t)
    assert "BLS OEWS" not in national.text and "(BLS, May 2024)" in national.text


def test_they_and_what_about_follow_the_place(knowledge):
    they = roles.answer_for_intent(
        turn(knowledge, "ask_pay", "how much do they make?", slots={"place": OHIO, "role": "machinist"})
    )
    assert they.text.startswith("Machinist pay in Ohio:")
    other = about.what_about(
        turn(knowledge, "what_about", "what about cnc operators?", slots={"place": OHIO, "last_aspect": "pay"})
    )
    assert other.text.startswith("CNC operator pay in Ohio:"), other.text


def test_is_that_good_pay_compares_within_the_place(knowledge):
    t = turn(
        knowledge,
        "judge_figure",
        "is that good pay?",
        slots={"place": OHIO, "role": "welder", "last_aspect": "pay"},
    )
    a = figures.judge(t)
    assert a.text.startswith(f"Welder in Ohio: median pay {median('welder', OHIO)} a year.")
    assert f"the median of all jobs in Ohio, {all_jobs(OHIO)}" in a.text
    assert f"the U.S. median of {median('welder', local_pay.NATION)}" in a.text
    assert a.text.endswith(f"Source: BLS OEWS, {local_pay.load().release}, Ohio and nationwide.")


def test_comparing_two_jobs_uses_the_place(knowledge):
    t = turn(knowledge, "compare_roles", "welder or machinist, which pays more", slots={"place": OHIO})
    a = explore.compare(t)
    assert a.text.startswith("Welder vs Machinist: pay in Ohio")
    assert f"Welder: median {median('welder', OHIO)} a year (U.S. median {median('welder', local_pay.NATION)})" in (
        a.text
    )
    assert f"Machinist: median {median('machinist', OHIO)} a year" in a.text
    assert "earn the most of these." in a.text


@pytest.mark.parametrize("slots", [{}, {"place": "not-an-area"}, {"place": None}])
def test_without_a_known_place_the_answers_are_national(knowledge, slots):
    a = roles.answer_for_intent(turn(knowledge, "ask_pay", "how much do welders make", slots=slots))
    assert pay_line(knowledge.kb, knowledge.roles["welder"].median_pay) in a.text
    assert local.pay_here(turn(knowledge, "ask_pay", "x", slots=slots), ["welder"]) is None
    j = figures.judge(turn(knowledge, "judge_figure", "is that good pay?", slots={**slots, "role": "welder"}))
    assert "Median pay of related jobs" in j.text
