"""Understanding (issue #14): a message that names a job, industry or pathway is answered about
that thing, pay asked in other words is a pay question, and a job we do not know gets the
closest ones we do know, never another job's facts. The answer functions are called directly,
with the intent the classifier might pick, including wrong ones."""

from __future__ import annotations

import pytest

from bot.answers import about, cluster, explore, glossary, roles, scope
from bot.answers.aspects import asks_pay
from bot.answers.turn import Turn
from bot.render import in_sentence, money, pay_line
from tests.conftest import role


def turn(knowledge, intent, text, **kw) -> Turn:
    return Turn(knowledge=knowledge, intent=intent, text=text, **kw)


@pytest.mark.parametrize(
    "text",
    [
        "what's the median wage for welders",
        "typical income",
        "what are the earnings",
        "hourly rate",
        "how much money is it",
        "salary range",
        "what's the paycheck like",
        "how much do they make",
        "what does a welder earn",
        "is the pay good",
    ],
)
def test_pay_words(text):
    assert asks_pay(text)


@pytest.mark.parametrize(
    "text",
    [
        "what does a welder do",
        "how much school do i need",
        "what industries are there",
        "how much training does it take",
        "tell me about aerospace",
    ],
)
def test_not_pay_words(text):
    assert not asks_pay(text)


@pytest.mark.parametrize(
    "intent, answer",
    [
        ("ask_sectors", cluster.sectors),
        ("ask_about", about.about),
        ("ask_cluster", about.cluster_question),
        ("ask_definition", glossary.define),
        ("nlu_fallback", about.low_confidence),
        ("ask_pathways", cluster.pathways),
    ],
)
@pytest.mark.parametrize(
    "text, role_id",
    [
        ("how much does an industrial engineering technician make", "industrial_engineering_technician"),
        ("what's the median pay for quality control inspectors", "quality_inspector"),
        ("what's the paycheck like for an industrial maintenance mechanic", "maintenance_mechanic"),
    ],
)
def test_a_pay_question_naming_a_role_gets_its_pay_whatever_the_intent(knowledge, kb, intent, answer, text, role_id):
    reply = answer(turn(knowledge, intent, text))
    assert pay_line(kb, role(kb, role_id).median_pay) in reply.text
    assert "Manufacturing industries I can tell you about" not in reply.text
    assert reply.slots["role"] == role_id and reply.slots["last_aspect"] == "pay"


def test_sector_list_only_when_nothing_is_named(knowledge, kb):
    assert all(
        s.name in cluster.sectors(turn(knowledge, "ask_sectors", "what industries are there")).text for s in kb.sectors
    )
    named = cluster.sectors(turn(knowledge, "ask_sectors", "what industries hire welders"))
    assert named.text.startswith("Welder: industries I know that hire them")
    assert "Aerospace" in named.text and "Food Processing" not in named.text


def test_cluster_question_asking_for_a_list_gets_the_list(knowledge, kb):
    reply = about.cluster_question(turn(knowledge, "ask_cluster", "which sectors does the cluster include"))
    assert all(s.name in reply.text for s in kb.sectors)
    reply = about.cluster_question(turn(knowledge, "ask_cluster", "what pathways does the cluster have"))
    assert all(p.name in reply.text for p in kb.pathways)
    assert kb.cluster.summary in about.cluster_question(turn(knowledge, "ask_cluster", "what is manufacturing")).text


def test_jobs_in_an_industry(knowledge, kb):
    electronics = next(s for s in kb.sectors if s.id == "electronics")
    for answer, intent in ((explore.explore, "explore_roles"), (cluster.roles_list, "ask_roles")):
        reply = answer(turn(knowledge, intent, "what jobs are there in electronics manufacturing"))
        assert reply.text.startswith("Jobs in electronics and semiconductors")
        assert all(in_sentence(role(kb, r).title) in reply.text.lower() for r in electronics.roles)
        assert "Welder" not in reply.text
    assert (
        "Here are the manufacturing jobs I know about"
        in cluster.roles_list(turn(knowledge, "ask_roles", "what jobs are there")).text
    )


def test_role_pathway(knowledge, kb):
    production = next(p for p in kb.pathways if p.id == "production")
    assert production.summary in cluster.pathways(turn(knowledge, "ask_pathways", "what pathway is welding in")).text


@pytest.mark.parametrize(
    "text, closest",
    [
        ("how much does an astronaut make", ["aerospace_engineer"]),
        ("how much does a warehouse worker make", ["forklift_operator"]),
        ("what's the salary of a fashion designer", ["industrial_designer", "sewer"]),
        ("how much does a software engineer make", ["manufacturing_engineer", "automation_engineer"]),
        ("how much does a baker make", ["production_worker"]),
    ],
)
def test_unknown_job_gets_the_closest_known_jobs(knowledge, kb, text, closest):
    reply = roles.answer(turn(knowledge, "ask_pay", text, slots={"role": "welder"}), "pay")
    assert "I don't have that job" in reply.text and "The closest jobs I know are" in reply.text
    assert "$" not in reply.text and money(role(kb, "welder").median_pay.annual_usd) not in reply.text
    offered = [b.payload for b in reply.buttons]
    for role_id in closest:
        assert f'/ask_pay{{"role": "{role_id}"}}' in offered
    assert "role" not in reply.slots


def test_unknown_job_with_nothing_close_offers_the_list(knowledge):
    reply = roles.answer(turn(knowledge, "ask_pay", "how much do zookeepers make"), "pay")
    assert "I don't have that job" in reply.text and "closest" not in reply.text
    assert reply.buttons[-1].payload == "/ask_roles"


def test_unknown_job_asked_about_gets_the_closest_too(knowledge):
    reply = about.about(turn(knowledge, "ask_about", "what does a warehouse clerk do"))
    assert "I don't have that job" in reply.text and "Forklift operator" in reply.text


@pytest.mark.parametrize(
    "text, cluster_name",
    [
        ("how much does a pastry chef make", "Hospitality and Tourism"),
        ("how much do nurses make", "Health Science"),
        ("what does a truck driver earn", "Transportation, Distribution and Logistics"),
    ],
)
def test_jobs_of_other_clusters_keep_their_pointer(knowledge, text, cluster_name):
    reply = roles.answer(turn(knowledge, "ask_pay", text), "pay")
    assert f"part of the {cluster_name} career cluster" in reply.text and "$" not in reply.text


def test_closest_roles_never_join_look_alikes(knowledge):
    assert "automation_engineer" not in scope.closest_roles(knowledge, ["automotive"])
    assert "robotics_technician" not in scope.closest_roles(knowledge, ["automated"])


def test_automotive_engineer_is_asked_not_guessed(knowledge, kb):
    reply = roles.answer(turn(knowledge, "ask_pay", "how much do automotive engineers make"), "pay")
    assert reply.text == "Which of these jobs do you mean?"
    assert reply.buttons[0].payload == '/ask_pay{"role": "manufacturing_engineer"}'  # automotive's engineer first
    assert money(role(kb, "automation_engineer").median_pay.annual_usd) not in reply.text


def test_follow_up_pay_in_other_words_keeps_the_role(knowledge, kb):
    for text in ("what's the typical income?", "and the paycheck?", "what's the salary range"):
        reply = roles.answer(turn(knowledge, "ask_pay", text, slots={"role": "machinist"}), "pay")
        assert pay_line(kb, role(kb, "machinist").median_pay) in reply.text, text
    reply = about.what_about(
        turn(
            knowledge,
            "what_about",
            "and what's the paycheck like for welders",
            slots={"role": "machinist", "last_aspect": "skills"},
        )
    )
    assert pay_line(kb, role(kb, "welder").median_pay) in reply.text


def test_a_title_word_that_looks_like_an_industry_word_is_not_an_industry_question(knowledge, kb):
    reply = cluster.sectors(turn(knowledge, "ask_sectors", "what does an industrial engineering technician do"))
    assert role(kb, "industrial_engineering_technician").summary in reply.text


@pytest.mark.parametrize(
    "intent, answer, text",
    [
        ("what_about", about.what_about, "and the paycheck?"),
        ("ask_about", about.about, "what about the money"),
        ("nlu_fallback", about.low_confidence, "how much money is that job"),
    ],
)
def test_pay_about_the_job_being_discussed_whatever_the_intent(knowledge, kb, intent, answer, text):
    reply = answer(turn(knowledge, intent, text, slots={"role": "machinist", "last_aspect": "overview"}))
    assert pay_line(kb, role(kb, "machinist").median_pay) in reply.text


def test_low_confidence_without_a_job_being_discussed_still_guesses_nothing(knowledge):
    reply = about.low_confidence(turn(knowledge, "nlu_fallback", "how much money is that job"))
    assert "$" not in reply.text


def test_a_job_word_we_lack_is_not_taken_for_a_misspelt_question_word(knowledge):
    # "chemist" looks like a typo of "chemistry" (a question word), but it names a job we lack
    links = knowledge.linker.link("how much does a chemist make")
    assert links.unknown_words == ["chemist"]
    reply = roles.answer(turn(knowledge, "ask_pay", "how much does a chemist make"), "pay")
    assert "I don't have that job" in reply.text and "Chemical technician" in reply.text


def test_a_known_job_wins_over_an_off_topic_guess(knowledge, kb):
    reply = about.outside_scope(turn(knowledge, "out_of_scope", "how much does a metallurgist make"))
    assert pay_line(kb, role(kb, "materials_engineer").median_pay) in reply.text
    assert "outside what I can help with" in about.outside_scope(turn(knowledge, "out_of_scope", "what's 2+2")).text
