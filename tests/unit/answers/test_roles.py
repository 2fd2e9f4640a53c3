"""Answers about one role (bot/answers/roles.py): a message that names a job is answered about
that job, pay asked in other words is a pay question, and a job we do not know gets the closest
ones we do know, never another job's facts. The answer functions are called directly,
with the intent the classifier might pick, including wrong ones."""

from __future__ import annotations

import pytest

from bot.answers import about, cluster, roles
from bot.answers.turn import Turn
from bot.render import money, pay_line
from bot.text import normalise
from tests.conftest import role

from .conftest import turn


@pytest.mark.parametrize(
    "intent, answer",
    [
        ("ask_sectors", cluster.sectors),
        ("ask_about", about.about),
        ("ask_cluster", about.cluster_question),
        ("ask_definition", about.define),
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


@pytest.mark.parametrize(
    "text, closest",
    [
        ("how much does an astronaut make", ["aerospace_engineer"]),
        ("how much does a warehouse worker make", ["forklift_operator"]),
        ("what's the salary of a fashion designer", ["industrial_designer", "cad_drafter"]),
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


@pytest.mark.parametrize(
    "text, closest",
    [
        ("how much does an astronaut make", "aerospace_engineer"),
        ("how much do stockers make", "forklift_operator"),
        ("how much does a tailor make", "sewer"),
        ("how much does a blacksmith make", "welder"),
        ("how much do chemists make", "chemical_technician"),
        ("what does a brewer make", "food_processing_worker"),
        ("how much does a fashion designer make", "industrial_designer"),
        ("what's the pay of a warehouse worker", "forklift_operator"),
        ("how much does a lab tech make", "chemical_technician"),
    ],
)
def test_a_job_we_do_not_cover_gets_the_closest_job_the_knowledge_file_names_first(knowledge, kb, text, closest):
    """Jobs we lack and their closest listed job are declared once, as a role's `near_names` in
    the knowledge file (they were a word list in code): named, they get "I don't have that job"
    with that job first, never its figures."""
    assert any(normalise(n) in normalise(text) for n in role(kb, closest).near_names)
    reply = roles.answer(turn(knowledge, "ask_pay", text, slots={"role": "machinist"}), "pay")
    assert reply.text.startswith("I don't have that job") and "$" not in reply.text
    assert reply.buttons[0].payload == f'/ask_pay{{"role": "{closest}"}}'
    assert "role" not in reply.slots


def test_every_near_name_gives_its_role_first(knowledge, kb):
    for r in kb.roles:
        for name in r.near_names:
            reading = knowledge.reader.read(f"how much does a {name} make")
            assert reading.unknown_jobs and reading.closest[0] == r.id, name
            assert reading.ids("role") == [], name


def test_unknown_job_with_nothing_close_offers_the_list(knowledge):
    reply = roles.answer(turn(knowledge, "ask_pay", "how much do zookeepers make"), "pay")
    assert "I don't have that job" in reply.text and "closest" not in reply.text
    assert reply.buttons[-1].payload == "/ask_roles"


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


def test_a_job_word_we_lack_is_not_taken_for_a_misspelt_question_word(knowledge):
    # "chemist" looks like a typo of "chemistry" (a question word), but it names a job we lack
    # (a near name of the chemical technician in the knowledge file)
    links = knowledge.reader.linker.link("how much does a chemist make")
    assert links.ids("near_role") == ["chemical_technician"] and links.unknown_words == []
    reply = roles.answer(turn(knowledge, "ask_pay", "how much does a chemist make"), "pay")
    assert "I don't have that job" in reply.text and "Chemical technician" in reply.text


def test_pay_question_naming_two_roles_is_answered_side_by_side(knowledge):
    answer = roles.answer(Turn(knowledge, "ask_pay", "who makes more a welder or a plant manager"), "pay")
    assert answer.text.startswith("Welder vs Factory manager")
    assert "At the median, a factory manager earns" in answer.text


@pytest.mark.parametrize(
    "current, text, expected",
    [
        ("mechanical_engineer", "how long does the tech one take", "mechanical_engineering_technician"),
        ("aerospace_engineering_technician", "and the engineer one?", "aerospace_engineer"),
    ],
)
def test_a_bare_job_word_after_a_job_is_its_sibling(knowledge, current, text, expected):
    """After the mechanical engineer, "the tech one" is the mechanical engineering technician."""
    reply = roles.answer(turn(knowledge, "ask_education", text, slots={"role": current}), "education")
    assert reply.slots["role"] == expected
