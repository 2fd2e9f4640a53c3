"""Common beliefs about manufacturing (bot/answers/myths.py): found by their words, answered with
the project's reply and only the knowledge file's figures, each with its source."""

from __future__ import annotations

import pytest

from bot.answers import myths
from bot.render import pay_line
from bot.understanding import lexicon
from bot.understanding.reading import CUES, MYTH_CUE_PREFIX, cues_in
from bot.understanding.verdict import corrected_intent
from tests.unit.answers.conftest import turn


@pytest.mark.parametrize(
    "text, myth",
    [
        ("factory work doesnt pay well", "low_pay"),
        ("all the factory jobs went to china", "going_away"),
        ("plants are dark and dirty", "dirty_dangerous"),
        ("its a dead end, you cant move up", "dead_end"),
        ("manufacturing is for people who couldnt get into college", "no_college"),
        ("you do the same thing all day", "repetitive"),
    ],
)
def test_each_belief_is_found_by_its_words_and_answered_with_sourced_figures(knowledge, kb, text, myth):
    t = turn(knowledge, "ask_myth", text)
    found = myths.asked(t)
    assert found is not None and found.id == myth
    reply = myths.answer(t)
    stated = next(m for m in kb.myths if m.id == myth)
    assert reply.text.startswith(stated.reply)
    assert reply.sources and all(s in kb.meta.sources for s in reply.sources)
    assert "(BLS" in reply.text or "(NAM" in reply.text or "(Deloitte" in reply.text


def test_the_pay_belief_shows_the_jobs_and_all_jobs_pay(knowledge, kb):
    reply = myths.answer(turn(knowledge, "ask_myth", "factory jobs are minimum wage"))
    welder_free = [r for r in kb.roles if r.id == "maintenance_mechanic"][0]
    assert pay_line(kb, welder_free.median_pay).split(": ")[1].split(" a year")[0] in reply.text
    assert "All U.S. jobs: median pay $49,500" in reply.text


def test_a_belief_not_named_gets_the_most_heard_one(knowledge):
    assert myths.answer(turn(knowledge, "ask_myth", "is manufacturing even real anymore")).text.startswith(
        "Some work did move overseas"
    )


@pytest.mark.parametrize(
    "text, guess, intent",
    [
        ("factory jobs dont pay anything", "ask_about", "ask_myth"),
        ("isnt manufacturing a dead end", "out_of_scope", "ask_myth"),
        ("does welding pay well or is it low pay", "ask_about", "ask_pay"),  # a job named: its pay
        ("is it dangerous to work in a plant", "ask_safety", "ask_safety"),  # a safety question stays
    ],
)
def test_a_belief_with_no_job_named_is_a_myth(knowledge, text, guess, intent):
    chosen = {"name": guess, "confidence": 0.4}
    result = corrected_intent(text, chosen, [chosen], knowledge.reader.read(text)) or chosen
    assert result["name"] == intent


def _myth_sections(language: str) -> set:
    return {name for name in lexicon.sections(CUES, language) if name.startswith(MYTH_CUE_PREFIX)}


def test_every_belief_has_its_words_and_every_belief_word_section_a_belief(kb):
    """A belief of the knowledge file without a myth_<id> section of data/lexicon/en/cues.yml is
    reached only as the default one; a section whose id is no belief is never answered."""
    ids = {MYTH_CUE_PREFIX + m.id for m in kb.myths}
    assert ids - _myth_sections("en") == set()
    for language in lexicon.LANGUAGES:
        assert _myth_sections(language) - ids == set(), language


def test_every_belief_as_the_file_states_it_is_found_by_its_own_words(kb):
    for m in kb.myths:
        found = sorted(c for c in cues_in(m.claim) if c.startswith(MYTH_CUE_PREFIX))
        assert found == [MYTH_CUE_PREFIX + m.id], m.claim
