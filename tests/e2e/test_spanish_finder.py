"""Against the real bot over REST: the career finder in Spanish, asked as students and parents type
(no accents, chat spellings): its questions and buttons, an answer by the buttons and one typed,
the jobs it suggests, suggestions from what a student likes, and stopping it. Every reply is the
Spanish phrasebook's (data/phrases/es/finder.yml), never the English one's."""

from __future__ import annotations

import uuid
from typing import List

import pytest

from bot.phrases import book, say

SPANISH = {"lang": "es"}
#: The finder's English sentences (their words before any placeholder): none may show.
ENGLISH = [
    v.split("{")[0] for k, v in book("en").items() if k.startswith("finder.") and isinstance(v, str) and len(v) > 20
]


def ask(bot, text: str, sender: str) -> List[dict]:
    return bot.ask(text, sender, metadata=SPANISH)


def text_of(messages: List[dict]) -> str:
    reply = "\n\n".join(m.get("text", "") for m in messages)
    left = [e for e in ENGLISH if len(e) > 15 and e in reply]
    assert not left, (left, reply)
    return reply


def buttons_of(messages: List[dict]) -> List[dict]:
    return [b for m in messages for b in m.get("buttons") or []]


@pytest.mark.parametrize(
    "question",
    [
        "ayudame a encontrar una carrera",
        "no tengo idea q estudiar, me ayudas a buscar una carrera?",
        "mi hija no sabe que carrera escoger, nos puede ayudar?",
    ],
)
def test_the_finder_starts_in_spanish(bot, question):
    messages = ask(bot, question, uuid.uuid4().hex)
    reply = text_of(messages)
    assert say("es", "finder.ask_interest") in reply, reply
    titles = [b["title"] for b in buttons_of(messages)]
    assert titles[:4] == ["Trabajar con las manos", "Tecnología", "Trabajar con gente", "Datos y números"], titles


def test_the_finder_by_its_buttons_stays_spanish_to_the_end(bot):
    me = uuid.uuid4().hex
    first = ask(bot, "q trabajo me queda?", me)
    assert say("es", "finder.ask_interest") in text_of(first)
    second = ask(bot, buttons_of(first)[1]["payload"], me)  # "tecnología"
    assert say("es", "finder.ask_training") in text_of(second)
    third = ask(bot, buttons_of(second)[1]["payload"], me)  # "hasta dos años"
    assert say("es", "finder.ask_industry") in text_of(third)
    last = text_of(ask(bot, buttons_of(third)[-1]["payload"], me))  # "cualquier industria"
    assert last.startswith("Según tus respuestas, estos son tres trabajos que puedes ver:"), last
    assert "(BLS, mayo de 2024)" in last and "Sueldo medio de $" in last


def test_the_finder_answered_by_typing_in_spanish(bot):
    me = uuid.uuid4().hex
    assert say("es", "finder.ask_interest") in text_of(ask(bot, "ayudame a escoger una carrera porfa", me))
    assert say("es", "finder.ask_training") in text_of(ask(bot, "la tecnologia", me))
    assert say("es", "finder.ask_industry") in text_of(ask(bot, "unos meses nomas", me))
    last = text_of(ask(bot, "aeroespacial", me))
    assert last.startswith("Según tus respuestas"), last
    assert "los contratan en aeroespacial" in last, last


@pytest.mark.parametrize(
    "said",
    [
        "me encanta arreglar bicis y carros",
        "soy buena pa las mates y los numeros",
        "a mi hijo le encanta dibujar en la compu",
    ],
)
def test_what_a_student_likes_gets_spanish_suggestions(bot, said):
    reply = text_of(ask(bot, said, uuid.uuid4().hex))
    # Suggestions from the likes, or the finder started with them: both are the finder's, in Spanish.
    assert "Lo que te gusta: " in reply or say("es", "finder.ask_training") in reply, reply


def test_stopping_the_finder_in_spanish(bot):
    me = uuid.uuid4().hex
    ask(bot, "ayudame a encontrar una carrera", me)
    reply = text_of(ask(bot, "parar", me))
    assert reply.startswith("Listo, paré el buscador de carreras."), reply
