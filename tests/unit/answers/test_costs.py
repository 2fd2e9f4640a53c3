"""What training costs, and Pell Grants (bot/answers/costs.py)."""

from __future__ import annotations

from bot.answers import costs
from bot.render import cite

from .conftest import turn


def test_every_route_and_aid_figure_is_shown_with_year_and_source(knowledge):
    kb = knowledge.kb
    a = costs.cost(turn(knowledge, "ask_cost", "how much does welding school cost"))
    for c in kb.leaving_school.costs:
        assert f"{c.route}: {c.cost}" in a.text
        if c.fact:
            assert f"{c.fact.statement} {cite(kb, c.fact.source, str(c.fact.year))}" in a.text
    for f in kb.leaving_school.aid:
        assert f"{f.statement} {cite(kb, f.source, str(f.year))}" in a.text
        assert f.source in a.sources
    assert "$7,395" in a.text and "(U.S. Department of Education, 2025)" in a.text


def test_no_dollar_figure_without_a_source(knowledge):
    a = costs.cost(turn(knowledge, "ask_cost", "how much is college"))
    kb = knowledge.kb
    with_source = {f.value for f in kb.leaving_school.aid} | {c.fact.value for c in kb.leaving_school.costs if c.fact}
    for amount in __import__("re").findall(r"\$[\d,]+", a.text):
        assert any(amount in (v or "") for v in with_source)


def test_a_parent_hears_about_their_child(knowledge):
    a = costs.cost(turn(knowledge, "ask_cost", "my daughter wants to be a welder, how much will it cost"))
    assert a.text.startswith("What training costs for your daughter:")
