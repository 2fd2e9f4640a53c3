"""Against the real bot over REST (#25, parts 2 and 3): students leaving high school and their
parents. The quickest jobs to start with a plan, certificates, starting in high school,
apprenticeships, cost, safety, and answers about a parent's child."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "what's the fastest way to start making money after i graduate",
        "which job is easiest to get hired for right out of high school",
        "what should i do first to get hired at a plant",
    ],
)
def test_quickest_jobs_to_start_with_a_plan(bot, question):
    reply = bot.text(question)
    assert "quickest to learn first" in reply and "First steps" in reply, reply
    assert "(BLS, 2022)" in reply and "https://www.apprenticeship.gov/" in reply


def test_just_a_diploma_is_the_no_degree_filter(bot):
    reply = bot.text("what jobs can i get with just a diploma")
    assert "without a college degree" in reply and "Manufacturing engineer" not in reply, reply


@pytest.mark.parametrize(
    "question, start",
    [
        ("do i need a certificate to get hired as a welder", "It depends"),
        ("does a forklift operator need a certificate to get hired", "Yes."),
        ("do i need a certification to become a mechanical engineer", "Not a certificate, but a degree"),
    ],
)
def test_do_i_need_a_certificate_answers_first(bot, question, start):
    reply = bot.text(question)
    assert reply.startswith(start), reply


@pytest.mark.parametrize("question", ["can i start in high school?", "what can i do while i'm still in high school"])
def test_starting_in_high_school(bot, question):
    reply = bot.text(question)
    assert "can start in high school" in reply and "SkillsUSA" in reply and "Manufacturing Day" in reply, reply


@pytest.mark.parametrize("question", ["are apprentices paid", "how long does an apprenticeship last"])
def test_apprenticeships_paid_how_long_where(bot, question):
    reply = bot.text(question)
    assert "Apprentices are paid from their first day" in reply, reply
    assert "one to six years" in reply and "apprenticeship.gov" in reply


@pytest.mark.parametrize("question", ["how much does community college cost", "how expensive is welding school"])
def test_cost_of_training_with_pell(bot, question):
    reply = bot.text(question)
    assert "What training costs" in reply and "$7,395" in reply and "(U.S. Department of Education, 2025)" in reply, (
        reply
    )


@pytest.mark.parametrize("question", ["is welding dangerous", "how safe is it to work in a factory"])
def test_safety_at_work(bot, question):
    reply = bot.text(question)
    assert "2.7 injuries and illnesses for every 100 full-time workers" in reply and "(BLS, 2024)" in reply, reply
    assert "OSHA 10-hour" in reply


def test_a_parent_asking_about_cost_hears_about_her_daughter(bot):
    reply = bot.text("my daughter wants to be a welder, how much does the training cost")
    assert "for your daughter" in reply, reply


def test_a_parent_asking_in_spanish_about_safety(bot):
    """A Spanish message starts a Spanish conversation: the safety answer is worded in Spanish
    (data/phrases/es/leaving.yml) about the parent's son, with the same figure and source."""
    reply = bot.text("¿es peligroso trabajar en una fábrica para mi hijo?")
    assert "Seguridad en el trabajo, para tu hijo" in reply and "(BLS, 2024)" in reply, reply
    assert "lesiones y enfermedades por cada 100 trabajadores" in reply and "Safety at work" not in reply, reply


def test_a_worried_parent_is_not_told_to_tell_an_adult_at_school(bot):
    reply = bot.text("i'm worried my son will get hurt welding")
    assert "Tell an adult at school" not in reply and "you and your son make a plan" in reply, reply
