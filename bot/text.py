"""Small text helpers shared by validation, linking and rendering."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z+#]+")

#: Longest user message, for every channel and the widget (its input stops there); longer ones
#: are cut (a chat turn, not an essay).
MAX_MESSAGE_CHARS = 500


def normalise(text: str) -> str:
    """Lower case, accents off, punctuation to spaces, single spaces: the form names are compared
    in ("técnico" is "tecnico": students often type Spanish without accents)."""
    text = text.lower()
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", text).split())


def user_text(text: object) -> str:
    """A user's message made safe to analyse: a string, trimmed, of bounded length."""
    if not isinstance(text, str):
        return ""
    return text.strip()[:MAX_MESSAGE_CHARS]
