"""Privacy and deleting in Spanish against the real bot (bot/answers/forget.py,
data/phrases/es/privacy.yml): the same answers as in English, worded in Spanish, the same
retention days, and deleting still only on the explicit yes right after the question."""

from __future__ import annotations

import uuid

import pytest

from bot import settings
from bot.phrases import say
from tests.e2e.test_harm_guards import stored_texts

SPANISH = {"lang": "es"}
CONFIRM, DELETED = say("es", "privacy.confirm"), say("es", "privacy.deleted")


@pytest.mark.parametrize(
    "question, metadata",
    [
        ("¿se guarda lo que escribo?", SPANISH),
        ("se guarda lo q escribo aqui?", SPANISH),
        ("¿quién puede leer lo que escribo aquí?", {}),  # no widget language: the words say it
    ],
)
def test_a_privacy_question_in_spanish_gets_the_spanish_facts_and_deletes_nothing(bot, question, metadata):
    me = uuid.uuid4().hex
    reply = bot.text(question, sender=me, metadata=metadata, patient=True)
    assert say("es", "privacy.intro") in reply
    assert say("es", "privacy.kept_days", days=settings.retention_days()) in reply  # the setting's days
    assert "Here's what happens" not in reply and CONFIRM not in reply
    assert stored_texts(bot, me) == [question]


def test_borra_mi_conversacion_only_asks_with_two_spanish_buttons_and_si_deletes(bot):
    me = uuid.uuid4().hex
    bot.text("cuanto gana un soldador", sender=me, metadata=SPANISH, patient=True)
    (asked,) = bot.ask("borra mi conversación", sender=me, metadata=SPANISH, patient=True)
    assert asked["text"] == CONFIRM
    assert [(b["title"], b["payload"]) for b in asked["buttons"]] == [
        ("Sí, bórrala", "/confirm_delete"),
        ("No, no la borres", "/keep_conversation"),
    ]
    assert stored_texts(bot, me) == ["cuanto gana un soldador", "borra mi conversación"]
    assert DELETED in bot.text("sí", sender=me, metadata=SPANISH, patient=True)
    assert stored_texts(bot, me) == []


def test_no_keeps_it_and_the_button_deletes(bot):
    me = uuid.uuid4().hex
    bot.text("que hace un maquinista", sender=me, metadata=SPANISH, patient=True)
    assert bot.text("borra todo lo que escribí", sender=me, metadata=SPANISH, patient=True) == CONFIRM
    assert "No se borró nada" in bot.text("no", sender=me, metadata=SPANISH, patient=True)
    assert len(stored_texts(bot, me)) == 3
    bot.text("borra mi conversación", sender=me, metadata=SPANISH, patient=True)
    assert DELETED in bot.text("/confirm_delete", sender=me, metadata=SPANISH, patient=True)
    assert stored_texts(bot, me) == []


def test_a_si_out_of_the_blue_deletes_nothing(bot):
    me = uuid.uuid4().hex
    bot.text("que hace un soldador", sender=me, metadata=SPANISH, patient=True)
    assert DELETED not in bot.text("sí", sender=me, metadata=SPANISH, patient=True)
    assert len(stored_texts(bot, me)) == 2
