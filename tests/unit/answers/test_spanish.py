"""Answers in Spanish (docs/spanish.md): a conversation whose `language` slot is "es" is answered
from the Spanish knowledge texts and the Spanish phrasebook, with the same figures, years and
sources as in English, and reads fairly easily (INFLESZ)."""

from __future__ import annotations

import re
import statistics

import pytest
import textstat

from bot import phrases
from bot.answers import about, explore, figures, roles
from bot.render import entry_level, money
from tests.unit.answers.conftest import turn
from tests.unit.answers.readability import inflesz

_FIGURE = re.compile(r"[$+−]?\d[\d,.]*%?")
ROLE_IDS = ["welder", "machinist", "cnc_operator", "robotics_technician", "quality_inspector", "forklift_operator"]


def _both(knowledge, intent, text_en, text_es, answer, **slots):
    english = answer(turn(knowledge, intent, text_en, slots=dict(slots)))
    spanish = answer(turn(knowledge, intent, text_es, slots={**slots, "language": "es"}))
    return english, spanish


def test_the_turn_knows_its_language(knowledge):
    assert turn(knowledge, "greet", "hola").language == "en"  # no slot yet: English
    spanish = turn(knowledge, "greet", "hola", slots={"language": "es"})
    assert spanish.language == "es" and spanish.kb.roles[0].title != knowledge.kb.roles[0].title
    assert turn(knowledge, "greet", "hi", slots={"language": "fr"}).language == "en"


def test_the_spanish_knowledge_is_built_once(knowledge):
    assert knowledge.in_language("es") is knowledge.in_language("es")
    assert knowledge.in_language("es").in_language("en") is knowledge


@pytest.mark.parametrize("role_id", ROLE_IDS)
def test_a_spanish_pay_answer_has_the_english_figures_and_sources(knowledge, role_id):
    english, spanish = _both(
        knowledge, "ask_pay", "", "", roles.answer_for_intent, role=role_id
    )  # the role being discussed
    assert _FIGURE.findall(spanish.text) == _FIGURE.findall(english.text)
    assert spanish.sources == english.sources and spanish.slots == english.slots
    pay = knowledge.roles[role_id].median_pay
    assert money(pay.annual_usd) in spanish.text and "(BLS, mayo de 2024)" in spanish.text
    assert "Sueldo medio:" in spanish.text and "Median" not in spanish.text


def test_a_spanish_overview_is_the_spanish_text(knowledge):
    english, spanish = _both(knowledge, "ask_about", "what does a welder do", "qué hace un soldador", about.about)
    es_role = knowledge.in_language("es").roles["welder"]
    assert spanish.text.startswith("Soldador\n" + es_role.summary)
    assert "Qué hacen:" in spanish.text and "Ruta profesional:" in spanish.text
    assert spanish.sources == english.sources
    assert [b.payload for b in spanish.buttons] == [b.payload for b in english.buttons]
    assert [b.title for b in spanish.buttons] == ["Sueldo", "Estudios", "Futuro del empleo"]


@pytest.mark.parametrize(
    "intent, text, start",
    [
        ("ask_education", "qué estudio para ser maquinista", "Maquinista\nEstudios para empezar:"),
        ("ask_skills", "habilidades de una soldadora", "Habilidades que te ayudan a trabajar como soldador:"),
        ("ask_outlook", "hay futuro para los torneros", "Maquinista\nPerspectivas de empleo: −2% en 2024–34"),
        ("ask_certifications", "certificaciones para soldadores", "Certificaciones para trabajar como soldador:"),
        ("ask_related_roles", "trabajos parecidos al de tornero", "Trabajos parecidos al de maquinista:"),
    ],
)
def test_each_aspect_is_answered_in_spanish(knowledge, intent, text, start):
    answer = roles.answer_for_intent(turn(knowledge, intent, text, slots={"language": "es"}))
    assert answer.text.startswith(start), answer.text


def test_spanish_names_with_plural_gender_and_no_accents_are_read(knowledge):
    for text, role_id in [
        ("cuánto gana un soldador", "welder"),
        ("cuanto ganan las soldadoras", "welder"),
        ("qué hace un tornero", "machinist"),
        ("que hace una tecnica en robotica", "robotics_technician"),
        ("cuanto ganan los trabajadores de produccion", "production_worker"),
        ("ingenieras mecanicas", "mechanical_engineer"),
        ("qué hace un machinist", "machinist"),  # English names still work in Spanish
    ]:
        assert turn(knowledge, "ask_pay", text).links.ids("role") == [role_id], text


def test_a_bare_spanish_head_word_is_a_choice(knowledge):
    reading = turn(knowledge, "ask_pay", "cuanto gana un ingeniero").reading
    assert reading.links.ambiguous and "mechanical_engineer" in reading.links.ambiguous[0]


def test_compare_in_spanish_has_the_same_figures(knowledge):
    english, spanish = _both(
        knowledge, "compare_roles", "welder vs machinist", "soldador vs maquinista", explore.compare
    )
    assert _FIGURE.findall(spanish.text) == _FIGURE.findall(english.text)
    assert spanish.sources == english.sources
    assert "quien trabaja como maquinista gana $6,700 más al año" in spanish.text


def test_no_degree_lists_the_same_jobs_in_spanish(knowledge):
    english, spanish = _both(
        knowledge, "explore_roles", "jobs without a college degree", "trabajos sin universidad", explore.explore
    )
    assert [b.payload for b in spanish.buttons] == [b.payload for b in english.buttons]
    assert spanish.text.startswith("Trabajos donde puedes empezar sin título universitario")
    es = knowledge.in_language("es").kb
    assert [entry_level(r) for r in es.roles] == [entry_level(r) for r in knowledge.kb.roles]


def test_is_that_good_pay_in_spanish(knowledge):
    answer = figures.judge(
        turn(knowledge, "judge_figure", "es buen sueldo?", slots={"language": "es", "role": "welder"})
    )
    assert "Soldador: sueldo medio de $51,000 al año (BLS, mayo de 2024)" in answer.text
    assert "(este trabajo)" in answer.text


def test_an_unknown_job_in_spanish_gets_no_facts(knowledge):
    answer = roles.answer_for_intent(turn(knowledge, "ask_pay", "cuanto gana un astronauta", slots={"language": "es"}))
    assert answer.text.startswith("Ese trabajo no está en mi lista") and "$" not in answer.text


_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


@pytest.fixture()
def spanish_readability():
    textstat.set_lang("es")
    yield inflesz
    textstat.set_lang("en_US")


def test_the_spanish_phrases_read_fairly_easily(spanish_readability):
    """What the phrasebook says around the facts: median "bastante fácil" (65+), none below 40."""
    book = phrases.book("es")
    sentences = {key: v for key, v in book.items() if isinstance(v, str) and len(_PLACEHOLDER.sub("", v).split()) >= 6}
    scores = {key: spanish_readability(v) for key, v in sentences.items()}
    print(f"INFLESZ of {len(scores)} Spanish phrases: median {statistics.median(scores.values()):.1f}")
    assert statistics.median(scores.values()) >= 65
    assert min(scores.values()) >= 40, min(scores.items(), key=lambda kv: kv[1])


def test_spanish_role_answers_read_easily_enough(knowledge, spanish_readability):
    """Whole role answers, job and program names included (long words: "mantenimiento industrial",
    "licenciatura en ingeniería"): measured median 61.8; the floor is the "normal" band (55+)."""
    es = knowledge.in_language("es")
    aspects = ("overview", "pay", "education", "outlook", "skills", "certifications", "related")
    scores = [spanish_readability(roles.render(es, [r], a).text) for r in es.roles for a in aspects]
    print(f"INFLESZ of {len(scores)} Spanish answers: median {statistics.median(scores):.1f}, min {min(scores):.1f}")
    assert statistics.median(scores) >= 55
