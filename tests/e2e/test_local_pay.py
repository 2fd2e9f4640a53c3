"""Against the real bot over REST: pay where the student lives, each figure checked against the
committed BLS OEWS extract (data/local/), with the release and area cited."""

from __future__ import annotations

import uuid

import pytest

from bot.knowledge import local_pay
from bot.render import money

CITE = "BLS OEWS, May 2025"


def median(role_id: str, area: str) -> str:
    table = local_pay.load()
    occupation = table.occupation(role_id)
    assert occupation is not None
    figures = table.figures(occupation.soc, area)
    assert figures is not None and figures.get("a50") is not None
    return money(int(figures.get("a50") or 0))


@pytest.mark.parametrize(
    "question, role_id, area, heading",
    [
        ("what do machinists earn in Wisconsin", "machinist", "5500000", "Machinist pay in Wisconsin"),
        ("welder salary GA", "welder", "1300000", "Welder pay in Georgia"),
        ("quality inspector pay in Charlotte", "quality_inspector", "0016740", "Charlotte-Concord-Gastonia, NC-SC"),
        ("how much do welders make in pensylvania?", "welder", "4200000", "Welder pay in Pennsylvania"),
        ("cnc operator salary in the bay area", "cnc_operator", "0041860", "San Francisco-Oakland-Fremont, CA"),
    ],
)
def test_a_local_question_gets_that_places_median(bot, question, role_id, area, heading):
    reply = bot.text(question)
    name = local_pay.load().areas[area].name
    assert heading in reply and f"Median pay: {median(role_id, area)} a year" in reply, reply
    assert f"Source: {CITE}, {name}." in reply, reply
    assert f"U.S. median of {median(role_id, local_pay.NATION)}" in reply or "About the same" in reply, reply


def test_the_place_and_the_role_are_remembered(bot):
    sender = uuid.uuid4().hex
    first = bot.text("how much do welders make?", sender)
    assert "Median pay" in first
    philly = bot.text("in Philly?", sender)
    assert f"Median pay: {median('welder', '0037980')} a year" in philly, philly
    ohio = bot.text("what do welders earn in ohio", sender)
    assert "Welder pay in Ohio" in ohio, ohio
    mine = bot.text("what do machinists make in my state?", sender)
    assert f"Machinist pay in Ohio:\n• Median pay: {median('machinist', '3900000')} a year" in mine, mine


def test_where_a_job_pays_most(bot):
    reply = bot.text("where do CNC operators earn the most?")
    table = local_pay.load()
    top = table.states_by_median(table.occupation("cnc_operator").soc)[0]  # type: ignore[union-attr]
    assert f"• {top.area.name}: {money(int(top.get('a50') or 0))} a year" in reply, reply
    assert "not adjusted for living costs" in reply


def test_a_place_we_cannot_pin_down_gets_a_question_not_a_figure(bot):
    reply = bot.text("how much do welders make in Springfield")
    assert "more than one Springfield" in reply and "$" not in reply, reply
    withheld = bot.text("what do purchasing agents earn in Fayetteville, AR")
    assert "BLS does not publish this figure for Fayetteville-Springdale-Rogers, AR." in withheld, withheld


def test_two_states_side_by_side(bot):
    reply = bot.text("machinists in Georgia vs Alabama")
    for area, name in (("1300000", "Georgia"), ("0100000", "Alabama")):
        assert f"• {name}: median {median('machinist', area)} a year" in reply, reply
    assert "Source: BLS OEWS, May 2025, Georgia and Alabama." in reply
