"""Guided exploration (bot/answers/explore.py): comparing roles, filtering and ranking."""

from __future__ import annotations

import pytest

from bot.answers import cluster, explore
from bot.answers.turn import Turn
from bot.render import money
from tests.conftest import role

from .conftest import turn


def test_compare_two_roles_side_by_side(knowledge, kb):
    answer = explore.compare(Turn(knowledge, "compare_roles", "who makes more, a welder or a machinist?"))
    welder, machinist = role(kb, "welder"), role(kb, "machinist")
    lines = answer.text.splitlines()
    assert lines[0] == "Welder vs Machinist"
    assert lines[1] == (
        f"• Welder: median pay {money(welder.median_pay.annual_usd)} a year. Job outlook +2%. "
        "Education to start: high school diploma or equivalent."
    )
    assert lines[2].startswith(
        f"• Machinist: median pay {money(machinist.median_pay.annual_usd)} a year. "
        "Job outlook −2%. Education to start: high school diploma or equivalent"
    )
    gap = machinist.median_pay.annual_usd - welder.median_pay.annual_usd
    assert lines[3] == f"At the median, a machinist earns {money(gap)} a year more than a welder."
    assert lines[4] == "Median pay (BLS, May 2024); job outlook for 2024–34 (BLS projections)."
    assert set(answer.sources) == {"bls_ooh_welders", "bls_ooh_machinists"}


def test_compare_with_the_role_being_discussed(knowledge):
    answer = explore.compare(
        Turn(knowledge, "compare_roles", "compare it with cnc operators", slots={"role": "welder"})
    )
    assert answer.text.startswith("Welder vs CNC operator")


def test_compare_one_role_asks_for_the_other(knowledge):
    answer = explore.compare(Turn(knowledge, "compare_roles", "compare welders"))
    assert answer.text == "Compare welder with which job?"
    assert answer.buttons[0].payload == '/compare_roles{"role": "machinist"}'


@pytest.mark.parametrize("text", ["compare welder and electrician", "compare welders with astronauts"])
def test_compare_with_a_job_outside_the_list_never_uses_the_discussed_role(knowledge, text):
    answer = explore.compare(Turn(knowledge, "compare_roles", text, slots={"role": "machinist"}))
    assert answer.text == "I can only compare jobs on my manufacturing list. Compare welder with which job?"
    assert "Machinist" not in answer.text


def test_jobs_without_a_degree_sorted_by_pay(knowledge, kb):
    answer = explore.explore(Turn(knowledge, "explore_roles", "what jobs can I get without a college degree"))
    listed = [line[2:].split(":")[0] for line in answer.text.splitlines() if line.startswith("• ")]
    expected = sorted(
        (r for r in kb.roles if r.education.typical_entry.startswith("High school")),
        key=lambda r: -r.median_pay.annual_usd,
    )
    assert listed == [r.title for r in expected][:6]
    assert "without a college degree" in answer.text.splitlines()[0]


def test_fastest_growing(knowledge, kb):
    answer = explore.explore(Turn(knowledge, "explore_roles", "which jobs are growing the fastest"))
    first = answer.text.splitlines()[1]
    fastest = max((r for r in kb.roles if r.outlook), key=lambda r: r.outlook.percent_change)
    assert first.startswith(f"• {fastest.title}: +{fastest.outlook.percent_change:g}%")


def test_highest_paying_in_a_sector(knowledge, kb):
    answer = explore.explore(Turn(knowledge, "explore_roles", "highest paying jobs in aerospace"))
    aerospace = next(s for s in kb.sectors if s.id == "aerospace")
    top = max((r for r in kb.roles if r.id in aerospace.roles), key=lambda r: r.median_pay.annual_usd)
    assert answer.text.splitlines()[0].startswith("Jobs in aerospace")
    assert answer.text.splitlines()[1].startswith(f"• {top.title}: {money(top.median_pay.annual_usd)}")


def test_filter_lead_reads_well_without_a_place(knowledge):
    answer = explore.explore(Turn(knowledge, "explore_roles", "jobs without college"))
    assert answer.text.startswith("Jobs where you can start without a college degree, highest paying first:")


def test_every_citation_comes_from_the_knowledge_file(raw_knowledge, write_knowledge, nlp):
    from bot.answers import finder
    from bot.answers.loaded_knowledge import build

    for source in raw_knowledge["meta"]["sources"].values():
        if source["publisher"] == "BLS":
            source["publisher"] = "Bureau of Labor Statistics"
    k = build(write_knowledge(raw_knowledge), nlp)
    texts = [
        finder.suggest(k, "hands_on", "short", "any").text,
        explore.explore(Turn(k, "explore_roles", "highest paying jobs")).text,
        explore.compare(Turn(k, "compare_roles", "welder vs machinist")).text,
    ]
    for text in texts:
        assert "(Bureau of Labor Statistics, May 2024)" in text
        assert "BLS" not in text


def test_which_jobs_after_an_industry_are_that_industrys(knowledge, kb):
    """ "Tell me about the metals industry" -> "which jobs are there" (either intent): its jobs."""
    metals = next(s for s in kb.sectors if s.id == "metals")
    after = {"slots": {"sector": "metals", "role": None}}
    for intent in ("explore_roles", "ask_roles"):
        answer = (explore.explore if intent == "explore_roles" else cluster.roles_list)(
            turn(knowledge, intent, "which jobs are there", **after)
        )
        assert answer.text.startswith("Jobs in metals"), answer.text
        assert all(knowledge.title(r) in answer.text or knowledge.title(r).lower() in answer.text for r in metals.roles)
    # a list with a filter of its own, or a job discussed since, is not the industry's
    assert not explore.explore(turn(knowledge, "explore_roles", "jobs without college", **after)).text.startswith(
        "Jobs in metals"
    )
    welder = {"slots": {"sector": "metals", "role": "welder"}}
    assert not explore.explore(turn(knowledge, "explore_roles", "which jobs are there", **welder)).text.startswith(
        "Jobs in metals"
    )
