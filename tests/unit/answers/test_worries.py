"""Worries get a kind answer with true facts and the counselor (bot/answers/worries.py)."""

from __future__ import annotations

import re

import pytest

from bot import schools
from bot.answers import worries
from bot.answers.safety_net import with_safety_net
from bot.phrases import say
from bot.render import cite

from .conftest import said as turn


@pytest.mark.parametrize(
    "text, topic",
    [
        ("my parents want me to go to college but i like hands-on work", "family"),
        ("college is too expensive", "cost"),
        ("i'm bad at math", "math"),
        ("i'm a girl, can i weld?", "girl"),
        ("my grades are bad", "grades"),
        ("i'm not smart enough", "grades"),
        ("will robots take my job", "robots"),
        ("i don't know what i want to do", "undecided"),
        ("i'm stressed about choosing", "undecided"),
        ("i'm afraid i'll get hurt in a factory", "safety"),
        ("i'm nervous", "general"),
    ],
)
def test_the_topic_comes_from_the_words(text, topic):
    assert worries.topic_of(text) == topic


def test_every_worry_answer_is_short_kind_and_points_to_the_counselor(knowledge):
    for topic, example in [
        ("family", "my dad expects college"),
        ("cost", "no money"),
        ("math", "math is hard"),
        ("girl", "only girl"),
        ("robots", "robots"),
        ("grades", "bad grades"),
        ("undecided", "no idea what to do"),
        ("safety", "is it dangerous"),
        ("general", "meh"),
    ]:
        answer = worries.answer(turn(knowledge, example))
        assert worries.topic_of(example) == topic
        assert "988" not in answer.text and "sorry you're going through" not in answer.text
        assert "counselor" in answer.text and len(answer.text) < 900, topic
        assert any(b.payload == "/ask_counselor" for b in answer.buttons) and len(answer.buttons) >= 2
        sentences = [s for s in re.split(r"[.!?:\n]", answer.text) if s.strip()]
        assert max(len(s.split()) for s in sentences) <= 30, topic  # plain words: short sentences


def test_facts_come_from_the_knowledge_file_with_their_source(knowledge):
    kb = knowledge.kb
    gap = next(e for e in kb.economy if e.id == "skills_gap")
    girl = worries.answer(turn(knowledge, "i'm the only girl in welding class"))
    assert f"{gap.statement} {cite(kb, gap.source, str(gap.year))}" in girl.text and girl.sources == [gap.source]
    family = worries.answer(turn(knowledge, "my parents want college"))
    assert "https://www.apprenticeship.gov/" in family.text and "paid" in family.text
    assert "welder" in family.text  # a job that starts with a high school diploma
    math = worries.answer(turn(knowledge, "i'm bad at math"))
    assert next(s for s in knowledge.roles["machinist"].skills if "math" in s.lower()) in math.text


def test_the_schools_counselor_is_named(knowledge):
    school = schools.lookup("demo")
    assert school is not None
    name, email = school.counselor.name, school.counselor.email
    assert name is not None and email is not None
    answer = worries.answer(turn(knowledge, "i'm worried", metadata={"school": "demo"}))
    assert name in answer.text and email in answer.text
    assert "Your school counselor" in worries.answer(turn(knowledge, "i'm worried")).text


def test_a_worry_that_sounded_like_distress_ends_with_the_988_line(knowledge):
    text = "i feel like my teachers already gave up on me"
    plain = worries.answer(turn(knowledge, text))
    netted = turn(knowledge, text, entities={"safety_net": "yes"})
    assert "988" not in plain.text
    assert with_safety_net(netted, worries.answer(netted)).text == f"{plain.text}\n\n{say('en', 'scope.safety_net')}"
    assert with_safety_net(turn(knowledge, text), plain) is plain
