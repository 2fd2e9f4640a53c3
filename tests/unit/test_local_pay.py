"""The committed local pay extract (data/local/, BLS OEWS May 2025): every role has its figures,
the figures hang together, and a figure BLS withholds is said to be missing, never filled."""

from __future__ import annotations

import pytest

from bot.answers import local, local_figures
from bot.answers.turn import Turn
from bot.knowledge import local_pay
from bot.knowledge.local_pay import ALL_JOBS, NATION, Area, Figures

STATES_DC_PR = 52


@pytest.fixture(scope="module")
def table():
    return local_pay.load()


def test_every_role_has_a_national_median_and_states_have_all_jobs(table, knowledge):
    assert table.release == "May 2025" and table.source.id == "bls_oews_may2025"
    for role in knowledge.kb.roles:
        occupation = table.occupation(role.id)
        assert occupation, role.id
        assert table.figures(occupation.soc, NATION).get("a50"), role.id
    states = [a for a in table.areas.values() if a.kind == "S" and a.name not in ("Guam", "Virgin Islands")]
    assert len(states) == STATES_DC_PR
    assert all(table.figures(ALL_JOBS, a.code).get("a50") for a in states)


def test_national_medians_are_close_to_the_knowledge_files_may_2024_figures(table, knowledge):
    """Where BLS's group is the knowledge file's own, May 2025 is within 10% of May 2024: a wrong
    series key would be far off (a year's pay change is a few percent)."""
    checked = 0
    for role in knowledge.kb.roles:
        occupation = table.occupation(role.id)
        if role.median_pay and occupation.title.lower() == (role.bls_group or "").lower():
            new = table.figures(occupation.soc, NATION).get("a50")
            assert abs(new / role.median_pay.annual_usd - 1) < 0.10, role.id
            checked += 1
    assert checked >= 15


def test_figures_hang_together(table):
    for f in table.rows.values():
        low, mid, high = f.get("a10"), f.get("a50"), f.get("a90")
        if low and mid and high:
            assert low <= mid <= high, (f.soc, f.area.code)
        for hour, year in (("h10", "a10"), ("h50", "a50"), ("h90", "a90")):
            if f.get(hour) and f.get(year):
                assert abs(f.get(hour) * 2080 - f.get(year)) <= 20, (f.soc, f.area.code)


def test_a_withheld_median_is_said_to_be_missing(knowledge, table):
    answer = local.answer(Turn(knowledge, "ask_local", "purchasing agent pay in Fayetteville, AR"))
    assert "BLS does not publish this figure for Fayetteville-Springdale-Rogers, AR." in answer.text
    assert "For the whole U.S., the median is $77,710 a year." in answer.text
    assert answer.text.count("$") == 1


def test_a_top_coded_wage_keeps_the_bls_lower_bound():
    area = Area("0000001", "M", "06", "Somewhere, CA")
    values = (100.0, 40.0, 72.12, None, 83200.0, 150000.0, None, 1.0)  # emp h10 h50 h90 a10 a50 a90 lq
    f = Figures("172011", area, values, {"a90": "5", "h90": "5"})
    assert local_figures.yearly(f, "a90") == "$239,200 or more"
    assert local_figures.yearly(f, "a50") == "$150,000"
    assert local_figures.yearly(Figures("172011", area, values, {"a90": "8"}), "a90") is None
