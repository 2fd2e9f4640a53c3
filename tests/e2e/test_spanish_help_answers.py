"""Beliefs, definitions, the counselor, the answer for staff and the unsure answer's buttons in
Spanish against the real bot (bot/answers/myths.py, glossary.py, counselor.py, staff.py,
about.py): questions as Spanish-speaking students, parents and teachers type them (no accents,
chat spellings), and the Spanish reply, its texts taken from the Spanish knowledge texts and the
Spanish phrasebook, never from the row; no English sentence of these answers in it."""

from __future__ import annotations

import uuid

import pytest

from bot.answers.about import suggestions
from bot.phrases import book, say
from tests.unit.answers.conftest import english_in

SPANISH = {"lang": "es"}
AT_DEMO = {"lang": "es", "school": "demo"}


def _reply(bot, text, metadata=SPANISH, before=(), sender=None):
    me = sender or uuid.uuid4().hex
    for earlier in before:
        bot.ask(earlier, me, metadata=metadata, patient=True)
    replies = bot.ask(text, me, metadata=metadata, patient=True)
    said = "\n\n".join(m.get("text", "") for m in replies)
    return said, [(b["title"], b["payload"]) for m in replies for b in m.get("buttons") or []]


#: Beliefs as Spanish-speaking students and parents state them. Which belief is meant is read from
#: the myth_<id> cues, which have no Spanish words yet (docs/spanish.md): each gets the Spanish
#: reply of a belief, with its sourced figures.
BELIEFS = [
    "en las fabricas pagan re mal, no?",
    "en la fabrica pagan el minimo nomas",
    "dicen q la manufactura ya murio en estados unidos",
    "las fabricas son sucias y oscuras",
    "la manufactura es pa los q no pudieron entrar a la uni no?",
]


@pytest.mark.parametrize("text", BELIEFS)
def test_a_belief_in_spanish_gets_a_spanish_reply_with_sourced_figures(bot, kb, es, text):
    said, buttons = _reply(bot, text)
    assert any(said.startswith(m.reply) for m in es.myths), said[:300]
    assert not any(m.reply in said for m in kb.myths) and not english_in(said, "myths")
    assert "(BLS, " in said or "(Deloitte" in said
    assert ("Trabajos sin título", "trabajos sin universidad") in buttons


def test_the_no_degree_button_after_a_belief_lists_the_jobs_in_spanish(bot, es):
    me = uuid.uuid4().hex
    bot.ask(BELIEFS[0], me, metadata=SPANISH, patient=True)
    listed = bot.text("trabajos sin universidad", me, metadata=SPANISH, patient=True)  # the button's words
    assert "sin título universitario" in listed and "Jobs" not in listed, listed[:300]


@pytest.mark.parametrize(
    "text, term",
    [
        ("oye q significa sueldo medio", "median_pay"),
        ("que quiere decir perspectivas de empleo", "job_outlook"),
        ("q es una certificacion? no entiendo esa palabra", "certification"),
        ("que significa aprendiz", "apprenticeship"),
    ],
)
def test_a_word_asked_in_spanish_gets_its_spanish_definition(bot, es, text, term):
    said, buttons = _reply(bot, text)
    definition = next(t for t in es.glossary if t.id == term).definition
    assert said.startswith(next(t.term for t in es.glossary if t.id == term) + ": " + definition), said[:300]
    spanish_titles = {p for p in book("es").values() if isinstance(p, str)} | {t.term for t in es.glossary}
    assert buttons and all(title in spanish_titles for title, _ in buttons), buttons


def test_a_word_button_asks_in_spanish_and_the_conversation_stays_spanish(bot, es):
    me = uuid.uuid4().hex
    _, buttons = _reply(bot, "q quiere decir mediana", sender=me)
    said = bot.text(
        dict(buttons)["Perspectivas de empleo"], me, metadata=SPANISH, patient=True
    )  # as the widget sends it
    assert next(t.definition for t in es.glossary if t.id == "job_outlook") in said
    # English words would have switched the conversation: a plain "ok" after them is answered in Spanish.
    assert bot.text("ok", me, metadata=SPANISH, patient=True).startswith("¡Muy bien!")


@pytest.mark.parametrize(
    "text, metadata, wanted",
    [
        ("puedo hablar con la consejera de la escuela?", AT_DEMO, "escríbele a counselor@demo-school.example.org"),
        ("como le hago pa hablar con mi consejero", AT_DEMO, "habla con Ms. Example"),
        ("necesito hablar con un consejero porfa", SPANISH, "pregunta en la oficina de consejería"),
        ("hay alguna persona real con quien pueda hablar?", SPANISH, "Tu consejero escolar es la mejor persona"),
        ("quiero hablar con alguien de orientacion", SPANISH, "Tu consejero escolar es la mejor persona"),
    ],
)
def test_the_counselor_contact_in_spanish(bot, text, metadata, wanted):
    said, buttons = _reply(bot, text, metadata)
    assert wanted in said and said.endswith(say("es", "counselor.only_a_bot")), said[:300]
    assert ("¿Cómo empiezo?", "/ask_training") in buttons and not english_in(said, "counselor")


@pytest.mark.parametrize(
    "text",
    [
        "soy maestra de cte, q cubre este bot?",
        "soy consejero en una prepa, como pongo esto en la pagina de la escuela",
        "soy maestra, como lo uso en mi clase",
        "soy consejera escolar, para que sirve este asistente",
    ],
)
def test_the_answer_for_staff_in_spanish(bot, kb, text):
    said, buttons = _reply(bot, text)
    assert said.startswith(say("es", "staff.lead")), said[:300]
    assert f"{len(kb.roles)} trabajos de manufactura" in said and "de noviembre de" in said
    assert not english_in(said, "staff") and buttons[0] == ("Detalles de privacidad", "/ask_privacy")


#: Messages the classifier is unsure about (so its likeliest kinds are offered): which ones are is
#: the trained model's doing, so a retrained model may need others here ("ahh ok y entonces" was
#: one until round 7's examples, "entonces como" until round 8's).
UNSURE = ["osea como", "osea como asi", "mmm osea como", "mmm como", "como asi osea"]


@pytest.mark.parametrize("text", UNSURE)
def test_the_unsure_answer_offers_spanish_buttons_with_the_english_payloads(bot, text):
    said, buttons = _reply(bot, text)
    assert said == say("es", "scope.not_sure"), said[:300]
    offered = {title: payload for title, payload in suggestions("es").values()}
    assert buttons and all(offered.get(title) == payload for title, payload in buttons), buttons
    english = {payload for _, payload in suggestions("en").values() if payload.startswith("/")}
    assert {payload for _, payload in buttons} <= english
