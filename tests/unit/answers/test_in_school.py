"""'Can I start in high school?' (bot/answers/in_school.py)."""

from __future__ import annotations

import pytest

from bot.answers import in_school, topics
from bot.render import cite
from bot.understanding.reading import cues_in

from .conftest import turn


@pytest.mark.parametrize(
    "text, asks",
    [
        ("can i do any of this in high school?", True),
        ("what can i do while i'm still in high school", True),
        ("como empiezo si todavia estoy en high school", True),
        ("what are my options after high school", False),
        ("how do i get started in manufacturing", False),
    ],
)
def test_a_question_about_now_in_high_school(text, asks):
    assert ("in_high_school" in cues_in(text)) is asks


def test_high_school_answer_lists_cte_dual_enrollment_groups_summer_and_tours(knowledge):
    a = topics.training(turn(knowledge, "ask_training", "can i start in high school"))
    kb = knowledge.kb
    assert a.text.startswith("Yes, you can start in high school:")
    for needed in ("CTE", "dual enrollment", "SkillsUSA", "Summer programs", "Manufacturing Day"):
        assert needed in a.text
    cte = next(t for t in kb.training if t.id == "cte")
    fact = cte.facts[0]
    assert f"{fact.statement} {cite(kb, fact.source, str(fact.year))}" in a.text
    assert fact.source in a.sources
    assert "Ask your school counselor which of these your school offers." in a.text


def test_a_parent_asking_in_spanish_hears_about_her_daughter(knowledge):
    a = in_school.high_school(turn(knowledge, "ask_training", "mi hija puede empezar en la prepa?"))
    assert a.text.startswith("Yes, your daughter can start in high school:")
    assert "Ask her school counselor which of these her school offers." in a.text
