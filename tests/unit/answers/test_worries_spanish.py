"""Worries in Spanish (bot/answers/worries.py, data/phrases/es/worries.yml,
data/lexicon/es/worries.yml): the topic from Spanish words, and the same reply as in English, the
same facts, buttons and sources, worded in Spanish."""

from __future__ import annotations

import re
import statistics

import pytest

from bot.answers import worries
from bot.answers.safety_net import with_safety_net
from bot.knowledge.texts import load_localised
from bot.phrases import book, say
from bot.render import BULLET, cite
from bot.understanding.reading import words_only
from bot.understanding.verdict import corrected_intent

from .conftest import said
from .readability import spanish_scores

#: (topic, an English worry, the same worry as a Spanish-speaking student or parent writes it)
WORRIES = [
    ("math", "i'm bad at math, can i work in a factory?", "soy malo en matemáticas, ¿puedo trabajar en una fábrica?"),
    ("math", "math is hard", "las mates se me hacen bien dificiles"),
    ("family", "my parents want me to go to college", "mis papás quieren que vaya a la universidad"),
    ("cost", "college is too expensive", "la universidad es muy cara, no nos alcanza"),
    ("girl", "i'm a girl, can i weld?", "soy mujer, ¿puedo ser soldadora?"),
    ("robots", "will robots take my job", "los robots nos van a quitar el trabajo?"),
    ("grades", "my grades are bad", "mis calificaciones son malas"),
    ("grades", "i'm not smart enough", "no soy tan inteligente"),
    ("undecided", "i don't know what i want to do", "no sé qué quiero hacer"),
    ("undecided", "i'm confused", "estoy confundida"),
    ("safety", "i'm afraid i'll get hurt in a factory", "me da miedo lastimarme en una fábrica"),
    ("general", "i'm nervous", "estoy nerviosa"),
]


def spanish(knowledge, text, **kw):
    return said(knowledge, text, slots={"language": "es"}, reading=words_only(text), **kw)


def english(knowledge, text, **kw):
    return said(knowledge, text, reading=words_only(text), **kw)


def bullets_of(text: str) -> int:
    return text.count(f"\n{BULLET} ")


@pytest.mark.parametrize("topic, _, text", WORRIES)
def test_the_topic_comes_from_the_spanish_words(topic, _, text):
    assert worries.topic_of(text) == topic


@pytest.mark.parametrize("topic, english_text, spanish_text", WORRIES)
def test_the_spanish_reply_has_the_english_ones_structure_in_spanish(knowledge, topic, english_text, spanish_text):
    en = worries.answer(english(knowledge, english_text))
    es = worries.answer(spanish(knowledge, spanish_text))
    assert [b.payload for b in es.buttons if b.payload.startswith("/")] == [
        b.payload for b in en.buttons if b.payload.startswith("/")
    ]
    assert len(es.buttons) == len(en.buttons) and es.sources == en.sources
    assert bullets_of(es.text) == bullets_of(en.text) and es.text.count("\n\n") == en.text.count("\n\n")
    assert es.text.endswith("Tu consejero escolar también puede ayudarte a hacer un plan.")
    assert es.buttons[-1].title == "Hablar con un consejero"
    english_phrases = [v for k, v in book("en").items() if k.startswith("worries.") and isinstance(v, str)]
    assert not [p for p in english_phrases if len(p.split()) > 2 and p in es.text]
    assert "988" not in es.text and len(es.text) < 1000
    sentences = [s for s in re.split(r"[.!?:\n]", es.text) if s.strip()]
    assert max(len(s.split()) for s in sentences) <= 30, topic  # plain words: short sentences


def test_the_facts_are_the_spanish_texts_with_the_same_figures_and_source(knowledge, kb):
    es_kb = load_localised(kb, "es")
    gap = next(e for e in es_kb.economy if e.id == "skills_gap")
    girl = worries.answer(spanish(knowledge, "soy la única chica en la clase de soldadura"))
    assert f"{gap.statement} {cite(es_kb, gap.source, str(gap.year), 'es')}" in girl.text
    assert girl.sources == [gap.source]
    family = worries.answer(spanish(knowledge, "mi familia quiere que vaya a la universidad"))
    assert "https://www.apprenticeship.gov/" in family.text and "soldador" in family.text
    math = worries.answer(spanish(knowledge, "soy malo en matemáticas"))
    machinist = next(r for r in es_kb.roles if r.id == "machinist")
    assert any(s in math.text for s in machinist.skills) and "matemáticas" in math.text.lower()
    # The button that lists jobs without a degree sends Spanish words (read as a Spanish question).
    no_degree = next(b for b in family.buttons if not b.payload.startswith("/"))
    assert (no_degree.title, no_degree.payload) == ("Trabajos sin título", say("es", "render.no_degree_message"))


def test_a_parent_writing_in_spanish_gets_words_for_a_parent(knowledge):
    only_girl = "mi hija es la única chica en la clase de soldadura"
    a = worries.answer(spanish(knowledge, only_girl, metadata={"school": "demo"}))
    assert "Díselo a un adulto de tu escuela" not in a.text
    assert "Si alguien la trata de forma injusta, eso no está bien. Habla con su escuela." in a.text
    assert "que puede ayudarte a ti y a tu hija a hacer un plan. Su correo es" in a.text
    son = worries.answer(spanish(knowledge, "mi hijo quiere soldar pero su papá espera que vaya a la universidad"))
    assert son.text.startswith("Es natural querer lo mejor para tu hijo.")


def test_a_spanish_widget_gets_the_spanish_reply_before_any_message_settled_it(knowledge):
    text = "malo en mate"
    first = said(knowledge, text, metadata={"lang": "es"}, reading=words_only(text))
    assert worries.answer(first).text.startswith(say("es", "worries.math"))


def test_a_spanish_worry_that_sounded_like_distress_ends_with_the_988_line_in_spanish(knowledge):
    netted = spanish(knowledge, "siento que nadie cree en mí", entities={"safety_net": "yes"})
    reply = with_safety_net(netted, worries.answer(netted)).text
    assert reply.endswith(say("es", "scope.safety_net")) and "988 y marca 2" in reply


def test_spanish_worry_replies_read_fairly_easily(knowledge):
    scores = spanish_scores(worries.answer(spanish(knowledge, text)).text for _, _, text in WORRIES)
    median = statistics.median(scores)
    print(f"INFLESZ of {len(scores)} Spanish worry replies: median {median:.1f}, min {min(scores):.1f}")
    assert statistics.median(scores) >= 60 and min(scores) >= 40


def _ranking(*names):
    return [{"name": n, "confidence": round(0.9 / (i + 1), 3)} for i, n in enumerate(names)]


@pytest.mark.parametrize("text", [text for topic, _, text in WORRIES if topic != "robots"])
def test_a_spanish_worry_the_classifier_got_right_is_kept(text):
    """data/lexicon/es/feelings.yml: without a sign of a feeling the guard sends a worry away."""
    guess = {"name": "share_worry", "confidence": 0.6}
    assert corrected_intent(text, guess, _ranking("share_worry", "ask_about")) is None


@pytest.mark.parametrize(
    "text", ["¿puedo estudiar soldadura en la prepa?", "cuanto gana un soldador", "trabajos con solo la prepa"]
)
def test_a_plain_spanish_question_is_not_a_worry(text):
    guess = {"name": "share_worry", "confidence": 0.6}
    new = corrected_intent(text, guess, _ranking("share_worry", "ask_about"))
    assert new is not None and new["name"] != "share_worry"
