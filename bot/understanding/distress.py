"""Messages that show distress or self-harm, in any language the assistant reads.

The phrases live in `data/lexicon/<language>/distress.yml` (bot/understanding/lexicon.py). Two
levels, used by bot/understanding/verdict.py:

* `distress_language` / `shows_distress`: explicit signs. A statistical classifier can miss a
  rare message; these cannot, so the safety reply (trusted adult, 988 Suicide & Crisis
  Lifeline) always comes first, in the language the student wrote in. Kept narrow on purpose,
  and idioms about jobs ("is welding gonna die out", "tool and die maker") are blanked first.
* `has_distress_words`: a small vocabulary of distress (hopeless, can't go on, unsafe at home,
  ...). The classifier's `distress` intent alone is not enough for the crisis reply: ordinary
  worries ("my parents want me to go to college") looked like distress to it.
"""

from __future__ import annotations

from typing import Optional

from bot.understanding.lexicon import language_of_match

VOCABULARY = "distress"


def distress_language(text: str) -> Optional[str]:
    """The language of an explicit sign of distress in the text, or None if there is none."""
    return language_of_match(VOCABULARY, "signs", text)


def shows_distress(text: str) -> bool:
    """An explicit sign of distress: always gets the crisis reply."""
    return distress_language(text) is not None


def has_distress_words(text: str) -> bool:
    """A word of the distress vocabulary: needed before the classifier's `distress` counts."""
    return shows_distress(text) or language_of_match(VOCABULARY, "words", text) is not None
