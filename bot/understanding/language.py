"""The conversation's language: detected per message, but sticky (docs/spanish.md).

A detector's guess on one short message is unreliable ("hola", "no", "ok", a job title or a
number are the same in both languages), and a reply that flips language mid-conversation is
worse than one that stays. So:

1. An explicit request ("English" / "Español" buttons' payloads, "¿hablas español?", "switch
   to English", "en español por favor"; data/lexicon/<language>/switch.yml) always wins.
2. Otherwise the message changes the language only when it clearly reads as the other one: at
   least `MIN_WORDS` words, and the other language's marker words (data/lexicon/<language>/
   language.yml) outnumber this one's by `MIN_MARGIN` or more. Spanish punctuation and letters
   (¿ ¡ ñ, accented vowels) count as one marker.
3. Anything else keeps the previous language (or the school's default at the start).

Measured against library detectors on short student messages in docs/spanish.md
(`python -m bot.tools.language_eval`). Pure functions; the word lists are read once, on first use.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Dict, FrozenSet, Optional

from bot.understanding.lexicon import LANGUAGES, fold, function_words, search

#: The conversation's language when nothing else says (no school default, unknown value).
DEFAULT_LANGUAGE = "en"
#: Fewer words than this never change the language (except an explicit request).
MIN_WORDS = 2
#: How many more marker words the other language needs.
MIN_MARGIN = 2

#: The widget's "English / Español" switch sends these (bot/web/chat.js holds the same strings;
#: tests/unit/test_language.py checks they agree).
SWITCH_PAYLOADS: Dict[str, str] = {lang: f'/switch_language{{"language":"{lang}"}}' for lang in LANGUAGES}

_PAYLOAD = re.compile(r"^\s*/[A-Za-z_]+(\{.*\})\s*$", re.DOTALL)
_WORD = re.compile(r"[a-z0-9]+")
# Only Spanish writes these; one marker however many there are.
_SPANISH_MARKS = re.compile(r"[¿¡ñÑáéíóúÁÉÍÓÚ]")


def normalise_language(value: Optional[str]) -> Optional[str]:
    """`value` if it is a language the assistant speaks ("es", "ES", " es "), else None."""
    if not isinstance(value, str):
        return None
    value = value.strip().lower()
    return value if value in LANGUAGES else None


def conversation_language(text: Optional[str], previous_language: Optional[str], school_default: Optional[str]) -> str:
    """The language to answer this message in.

    `previous_language`: the conversation's language so far (the `language` slot), None at the
    start. `school_default`: the school's language (data/schools.yml or the embed's data-lang),
    used when the conversation has none yet."""
    current = normalise_language(previous_language) or normalise_language(school_default) or DEFAULT_LANGUAGE
    return decisive_language(text) or current


def decisive_language(text: Optional[str]) -> Optional[str]:
    """The language this message alone settles (an explicit request, else a clear reading), or
    None when it leaves the conversation's language as it was. Inside Rasa's NLU, where the
    previous language is not known, emitting it as the `language` entity only when it is not None
    gives the same stickiness: the slot keeps its value otherwise."""
    if not text or not isinstance(text, str):
        return None
    return requested_language(text) or detected_language(text)


def requested_language(text: str) -> Optional[str]:
    """The language the message explicitly asks for (a switch payload or words), else None."""
    payload = _PAYLOAD.match(text)
    if payload:
        try:
            entities = json.loads(payload.group(1))
        except ValueError:
            return None
        return normalise_language(entities.get("language")) if isinstance(entities, dict) else None
    folded = fold(text)
    asked = [lang for lang in LANGUAGES if search("switch", "to", folded, lang)]
    return asked[0] if len(asked) == 1 else None  # "¿inglés o español?" asks for neither


def detected_language(text: str) -> Optional[str]:
    """The language the message clearly reads as, or None when it could be either."""
    words = _WORD.findall(fold(text))
    if len(words) < MIN_WORDS:
        return None
    scores = {lang: sum(w in markers for w in words) for lang, markers in _markers().items()}
    if _SPANISH_MARKS.search(text):
        scores["es"] = scores.get("es", 0) + 1
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    return best if top - second >= MIN_MARGIN else None


@lru_cache(maxsize=1)
def _markers() -> Dict[str, FrozenSet[str]]:
    """Each language's marker words, without the words both lists hold ("me", "no" in English)."""
    words = {lang: function_words(lang) for lang in LANGUAGES}  # the lists the guard reads too
    shared = frozenset.intersection(*words.values())
    return {lang: frozenset(w - shared) for lang, w in words.items()}


__all__ = [
    "DEFAULT_LANGUAGE",
    "SWITCH_PAYLOADS",
    "conversation_language",
    "decisive_language",
    "detected_language",
    "normalise_language",
    "requested_language",
]
