"""Wages stated in a message (bot/understanding/amounts.py): read as yearly figures, in English
and Spanish; numbers that are no wage (ages, years, counts) are none."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.understanding.amounts import HOURS_PER_YEAR, Amount, amount_in


@pytest.mark.parametrize(
    "text, amount",
    [
        ("is 65k a year good pay?", Amount(65000)),
        ("Is $47,000 a year a good salary?", Amount(47000)),
        ("is 120k a lot", Amount(120000)),
        ("50 grand", Amount(50000)),
        ("is $45000 good", Amount(45000)),
        ("is 22 an hour decent", Amount(22 * HOURS_PER_YEAR, 22.0)),
        ("is $22.50/hr decent", Amount(46800, 22.5)),
        ("is 18 dollars an hour good", Amount(18 * HOURS_PER_YEAR, 18.0)),
        ("¿40 mil al año es bueno?", Amount(40000)),
        ("$20 la hora", Amount(20 * HOURS_PER_YEAR, 20.0)),
        ("¿$40.000 al año es poco?", Amount(40000)),
    ],
)
def test_a_stated_wage_is_read_as_a_yearly_figure(text, amount):
    assert amount_in(text) == amount


@pytest.mark.parametrize(
    "text",
    ["in 2030 will welders still have jobs", "im 16", "3 kids", "top 10 jobs", "k12 school", "3d printing", "5g", ""],
)
def test_numbers_that_are_no_wage(text):
    assert amount_in(text) is None


@settings(max_examples=200, derandomize=True)
@given(st.integers(min_value=1000, max_value=999_999))
def test_any_dollar_figure_a_year_reads_back(value):
    assert amount_in(f"is ${value:,} a year good?") == Amount(value)


@settings(max_examples=200, derandomize=True)
@given(st.text(max_size=60))
def test_any_text_gives_a_wage_or_none(text):
    found = amount_in(text)
    assert found is None or found.yearly >= 0
