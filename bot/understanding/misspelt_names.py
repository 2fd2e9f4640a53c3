"""Misspelt names ("robotic technition", "weldor", "logistition"): rapidfuzz against the names of
the knowledge file, never turning a word spelt right into another ("automotive" stays
"automotive"). Used by the linker (bot/understanding/linking.py) after its exact matches."""

from __future__ import annotations

from typing import Any, Dict, FrozenSet, Iterable, List, Optional, Set, Tuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from spacy.tokens import Doc, Span

from bot.understanding.reading import NEAR_ROLE, Mention
from bot.understanding.vocabulary import LOOK_ALIKE_WORDS

#: Minimum rapidfuzz ratio for a misspelling, by length of the word typed: short words
#: need a closer match, or ordinary words would turn into job titles.
_FUZZY_CUTOFFS = ((4, 88.0), (6, 85.0), (99, 84.0))
#: Besides the ratio, a typo a few keystrokes away (optimal string alignment: a swap counts
#: once) is the name it misspells, by length of the word typed: "weldor" is one letter from
#: "welder" (ratio 83), "logistition" two from "logistician" (ratio 82). Shorter words keep
#: the ratio alone: too many real words are one letter apart.
_TYPO_EDITS = ((5, 0), (7, 1), (99, 2))
#: Candidates below this ratio are not looked at for the edit count either.
_TYPO_FLOOR = 75.0
#: Shorter than this, a word is never taken for a misspelt name.
_MIN_FUZZY_LEN = 4


class MisspeltNames:
    """`names`: the linker's names (kind, id, normalised text, tokens); `english_words`: the words
    spaCy's lemmatizer knows, in every inflection (one of them spelt right is no typo)."""

    def __init__(self, names: Iterable[Any], stop_words: FrozenSet[str], english_words):
        names = list(names)
        self.stop_words = stop_words
        self._english_words = english_words
        # Name forms for fuzzy matching, keyed by token count so a word is compared with words.
        # A one-word job we do not cover is matched as written: it is an everyday word's
        # neighbour ("chemist" / "chemistry", "baker" / "bakery", "shipping" / "skipping").
        self._fuzzy: Dict[int, Dict[str, Any]] = {}
        for name in names:
            if not (name.kind == NEAR_ROLE and name.tokens == 1):
                self._fuzzy.setdefault(name.tokens, {})[name.text] = name
        # Real words a typo must not be "corrected" away from: every content word of a name
        # ("automotive", "automation", "machine"), jobs we do not cover included (a role's
        # `near_names`: "baker" is not "banker"), and look-alikes ("car" is not "cad").
        self._kept_words: FrozenSet[str] = frozenset(
            {w for name in names for w in name.text.split() if w not in stop_words and len(w) >= _MIN_FUZZY_LEN}
            | LOOK_ALIKE_WORDS
        )

    def mentions(self, doc: Doc, exact: List[Mention]) -> List[Mention]:
        """Candidates for misspelt names. A window may overlap a shorter exact match, so
        "robotic technition" can still become robotics technician rather than robots, and
        "industrial engineer technician" the industrial engineering technician rather than
        the industrial engineer."""
        found: List[Mention] = []
        for size, choices in self._fuzzy.items():
            blocked = {i for m in exact if m.end - m.start >= max(size, 2) or size == 1 for i in range(m.start, m.end)}
            for start in range(0, len(doc) - size + 1):
                window = set(range(start, start + size))
                # A misspelt name may take in a shorter exact one, never cut one in half: "whats a
                # MANUFACTURING engineer" is no "size of manufacturing".
                cuts = any(m.start < start < m.end or m.start < start + size < m.end for m in exact)
                if window & blocked or cuts or not self._worth_fuzzing(doc[start : start + size]):
                    continue
                best = self._best_fuzzy(doc[start : start + size], choices)
                if best:
                    name, score = best
                    found.append(Mention(name.kind, name.id, start, start + size, score))
        return found

    def _worth_fuzzing(self, span: Span) -> bool:
        """Whether a window may be a misspelt name. One English word spelt right is never one:
        "compares" is "compare", not the Spanish "compradores" (purchasing agents)."""
        content = [t for t in span if t.is_alpha and t.lower_ not in self.stop_words]
        return (
            bool(content)
            and not (len(span) == 1 and span[0].lower_ in self._english_words)
            and len(span.text.replace(" ", "")) >= _MIN_FUZZY_LEN
            and (span[0].lower_ not in self.stop_words and span[-1].lower_ not in self.stop_words)
        )

    def _best_fuzzy(self, span: Span, choices: Dict[str, Any]) -> Optional[Tuple[Any, float]]:
        """Closest name above the cutoff. Typos rarely change a word's first letter, so a name
        must start like the typed word ("factories" is not "actors"), and a real word is never
        changed into another one ("automotive" stays "automotive", see `_keeps_words`)."""
        forms = {span.text, " ".join(t.lemma_ for t in span)}
        if span.text.endswith("s") and len(span.text) > 4:
            forms.add(span.text[:-1])
        cutoff = next((c for limit, c in _FUZZY_CUTOFFS if len(span.text) <= limit), _FUZZY_CUTOFFS[-1][1])
        best: Optional[Tuple[Any, float]] = None
        for form in forms:
            edits = next((e for limit, e in _TYPO_EDITS if len(form) <= limit), _TYPO_EDITS[-1][1])
            for text, score, _ in process.extract(
                form, choices.keys(), scorer=fuzz.ratio, score_cutoff=min(cutoff, _TYPO_FLOOR), limit=5
            ):
                close = score >= cutoff or OSA.distance(form, text) <= edits
                if close and text[0] == form[0] and self._keeps_words(span, text) and (best is None or score > best[1]):
                    best = (choices[text], score)
                    break
        return best

    def _keeps_words(self, span: Span, name_text: str) -> bool:
        """False when a word typed correctly would have to become a different word of the name:
        a typo fix may change "enginering" or "technition", never "automotive" into "automation"."""
        name_words = name_text.split()
        if len(name_words) != len(span):
            return True
        return all(
            _same_word({token.lower_, token.lemma_}, word)
            for token, word in zip(span, name_words, strict=False)
            if {token.lower_, token.lemma_} & self._kept_words
        )


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


def _same_word(typed: Set[str], word: str) -> bool:
    """The name's word is the typed word, a plural of it, or a longer form of the same stem
    ("engineer" / "engineering", "robot" / "robotics"); look-alikes never count as the same."""
    if word in typed or _singular(word) in {_singular(t) for t in typed}:
        return True
    if (typed | {word}) & LOOK_ALIKE_WORDS:
        return False
    return any(word.startswith(t) or t.startswith(word) for t in typed if len(t) >= _MIN_FUZZY_LEN)
