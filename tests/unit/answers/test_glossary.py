"""Definitions (bot/answers/glossary.py): "what does X mean?" finds the glossary term by name, alias or
typo, in plain words."""

from __future__ import annotations

import pytest

from bot.answers import about
from bot.answers.turn import Turn
from bot.knowledge.loader import load
from bot.knowledge.problems import KnowledgeError

TERMS = [
    "advanced_manufacturing",
    "median_pay",
    "job_outlook",
    "apprenticeship",
    "cte",
    "career_pathway",
    "certification",
    "associate_degree",
    "bachelors_degree",
    "on_the_job_training",
    "osha_10",
    "dual_enrollment",
    "certificate",
    "pell_grant",
]


def define(knowledge, text, intent="ask_definition", **kw):
    return about.define(Turn(knowledge, intent, text, **kw))


@pytest.mark.parametrize(
    "text, term_id",
    [
        ("what does advanced manufacturing mean", "advanced_manufacturing"),
        ("what is a median salary", "median_pay"),
        ("what's CTE", "cte"),
        ("what does median mean?", "median_pay"),
        ("what do they mean by job outlook", "job_outlook"),
        ("what are apprenticeships", "apprenticeship"),
        ("what's an associate's degree", "associate_degree"),
        ("whats a bachelors degree", "bachelors_degree"),
        ("what does on-the-job training mean", "on_the_job_training"),
        ("what is OJT", "on_the_job_training"),
        ("define certification", "certification"),
        ("what is a career pathway", "career_pathway"),
        ("what does apprentiship mean", "apprenticeship"),  # typo
        ("what does medain pay mean", "median_pay"),  # typo
    ],
)
def test_finds_term_by_name_alias_or_typo(knowledge, text, term_id):
    assert knowledge.reader.read(text).term == term_id


def test_definition_answer_is_sourced_and_plain(knowledge, kb):
    answer = define(knowledge, "what is a median salary")
    term = next(t for t in kb.glossary if t.id == "median_pay")
    assert answer.text == f"Median pay: {term.definition} (BLS)"
    assert answer.sources == ["bls_ted_median_wage"]
    assert answer.buttons[0].payload == "/ask_pay"


def test_unknown_word_offers_known_ones(knowledge):
    answer = define(knowledge, "what does synergy mean")
    assert answer.text.startswith("I don't have that word in my list yet.")
    assert [b.title for b in answer.buttons] == ["Median pay", "Job outlook", "Apprenticeship", "CTE"]
    assert all(b.payload.startswith("what does ") for b in answer.buttons)


@pytest.mark.parametrize(
    "question, term_id",
    [
        ("what is osha 10", "osha_10"),
        ("what's an osha card", "osha_10"),
        ("what is a pell grant", "pell_grant"),
        ("is a certificate the same as a certification", "certificate"),
        ("what does concurrent enrollment mean", "dual_enrollment"),
    ],
)
def test_words_met_when_leaving_school(knowledge, question, term_id):
    term = next(t for t in knowledge.kb.glossary if t.id == term_id)
    assert term.definition in define(knowledge, question).text


def test_a_role_named_instead_gets_described(knowledge):
    answer = define(knowledge, "what does machinist mean")
    assert answer.text.startswith("Machinist")


def test_every_term_is_present_sourced_and_short(kb):
    assert [t.id for t in kb.glossary] == TERMS
    for term in kb.glossary:
        assert term.source in kb.meta.sources
        sentences = [s for s in term.definition.replace("e.g.", "").split(". ") if s]
        assert all(len(s.split()) <= 20 for s in sentences), term.id  # short sentences


def test_glossary_name_used_twice_is_an_error(raw_knowledge, write_knowledge):
    raw_knowledge["glossary"][4]["aliases"].append("Median")  # cte, after median_pay
    with pytest.raises(KnowledgeError) as caught:
        load(write_knowledge(raw_knowledge))
    assert "entry glossary[cte], field aliases: 'Median' is also a name of glossary[median_pay]" in [
        p.describe() for p in caught.value.problems
    ]


def test_glossary_source_and_fields_are_checked(raw_knowledge, write_knowledge):
    raw_knowledge["glossary"][0]["source"] = "nowhere"
    raw_knowledge["glossary"][2].pop("definition")
    with pytest.raises(KnowledgeError) as caught:
        load(write_knowledge(raw_knowledge))
    found = [p.describe() for p in caught.value.problems]
    assert "entry glossary[job_outlook], field definition: this required field is missing" in found


def test_a_misread_question_without_a_definition_word_is_not_answered_as_one(knowledge):
    ranking = [{"name": "ask_definition", "confidence": 0.39}, {"name": "explore_roles", "confidence": 0.3}]
    answer = define(knowledge, "what jobs don't need a degree", intent_ranking=ranking)
    # The unsure button for a no-degree question asks for exactly that (bot/kinds.py).
    assert "word" not in answer.text and "jobs without a college degree" in [b.payload for b in answer.buttons]
