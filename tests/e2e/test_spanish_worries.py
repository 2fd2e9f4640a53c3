"""Worries in Spanish against the real bot (bot/answers/worries.py, data/phrases/es/worries.yml):
the worry reply, in Spanish, on the topic the words are about, ending with the counselor line and
its button; an English worry still gets the English reply."""

from __future__ import annotations

import uuid

import pytest

from bot.phrases import say

SPANISH = {"lang": "es"}
COUNSELOR_LINE = "Tu consejero escolar también puede ayudarte a hacer un plan."


@pytest.mark.parametrize(
    "text, lead, metadata",
    [
        ("soy malo en matemáticas, ¿puedo trabajar en una fábrica?", "worries.math", SPANISH),
        ("soy malo en matemáticas, ¿puedo trabajar en una fábrica?", "worries.math", {}),  # the words say Spanish
        ("las mates se me hacen bien dificiles, igual puedo ser tornero?", "worries.math", SPANISH),
        (
            "mis papás quieren que vaya a la uni pero yo quiero trabajar con mis manos",
            "worries.family_student",
            SPANISH,
        ),
        ("no tenemos dinero pa la universidad", "worries.cost_lead", SPANISH),
        ("mis calificaciones son bien malas, no soy inteligente", "worries.grades_student", SPANISH),
        ("me da miedo lastimarme trabajando en una fábrica", "worries.safety_open", SPANISH),
    ],
)
def test_a_spanish_worry_gets_the_spanish_worry_reply(bot, text, lead, metadata):
    replies = bot.ask(text, uuid.uuid4().hex, metadata=metadata, patient=True)
    reply = "\n\n".join(m.get("text", "") for m in replies)
    assert say("es", lead) in reply and COUNSELOR_LINE in reply, reply[:300]
    titles = [b["title"] for m in replies for b in m.get("buttons") or []]
    assert titles[-1] == say("es", "worries.button_counselor")


def test_an_english_worry_still_gets_the_english_reply(bot):
    reply = bot.text("i'm bad at math, can i work in a factory?", uuid.uuid4().hex, metadata=SPANISH, patient=True)
    assert say("en", "worries.math") in reply and "Your school counselor can help you make a plan, too." in reply
