"""Safety at work (bot/answers/work_safety.py)."""

from __future__ import annotations

from bot.answers import work_safety
from bot.render import cite

from .conftest import turn


def test_manufacturing_is_compared_with_other_industries_of_the_same_year(knowledge):
    kb = knowledge.kb
    a = work_safety.safety(turn(knowledge, "ask_safety", "is manufacturing dangerous"))
    rates = kb.leaving_school.safety.injury_rates
    assert f"In {rates[0].year}, manufacturing had {rates[0].cases_per_100:.1f} injuries and illnesses" in a.text
    for r in rates[1:]:
        assert f"{r.industry.lower()} {r.cases_per_100:.1f}" in a.text
    assert cite(kb, rates[0].source, str(rates[0].year)) in a.text
    assert "OSHA 10-hour" in a.text and "no minimum age" in a.text
    assert {rates[0].source, kb.leaving_school.safety.training_source} <= set(a.sources)


def test_a_named_job_gets_its_own_risks_only(knowledge):
    a = work_safety.safety(turn(knowledge, "ask_safety", "is welding dangerous"))
    assert "welding arc" in a.text
    assert "Industrial maintenance mechanic:" not in a.text
    general = work_safety.safety(turn(knowledge, "ask_safety", "how safe is manufacturing"))
    assert "Industrial maintenance mechanic:" in general.text


def test_a_job_without_safety_notes_says_so(knowledge):
    a = work_safety.safety(turn(knowledge, "ask_safety", "is being a data analyst dangerous"))
    assert "I have no safety notes for" in a.text


def test_that_one_after_a_job_is_that_jobs_risks_and_a_named_job_is_remembered(knowledge):
    """ "and is that one safe?" after welders: their risks; "is welding dangerous" keeps the job
    for the next question ("what training would he need?")."""
    after = work_safety.safety(turn(knowledge, "ask_safety", "and is that one safe?", slots={"role": "welder"}))
    assert "welding arc" in after.text and "Industrial maintenance mechanic:" not in after.text
    general = work_safety.safety(turn(knowledge, "ask_safety", "is manufacturing safe", slots={"role": "welder"}))
    assert "Industrial maintenance mechanic:" in general.text  # not a follow-up: every job's notes
    named = work_safety.safety(turn(knowledge, "ask_safety", "is welding dangerous"))
    assert named.slots["role"] == "welder"
