"""Manufacturing's economy, automation, ways to get started and sources (bot/answers/topics.py):
every figure comes from the knowledge file with its source."""

from __future__ import annotations

from bot.answers import topics
from bot.answers.turn import Turn
from bot.render import cite
from tests.conftest import role

from .conftest import turn


def test_economy_lists_every_fact_with_its_publisher_and_year(knowledge, kb):
    answer = topics.economy(turn(knowledge, "ask_economy", "how big is manufacturing in the economy"))
    lines = answer.text.splitlines()
    assert lines[0] == "Manufacturing and the U.S. economy:"
    assert lines[1:] == [f"• {e.statement} ({kb.meta.sources[e.source].publisher}, {e.year})" for e in kb.economy]
    assert answer.sources == list(dict.fromkeys(e.source for e in kb.economy))
    assert answer.slots == {"last_aspect": "economy"}


def test_economy_question_naming_one_figure_gets_that_figure_and_its_source(knowledge, kb):
    gdp = next(e for e in kb.economy if e.id == "gdp_share")
    answer = topics.economy(turn(knowledge, "ask_economy", "what share of gdp is manufacturing"))
    assert answer.text == f"{gdp.statement} ({kb.meta.sources[gdp.source].publisher}, {gdp.year})"
    assert answer.text.endswith("(NAM, 2024)") and answer.sources == [gdp.source]
    assert [b.payload for b in answer.buttons] == ["/ask_automation", "/ask_roles"]


def test_automation_and_jobs_gets_the_overview_with_its_sourced_fact(knowledge, kb):
    answer = topics.automation(turn(knowledge, "ask_automation", "will robots take my job"))
    inno = kb.innovation
    assert answer.text.startswith(inno.summary)
    assert all(f"• {t.name}" in answer.text for t in inno.technologies)
    assert all(f"• {e.title}: {e.summary}" in answer.text for e in inno.emerging_roles)
    for fact in inno.facts:
        assert f"{fact.statement} {cite(kb, fact.source, str(fact.year))}" in answer.text
    assert answer.sources == [f.source for f in inno.facts] == ["ifr_world_robotics_2024"]
    assert answer.buttons[0].payload == '/ask_automation{"technology": "robots"}'


def test_a_named_technology_gets_its_summary_and_the_jobs_that_use_it(knowledge, kb):
    additive = next(t for t in kb.innovation.technologies if t.id == "additive")
    answer = topics.automation(turn(knowledge, "ask_automation", "what is 3d printing"))
    assert answer.text.splitlines()[:2] == [additive.name, additive.summary]
    assert "Jobs that work with it: Manufacturing engineer, CAD drafter and Machinist." in answer.text
    assert [b.payload for b in answer.buttons] == [f'/ask_about{{"role": "{r}"}}' for r in additive.roles]
    assert "New kinds of jobs" not in answer.text


def test_ways_to_get_started_list_every_route(knowledge, kb):
    answer = topics.training(turn(knowledge, "ask_training", "how do I get started"))
    assert answer.text.startswith("Ways to get started in manufacturing:")
    assert all(f"• {t.name}: " in answer.text for t in kb.training)
    assert [b.payload for b in answer.buttons] == [f'/ask_training{{"training": "{t.id}"}}' for t in kb.training[:3]]
    assert answer.slots == {"last_aspect": "training"}


def test_a_named_route_is_described_with_its_link(knowledge, kb):
    mfg_day = next(t for t in kb.training if t.id == "manufacturing_day")
    answer = topics.training(turn(knowledge, "ask_training", "tell me about manufacturing day"))
    assert answer.text.startswith(f"{mfg_day.name}\n{mfg_day.summary}")
    assert answer.text.endswith(f"More: {mfg_day.url}")


def test_apprenticeships_get_their_own_answer(knowledge, kb):
    apprenticeship = next(t for t in kb.training if t.id == "apprenticeship")
    answer = topics.training(turn(knowledge, "ask_training", "tell me about apprenticeships"))
    assert answer.text.startswith(f"{apprenticeship.name}\n{apprenticeship.summary}")
    assert answer.text.endswith(f"Find one near you: {apprenticeship.url}")


def test_next_steps_for_a_role_use_the_schools_counselor(knowledge):
    turn = Turn(knowledge, "ask_training", "how do I become a welder?", metadata={"school": "demo"})
    answer = topics.training(turn)
    assert "Ask Ms. Example (demo counselor) about CTE classes and dual enrollment" in answer.text
    assert "SkillsUSA" in answer.text and "https://www.apprenticeship.gov/" in answer.text


def test_next_steps_start_from_the_roles_own_routes(knowledge, kb):
    welder = role(kb, "welder")
    answer = topics.training(turn(knowledge, "ask_training", "how do I become a welder?"))
    assert answer.text.startswith(f"Getting started as a welder\nEducation to start: {welder.education.typical_entry}")
    assert all(route in answer.text for route in welder.education.routes)
    assert "Ask your school counselor about CTE classes" in answer.text
    assert answer.slots == {"role": "welder", "last_aspect": "education"}
    assert answer.buttons[-1].payload == "/ask_counselor"


def test_sources_list_the_last_answers_known_sources_and_the_attribution(knowledge, kb):
    welders = kb.meta.sources["bls_ooh_welders"]
    answer = topics.sources(
        turn(knowledge, "ask_sources", "where is that from", slots={"last_sources": ["bls_ooh_welders", "nowhere"]})
    )
    assert answer.text.startswith(f"My last answer came from:\n• {welders.title}, {welders.published}: {welders.url}")
    assert "nowhere" not in answer.text and answer.sources == ["bls_ooh_welders"]
    assert f"About my data: {kb.meta.attribution}" in answer.text


def test_sources_after_an_answer_without_figures_say_so(knowledge):
    answer = topics.sources(turn(knowledge, "ask_sources", "what's your source"))
    assert answer.text.startswith("My last answer had no figures, so there is no source to show.")
    assert answer.sources == []


def test_economy_automation_training_and_sources_in_spanish(knowledge):
    spanish = {"slots": {"language": "es"}}
    es = knowledge.in_language("es").kb
    economy = topics.economy(turn(knowledge, "ask_economy", "la manufactura en la economia", **spanish))
    assert economy.text.startswith("La manufactura y la economía de EE. UU.:")
    assert all(e.statement in economy.text for e in es.economy)
    assert "(BLS, " in economy.text or "(BEA, " in economy.text  # the same sources, cited the same way
    automation = topics.automation(turn(knowledge, "ask_automation", "los robots y los trabajos", **spanish))
    assert automation.text.startswith(es.innovation.summary) and "Tecnologías que están cambiando" in automation.text
    routes = topics.training(turn(knowledge, "ask_training", "como me preparo", **spanish))
    assert routes.text.startswith("Formas de empezar en la manufactura:")
    steps = topics.next_steps(turn(knowledge, "ask_training", "como empiezo de soldador", **spanish), "welder")
    assert steps.text.startswith("Cómo empezar como soldador\nEstudios para empezar:")
    assert "Pregúntale a tu consejero escolar" in steps.text
    sources = topics.sources(turn(knowledge, "ask_source", "de donde salen los datos", **spanish))
    reviewed = es.meta.last_reviewed
    assert f"Sobre mis datos: {es.meta.attribution} Última revisión: {reviewed.day} de" in sources.text
    assert [b.title for b in sources.buttons] == ["Trabajos en manufactura", "¿Cómo empiezo?"]
