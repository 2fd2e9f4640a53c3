"""The phrasebook (bot/phrases.py, data/phrases/<language>/): every language has the same keys
with the same placeholders, every key is used by the code, and the Spanish phrases read easily."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import phrases

ROOT = Path(__file__).resolve().parents[2]


def test_every_language_has_the_same_keys_and_placeholders():
    english = phrases.book("en")
    assert len(english) > 100
    for language in phrases.LANGUAGES[1:]:
        other = phrases.book(language)
        assert sorted(other) == sorted(english), f"{language}: keys differ from English"
        different = {
            key: (sorted(phrases.placeholders(english[key])), sorted(phrases.placeholders(other[key])))
            for key in english
            if phrases.placeholders(english[key]) != phrases.placeholders(other[key])
        }
        assert not different, f"{language}: placeholders differ from English: {different}"


def test_every_phrase_is_used_by_the_code():
    code = "\n".join(p.read_text(encoding="utf-8") for d in ("bot", "actions") for p in (ROOT / d).rglob("*.py"))
    unused = [key for key in phrases.book("en") if f'"{key}"' not in code and f"'{key}'" not in code]
    assert not unused, f"phrases no code says: {unused}"


def test_a_missing_key_or_field_is_loud():
    with pytest.raises(KeyError):
        phrases.say("es", "roles.no_such_phrase")
    with pytest.raises(KeyError):
        phrases.say("es", "roles.pay_missing")  # needs {title}


def test_an_unknown_language_is_answered_in_english():
    assert phrases.say("fr", "roles.button_pay") == phrases.say("en", "roles.button_pay") == "Pay"
    assert phrases.say("es", "roles.button_pay") == "Sueldo"
    assert phrases.language_of(None) == phrases.language_of("xx") == "en"


def test_spanish_phrases_are_not_english_left_untranslated():
    """A Spanish phrase equal to the English one is only figures, names or punctuation."""
    english, spanish = phrases.book("en"), phrases.book("es")
    allowed = {"render.cite", "render.cite_publisher", "explore.versus", "explore.lead_end", "quiz.area"}
    same = [k for k in english if english[k] == spanish[k] and k not in allowed]
    assert not same


def test_the_months_are_twelve_in_order():
    assert phrases.words("es", "render.months")[4] == "mayo"
    assert len(phrases.words("es", "render.months")) == 12
