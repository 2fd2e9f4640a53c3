"""Common beliefs in Spanish (bot/answers/myths.py, the knowledge texts' `myths`,
data/phrases/es/myths.yml): the Spanish reply, then the same figures, sources and buttons as in
English, each line worded in Spanish; and the Spanish texts are checked like the other sections."""

from __future__ import annotations

import copy
import re
import statistics

import pytest

from bot.answers import myths
from bot.knowledge.texts import load_texts
from bot.phrases import say
from bot.render import BULLET
from bot.understanding.reading import MYTH_CUE_PREFIX, cues_in, words_only
from tests.unit.test_knowledge_texts import RAW_ES, problems

from .conftest import english_in, turn
from .readability import spanish_scores

_FIGURE = re.compile(r"[$+−]?\d[\d,.]*%?")
SPANISH = {"language": "es"}


@pytest.fixture()
def es_kb(knowledge):
    """The Spanish knowledge base the answers are written from."""
    return knowledge.in_language("es").kb


def _reply(knowledge, myth_id: str, **kw):
    t = turn(knowledge, "ask_myth", "", reading=words_only(""), **kw)
    return myths.reply(t, next(m for m in t.kb.myths if m.id == myth_id))


@pytest.mark.parametrize(
    "myth_id", ["low_pay", "going_away", "dirty_dangerous", "dead_end", "no_college", "repetitive"]
)
def test_each_belief_is_answered_in_spanish_with_the_english_figures(knowledge, kb, es_kb, myth_id):
    en = _reply(knowledge, myth_id)
    es = _reply(knowledge, myth_id, slots=SPANISH)
    spanish = next(m for m in es_kb.myths if m.id == myth_id)
    english = next(m for m in kb.myths if m.id == myth_id)
    assert es.text.startswith(spanish.reply + "\n") and english.reply not in es.text
    assert _FIGURE.findall(es.text) == _FIGURE.findall(en.text)
    assert es.text.count(f"\n{BULLET} ") == en.text.count(f"\n{BULLET} ") and es.sources == en.sources
    assert [b.payload for b in es.buttons[:-1]] == [b.payload for b in en.buttons[:-1]]
    assert not english_in(es.text, "myths")
    assert english_in(en.text, "myths") or not (english.roles or english.injury_rates)  # the check sees English


def test_the_lines_name_the_spanish_jobs_and_cite_the_month_in_spanish(knowledge, es_kb):
    es = _reply(knowledge, "low_pay", slots=SPANISH)
    mechanic = next(r for r in es_kb.roles if r.id == "maintenance_mechanic")
    assert f"{mechanic.title}: sueldo medio de $63,510 al año (BLS, mayo de 2024); se empieza con" in es.text
    assert "Todos los trabajos de EE. UU.: sueldo medio de $49,500 al año (BLS, mayo de 2024)" in es.text
    assert [b.title for b in es.buttons[:2]] == [mechanic.title, "Técnico en robótica"]


def test_the_facts_are_the_spanish_statements_and_industries(knowledge, es_kb):
    going = _reply(knowledge, "going_away", slots=SPANISH)
    employment = next(e for e in es_kb.economy if e.id == "employment")
    assert f"{employment.statement} (BLS, 2024)" in going.text
    dangerous = _reply(knowledge, "dirty_dangerous", slots=SPANISH)
    for rate in es_kb.leaving_school.safety.injury_rates:  # the industries as the Spanish knowledge names them
        assert f"{rate.industry}: {rate.cases_per_100:g} casos de lesión o enfermedad por cada 100" in dangerous.text


def test_the_no_degree_button_sends_spanish_words(knowledge):
    button = _reply(knowledge, "low_pay", slots=SPANISH).buttons[-1]
    assert (button.title, button.payload) == (say("es", "render.button_no_degree"), "trabajos sin universidad")
    english = _reply(knowledge, "low_pay").buttons[-1]
    assert (english.title, english.payload) == ("Jobs without a degree", "jobs without a college degree")


def test_a_belief_not_named_gets_the_most_heard_one_in_spanish(knowledge, es_kb):
    reply = myths.answer(turn(knowledge, "ask_myth", "la manufactura ya no existe", slots=SPANISH))
    assert reply.text.startswith(next(m.reply for m in es_kb.myths if m.id == "going_away"))


def test_a_spanish_widget_gets_the_spanish_reply_before_any_message_settled_it(knowledge, es_kb):
    reply = myths.answer(turn(knowledge, "ask_myth", "las fabricas pagan poco", metadata={"lang": "es"}))
    assert reply.text.startswith(tuple(m.reply for m in es_kb.myths))


def test_every_belief_has_spanish_words_of_its_own(kb):
    texts = load_texts(kb, "es")
    assert set(texts.myths) == {m.id for m in kb.myths}
    for m in kb.myths:
        assert texts.myths[m.id].reply != m.reply and texts.myths[m.id].claim != m.claim


def test_a_missing_belief_or_a_figure_of_its_own_is_named(kb, tmp_path):
    raw_es = copy.deepcopy(RAW_ES)
    del raw_es["myths"]["dead_end"]
    raw_es["myths"]["repetitive"]["reply"] += " El 90% de los trabajos cambia."
    raw_es["myths"]["toys"] = {"claim": "Los juguetes.", "reply": "Sí."}
    assert problems(kb, raw_es, tmp_path) == [
        "entry myths[dead_end]: no text in this language (add the entry with the same id)",
        "entry myths[toys]: no entry with this id in the English knowledge file",
        "entry myths[repetitive], field reply: figures ['90'] differ from the English text's []",
    ]


def test_a_belief_without_its_reply_is_named(kb, tmp_path):
    raw_es = copy.deepcopy(RAW_ES)
    del raw_es["myths"]["low_pay"]["reply"]
    assert problems(kb, raw_es, tmp_path) == ["entry myths[low_pay], field reply: this required field is missing"]


def test_the_spanish_replies_read_fairly_easily(es_kb):
    """INFLESZ of the replies (measured: median 77.1, min 63.9)."""
    scores = spanish_scores(m.reply for m in es_kb.myths)
    assert statistics.median(scores) >= 65 and min(scores) >= 55


def test_every_belief_as_the_spanish_texts_state_it_is_found_by_its_own_words(es_kb):
    for m in es_kb.myths:
        found = sorted(c for c in cues_in(m.claim) if c.startswith(MYTH_CUE_PREFIX))
        assert found == [MYTH_CUE_PREFIX + m.id], m.claim
