"""Against the real bot over REST: pay where the student lives, asked in Spanish as students and
parents type it (no accents, chat spellings), answered in Spanish with BLS OEWS figures checked
against the committed extract (data/local/), BLS's place names, and the release in Spanish."""

from __future__ import annotations

import uuid

import pytest

from bot.knowledge import local_pay
from bot.phrases import book
from bot.render import month_year
from tests.e2e.test_local_pay import median  # the median BLS publishes, from the extract

SPANISH = {"lang": "es"}
RELEASE = month_year(local_pay.load().release, "es")  # "mayo de 2025"
#: English sentences of the local answers: none may show in a Spanish reply.
ENGLISH = ["Median pay", "Source:", "a year", "BLS does not publish", "higher or lower where you live"]


def ask(bot, text: str, sender: str) -> str:
    return bot.text(text, sender, metadata=SPANISH)


def spanish(reply: str) -> str:
    left = [e for e in ENGLISH if e in reply]
    assert not left, (left, reply)
    return reply


@pytest.mark.parametrize(
    "question, role_id, area, heading",
    [
        ("cuanto gana un soldador en texas", "welder", "4800000", "Soldador: sueldo en Texas"),
        ("cuanto ganan los torneros en wisconsin", "machinist", "5500000", "Maquinista: sueldo en Wisconsin"),
        (
            "q tanto les pagan a los operadores de montacargas en california",
            "forklift_operator",
            "0600000",
            "Operador de montacargas: sueldo en California",
        ),
        (
            "sueldo de inspector de calidad en chicago",
            "quality_inspector",
            "0016980",
            "sueldo en Chicago-Naperville-Elgin, IL-IN",
        ),
        (
            "cuanto le pagan a un soldador en carolina del norte",
            "welder",
            "3700000",
            "Soldador: sueldo en North Carolina",
        ),
        ("cuanto gana un operador de cnc en houston", "cnc_operator", "0026420", "Houston-Pasadena-The Woodlands, TX"),
    ],
)
def test_a_spanish_local_question_gets_that_places_median_in_spanish(bot, question, role_id, area, heading):
    reply = spanish(ask(bot, question, uuid.uuid4().hex))
    name = local_pay.load().areas[area].name
    assert heading in reply and f"Sueldo medio: {median(role_id, area)} al año" in reply, reply
    assert f"Fuente: BLS OEWS, {RELEASE}, {name}." in reply, reply
    assert f"el sueldo medio de EE. UU., que es de {median(role_id, local_pay.NATION)}" in reply, reply


def test_a_place_named_earlier_is_used_in_spanish(bot):
    me = uuid.uuid4().hex
    first = spanish(ask(bot, "vivo en ohio", me))
    assert f"Tengo los sueldos de Ohio de la BLS ({RELEASE})" in first, first
    pay = spanish(ask(bot, "y cuanto gana un soldador?", me))
    assert pay.startswith("Soldador: sueldo en Ohio"), pay
    assert f"Sueldo medio: {median('welder', '3900000')} al año" in pay and f"BLS OEWS, {RELEASE}, Ohio." in pay
    good = spanish(ask(bot, "es buen sueldo?", me))
    assert good.startswith(f"Soldador en Ohio: sueldo medio de {median('welder', '3900000')} al año."), good
    assert "todos los empleos en Ohio" in good, good
    both = spanish(ask(bot, "soldador o tornero, quien gana mas?", me))
    assert both.startswith("Soldador vs Maquinista: sueldo en Ohio"), both
    assert "de estos trabajos el que más gana es el de" in both, both


def test_two_states_side_by_side_in_spanish(bot):
    reply = spanish(ask(bot, "cuanto ganan los soldadores en georgia vs alabama", uuid.uuid4().hex))
    for area, name in (("1300000", "Georgia"), ("0100000", "Alabama")):
        assert f"• {name}: sueldo medio de {median('welder', area)} al año" in reply, reply
    assert f"Fuente: BLS OEWS, {RELEASE}, Georgia y Alabama." in reply, reply


def test_the_spanish_phrasebook_has_no_english_left_to_check_for():
    """The words this test bans are the English book's own (a renamed phrase would hide English)."""
    english = " ".join(v for k, v in book("en").items() if k.startswith("local.") and isinstance(v, str))
    assert all(e in english for e in ENGLISH)
