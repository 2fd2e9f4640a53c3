"""'Tell me about X', 'what about X?', cluster questions, off-topic and unsure messages
(bot/answers/about.py): the kind of thing named decides the answer; nothing named is guessed."""

from __future__ import annotations

import pytest

from bot.answers import about
from bot.answers.turn import Turn
from bot.render import pay_line
from tests.conftest import role

from .conftest import turn


def test_cluster_question_asking_for_a_list_gets_the_list(knowledge, kb):
    reply = about.cluster_question(turn(knowledge, "ask_cluster", "which sectors does the cluster include"))
    assert all(s.name in reply.text for s in kb.sectors)
    reply = about.cluster_question(turn(knowledge, "ask_cluster", "what pathways does the cluster have"))
    assert all(p.name in reply.text for p in kb.pathways)
    assert kb.cluster.summary in about.cluster_question(turn(knowledge, "ask_cluster", "what is manufacturing")).text


def test_cluster_question_naming_a_topic_answers_the_topic(knowledge, kb):
    gdp = next(e for e in kb.economy if e.id == "gdp_share")
    assert about.cluster_question(
        Turn(knowledge, "ask_cluster", "whats the gdp thing for manufacturing")
    ).text.startswith(gdp.statement)
    assert about.cluster_question(Turn(knowledge, "ask_cluster", "what is manufacturing")).text.startswith(
        "Manufacturing career cluster"
    )


def test_advanced_manufacturing_asked_as_a_cluster_question_gets_the_definition(knowledge):
    answer = about.cluster_question(Turn(knowledge, "ask_cluster", "What does advanced manufacturing mean"))
    assert answer.text.startswith("Advanced manufacturing: Making things with new technology.")
    assert "(Manufacturing USA)" in answer.text and "manager" not in answer.text.lower()


def test_plain_cluster_question_still_describes_the_cluster(knowledge):
    answer = about.cluster_question(Turn(knowledge, "ask_cluster", "what is manufacturing"))
    assert "career cluster" in answer.text.splitlines()[0]


def test_unknown_job_asked_about_gets_the_closest_too(knowledge):
    reply = about.about(turn(knowledge, "ask_about", "what does a warehouse clerk do"))
    assert "I don't have that job" in reply.text and "Forklift operator" in reply.text


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


def test_a_known_job_wins_over_an_off_topic_guess(knowledge, kb):
    reply = about.outside_scope(turn(knowledge, "out_of_scope", "how much does a metallurgist make"))
    assert pay_line(kb, role(kb, "materials_engineer").median_pay) in reply.text
    assert "outside what I can help with" in about.outside_scope(turn(knowledge, "out_of_scope", "what's 2+2")).text
