"""Round 10 of #20 (reworded from the failures of the blind batches, which stay blind): the part
of a message that asks read before the part that tells (another sentence, a clause, a supposition
first), figures of speech that ask nothing ("dying to know"), whether there will still be work,
jobs like one named in other words, and an aspect guessed with none of its words."""

from __future__ import annotations

import pytest

from bot.understanding.aspects import asked_parts
from bot.understanding.reading import cues_in
from tests.unit.test_reading_own_words import decided


def guessed(knowledge, text: str, guess: str, then: str = "out_of_scope") -> str:
    """The intent settled on when the classifier's best guess is `guess` (0.6 to 0.7) and `then` next."""
    confidence = 0.7 if guess == "distress" else 0.6
    return decided(knowledge, text, [{"name": guess, "confidence": confidence}, {"name": then, "confidence": 0.25}])


@pytest.mark.parametrize(
    "text, asked",
    [
        ("My daughter wants to be a machinist. How much is the pay?", ["How much is the pay?"]),
        ("if she trains as a welder what would her salary be", ["what would her salary be"]),
        ("once i finish school could i still work as a cnc operator", ["could i still work as a cnc operator"]),
        ("what do welders make", []),  # the whole message asks
        ("when do machinists start", []),  # nothing supposed before the question
    ],
)
def test_the_part_that_asks(text, asked):
    assert asked_parts(text) == asked


@pytest.mark.parametrize(
    "text, aspect",
    [
        # the question after the sentence that tells, read on the message as typed
        ("My nephew wants to become a woodworker. What's the salary like?", "pay"),
        # a supposition first, the question after it, with no comma between
        ("if i do the machining program after school what would my paycheck be", "pay"),
        ("if i trained as a boilermaker would i still find work in ten years", "outlook"),
        # figures of speech that look like safety or outlook words
        ("i'm dying to find out what machinists really earn", "pay"),
        ("dead serious question: what do cnc operators get paid", "pay"),
        # whether there will still be work
        ("are welders still gonna be needed when i graduate", "outlook"),
        ("will there be openings for machinists later on", "outlook"),
        # jobs like the one named
        ("if woodworking doesn't pan out what careers are similar to it", "related"),
        ("something in the same family as a machinist maybe", "related"),
        ("something like welding but not exactly welding", "related"),
        # the job asked first in two questions
        ("whats a logistician do and how much school is it", "overview"),
        ("what's a cad drafter and how much do they make", "overview"),
        # training, not what the job does
        ("what would i need to do to become a welder", "education"),
    ],
)
def test_the_aspect_asked(knowledge, text, aspect):
    assert knowledge.reader.read(text).aspect == aspect


def test_figures_of_speech_are_no_cue():
    assert "safety" not in cues_in("im dying to know what they make")
    assert "safety" in cues_in("are people dying in factories")


@pytest.mark.parametrize(
    "text, guess, intent",
    [
        # an aspect guessed with none of its words, the words asking another
        ("lol dead serious how much do welders bring home", "ask_outlook", "ask_pay"),
        ("what do machinists actually earn", "ask_skills", "ask_pay"),
        # an aspect guessed with its words stays
        ("is welding growing and what does it pay", "ask_outlook", "ask_outlook"),
    ],
)
def test_round_ten_readings(knowledge, text, guess, intent):
    assert guessed(knowledge, text, guess) == intent


def test_a_senior_asking_what_to_do_while_still_at_school_is_no_crisis(knowledge):
    """A question about the months left at school, in Spanish (it got the crisis reply)."""
    text = "ya soy senior y me quedan pocos meses, que hago mientras sigo en la escuela"
    assert guessed(knowledge, text, "distress") != "distress"
    assert "in_high_school" in knowledge.reader.read(text).cues
    # a crisis at school stays one
    crisis = "ya no aguanto mas la escuela, me quiero morir"
    assert guessed(knowledge, crisis, "distress") == "distress"


@pytest.mark.parametrize(
    "text, guess, intent",
    [
        # where the figures come from, asked in a teacher's words or doubting them
        ("which sources are the wages from? i want to cite them for my class", "ask_for_staff", "ask_source"),
        ("are those stats even real", "bot_challenge", "ask_source"),
        # a teacher asking what the assistant covers
        ("I'm a science teacher. What topics does this tool handle?", "ask_training", "ask_for_staff"),
        # "this bot" alone is no talk of keeping a chat
        ("can i put this chatbot on my classroom page", "ask_for_staff", "ask_for_staff"),
        ("what's this bot for anyway", "ask_privacy", "ask_capabilities"),
        ("how do i use this? what should i type", "nlu_fallback", "ask_capabilities"),
        # whether it is a person
        ("am i chatting with a bot rn", "goodbye", "bot_challenge"),
        ("hold on, u r not a real person right", "nlu_fallback", "bot_challenge"),
        # leaving, the reason after; a hello that only says who is there
        ("gotta run, my bus is here", "ask_training", "goodbye"),
        ("Good morning, I'm a high school counselor.", "ask_counselor", "greet"),
        # a condition or a doubt, and whether it stands in the way: a worry
        ("i'm deaf, would that stop me from working in a plant", "ask_automation", "share_worry"),
        ("english is not my first language, would that hurt my chances", "ask_outlook", "share_worry"),
        ("i dont think i could handle engineering school", "share_worry", "share_worry"),
        # a belief about who the work is for, not a job described
        ("manufacturing is only for people who couldn't make it to college", "ask_education", "ask_myth"),
        ("plants are for kids who aren't smart enough for college", "ask_about", "ask_myth"),
    ],
)
def test_round_ten_questions_about_the_assistant_and_doubts(knowledge, text, guess, intent):
    assert guessed(knowledge, text, guess, then="share_worry") == intent


@pytest.mark.parametrize(
    "text",
    [
        # the classifier's `distress` guess on school and job talk (blind batches 13, conversations 11
        # and Spanish 4, reworded): a parent saying who they are, studying, an advisor, starting
        # while in high school, a licence for a machine, the school year with something to do
        "Hi, I'm a mom of two high schoolers.",
        "our quiz is tomorrow, can you help me study",
        "can i talk to my academic advisor about this",
        "could she begin an apprenticeship while she's still in high school",
        "do you need a license to operate a forklift",
        "estoy en 10mo, que puedo hacer desde ya pa ir avanzando",
    ],
)
def test_school_and_job_talk_is_no_crisis(knowledge, text):
    assert guessed(knowledge, text, "distress") != "distress"


@pytest.mark.parametrize(
    "text",
    [
        "estoy en el garaje con el carro prendido y la puerta cerrada",
        "standing on the bridge rn and idk why im texting a bot",
        "estoy en 10mo y ya no quiero vivir",
    ],
)
def test_a_crisis_near_those_words_stays_one(knowledge, text):
    assert guessed(knowledge, text, "distress") == "distress"
