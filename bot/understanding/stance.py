"""What a message says beside its question: a feeling or a personal concern, or a common belief
about manufacturing. Used by the verdict (bot/understanding/verdict.py) and its rules."""

from __future__ import annotations

from bot.understanding.distress import has_distress_words
from bot.understanding.lexicon import language_of_match
from bot.understanding.reading import Reading, states_a_myth_in


def states_a_myth(reading: Reading) -> bool:
    """A common belief about manufacturing (the myth_<id> cues of data/lexicon/<lang>/cues.yml)."""
    return states_a_myth_in(reading.cues)


def feels(text: str) -> bool:
    """A feeling or a personal concern; words of distress are feelings too."""
    return language_of_match("feelings", "signs", text) is not None or has_distress_words(text)
