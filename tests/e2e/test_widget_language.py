"""The widget's language reaches the conversation from its first message (docs/spanish.md):
metadata {"lang": "es"} over REST and socket.io, and "hola", "sí", "ok" or a job title alone is
answered in Spanish; a message that clearly reads as English still switches, and the switch
sticks although the widget keeps sending "es" (actions/session.py, bot/session_language.py)."""

from __future__ import annotations

import uuid

import pytest

from bot.knowledge.texts import load_localised
from tests.conftest import role
from tests.e2e.test_socketio import Tab

SPANISH_GREETING = "¡Hola! Soy el asistente de Carreras en Manufactura."
ENGLISH_GREETING = "Hi! I'm the Manufacturing Careers assistant."
SPANISH_WHAT_NEXT = "¡Muy bien! ¿Qué te gustaría saber?"
ENGLISH_WHAT_NEXT = "OK! What would you like to know?"


def first_reply(bot, text: str, metadata: dict) -> str:
    return bot.text(text, uuid.uuid4().hex, metadata=metadata, patient=True)


@pytest.mark.parametrize(
    "text, expected",
    [("hola", SPANISH_GREETING), ("buenas", SPANISH_GREETING), ("sí", SPANISH_WHAT_NEXT), ("ok", SPANISH_WHAT_NEXT)],
)
def test_a_first_word_in_a_spanish_widget_is_answered_in_spanish(bot, text, expected):
    assert expected in first_reply(bot, text, {"lang": "es", "school": "demo"})


def test_a_job_title_alone_in_a_spanish_widget(bot, kb):
    welder = role(load_localised(kb, "es"), "welder")
    reply = first_reply(bot, "soldador", {"lang": "es"})
    assert welder.summary in reply and "Qué hacen:" in reply


def test_the_same_words_in_an_english_widget_or_without_a_language(bot):
    assert ENGLISH_GREETING in first_reply(bot, "hola", {"lang": "en"})
    assert ENGLISH_GREETING in first_reply(bot, "hola", {"school": "demo"})  # demo has no language: English


def test_a_clear_switch_sticks_over_the_widgets_language(bot):
    me, spanish = uuid.uuid4().hex, {"lang": "es"}
    assert SPANISH_GREETING in bot.text("hola", me, metadata=spanish, patient=True)
    bot.text("what does a welder do all day", me, metadata=spanish, patient=True)
    reply = bot.text("ok", me, metadata=spanish, patient=True)
    assert ENGLISH_WHAT_NEXT in reply and SPANISH_WHAT_NEXT not in reply


def test_over_socketio_as_the_widget_sends_it(bot):
    tab = Tab(bot.base)
    try:
        conversation = tab.join()
        metadata = {"lang": "es", "school": "demo"}
        tab.client.emit("user_uttered", {"message": "hola", "session_id": conversation, "metadata": metadata})
        assert SPANISH_GREETING in tab.replies.get(timeout=20)["text"]
    finally:
        tab.close()
