"""Deleting needs a clear command (bot/understanding/forget.py): a story about deleting something
else, even after "ok", is no answer to "Do you want me to delete this conversation?" (#25: a
chat deleted when nobody asked is harm)."""

from __future__ import annotations

import pytest

from bot.understanding import forget


@pytest.mark.parametrize(
    "text",
    [
        "ok so i deleted tiktok bc it was eating my whole day lol, anyway wat jobs dont need college",
        "ok i have to clear my schedule for a job fair",
        "yeah i removed band from my classes",
        "sure, i erased my old resume",
    ],
)
def test_a_story_about_deleting_is_no_command(text):
    assert not forget.confirms_deleting(text) and not forget.asks_to_delete(text)


@pytest.mark.parametrize(
    "text",
    [
        "yes delete it",
        "yep, wipe it all away",
        "yes, delete it",
        "sure, erase the whole thing",
        "ok erase everything please",
        "yes delete",
    ],
)
def test_a_yes_that_names_deleting_this_chat_still_confirms(text):
    assert forget.confirms_deleting(text)
