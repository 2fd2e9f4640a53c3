"""Misspelt question words put right before the cues are read: "job outlok" asks the outlook,
"salery" the pay, "compair" a comparison. A word is changed only into a word that asks
something (a word of the training data, bot/understanding/vocabulary.py, that matches a cue of
data/lexicon/<lang>/cues.yml), and only for reading cues: names have their own typo matching
(bot/understanding/linking.py)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Dict, FrozenSet, List, Optional

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

#: Keystrokes a typo may be away from the word it means, by length of the word typed
#: (optimal string alignment: a swap counts once). Short words are left alone: too many real
#: words are one letter apart.
EDITS_BY_LENGTH = ((4, 0), (7, 1), (99, 2))
_MIN_RATIO = 75.0
_WORD = re.compile(r"[a-z]+")


def allowed_edits(word: str) -> int:
    return next((e for limit, e in EDITS_BY_LENGTH if len(word) <= limit), EDITS_BY_LENGTH[-1][1])


class Speller:
    """`words`: what a typo may be put right into. `is_word`: real words that are never changed,
    however close ("doing" is one letter from "dying")."""

    def __init__(self, words: FrozenSet[str], is_word: Callable[[str], bool] = lambda w: False):
        self.words = words
        self.is_word = is_word
        self._by_letter: Dict[str, List[str]] = {}
        for w in sorted(words):
            self._by_letter.setdefault(w[0], []).append(w)

    def correct(self, text: str) -> str:
        """`text` (lower case) with each word that is not one of `words` and lies within a typo
        of exactly one closest of them replaced by it."""
        return _WORD.sub(lambda m: self._word(m.group(0)), text)

    def _word(self, word: str) -> str:
        return self._closest(word) or word

    @lru_cache(maxsize=4096)  # noqa: B019 (one Speller per process, built once)
    def _closest(self, word: str) -> Optional[str]:
        edits = allowed_edits(word)
        if not edits or word in self.words or self.is_word(word):
            return None
        if word.endswith("ys") and word[:-2] + "ies" in self.words:
            return word[:-2] + "ies"  # a plural spelt as said: "industrys", "factorys"
        found = [
            (OSA.distance(word, w), w)
            for w, _, _ in process.extract(
                word, self._by_letter.get(word[0], ()), scorer=fuzz.ratio, score_cutoff=_MIN_RATIO, limit=5
            )
        ]
        found = sorted(d_w for d_w in found if d_w[0] <= edits)
        if not found or (len(found) > 1 and found[0][0] == found[1][0]):
            return None  # nothing near, or two words as near: not a clear typo
        return found[0][1]
