"""First jobs after high school: quickest to start, certificates, apprenticeships (bot/answers/first_job.py)."""

from __future__ import annotations

import re

from bot.answers import explore, first_job, roles, topics
from bot.render import cite

from .conftest import turn


def test_quick_start_lists_timed_jobs_quickest_first_with_sources(knowledge):
    a = first_job.quick_start(turn(knowledge, "ask_quick_start", "quickest way to start earning?"))
    kb = knowledge.kb
    timed = first_job.by_time_to_start(kb)
    assert len(timed) >= 3
    times = [r.on_the_job_training for r in timed]
    assert all(times)
    order = [first_job._ORDER.index(t.category) for t in times if t]
    assert order == sorted(order)
    positions = [a.text.index(f"{r.title}: ") for r in timed]
    assert positions == sorted(positions)
    for r in timed:
        ojt = r.on_the_job_training
        assert ojt is not None
        assert (
            f"{first_job.TRAINING_TIME[ojt.category]} of training on the job {cite(kb, ojt.source, str(ojt.year))}"
            in a.text
        )
        assert ojt.source in a.sources
    assert "First steps:" in a.text and kb.leaving_school.first_steps[0] in a.text
    assert "https://www.apprenticeship.gov/" in a.text
    assert a.text.startswith("Jobs you can start")


def test_quick_start_names_every_other_no_degree_job(knowledge):
    a = first_job.quick_start(turn(knowledge, "ask_quick_start", "easiest job to get hired"))
    for r in first_job.no_degree_roles(knowledge.kb):
        assert r.title in a.text or r.title[0].lower() + r.title[1:] in a.text


def test_a_parent_gets_the_plan_for_their_child(knowledge):
    a = first_job.quick_start(turn(knowledge, "ask_quick_start", "my son graduates in june, what's fastest for him"))
    assert a.text.startswith("Jobs your son can start")
    assert "First steps your son can take:" in a.text


def test_just_a_diploma_is_the_no_degree_filter_and_quick_words_order_by_time(knowledge):
    listed = explore.explore(turn(knowledge, "explore_roles", "what jobs can i get with just a diploma"))
    assert "without a college degree" in listed.text
    assert "Manufacturing engineer" not in listed.text
    quick = explore.explore(turn(knowledge, "explore_roles", "easiest jobs to get with no degree"))
    assert "quickest to learn first" in quick.text


def test_certificate_needed_answers_yes_no_or_it_depends_first(knowledge):
    def ask(text):
        return roles.answer_for_intent(turn(knowledge, "ask_certifications", text)).text

    welder = ask("do i need a certificate to get hired as a welder")
    assert welder.startswith("It depends")
    assert re.search(r"Good ones to start with:\n• AWS Certified Welder", welder)
    assert re.search(r"Later, with experience:\n• Certified Welding Inspector", welder)
    assert ask("does a forklift operator need a certificate").startswith("Yes. To work as a forklift operator,")
    assert ask("do i need a certificate to be a safety specialist").startswith("It depends")
    assert ask("do i need a certification to be a mechanical engineer").startswith("Not a certificate, but a degree")
    assert ask("do i need a certificate to be a semiconductor technician").startswith("No.")
    # Taken for an education question, a certificate question is still answered first.
    education = roles.answer_for_intent(
        turn(knowledge, "ask_education", "do i need a certification to become a mechanical engineer")
    )
    assert education.text.startswith("Not a certificate, but a degree")
    plain = roles.answer_for_intent(turn(knowledge, "ask_education", "what do i need to become a welder"))
    assert plain.text.startswith("Welder\nEducation to start")
    # A plain question about certifications still lists them.
    assert ask("what certifications does a welder have").startswith("Certifications for a welder")


def test_a_parent_hears_about_their_child_in_the_certificate_answer(knowledge):
    a = roles.answer_for_intent(
        turn(knowledge, "ask_certifications", "my daughter wants to weld, does she need to be certified")
    )
    assert "what she can do" in a.text


def test_apprenticeships_say_paid_how_long_what_and_where(knowledge):
    a = topics.training(turn(knowledge, "ask_training", "do apprentices get paid"))
    kb = knowledge.kb
    route = next(t for t in kb.training if t.id == "apprenticeship")
    for fact in route.facts:
        assert f"{fact.statement} {cite(kb, fact.source, str(fact.year))}" in a.text
        assert fact.source in a.sources
    assert "credential" in a.text  # what you end up with
    assert "Find one near you: https://www.apprenticeship.gov/" in a.text
    assert "machinist" in a.text
