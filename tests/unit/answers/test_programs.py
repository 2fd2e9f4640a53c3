"""bot/answers/programs.py: the school's own programs, the "At <school>" line after a job's
description, and nothing invented for a school without programs; bot/understanding/verdict.py
rule 7 sends those questions there."""

from __future__ import annotations

import pytest
import yaml

from bot.answers import programs, roles
from bot.understanding.verdict import corrected_intent
from tests.unit.answers.conftest import turn

WELDING = "Welding I and II (CTE course): Two years of shop welding. https://lincoln.example.org/cte/welding"
REGISTRY = {
    "schools": [
        {
            "id": "lincoln-high",
            "name": "Lincoln High School",
            "counselor": {"name": "Ms. Rivera"},
            "programs": [
                {
                    "kind": "cte_course",
                    "name": "Welding I and II",
                    "description": "Two years of shop welding.",
                    "roles": ["welder"],
                    "link": "https://lincoln.example.org/cte/welding",
                },
                {
                    "kind": "apprenticeship",
                    "name": "Youth Apprenticeship in Machining",
                    "description": "Paid work at a machine shop in 12th grade.",
                    "roles": ["machinist", "cnc_operator"],
                },
                {"kind": "event", "name": "Plant tour", "description": "A factory visit in October."},
            ],
        },
        {"id": "quiet-high", "name": "Quiet High School"},
    ]
}
LINCOLN = {"school": "lincoln-high"}
QUIET = {"school": "quiet-high"}


@pytest.fixture(autouse=True)
def registry(tmp_path, monkeypatch):
    path = tmp_path / "schools.yml"
    path.write_text(yaml.safe_dump(REGISTRY), encoding="utf-8")
    monkeypatch.setenv("SCHOOLS_FILE", str(path))


def ask(knowledge, text, metadata=None, **kw):
    """The answer of the intent the question gets: a place question ("near me") is ask_local."""
    local = knowledge.reader.read(text).where is not None
    answer = programs.local if local else programs.training
    return answer(turn(knowledge, "ask_local" if local else "ask_training", text, metadata=metadata or {}, **kw))


def test_where_to_learn_a_job_nearby_lists_the_schools_programs_for_it(knowledge):
    a = ask(knowledge, "where can I learn welding around here?", LINCOLN)
    assert a.text.startswith("Programs at Lincoln High School that lead to welder jobs:\n• " + WELDING)
    assert "Open to every student curious about manufacturing:\n• Plant tour (event): A factory visit" in a.text
    assert "Machining" not in a.text
    assert "Ask Ms. Rivera how to sign up." in a.text
    assert a.slots == {
        "last_aspect": "training",
        "role": "welder",
        programs.SHOWN_SLOT: ["welding-i-and-ii", "plant-tour"],
    }


def test_help_with_that_means_the_job_being_discussed(knowledge):
    a = ask(knowledge, "what classes at my school help with that?", LINCOLN, slots={"role": "machinist"})
    assert "that lead to machinist jobs:\n• Youth Apprenticeship in Machining (registered apprenticeship): Paid" in (
        a.text
    )
    assert "Welding" not in a.text
    assert a.slots[programs.SHOWN_SLOT] == ["youth-apprenticeship-in-machining", "plant-tour"]


def test_a_job_named_in_everyday_words(knowledge):
    a = ask(knowledge, "does my school have anything for machining", LINCOLN)
    assert "lead to machinist jobs" in a.text and "Youth Apprenticeship in Machining" in a.text


def test_no_job_meant_lists_every_program(knowledge):
    a = ask(knowledge, "what programs does my school have", LINCOLN, slots={"role": "welder"})
    assert a.text.startswith("Programs at Lincoln High School:\n")
    for name in ("Welding I and II", "Youth Apprenticeship in Machining", "Plant tour"):
        assert name in a.text
    assert "role" not in a.slots and len(a.slots[programs.SHOWN_SLOT]) == 3


def test_an_industry_or_technology_named_means_its_jobs(knowledge):
    a = ask(knowledge, "any robotics classes near me?", LINCOLN)  # robots: robotics technicians ...
    assert a.text.startswith("Lincoln High School has not listed a program for industrial and collaborative robots.")
    assert "Welding I and II" in a.text  # then every program
    b = ask(knowledge, "what classes at my school are about 3d printing", LINCOLN)  # ... machinists
    assert b.text.startswith("Programs at Lincoln High School for additive manufacturing (3D printing):\n")
    assert "Youth Apprenticeship in Machining" in b.text and "Welding" not in b.text


def test_a_job_the_school_has_no_program_for_gets_the_usual_routes_and_no_invented_one(knowledge):
    a = ask(knowledge, "does my school have anything for quality inspectors", LINCOLN)
    assert a.text.startswith(
        "Lincoln High School has not listed a program that leads to quality control inspector jobs. "
        "Usual ways to start:"
    )
    assert "Getting started as a quality control inspector" in a.text  # the national routes, as before
    assert a.text.endswith(
        "Programs Lincoln High School has listed: Welding I and II; Youth Apprenticeship in Machining; Plant tour."
    )
    assert "https://lincoln" not in a.text


def test_a_school_without_programs_is_told_so_and_gets_the_national_routes(knowledge):
    a = ask(knowledge, "where can I learn welding around here?", QUIET)
    assert a.text.startswith("Quiet High School has not listed its programs with me, so I can't say what it offers.")
    assert "Getting started as a welder" in a.text
    assert programs.SHOWN_SLOT not in a.slots
    general = ask(knowledge, "what programs does my school have", QUIET)
    assert "has not listed its programs" in general.text and "Ways to get started in manufacturing" in general.text


@pytest.mark.parametrize("metadata", [{}, {"school": "nowhere-high"}, {"school": "<script>"}])
def test_without_a_known_school_the_answers_are_as_before(knowledge, metadata):
    near = ask(knowledge, "where can I learn welding around here?", metadata)
    assert "higher or lower where you live" in near.text  # the local answer, which asks for the place
    assert "Programs at" not in near.text and "has not listed" not in near.text
    mine = ask(knowledge, "does my school have anything for machining", metadata)
    assert mine.text.startswith("Getting started as a machinist")


def test_other_training_and_place_questions_are_unchanged(knowledge):
    a = ask(knowledge, "how do I get started", LINCOLN)
    assert a.text.startswith("Ways to get started in manufacturing:") and programs.SHOWN_SLOT not in a.slots
    pay = ask(knowledge, "how much do welders make near me", LINCOLN)
    assert "higher or lower where you live" in pay.text and programs.SHOWN_SLOT not in pay.slots
    jobs = ask(knowledge, "welding jobs near me", LINCOLN)
    assert "Programs at" not in jobs.text


def test_the_button_payload_asks_for_the_programs(knowledge):
    a = programs.training(
        turn(
            knowledge,
            "ask_training",
            "/ask_training",
            metadata=LINCOLN,
            entities={"role": "welder", "training": "school"},
        )
    )
    assert "Programs at Lincoln High School that lead to welder jobs" in a.text


def test_a_job_description_ends_with_the_schools_programs_for_it(knowledge):
    t = turn(knowledge, "ask_about", "what does a welder do", metadata=LINCOLN)
    a = programs.with_school_programs(t, roles.render(knowledge, ["welder"], "overview"))
    assert a.text.endswith("\n\nAt Lincoln High School: Welding I and II (CTE course).")
    assert a.buttons[0].title == "Programs at Lincoln High School"
    assert a.buttons[0].payload == '/ask_training{"role": "welder", "training": "school"}'
    assert a.slots[programs.SHOWN_SLOT] == ["welding-i-and-ii"]
    edu = programs.with_school_programs(t, roles.render(knowledge, ["cnc_operator"], "education"))
    assert edu.text.endswith("At Lincoln High School: Youth Apprenticeship in Machining (registered apprenticeship).")


@pytest.mark.parametrize(
    "role, aspect, metadata",
    [
        ("welder", "pay", LINCOLN),  # not after pay
        ("quality_inspector", "overview", LINCOLN),  # no program for it
        ("welder", "overview", QUIET),  # no programs at all
        ("welder", "overview", {}),  # no school
    ],
)
def test_no_line_where_there_is_nothing_to_say(knowledge, role, aspect, metadata):
    before = roles.render(knowledge, [role], aspect)
    t = turn(knowledge, "ask_about", "tell me", metadata=metadata)
    assert programs.with_school_programs(t, before) == before


UNSURE = {"name": "ask_about", "confidence": 0.3}


@pytest.mark.parametrize(
    "text, guess",
    [
        ("what classes at my school help with that?", {"name": "ask_training", "confidence": 0.38}),
        ("does my school have anything for machining", {"name": "ask_cost", "confidence": 0.42}),
        ("what does my school offer for manufacturing", {"name": "ask_cluster", "confidence": 0.61}),
        ("can i take welding classes at my school", {"name": "inform_finder", "confidence": 0.35}),
    ],
)
def test_school_program_questions_are_training_questions(knowledge, text, guess):
    new = corrected_intent(text, guess, [guess], knowledge.reader.read(text))
    assert (new or guess)["name"] == "ask_training"


@pytest.mark.parametrize(
    "text, guess",
    [
        ("who should i talk to about signing up for cte classes at my school", "ask_counselor"),
        ("does my school see my messages", "ask_privacy"),
        ("how much do welders make near me", "ask_local"),
        ("where can I learn welding around here?", "ask_local"),  # a place question: programs.local
        ("welding classes near me", "ask_local"),
        ("machinist jobs near me", "ask_local"),
        ("my school has career clusters, whats the manufacturing one", "ask_cluster"),
        ("i'm frustrated that my school doesn't have any shop classes", "share_worry"),
    ],
)
def test_other_questions_about_school_or_nearby_keep_their_answer(knowledge, text, guess):
    chosen = {"name": guess, "confidence": 0.9}
    new = corrected_intent(text, chosen, [chosen], knowledge.reader.read(text))
    assert (new or chosen)["name"] == guess


def test_in_spanish_the_answers_words_are_spanish_and_the_programs_as_written(knowledge):
    es = knowledge.in_language("es")
    spanish = {"language": "es"}
    t = turn(knowledge, "ask_training", "¿mi escuela tiene algo para soldadores?", metadata=LINCOLN, slots=spanish)
    a = programs.training(t)
    title = es.roles["welder"].title.lower()
    assert a.text.startswith(f"Programas de Lincoln High School que llevan a trabajar como {title}:\n")
    assert "Welding I and II (clase de CTE): Two years of shop welding." in a.text  # the counselor's words
    assert "Pregúntale a Ms. Rivera cómo inscribirte." in a.text
    line = programs.with_school_programs(
        turn(knowledge, "ask_about", "¿qué hace un soldador?", metadata=LINCOLN, slots=spanish),
        roles.render(es, ["welder"], "overview"),
    )
    assert line.text.endswith("\n\nEn Lincoln High School: Welding I and II (clase de CTE).")
    assert line.buttons[0].title == "Programas de Lincoln High School"
