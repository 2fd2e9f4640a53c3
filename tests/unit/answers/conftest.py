"""Helpers shared by the tests of bot/answers/ (one test file per module there).

The `knowledge`, `kb`, `nlp`, `raw_knowledge` and `write_knowledge` fixtures and the `role()`
helper come from tests/conftest.py."""

from __future__ import annotations

import re
from typing import List

from bot.answers.turn import Turn
from bot.phrases import book


def turn(knowledge, intent, text, **kw) -> Turn:
    """A user turn with this intent and text (and slots, metadata, entities ... as keywords)."""
    return Turn(knowledge=knowledge, intent=intent, text=text, **kw)


def said(knowledge, text, intent="share_worry", **kw) -> Turn:
    """A user turn given by its text first; a worry unless another intent is named."""
    return Turn(knowledge=knowledge, intent=intent, text=text, **kw)


def english_in(text: str, *books: str) -> List[str]:
    """The English words of these phrasebooks (each run of more than 8 characters between
    placeholders) that show in `text`: a Spanish reply that has one fell back to English."""
    runs = (
        run.strip()
        for key, phrase in book("en").items()
        if key.split(".")[0] in books and isinstance(phrase, str)
        for run in re.split(r"\{[a-z_]+\}", phrase)
    )
    return [run for run in runs if len(run) > 8 and run in text]
