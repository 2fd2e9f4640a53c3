"""The conversation's language (bot/understanding/language.py): detection, stickiness, switches.

The messages are tests/fixtures/language_messages.yml (written for this project; the held-out
sets were never used to tune the word lists). Property tests: fixed seed (derandomize)."""

from __future__ import annotations

from typing import Dict, List

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import ROOT
from bot.understanding.language import (
    SWITCH_PAYLOADS,
    conversation_language,
    decisive_language,
    detected_language,
    normalise_language,
    requested_language,
)

MESSAGES: Dict[str, List[str]] = yaml.safe_load(
    (ROOT / "tests" / "fixtures" / "language_messages.yml").read_text(encoding="utf-8")
)
OTHER = {"en": "es", "es": "en"}
SETTINGS = settings(derandomize=True, deadline=None, database=None, max_examples=300)


def test_the_fixture_is_big_enough_and_all_text():
    assert sum(len(v) for v in MESSAGES.values()) >= 150
    assert all(isinstance(t, str) and t for v in MESSAGES.values() for t in v)  # YAML reads `no` as False


@pytest.mark.parametrize("name, floor", [("es", 0.95), ("en", 0.95), ("heldout_es", 0.88), ("heldout_en", 0.9)])
def test_a_clear_message_changes_the_language(name, floor):
    lang = name[-2:]
    items = MESSAGES[name]
    wrong = [t for t in items if conversation_language(t, OTHER[lang], None) != lang]
    assert 1 - len(wrong) / len(items) >= floor, wrong


@pytest.mark.parametrize("text", MESSAGES["neutral"])
@pytest.mark.parametrize("previous", ["en", "es"])
def test_short_and_neutral_messages_never_flip(text, previous):
    assert conversation_language(text, previous, OTHER[previous]) == previous


@pytest.mark.parametrize("lang", ["es", "en"])
def test_an_explicit_request_always_switches(lang):
    for text in MESSAGES[f"switch_{lang}"]:
        assert conversation_language(text, OTHER[lang], OTHER[lang]) == lang, text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("qué hace un machinist", "es"),
        ("cuanto le pagan a un tornero", "es"),
        ("what does a soldador do all day", "en"),
        ("¿inglés o español?", None),  # asks for neither
        ('/switch_language{"language":"fr"}', None),  # not a language we speak
        ('/switch_language{"language":', None),  # broken payload: no crash
        ('/ask_pay{"role":"welder"}', None),
    ],
)
def test_examples(text, expected):
    assert (requested_language(text) or detected_language(text)) == expected


def test_the_start_of_a_conversation_follows_the_school():
    assert conversation_language("hola", None, "es") == "es"
    assert conversation_language("ok", None, None) == "en"
    assert conversation_language("ok", None, "fr") == "en"  # an unknown default is ignored
    assert conversation_language("how much do welders make", None, "es") == "en"
    assert conversation_language("", "es", "en") == "es"


def test_normalise_language():
    assert normalise_language(" ES ") == "es"
    assert normalise_language("spanish") is None
    assert normalise_language(None) is None


def test_switch_payloads_are_read_back():
    for lang, payload in SWITCH_PAYLOADS.items():
        assert requested_language(payload) == lang


# --- properties ---------------------------------------------------------------------------

languages = st.sampled_from(["en", "es", None, "fr", "", "ES"])


@SETTINGS
@given(st.text(max_size=200), languages, languages)
def test_the_answer_is_always_a_language_we_speak(text, previous, default):
    assert conversation_language(text, previous, default) in ("en", "es")


@SETTINGS
@given(st.from_regex(r"\A[^\W\d_]{1,20}\Z") | st.from_regex(r"\A[\d.,$% ]{1,12}\Z"), st.sampled_from(["en", "es"]))
def test_one_word_or_a_number_never_flips(word, previous):
    if requested_language(word) is None:
        assert conversation_language(word, previous, None) == previous


@SETTINGS
@given(st.text(max_size=80), st.sampled_from(["en", "es"]), st.sampled_from(["en", "es"]))
def test_a_switch_button_wins_whatever_came_before(noise, previous, target):
    assert conversation_language(SWITCH_PAYLOADS[target], previous, OTHER[target]) == target
    # the words of a request win too, whatever the text before (when it asks for one language)
    text = f"{noise} {'en español por favor' if target == 'es' else 'switch to English'}"
    if requested_language(text) == target:
        assert conversation_language(text, previous, None) == target


@SETTINGS
@given(st.text(max_size=120), st.sampled_from(["en", "es"]), languages)
def test_the_decisive_language_is_the_conversation_language_when_it_has_one(text, previous, default):
    """The slot-based wiring (entity only when decisive) equals the function's stickiness."""
    decided = decisive_language(text)
    assert conversation_language(text, previous, default) == (decided or previous)


@SETTINGS
@given(st.sampled_from(MESSAGES["neutral"]), st.sampled_from(MESSAGES["neutral"]), st.sampled_from(["en", "es"]))
def test_a_chain_of_neutral_messages_keeps_the_language(first, second, previous):
    lang = conversation_language(first, previous, None)
    assert conversation_language(second, lang, None) == previous
