"""Who an answer is about: a parent's child or the student (bot/answers/audience.py)."""

from __future__ import annotations

import pytest

from bot.answers import worries
from bot.answers.audience import reader_of
from bot.understanding.reading import family_in

from .conftest import said


@pytest.mark.parametrize(
    "text, child, they",
    [
        ("my daughter wants to be a welder, how much does it cost", "your daughter", "she"),
        ("My son likes robots", "your son", "he"),
        ("mi hija quiere ser soldadora", "your daughter", "she"),
        ("¿Mi hijo puede trabajar en una fábrica?", "your son", "he"),
        ("I'm a mom and my kids ask about factories", "your child", "they"),
        ("my son and my daughter both like welding", "your child", "they"),
    ],
)
def test_a_parent_writes_about_their_child(text, child, they):
    reader = reader_of(family_in(text))
    assert reader.parent and reader.child == child and reader.they == they


@pytest.mark.parametrize("text", ["what do welders earn", "my students ask about pay", "my mom says no", ""])
def test_everyone_else_is_the_student(text):
    reader = reader_of(family_in(text))
    assert not reader.parent and (reader.child, reader.counselor()) == ("you", "your school counselor")


def test_a_parent_is_not_told_to_tell_an_adult_at_school(knowledge):
    a = worries.answer(said(knowledge, "my daughter is a girl who wants to weld, will guys be mean to her"))
    assert "Tell an adult at school" not in a.text
    assert "Talk with her school." in a.text
    assert "can help you and your daughter make a plan" in a.text


def test_a_student_still_is(knowledge):
    a = worries.answer(said(knowledge, "i'm a girl, can i weld?"))
    assert "Tell an adult at school." in a.text
    assert "can help you make a plan" in a.text


def test_a_parent_torn_about_college_gets_words_for_a_parent(knowledge):
    a = worries.answer(said(knowledge, "my son wants to weld but his dad expects college"))
    assert a.text.startswith("It's natural to want the best for your son.")
