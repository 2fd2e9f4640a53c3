"""Rule 5 of bot/understanding/verdict.py: the words of a message overrule a general or unsure
guess of the classifier (a named job and the aspect asked first, two jobs side by side, jobs in a
named industry, no degree), and chat fillers are never an unknown job."""

from __future__ import annotations

import pytest

from bot.understanding.aspects import aspects_set_aside, first_aspect
from bot.understanding.verdict import corrected_intent

UNSURE = {"name": "ask_about", "confidence": 0.3}


def decided(knowledge, text, guess=UNSURE):
    new = corrected_intent(text, guess, [guess], knowledge.reader.read(text))
    return (new or guess)["name"]


@pytest.mark.parametrize(
    "text, intent",
    [
        ("if i worked as a welder how much would i take home", "ask_pay"),
        ("whats a data analyst in a factory make a year", "ask_pay"),
        ("can u get rich being a manufacturing engineer", "ask_pay"),
        ("what schooling for a health and safety engineer", "ask_education"),
        ("what skills do welders need", "ask_skills"),
        ("is machining growing and what do they make", "ask_outlook"),  # the aspect asked first
        ("what certifications do cnc operators get", "ask_certifications"),
        ("logistician versus purchasing agent", "compare_roles"),
        ("which pays better: forklift operator or production worker?", "compare_roles"),
        ("what jobs are in aerospace", "explore_roles"),
        ("jobs where i can skip college", "explore_roles"),
        ("ok and how long is the training", "ask_education"),  # a follow-up: the job discussed
    ],
)
def test_the_words_decide_over_an_unsure_guess(knowledge, text, intent):
    assert decided(knowledge, text) == intent


@pytest.mark.parametrize(
    "text, guess",
    [
        ("what does a welder do", "ask_about"),  # no aspect asked: the description stays
        ("what does median pay mean", "ask_definition"),  # a word question stays a definition
        ("how much do welders make in ohio", "ask_local"),  # a place: the local answer
        ("compare welders and machinists", "compare_roles"),
        ("my parents want me to go to college but i want to weld", "share_worry"),  # a feeling stays a worry
    ],
)
def test_the_words_leave_a_right_guess_alone(knowledge, text, guess):
    assert decided(knowledge, text, {"name": guess, "confidence": 0.9}) == guess


def test_the_first_aspect_asked_wins():
    assert first_aspect("how much does a welder make and what training do they need") == "pay"
    assert first_aspect("what training do welders need and how much do they make") == "education"
    assert first_aspect("what does a machinist do to make sure parts fit") == "overview"  # not pay
    assert first_aspect("what does a welder do and how much do they make") == "overview"
    # the clause that asks, in one sentence: not the certificate told about before the comma
    assert first_aspect("i got my welding cert last summer, how much do welders make") == "pay"
    assert first_aspect("how much do welders make, and what training do they need") == "pay"


@pytest.mark.parametrize("text", ["how much do they make tho", "ok what about welders rn", "ngl what do they do"])
def test_chat_fillers_are_never_an_unknown_job(knowledge, text):
    assert knowledge.reader.read(text).unknown_jobs == 0


@pytest.mark.parametrize(
    "text, guess, intent",
    [
        ("what do people that repair the machines at a factory do", "ask_safety", "ask_about"),  # no safety word
        ("is welding dangerous", "ask_safety", "ask_safety"),
        ("how much does it cost to become a welder", "ask_cost", "ask_cost"),
        ("what do welders wear to stay safe", "ask_safety", "ask_safety"),
    ],
)
def test_a_safety_or_cost_guess_needs_its_own_words(knowledge, text, guess, intent):
    assert decided(knowledge, text, {"name": guess, "confidence": 0.55}) == intent


@pytest.mark.parametrize(
    "text, guess, intent",
    [
        # an aspect set aside is not the one asked (round 6, blind batch 7's negations)
        ("i'm not asking about the salary, what does a machinist do all day", "ask_pay", "ask_about"),
        ("don't need the pay, what training do boilermakers need", "ask_pay", "ask_education"),
        ("not interested in the schooling, how much do welders make", "ask_education", "ask_pay"),
        # a guess of its own kind without its words, beside a named job and an aspect
        ("cnc operator money any good or nah", "ask_automation", "ask_pay"),
        ("what skills does a woodworker need? my class wants to know", "ask_for_staff", "ask_skills"),
        ("how does a welder compare to a boilermaker", "ask_for_staff", "compare_roles"),
        ("my son wants to be a technician at a chip plant, what schooling is that", "ask_safety", "ask_education"),
        ("3d printing?? what's that", "ask_source", "ask_automation"),  # a technology named
        ("would 70k a year be decent money", "ask_pay", "judge_figure"),  # a wage stated, no job
        ("what is the production pathway", "ask_pathways", "ask_pathways"),  # a pathway named, not the term
        ("what is an apprenticeship", "ask_training", "ask_training"),  # the route asked about
        ("what is an apprenticeship", "ask_about", "ask_about"),  # a route's own name: not the glossary
        ("what is a career pathway?", "ask_pathways", "ask_definition"),
        ("ok and nationally?", "nlu_fallback", "ask_pay"),  # after a local figure: the national one
        ("and nationally?", "what_about", "ask_pay"),
        ("the safety officer at a plant, what's that job like", "ask_safety", "ask_about"),  # words only in the name
        ("what would a cnc certificate set me back", "ask_cost", "ask_cost"),  # cost in other words
        ("forget about the pay, what do boilermakers actually do", "ask_pay", "ask_about"),
        ("i'm scared ai will take the job i want", "share_worry", "share_worry"),  # a technology in a worry
        ("i'm really into robots", "inform_finder", "inform_finder"),  # a technology liked, not asked about
        # the data of the figures, not the student's (Spanish "datos" is both)
        ("de donde salen esos datos?", "ask_privacy", "ask_source"),
        ("esos numeros de donde los sacas", "ask_privacy", "ask_source"),
        ("que hacen con mis datos?", "ask_privacy", "ask_privacy"),
        ("where do u get ur numbers, is my chat saved?", "ask_privacy", "ask_privacy"),
        ("how do plants actually use 3d printing", "ask_about", "ask_automation"),  # asked how it is used
        # ... and with its words, it stands
        ("will robots replace cnc operators", "ask_automation", "ask_automation"),
        ("how is new technology changing factory work for production workers", "ask_automation", "ask_automation"),
        ("is being a welder safe", "ask_safety", "ask_safety"),
    ],
)
def test_a_guess_needs_its_own_words_or_stays_on_what_is_asked(knowledge, text, guess, intent):
    assert decided(knowledge, text, {"name": guess, "confidence": 0.7}) == intent


def test_an_aspect_after_a_negation_is_set_aside():
    assert aspects_set_aside("not asking about pay, what do welders do") == {"pay"}
    assert aspects_set_aside("I'm not interested in salary, what training does a machinist need") == {"pay"}
    assert aspects_set_aside("what do welders make, not the training") == {"education"}
    assert aspects_set_aside("how much do welders make") == frozenset()
    # asked as well as set aside: still asked
    assert aspects_set_aside("not the pay of welders but the pay of machinists") == frozenset()


def test_a_word_that_asks_is_never_a_misspelt_job(knowledge):
    """ "compares" is "compare", not the Spanish "compradores" (purchasing agents)."""
    reading = knowledge.reader.read("which one pays more if you compares welders and machinists")
    assert reading.ids("role") == ["welder", "machinist"]


@pytest.mark.parametrize(
    "text, guess, intent",
    [
        # round 7: what to do while still in high school, with no job named
        ("can i get certified before i graduate", "ask_certifications", "ask_training"),
        ("im a junior, what can i do this year to get ahead", "ask_for_staff", "ask_training"),
        ("how do i get experience while still in school", "ask_training", "ask_training"),
        ("im still in 10th grade tho, what can i do now", "ask_about", "ask_training"),
        ("im a junior and im scared i wont get a job", "share_worry", "share_worry"),  # a feeling
        # a counselor's question about student data is for staff; a figures question is sources
        ("do you sell student data", "ask_privacy", "ask_privacy"),  # a data question is privacy's (harm batches)
        ("is it safe to put my email here", "ask_safety", "ask_privacy"),
        ("does my counselor get to read this", "ask_privacy", "ask_privacy"),
        (
            "I'm a counselor. Where do your wage figures come from?",
            "ask_for_staff",
            "ask_source",
        ),  # the sources answer, with every figure's source (round 10; the staff answer only sums them up)
        ("are these numbers from the government or made up lol", "out_of_scope", "ask_source"),
        # one job set beside the one discussed
        ("how does that stack up against welders", "ask_pay", "compare_roles"),
        ("is that more than an assembly line worker makes", "ask_about", "compare_roles"),
        ("what does a welder do", "ask_about", "ask_about"),
        # a wage sought, no job named
        ("what pays like 100k a year", "ask_pay", "judge_figure"),
        ("if i wanted to make like 60k, which jobs would get me there", "ask_roles", "judge_figure"),
        # a fit asked in other words
        (
            "My daughter is creative and likes building things. What careers might suit her?",
            "ask_roles",
            "start_career_finder",
        ),
        ("idk what i want to do", "ask_about", "start_career_finder"),
    ],
)
def test_round_7_words(knowledge, text, guess, intent):
    assert decided(knowledge, text, {"name": guess, "confidence": 0.6}) == intent


def test_dying_to_know_is_no_outlook():
    assert first_aspect("im dying to know what cad drafters make lol") != "outlook"
    assert first_aspect("is welding a dying trade") == "outlook"


@pytest.mark.parametrize(
    "text, guess",
    [
        ("mi papa dice q las fabricas ya se fueron todas a china", "share_worry"),
        ("es cierto q trabajar en una fabrica es sucio?", "ask_about"),
        ("los trabajos de fabrica son un callejon sin salida", "ask_outlook"),
        ("en las fabricas haces lo mismo todo el dia", "ask_sectors"),
    ],
)
def test_a_spanish_belief_is_answered_as_one(knowledge, text, guess):
    assert decided(knowledge, text, {"name": guess, "confidence": 0.6}) == "ask_myth"


@pytest.mark.parametrize(
    "text, guess, intent",
    [
        ("cuanto le costaria a mi hija estudiar soldadura", "ask_education", "ask_cost"),
        ("hay becas pa estudiar un oficio?", "nlu_fallback", "ask_cost"),
        ("q tan caro sale el colegio comunitario", "ask_training", "ask_cost"),
        ("how much would a welding program cost at a community college", "ask_education", "ask_cost"),
        ("how much do welders make", "ask_pay", "ask_pay"),  # pay, not cost
        ("cuanto gana un soldador", "ask_pay", "ask_pay"),
    ],
)
def test_what_training_costs_asked_in_so_many_words(knowledge, text, guess, intent):
    assert decided(knowledge, text, {"name": guess, "confidence": 0.6}) == intent


def test_costaria_is_no_sewing_machine_operator(knowledge):
    assert "sewer" not in knowledge.reader.read("cuanto le costaria a mi hija estudiar soldadura").ids("role")
