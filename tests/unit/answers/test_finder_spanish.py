"""The career finder in Spanish (bot/answers/finder.py, actions/finder.py, the `finder`
phrasebook): its questions, buttons and suggestions in Spanish, with the English ones' payloads,
jobs, figures and sources, so a Spanish conversation never falls back to English."""

from __future__ import annotations

import re
import statistics

import pytest
import yaml
from rasa_sdk.executor import CollectingDispatcher

from bot import ROOT
from bot.answers import finder
from bot.phrases import LANGUAGES, book, say
from bot.understanding.language import decisive_language

from .conftest import turn
from .readability import spanish_scores

_FIGURE = re.compile(r"[$+−]?\d[\d,.]*%?")
ES = {"language": "es"}
#: The English finder phrases long enough to tell ("Skip" and "technology" are too short).
ENGLISH = [v for k, v in book("en").items() if k.startswith("finder.") and isinstance(v, str) and len(v.split()) > 2]
ANSWERS = {"finder_interest": "hands_on", "finder_training": "short", "finder_industry": "aerospace"}


def _english_left(text: str) -> list:
    plain = [p.split("{")[0] for p in ENGLISH]  # each phrase's words before its first placeholder
    return [p for p in plain if len(p.split()) > 2 and p in text]


def _titles(answer) -> list:
    return [b.title for b in answer.buttons]


def _payloads(answer) -> list:
    return [b.payload for b in answer.buttons]


def test_the_first_question_and_its_buttons_are_spanish_with_the_english_payloads(knowledge):
    english = finder.ask_interest(turn(knowledge, "start_career_finder", "help me find a career"))
    spanish = finder.ask_interest(turn(knowledge, "start_career_finder", "ayudame a encontrar una carrera", slots=ES))
    assert spanish.text.startswith("Busquemos trabajos que te queden: son tres preguntas rápidas")
    assert "“saltar”" in spanish.text and "“parar”" in spanish.text
    assert _titles(spanish) == [
        "Trabajar con las manos",
        "Tecnología",
        "Trabajar con gente",
        "Datos y números",
        "Saltar",
        "Hacer el quiz de intereses",
    ]
    assert _payloads(spanish)[:5] == [t.lower() for t in _titles(spanish)[:5]]  # sent as if typed
    assert [finder.parse_interest(p) for p in _payloads(spanish)[:5]] == [*finder.INTERESTS, finder.ANY]
    assert _payloads(spanish)[-1] == _payloads(english)[-1] == "/start_quiz"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_answer_button_is_read_as_its_answer_and_keeps_the_language(lang):
    """A button sends its title: the finder reads it (finder_answers.py), and a Spanish one is never
    taken for another question (fewer than SIDE_QUESTION_WORDS words: the English titles are the
    classifier's own inform_finder examples, data/nlu/finder.yml, the Spanish ones are not) nor
    switches the conversation to English."""
    from actions.finder import SIDE_QUESTION_WORDS

    buttons = {key: interest for interest, (_, key) in finder.INTERESTS.items()}
    read = {key: finder.parse_interest(finder.choice(lang, key).payload) for key in buttons}
    assert read == buttons
    read = {key: finder.parse_training(finder.choice(lang, key).payload) for key in finder.TRAININGS.values()}
    assert read == {key: level for level, key in finder.TRAININGS.items()}
    for key in ("finder.button_skip", "finder.button_any_industry"):
        assert finder.parse_interest(finder.choice(lang, key).payload) == finder.ANY
    keys = [*buttons, *finder.TRAININGS.values(), "finder.button_skip", "finder.button_any_industry"]
    sent = [finder.choice(lang, key).payload for key in keys]
    if lang != "en":
        assert all(len(p.split()) < SIDE_QUESTION_WORDS for p in sent)
        assert not [p for p in sent if decisive_language(p) == "en"]


#: Typed Spanish answers to the finder's questions, as students write them: (question, text, answer).
TYPED = [
    ("interest", "me gusta la tecnologia", "technology"),
    ("interest", "me gustan los carros y arreglarlos", "hands_on"),
    ("interest", "lo mio es trabajar con herramientas", "hands_on"),
    ("interest", "soy buena pa las mates", "data"),
    ("interest", "me gusta ayudar a la gente", "people"),
    ("interest", "no se", finder.ANY),
    ("training", "solo la prepa", "short"),
    ("training", "no quiero ir a la universidad", "short"),
    ("training", "unos meses nomas", "short"),
    ("training", "2 años", "two_year"),
    ("training", "colegio comunitario", "two_year"),
    ("training", "cuatro años de universidad", "four_year"),
    ("training", "ni idea", finder.ANY),
]


@pytest.mark.parametrize("question, text, answer", TYPED)
def test_typed_spanish_answers_are_read(question, text, answer):
    parse = finder.parse_interest if question == "interest" else finder.parse_training
    assert parse(text) == answer


def test_the_training_and_industry_questions_are_spanish(knowledge):
    prefilled = turn(
        knowledge, "start_career_finder", "me gusta arreglar carros", slots={**ES, "finder_interest": "data"}
    )
    asked = finder.ask_training(prefilled)
    assert asked.text == (
        "Me dijiste que disfrutas los datos y los números, así que lo tomo en cuenta. Faltan dos preguntas "
        "rápidas (escribe “parar” para parar). ¿Cuánto tiempo quieres estudiar después de la prepa?"
    )
    english = finder.ask_training(turn(knowledge, "inform_finder", "data", slots={"finder_interest": "data"}))
    plain = finder.ask_training(turn(knowledge, "inform_finder", "datos", slots={**ES, "finder_interest": "data"}))
    assert plain.text == "¿Cuánto tiempo quieres estudiar después de la prepa?"
    assert _titles(plain) == ["Solo unos meses", "Hasta dos años", "Cuatro años de universidad", "Saltar"]
    assert len(_payloads(plain)) == len(_payloads(english))
    industry = finder.ask_industry(turn(knowledge, "inform_finder", "2 años", slots=ES))
    assert industry.text == "¿Hay alguna industria que te guste?"
    assert _titles(industry)[:2] == ["Automotriz", "Aeroespacial"] and _titles(industry)[-1] == "Cualquier industria"
    assert _payloads(industry)[1] == "aeroespacial"  # read by the industry's Spanish name
    reading = knowledge.reader.read("aeroespacial")
    assert finder.parse_industry(_payloads(industry)[1], reading) == "aerospace"


@pytest.mark.parametrize(
    "answers", [ANSWERS, {"finder_interest": "any", "finder_training": "any", "finder_industry": "any"}]
)
def test_the_suggestions_are_the_english_ones_in_spanish(knowledge, answers):
    english = finder.suggest_from_slots(turn(knowledge, "inform_finder", "x", slots=dict(answers)))
    spanish = finder.suggest_from_slots(turn(knowledge, "inform_finder", "x", slots={**answers, **ES}))
    assert spanish.slots == english.slots and spanish.sources == english.sources
    assert _FIGURE.findall(spanish.text) == _FIGURE.findall(english.text)
    assert [p for p in _payloads(spanish) if p.startswith("/")] == [p for p in _payloads(english) if p.startswith("/")]
    assert spanish.text.startswith("Según tus respuestas, estos son tres trabajos que puedes ver:\n• ")
    assert "(BLS, mayo de 2024)" in spanish.text and "(proyecciones de BLS)" in spanish.text
    assert not _english_left(spanish.text) and "median pay" not in spanish.text
    assert _titles(spanish)[-1] == "Empezar de nuevo"


def test_the_reasons_are_spanish_and_the_compare_button_sends_spanish_names(knowledge):
    spanish = finder.suggest_from_slots(turn(knowledge, "inform_finder", "x", slots={**ANSWERS, **ES}))
    first = spanish.text.splitlines()[1]
    assert first.startswith("• Soldador: le va bien a quien disfruta el trabajo con las manos, puedes empezar con")
    assert "y los contratan en aeroespacial. Sueldo medio de $51,000 al año (BLS, mayo de 2024)" in first
    compare = spanish.buttons[1]
    assert compare.title.startswith("Comparar soldador y ") and compare.payload.startswith("Soldador vs ")


def test_suggestions_from_what_the_student_likes_are_spanish(knowledge):
    text = "i like sketching and fixing bikes"  # read alike in both languages: only the reply differs
    english = finder.suggest_from_words(turn(knowledge, "inform_finder", text))
    spanish = finder.suggest_from_words(turn(knowledge, "inform_finder", text, slots=ES))
    assert spanish.slots == english.slots and spanish.sources == english.sources
    assert _FIGURE.findall(spanish.text) == _FIGURE.findall(english.text)
    assert spanish.text.startswith("Lo que te gusta: dibujar y diseñar y arreglar cosas. Estos trabajos te podrían")
    es_mechanic = knowledge.in_language("es").roles["maintenance_mechanic"]
    task = next(t for t in es_mechanic.tasks if "repar" in t.lower())
    assert f"• Mecánico de mantenimiento industrial: podrías {task[0].lower()}{task[1:]}." in spanish.text
    assert _titles(spanish)[:2] == ["Afinar la búsqueda", "Sobre mecánico de mantenimiento industrial"]
    assert not _english_left(spanish.text)


@pytest.mark.parametrize(
    "english, spanish",
    [
        ("I really enjoy repairing bikes, which job suits me?", "me encanta arreglar bicis, que trabajo me queda?"),
        ("i like sketching and making designs", "me gusta dibujar y hacer diseños"),
        ("i'm good at math and numbers", "soy buena para las mates y los numeros"),
        ("i like helping people", "me gusta ayudar a la gente"),
        ("i like chemistry and physics", "me late la quimica y la fisica"),
        ("i'm really into video games and coding", "me encantan los videojuegos y programar"),
    ],
)
def test_likes_said_in_spanish_get_the_jobs_the_same_likes_get_in_english(knowledge, english, spanish):
    """The likes are matched on the English texts, so both languages suggest the same jobs."""
    en = finder.suggest_from_words(turn(knowledge, "inform_finder", english))
    es = finder.suggest_from_words(turn(knowledge, "inform_finder", spanish, slots=ES))
    assert es.slots == en.slots and es.sources == en.sources
    assert [p for p in _payloads(es) if p.startswith("/")] == [p for p in _payloads(en) if p.startswith("/")]
    assert es.text.startswith("Lo que te gusta: ") and not _english_left(es.text)


def test_a_spanish_answer_outside_the_finder_offers_it_in_spanish(knowledge):
    answer = finder.suggest_from_words(turn(knowledge, "inform_finder", "algo de dos años nomas", slots=ES))
    assert answer.text.startswith("Cuéntame qué te gusta hacer") and "preguntas rápidas" in answer.text
    assert _titles(answer) == ["Buscar trabajos para mí", "Hacer el quiz de intereses"]
    assert _payloads(answer) == ["/start_career_finder", "/start_quiz"]


def test_the_form_asks_again_and_comes_back_in_spanish():
    from actions.finder import ValidateCareerFinderForm
    from tests.unit.test_actions import DOMAIN, tracker

    form, dispatcher = ValidateCareerFinderForm(), CollectingDispatcher()
    assert form.validate_finder_interest("purple", dispatcher, tracker("purple", "inform_finder", ES), DOMAIN) == {
        "finder_interest": None
    }
    assert dispatcher.messages[0]["text"] == (
        "Perdón, no te entendí. Escoge trabajar con las manos, tecnología, trabajar con gente, o datos y números. "
        "O escribe “saltar”."
    )
    dispatcher = CollectingDispatcher()
    asked = tracker("que hace un tecnico en semiconductores", "ask_about", ES)
    form.validate_finder_training(asked.latest_message["text"], dispatcher, asked, DOMAIN)
    assert dispatcher.messages[1]["text"] == "Ahora, volvamos al buscador de carreras."


def test_stopping_the_finder_is_said_in_spanish():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    stopped = domain["responses"]["utter_finder_stopped"]
    spanish = next(r for r in stopped if r.get("condition"))
    assert spanish["text"] == say("es", "quiz.stopped_finder")  # the quiz's "stop" says the same
    assert [b["payload"] for b in spanish["buttons"]] == [b["payload"] for b in stopped[-1]["buttons"]]


def test_spanish_finder_answers_read_easily(knowledge):
    """Measured median 76.6, lowest 66.7 (job names and O*NET's link in them)."""

    replies = [
        finder.ask_interest(turn(knowledge, "start_career_finder", "x", slots=ES)).text,
        finder.suggest_from_slots(turn(knowledge, "inform_finder", "x", slots={**ANSWERS, **ES})).text,
        finder.suggest_from_words(turn(knowledge, "inform_finder", "i like helping people", slots=ES)).text,
        finder.suggest_from_words(turn(knowledge, "inform_finder", "i'm good at math", slots=ES)).text,
        finder.suggest_from_words(turn(knowledge, "inform_finder", "x", slots=ES)).text,
    ]
    scores = spanish_scores(replies)
    median = statistics.median(scores)
    print(f"INFLESZ of {len(scores)} Spanish finder replies: median {median:.1f}, min {min(scores):.1f}")
    assert median >= 65 and min(scores) >= 55
