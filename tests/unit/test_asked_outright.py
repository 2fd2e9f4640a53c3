"""Questions asked in so many words that the classifier misread (round 8 of #20; reworded from the
blind batches, which stay blind): cost, safety, high school, another cluster's job to become, a job
we do not cover, leaving, the education of the job discussed, a term told apart from another, and
what the named topic is (bot/understanding/guesses.py `_asked_outright`, `_topic_asked`)."""

from __future__ import annotations

import pytest

from tests.unit.test_reading_own_words import decided


@pytest.mark.parametrize(
    "text, guess, intent",
    [
        # cost, beside a word of pay or a definition
        ("would my son have to pay for the apprenticeship", "ask_pay", "ask_cost"),
        ("is there financial aid for trade school", "nlu_fallback", "ask_cost"),
        ("how much money does a pell grant give you", "ask_definition", "ask_cost"),
        ("what is a pell grant", "ask_definition", "ask_definition"),  # the word itself
        ("how much do welders get paid", "ask_pay", "ask_pay"),  # pay, not cost
        # safety, not a myth, the economy or a worry
        ("is machining actually risky or am i overthinking it", "ask_myth", "ask_safety"),
        ("how does the injury rate of factories compare to other jobs", "ask_economy", "ask_safety"),
        ("factories are dirty and dangerous", "ask_myth", "ask_myth"),  # a belief stated
        ("what schooling for a health and safety engineer", "ask_education", "ask_education"),
        # in high school, asked of the assistant's "what can you do"
        ("what should i do in 10th grade to get ready for this", "ask_capabilities", "ask_training"),
        ("voy en noveno grado, que puedo hacer para prepararme", "ask_capabilities", "ask_training"),
        ("mi hija tiene 16, que puede hacer desde ya en la escuela", "ask_education", "ask_training"),
        # the education of the job discussed, not the no-degree list
        ("could i become that without a degree", "explore_roles", "ask_education"),
        # a job of another cluster to become: the off-topic answer, which names that job's cluster
        ("i want to become a pharmacist, can you help", "ask_capabilities", "out_of_scope"),
        ("i'm a science teacher, what can you do", "ask_capabilities", "ask_capabilities"),
        # a job we do not cover, asked about
        ("got anything about cnc programmers", "bot_challenge", "ask_about"),
        # leaving
        ("ugh my brain hurts lol gotta go, bye", "share_worry", "goodbye"),
        # a follow-up aspect read as weighing a figure
        ("how many years of school does that take", "judge_figure", "ask_education"),
        # small talk said, nothing asked
        ("thanks so much, my class will love this.", "ask_for_staff", "thank"),
        ("Hi there, I'm a grandparent.", "ask_cluster", "greet"),
        ("hi, what do welders make", "ask_pay", "ask_pay"),
        # what machines do to jobs, with no feeling and no belief stated
        ("how is automation changing factory jobs", "ask_economy", "ask_automation"),
        ("i'm scared robots will replace me", "share_worry", "share_worry"),
        # the list of pathways
        ("no, the pathways. what are they", "ask_definition", "ask_pathways"),
        # another cluster's job, its pay asked
        ("forget factories, what do lawyers make", "ask_sectors", "out_of_scope"),
        # a fit asked for, beside a job described
        ("i hate sitting at a desk, what would suit me", "inform_finder", "start_career_finder"),
        # the counselor, by a misspelt name or as a person to talk to
        ("let my counsler know im into welding", "start_career_finder", "ask_counselor"),
        ("is there an actual human i can talk to", "bot_challenge", "ask_counselor"),
        # a counselor's data question is the staff answer, which says what counselors see
        ("can teachers see what my students type here", "ask_privacy", "ask_for_staff"),
        ("do you sell student data", "ask_privacy", "ask_privacy"),
        ("could i put the chat widget on our google classroom page", "ask_privacy", "ask_for_staff"),
        # one job set beside the one discussed, read as weighing a figure
        ("how does that stack up against a welder", "judge_figure", "compare_roles"),
        # what the named topic is
        ("what's osha 10", "ask_automation", "ask_definition"),
        ("certificate or certification, what's the difference", "ask_certifications", "ask_definition"),
    ],
)
def test_what_is_asked_outright_overrules_a_misreading(knowledge, text, guess, intent):
    ranking = [{"name": guess, "confidence": 0.6}, {"name": "nlu_fallback", "confidence": 0.1}]
    assert decided(knowledge, text, ranking) == intent


def test_a_factory_in_spanish_is_no_fabric(knowledge):
    assert not knowledge.reader.read("trabajos en una fabrica cerca").ids("sector")


def test_a_misspelt_name_never_cuts_a_named_job_in_half(knowledge):
    reading = knowledge.reader.read("whats a manufacturing engineer do")
    assert reading.ids("role") == ["manufacturing_engineer"] and not reading.ids("economy")


def test_the_speakers_own_job_is_not_asked_about(knowledge):
    assert not knowledge.reader.read("I teach shop class. What is the manufacturing cluster?").ids("other_career")
    assert knowledge.reader.read("my son wants to be a teacher").ids("other_career")
