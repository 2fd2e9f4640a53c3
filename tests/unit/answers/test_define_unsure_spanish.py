"""Definitions and the unsure answer's buttons in Spanish (bot/answers/glossary.py, about.py;
data/phrases/es/glossary.yml, unsure.yml): the Spanish definition with the same source and
buttons, and buttons with Spanish titles whose payloads are the English ones, or Spanish words
that keep the conversation in Spanish."""

from __future__ import annotations

import pytest

from bot import kinds
from bot.answers import about
from bot.answers.turn import Turn
from bot.knowledge.texts import load_localised
from bot.phrases import say
from bot.understanding.language import conversation_language

SPANISH = {"language": "es"}


def define(knowledge, text, **kw):
    return about.define(Turn(knowledge, "ask_definition", text, **kw))


def test_a_definition_in_spanish_is_the_spanish_text_with_the_same_source(knowledge, kb):
    es_term = next(t for t in load_localised(kb, "es").glossary if t.id == "median_pay")
    es = define(knowledge, "que significa mediana", slots=SPANISH)
    en = define(knowledge, "what does median mean")
    assert es.text == f"Sueldo medio: {es_term.definition} (BLS)" and es.sources == en.sources
    assert [(b.title, b.payload) for b in es.buttons] == [
        ("Sueldo de un trabajo", "/ask_pay"),
        ("Perspectivas de empleo", "qué significa perspectivas de empleo"),
        ("Aprendizaje", "qué significa aprendizaje"),
    ]
    assert es.buttons[0].payload == en.buttons[0].payload


@pytest.mark.parametrize(
    "text, first_button",
    [
        ("q es cte", "Formas de empezar"),
        ("que quiere decir ruta profesional", "Rutas profesionales"),
        ("que es una certificacion", "Certificaciones"),
        ("que significa manufactura avanzada", "Robots y tecnología nueva"),
        ("que es perspectivas de empleo", "Futuro de un trabajo"),
    ],
)
def test_the_question_a_word_leads_to_is_offered_in_spanish(knowledge, text, first_button):
    assert define(knowledge, text, slots=SPANISH).buttons[0].title == first_button


def test_a_word_not_in_the_list_in_spanish(knowledge):
    es = define(knowledge, "que significa sinergia", slots=SPANISH)
    assert es.text == say("es", "glossary.not_in_list") and es.text.startswith("Todavía no tengo esa palabra")
    assert [b.title for b in es.buttons] == ["Sueldo medio", "Perspectivas de empleo", "Aprendizaje", "CTE"]


def test_a_word_button_asks_in_spanish_and_is_read_as_that_word(knowledge):
    """Its typed words keep the conversation in Spanish and are read as the term they name."""
    buttons = define(knowledge, "que significa sinergia", slots=SPANISH).buttons
    for button, term in zip(buttons, ["median_pay", "job_outlook", "apprenticeship", "cte"], strict=True):
        assert button.payload.startswith("qué significa ")
        assert conversation_language(button.payload, "es", None) == "es"
        assert knowledge.reader.read(button.payload).term == term, button.payload


def _unsure(knowledge, *intents, **kw):
    ranking = [{"name": name, "confidence": 0.3} for name in intents]
    return about.low_confidence(Turn(knowledge, "nlu_fallback", "mmm eso", intent_ranking=ranking, **kw))


def test_the_unsure_buttons_have_spanish_titles_and_the_same_payloads(knowledge):
    es = _unsure(knowledge, "ask_pay", "ask_training", "ask_for_staff", slots=SPANISH)
    en = _unsure(knowledge, "ask_pay", "ask_training", "ask_for_staff")
    assert es.text == say("es", "scope.not_sure")
    assert [b.title for b in es.buttons] == ["Sueldo de un trabajo", "Cómo empezar", "Para consejeros y maestros"]
    assert [b.title for b in en.buttons] == ["Pay for a job", "How to get started", "For counselors and teachers"]
    assert [b.payload for b in es.buttons] == [b.payload for b in en.buttons]


def test_the_no_degree_suggestion_sends_spanish_words_in_spanish(knowledge):
    (es,) = _unsure(knowledge, "explore_roles", slots=SPANISH).buttons
    (en,) = _unsure(knowledge, "explore_roles").buttons
    assert (es.title, es.payload) == ("Trabajos sin título", "trabajos sin universidad")
    assert (en.title, en.payload) == ("Jobs without a degree", "jobs without a college degree")
    assert conversation_language(es.payload, "es", None) == "es"


def test_every_suggestion_is_worded_in_spanish(knowledge):
    english, spanish = about.suggestions("en"), about.suggestions("es")
    assert set(english) == set(spanish) == set(kinds.SUGGESTIONS)
    for intent, (title, said) in spanish.items():
        assert title != english[intent][0], intent
        if said.startswith("/"):
            assert said == english[intent][1], intent
        else:  # typed words
            assert conversation_language(said, "es", None) == "es", intent


def test_a_spanish_widget_gets_spanish_buttons_before_any_message_settled_it(knowledge):
    reply = _unsure(knowledge, "ask_cost", "ask_safety", metadata={"lang": "es"})
    assert [b.title for b in reply.buttons] == ["Cuánto cuesta prepararse", "Seguridad en el trabajo"]
