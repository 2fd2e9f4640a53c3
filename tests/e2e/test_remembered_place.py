"""Against the real bot over REST: a place named earlier ("I live in Ohio") is remembered, and pay,
"is that good pay?", "what about ...?" and comparing two jobs then give that place's BLS OEWS
figures with the place and release cited; the national figure is one button away."""

from __future__ import annotations

import uuid

from bot.knowledge import local_pay
from bot.render import money

OHIO = "3900000"
RELEASE = local_pay.load().release


def median(role_id: str, area: str) -> str:
    table = local_pay.load()
    occupation = table.occupation(role_id)
    assert occupation is not None
    f = table.figures(occupation.soc, area)
    assert f is not None and f.get("a50") is not None
    return money(int(f.get("a50") or 0))


def test_a_place_named_earlier_is_used_by_the_pay_answers_that_follow(bot):
    me = uuid.uuid4().hex
    first = bot.text("I live in Ohio", me)
    assert f"I have pay for Ohio from BLS ({RELEASE})" in first, first
    pay = bot.ask("how much do welders make", me)
    text = "\n\n".join(m.get("text", "") for m in pay)
    assert text.startswith("Welder pay in Ohio:"), text
    assert f"Median pay: {median('welder', OHIO)} a year" in text and f"Source: BLS OEWS, {RELEASE}, Ohio." in text
    good = bot.text("is that good pay?", me)
    assert good.startswith(f"Welder in Ohio: median pay {median('welder', OHIO)} a year."), good
    assert "the median of all jobs in Ohio" in good and f"Source: BLS OEWS, {RELEASE}, Ohio and nationwide." in good
    other = bot.text("what about machinists?", me)
    assert other.startswith("Machinist pay in Ohio:"), other
    both = bot.text("welder or machinist, which pays more?", me)
    assert both.startswith("Welder vs Machinist: pay in Ohio"), both
    assert f"Welder: median {median('welder', OHIO)} a year (U.S. median {median('welder', local_pay.NATION)})" in both
    national = bot.text(pay[-1]["buttons"][0]["payload"], me)  # "National pay: Welder"
    assert "Ohio" not in national and "Welder" in national and "(BLS, May 2024)" in national, national


def test_without_a_place_the_pay_answers_stay_national(bot):
    me = uuid.uuid4().hex
    pay = bot.text("how much do welders make", me)
    assert "Ohio" not in pay and "BLS OEWS" not in pay, pay
    good = bot.text("is that good pay?", me)
    assert "Median pay of related jobs" in good, good
