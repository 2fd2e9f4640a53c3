"""The counselor contact and the answer for counselors and teachers in Spanish
(bot/answers/counselor.py, staff.py; data/phrases/es/counselor.yml, staff.yml): the same facts,
counts, contact details and buttons as in English, worded in Spanish."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answers import counselor, staff
from bot.phrases import book
from bot.render import long_date

from .conftest import english_in, turn

SPANISH = {"language": "es"}
DEMO = {"school": "demo"}


def test_the_counselor_of_a_registered_school_in_spanish(knowledge, monkeypatch):
    monkeypatch.delenv("SCHOOLS_FILE", raising=False)
    es = counselor.contact(
        turn(knowledge, "ask_counselor", "quiero hablar con mi consejera", metadata=DEMO, slots=SPANISH)
    )
    assert es.text == (
        "Si quieres consejos sobre tus planes, habla con Ms. Example (demo counselor) de Demo High School: "
        "escríbele a counselor@demo-school.example.org o visita https://demo-school.example.org/counseling. "
        "Soy un bot, así que no puedo pasarle tu mensaje a nadie."
    )
    en = counselor.contact(turn(knowledge, "ask_counselor", "can I talk to a counselor", metadata=DEMO))
    assert [b.payload for b in es.buttons] == [b.payload for b in en.buttons] == ["/ask_training", "/ask_roles"]
    assert [b.title for b in es.buttons] == ["¿Cómo empiezo?", "Trabajos en manufactura"]


def test_without_a_school_the_spanish_reply_sends_to_the_counseling_office(knowledge):
    es = counselor.contact(turn(knowledge, "ask_counselor", "hay algun humano q me pueda ayudar", slots=SPANISH))
    assert es.text.startswith("Tu consejero escolar es la mejor persona para ayudarte con tus planes.")
    assert "oficina de consejería" in es.text and "@" not in es.text
    assert not english_in(es.text, "counselor")


def test_a_spanish_widget_gets_the_spanish_contact_before_any_message_settled_it(knowledge):
    es = counselor.contact(turn(knowledge, "ask_counselor", "consejero", metadata={**DEMO, "lang": "es"}))
    assert es.text.startswith("Si quieres consejos sobre tus planes") and es.text.endswith("a nadie.")


@pytest.fixture()
def fourteen_days(monkeypatch):
    monkeypatch.setenv("CONVERSATION_RETENTION_DAYS", "14")


def test_the_answer_for_staff_in_spanish_has_the_english_counts_and_sources(knowledge, fourteen_days):
    es = staff.answer(turn(knowledge, "ask_for_staff", "soy consejera, que cubre este asistente?", slots=SPANISH))
    en = staff.answer(turn(knowledge, "ask_for_staff", "i'm a counselor, what does this cover?"))
    kb = knowledge.kb
    assert es.text.startswith("Para consejeros y maestros:\n")
    assert f"Qué cubre: {len(kb.roles)} trabajos de manufactura, {len(kb.sectors)} industrias y " in es.text
    others = len({s.publisher for s in kb.meta.sources.values()}) - staff.MOST_CITED
    named = en.text.split("Where the facts come from: ")[1].split(f" and {others} others.")[0]
    assert f"De dónde salen los datos: {named} y {others} más." in es.text
    assert es.text.count("\n• ") == en.text.count("\n• ") == 5
    assert "se borran a los 14 días" in es.text and "deleted after 14 days" in en.text
    assert f"por última vez el {long_date(kb.meta.last_reviewed, 'es')}." in es.text
    assert not english_in(es.text, "staff")
    assert "consejero escolar" not in es.text  # they are the counselor


def test_the_staff_buttons_in_spanish(knowledge):
    es = staff.answer(turn(knowledge, "ask_for_staff", "soy maestra", slots=SPANISH))
    en = staff.answer(turn(knowledge, "ask_for_staff", "i'm a teacher"))
    assert [b.payload for b in es.buttons][:2] == [b.payload for b in en.buttons][:2] == ["/ask_privacy", "/ask_roles"]
    assert [(b.title, b.payload) for b in es.buttons] == [
        ("Detalles de privacidad", "/ask_privacy"),
        ("Trabajos en manufactura", "/ask_roles"),
        ("Trabajos sin universidad", "trabajos sin universidad"),  # words read as a Spanish question
    ]


@pytest.mark.parametrize("day", [dt.date(2026, 11, 25), dt.date(2025, 5, 1), dt.date(2024, 12, 31)])
def test_a_long_date_in_each_language(day):
    assert long_date(day) == f"{day:%B %-d, %Y}"  # as the English answers always wrote it
    months = book("es")["render.months"]
    assert long_date(day, "es") == f"{day.day} de {months[day.month - 1]} de {day.year}"
