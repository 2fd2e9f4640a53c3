"""Deleting a conversation, as the student asks for it (data/lexicon/<language>/forget.yml).

Deleting what a student typed cannot be undone, so the bar is high: a clear command, never a
question about storage, and then a confirmation with two buttons (data/rules.yml)."""

from __future__ import annotations

from bot.understanding.lexicon import LANGUAGES, fold, search

VOCABULARY = "forget"


def asks_to_delete(text: str) -> bool:
    """A clear command to delete this conversation, in any language we read."""
    folded = fold(text or "")
    return confirms_deleting(text) or any(
        search(VOCABULARY, "command", folded, lang) and not search(VOCABULARY, "question", folded, lang)
        for lang in LANGUAGES
    )


def confirms_deleting(text: str) -> bool:
    """A yes that names deleting ("yes, delete it", "sure, erase the whole thing")."""
    folded = fold(text or "")
    return any(search(VOCABULARY, "confirm", folded, lang) for lang in LANGUAGES)


def asks_about_privacy(text: str) -> bool:
    """A question about what is kept, who sees it, or deleting it."""
    folded = fold(text or "")
    return any(search(VOCABULARY, "privacy", folded, lang) for lang in LANGUAGES)


def about_this_chat(text: str) -> bool:
    """Talk of keeping or deleting what is typed here ("is there a way to delete stuff here?")."""
    folded = fold(text or "")
    return any(search(VOCABULARY, "this_chat", folded, lang) for lang in LANGUAGES)


def refuses_deleting(text: str) -> bool:
    """An answer to the confirmation that keeps the conversation ("no, keep it")."""
    folded = fold(text or "")
    return any(
        search(VOCABULARY, "refuse", folded, lang) and not search(VOCABULARY, "question", folded, lang)
        for lang in LANGUAGES
    )
