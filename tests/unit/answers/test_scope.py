"""Scope (bot/answers/scope.py): what the assistant covers; a job we do not know gets the closest
ones we do know, never another job's facts."""

from __future__ import annotations

from bot.answers import scope
from bot.understanding.closest import closest_roles

from .conftest import turn


def test_closest_roles_never_join_look_alikes(knowledge):
    linker, kb = knowledge.reader.linker, knowledge.kb
    assert "automation_engineer" not in closest_roles(linker, kb, ["automotive"])
    assert "robotics_technician" not in closest_roles(linker, kb, ["automated"])


def test_unknown_job_keeps_the_discussed_job_as_a_button_but_gives_no_facts(knowledge):
    closest = knowledge.reader.read("how much does an astronaut make").closest
    answer = scope.unknown_role(knowledge, "welder", "pay", closest)
    assert answer.text.startswith("I don't have that job on my manufacturing list, so I can't give you facts about it.")
    assert "$" not in answer.text and "Welder" not in answer.text
    assert [b.title for b in answer.buttons][-2:] == ["Pay: Welder", "All roles"]
    assert answer.slots == {"last_aspect": "pay"}  # the job being discussed is not kept as the subject


def test_off_topic_questions_say_what_is_covered_and_other_careers_get_a_pointer(knowledge):
    answer = scope.out_of_scope(turn(knowledge, "out_of_scope", "what's the weather"))
    assert answer.text == f"That's outside what I can help with. {scope.covers()}"
    assert [b.payload for b in answer.buttons] == ["/ask_roles", "/ask_sectors", "/ask_pathways"]
    nurse = scope.out_of_scope(turn(knowledge, "out_of_scope", "how much do nurses make"))
    assert nurse.text.startswith("That job is part of the Health Science career cluster.")
    assert "https://www.careeronestop.org/" in nurse.text
