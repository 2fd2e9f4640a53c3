"""Guided exploration: comparing roles, filtering and ranking, next steps, two-stage fallback."""

from __future__ import annotations

import pytest

from bot.answers import about, explore, topics
from bot.answers.turn import Turn
from bot.render import money
from tests.conftest import role


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


def test_next_steps_for_a_role_use_the_schools_counselor(knowledge):
    turn = Turn(knowledge, "ask_training", "how do I become a welder?", metadata={"school": "demo"})
    answer = topics.training(turn)
    assert "Ask Ms. Example (demo counselor) about CTE classes and dual enrollment" in answer.text
    assert "SkillsUSA" in answer.text and "https://www.apprenticeship.gov/" in answer.text


def test_first_miss_offers_likeliest_topics_second_miss_explains(knowledge):
    ranking = [
        {"name": "nlu_fallback"},
        {"name": "ask_pay"},
        {"name": "out_of_scope"},
        {"name": "ask_training"},
        {"name": "ask_sectors"},
        {"name": "ask_skills"},
    ]
    first = about.low_confidence(Turn(knowledge, "nlu_fallback", "hmm the money thing", intent_ranking=ranking))
    assert [b.title for b in first.buttons] == ["Pay for a job", "How to get started", "Industries"]
    second = about.low_confidence(
        Turn(knowledge, "nlu_fallback", "uhh", intent_ranking=ranking, previous_intent="nlu_fallback")
    )
    assert second.text.startswith("Sorry, I still didn't understand. I can tell you about manufacturing careers")


def test_finder_parses_typed_answers_and_buttons(knowledge):
    from bot.answers import finder

    assert finder.parse_interest("I like building things") == "hands_on"
    assert finder.parse_interest("data and numbers") == "data"
    assert finder.parse_interest("skip") == finder.ANY
    assert finder.parse_interest("purple") is None
    assert finder.parse_training("start soon after high school") == "short"
    assert finder.parse_training("I don't want college, I want to work") == "short"
    assert finder.parse_training("up to two years of training") == "two_year"
    assert finder.parse_training("four-year college") == "four_year"
    assert finder.parse_industry(knowledge, "aerospace") == "aerospace"
    assert finder.parse_industry(knowledge, "any industry") == finder.ANY


def test_finder_suggests_three_fitting_roles_with_reasons(knowledge, kb):
    from bot.answers import finder

    answer = finder.suggest(knowledge, "hands_on", "short", "aerospace")
    lines = [line for line in answer.text.splitlines() if line.startswith("• ")]
    assert len(lines) == 3
    top = lines[0]
    assert top.startswith("• Machinist:") or top.startswith("• Welder:") or top.startswith("• CNC operator:")
    assert "hands-on work" in top and "aerospace employs them" in top and "(BLS, May 2024)" in top
    for picked, _ in finder.rank(knowledge, "hands_on", "short", "aerospace"):
        assert picked.education.typical_entry.startswith("High school")
    assert "https://www.mynextmove.org/explore/ip" in answer.text
    assert [b.title for b in answer.buttons][-1] == "Start over"


def test_finder_with_every_question_skipped_still_suggests(knowledge):
    from bot.answers import finder

    answer = finder.suggest(knowledge, finder.ANY, finder.ANY, finder.ANY)
    assert len([line for line in answer.text.splitlines() if line.startswith("• ")]) == 3


def test_pay_question_naming_two_roles_is_answered_side_by_side(knowledge):
    from bot.answers import roles

    answer = roles.answer(Turn(knowledge, "ask_pay", "who makes more a welder or a plant manager"), "pay")
    assert answer.text.startswith("Welder vs Factory manager")
    assert "At the median, a factory manager earns" in answer.text


def test_filter_lead_reads_well_without_a_place(knowledge):
    answer = explore.explore(Turn(knowledge, "explore_roles", "jobs without college"))
    assert answer.text.startswith("Jobs where you can start without a college degree, highest paying first:")


def test_cluster_question_naming_a_topic_answers_the_topic(knowledge, kb):
    gdp = next(e for e in kb.economy if e.id == "gdp_share")
    assert about.cluster_question(
        Turn(knowledge, "ask_cluster", "whats the gdp thing for manufacturing")
    ).text.startswith(gdp.statement)
    assert about.cluster_question(Turn(knowledge, "ask_cluster", "what is manufacturing")).text.startswith(
        "Manufacturing career cluster"
    )


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
