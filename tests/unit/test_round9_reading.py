"""Round 9 of #20 (reworded from the failures of the blind batches, which stay blind): a bare job
word narrowed by its neighbour or by the other words, two jobs sharing a last word, lists asked
for by name, the quickest start in everyday words, a myth guess with no belief stated, a finder
guess for a filtered list, and names of our subjects that are no crisis."""

from __future__ import annotations

import pytest

from tests.unit.test_reading_own_words import decided


@pytest.mark.parametrize(
    "text, roles",
    [
        # a bare "tech" or "engineer" narrowed by the word beside it, typos included
        ("robotic tech vs aerospace tech", ["robotics_technician", "aerospace_engineering_technician"]),
        ("automaton engineer salary", ["automation_engineer"]),
        ("is an industrial tech a good job", ["industrial_engineering_technician"]),
        # two jobs sharing their last word
        ("she can't pick between materials and chemical engineering", ["materials_engineer", "chemical_engineer"]),
        # narrowed among the jobs a bare word can mean, by what the other words describe
        ("what do designers earn who decide how kitchen tools and toys look", ["industrial_designer"]),
        ("pay for the workers who run the dough mixers at a snack factory", ["food_processing_worker"]),
        # nothing to narrow with: the choice is left to the student
        ("what does an engineer make", []),
        # a job we do not cover stays one ("lab tech" is near the chemical technician)
        ("what do lab techs make", []),
    ],
)
def test_a_bare_job_word_is_narrowed_by_the_words_around_it(knowledge, text, roles):
    assert knowledge.reader.read(text).ids("role") == roles


def test_a_narrowed_industry_word_is_taken_into_the_job(knowledge):
    reading = knowledge.reader.read("aerospace tech pay")
    assert reading.ids("role") == ["aerospace_engineering_technician"] and not reading.ids("sector")


@pytest.mark.parametrize(
    "text, guess, intent",
    [
        # lists asked for by name
        ("wat industrys are there", "ask_cluster", "ask_sectors"),
        ("apart from cars, which other industries do you cover", "ask_about", "ask_sectors"),
        ("please list the industries you know for my handout", "ask_myth", "ask_sectors"),
        ("just show me all the jobs you have", "ask_cluster", "ask_roles"),
        ("jobs in aerospace", "ask_sectors", "explore_roles"),  # an industry's jobs, not the list
        # the quickest start, in everyday words
        ("i need a paycheck asap, what can i do", "ask_myth", "ask_quick_start"),
        ("what places hire right out of high school", "explore_roles", "ask_quick_start"),
        # a myth guess with no belief stated: the words decide
        ("not asking about pay, are welding jobs growing", "ask_myth", "ask_outlook"),
        ("factory work is a dead end", "ask_myth", "ask_myth"),  # a belief stated
        # a finder guess for a list filtered by an industry or by no degree
        ("if i went to work at a car plant what jobs could i do", "start_career_finder", "explore_roles"),
        ("my kid won't go to college, what jobs could she get", "start_career_finder", "explore_roles"),
        ("what jobs could i do", "start_career_finder", "start_career_finder"),
        ("i like fixing bikes, what job fits me", "start_career_finder", "start_career_finder"),
        # one job named, weighed against the one discussed
        ("and welders? who makes more", "what_about", "compare_roles"),
        # pay in other words
        ("what do plant managers pull in a year", "ask_about", "ask_pay"),
        # words of our subjects are no crisis: a technology asked about, a job one would rather have
        ("what's a cobot? my student asked and i blanked", "distress", "ask_automation"),
        ("she says she'd rather be a dentist", "distress", "out_of_scope"),
        ("honestly i just want to make video games", "distress", "out_of_scope"),
        ("i'd rather be dead", "distress", "distress"),
    ],
)
def test_round_nine_readings(knowledge, text, guess, intent):
    ranking = [{"name": guess, "confidence": 0.6}, {"name": "out_of_scope", "confidence": 0.3}]
    assert decided(knowledge, text, ranking) == intent
