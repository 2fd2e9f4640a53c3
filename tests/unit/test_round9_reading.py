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
        ("whats the difference between that and a welder", "ask_skills", "compare_roles"),
        # pay in other words
        ("what do plant managers pull in a year", "ask_about", "ask_pay"),
        # words of our subjects are no crisis: a technology asked about, a job one would rather have
        ("what's a cobot? my student asked and i blanked", "distress", "ask_automation"),
        ("she says she'd rather be a dentist", "distress", "out_of_scope"),
        ("honestly i just want to make video games", "distress", "out_of_scope"),
        ("i'd rather be dead", "distress", "distress"),
        ("y eso sigue creciendo o ya no hay demanda?", "distress", "out_of_scope"),  # job talk, in Spanish
        ("ya no quiero seguir, no veo futuro", "distress", "distress"),
        # "la que" is everyday Spanish, never a job described beside a threat
        ("hay un chavo con una lista de gente a la que va a disparar", "distress", "distress"),
        # what else is like a job
        ("what else is kinda like being a welder", "ask_about", "ask_related_roles"),
    ],
)
def test_round_nine_readings(knowledge, text, guess, intent):
    ranking = [{"name": guess, "confidence": 0.6}, {"name": "out_of_scope", "confidence": 0.3}]
    assert decided(knowledge, text, ranking) == intent


@pytest.mark.parametrize(
    "text, unknown",
    [
        # a Spanish job word names the kind of job after it: a job we do not cover
        ("mi hija quiere ser ingeniera ambiental", True),
        ("que hace un operador de grua", True),
        # ours, named in full, or a bare job word left to choose
        ("cuanto gana un ingeniero mecanico", False),
        ("que estudia un ingeniero", False),
    ],
)
def test_a_spanish_job_word_before_an_unknown_kind_is_a_job_we_do_not_cover(knowledge, text, unknown):
    assert bool(knowledge.reader.read(text).unknown_jobs) is unknown


@pytest.mark.parametrize(
    "text, role",
    [
        # a job described in Spanish, read on the Spanish texts
        ("cuanto gana la persona que revisa que las piezas no tengan defectos", "quality_inspector"),
        ("los que pintan los carros en la planta, cuanto ganan", "painting_coating_worker"),
    ],
)
def test_a_job_described_in_spanish_is_found(knowledge, text, role):
    assert knowledge.reader.read(text).ids("role") == [role]


@pytest.mark.parametrize(
    "text, guess, intent",
    [
        # a pathway named, described, or asked of a job named or described
        ("tell me more about the process development one", "out_of_scope", "ask_pathways"),
        ("could you summarize the quality assurance pathway for my class", "ask_for_staff", "ask_pathways"),
        ("is there a pathway about keeping people from getting hurt", "ask_safety", "ask_pathways"),
        ("which pathway is the one where you repair broken machines", "ask_pathways", "ask_pathways"),
        ("which pathway is welding in", "ask_about", "ask_pathways"),
        ("what jobs are in the production pathway", "ask_roles", "explore_roles"),  # its jobs
    ],
)
def test_a_pathway_named_or_described(knowledge, text, guess, intent):
    ranking = [{"name": guess, "confidence": 0.6}, {"name": "out_of_scope", "confidence": 0.3}]
    assert decided(knowledge, text, ranking) == intent


def test_a_pathway_is_found_by_what_it_is_about(knowledge):
    assert knowledge.reader.read("the pathway where you keep workers safe and healthy").ids("pathway") == [
        "health_safety_environment"
    ]
    assert not knowledge.reader.read("what pathway is welding in").ids("pathway")  # the job's, not described
