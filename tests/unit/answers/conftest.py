"""Helpers shared by the tests of bot/answers/ (one test file per module there).

The `knowledge`, `kb`, `nlp`, `raw_knowledge` and `write_knowledge` fixtures and the `role()`
helper come from tests/conftest.py."""

from __future__ import annotations

from bot.answers.turn import Turn


def turn(knowledge, intent, text, **kw) -> Turn:
    """A user turn with this intent and text (and slots, metadata, entities ... as keywords)."""
    return Turn(knowledge=knowledge, intent=intent, text=text, **kw)


def said(knowledge, text, intent="share_worry", **kw) -> Turn:
    """A user turn given by its text first; a worry unless another intent is named."""
    return Turn(knowledge=knowledge, intent=intent, text=text, **kw)
