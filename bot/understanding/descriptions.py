"""Jobs and industries described rather than named: "someone who fixes the machines",
"jobs in making furniture" (the `described_as` phrases of the knowledge file).

A description matches when all its content words (lemmas, so "fixes", "fixing" and "fix" are
one word) appear, in any order, within a short window of the message: "people that repair the
machines at a factory" is "repairs the machines in a factory". Function words are ignored.
Each match is a Mention scored below any title, and it never overlaps a name of two or more
words; a one-word name it contains as one of its own words ("machines", "robots") is part of
the description and gives way to it (see `Linker.link_doc`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, FrozenSet, Iterable, List, Sequence, Set, Tuple

from spacy.tokens import Doc

from bot.knowledge.model import KnowledgeBase
from bot.knowledge.references import descriptions_of_entries
from bot.text import normalise
from bot.understanding.reading import DESCRIPTION_SCORE, Mention
from bot.understanding.vocabulary import DESCRIPTION_VERBS

#: How many tokens a match may spread over beyond its own words ("repair THE machines AT A factory").
_SLACK = 3


@dataclass(frozen=True)
class Description:
    kind: str
    id: str
    lemmas: FrozenSet[str]


class DescriptionIndex:
    """The descriptions of one knowledge file, indexed by lemma so a message is read once."""

    def __init__(self, kb: KnowledgeBase, nlp, stop_words: FrozenSet[str]):
        self.stop_words = stop_words - DESCRIPTION_VERBS
        self.descriptions: List[Description] = []
        self._by_lemma: Dict[str, List[int]] = {}
        for kind, ident, phrases in descriptions_of_entries(kb):
            for phrase in phrases:
                lemmas = self.content_lemmas(nlp(normalise(phrase)))
                if len(lemmas) < 2:
                    continue  # one word is a name (an alias), not a description; the validator says so
                index = len(self.descriptions)
                self.descriptions.append(Description(kind, ident, lemmas))
                for lemma in lemmas:
                    self._by_lemma.setdefault(lemma, []).append(index)

    def content_lemmas(self, doc: Iterable) -> FrozenSet[str]:
        return frozenset(t.lemma_ for t in doc if t.is_alpha and t.lemma_ not in self.stop_words)

    def mentions(self, doc: Doc, titles: Sequence[Mention]) -> List[Mention]:
        """Best non-overlapping description matches around the names already found."""
        blocked = {i for m in titles if m.end - m.start > 1 for i in range(m.start, m.end)}
        single = {m.start for m in titles if m.end - m.start == 1}
        where: Dict[str, List[int]] = {}
        for token in doc:
            if token.i not in blocked and token.is_alpha:
                for form in {token.lemma_, token.lower_}:
                    if form in self._by_lemma:
                        where.setdefault(form, []).append(token.i)
        hits: Dict[int, int] = {}
        for lemma in where:
            for index in self._by_lemma[lemma]:
                hits[index] = hits.get(index, 0) + 1
        found: List[Tuple[int, Mention]] = []
        for index, count in hits.items():
            d = self.descriptions[index]
            if count == len(d.lemmas):
                window = _smallest_window([where[lemma] for lemma in d.lemmas])
                if window[1] - window[0] <= len(d.lemmas) + _SLACK and self._clear(doc, d, window, blocked, single):
                    found.append((len(d.lemmas), Mention(d.kind, d.id, window[0], window[1], DESCRIPTION_SCORE)))
        return _best(found)

    @staticmethod
    def _clear(doc: Doc, d: Description, window: Tuple[int, int], blocked: Set[int], single: Set[int]) -> bool:
        """No longer name inside the window, and a one-word name only as one of the description's
        words ("fixes the machines"), never between them ("repair the welding machines")."""
        inside = set(range(*window))
        return not inside & blocked and all(
            doc[i].lemma_ in d.lemmas or doc[i].lower_ in d.lemmas for i in inside & single
        )


def _smallest_window(positions: Sequence[List[int]]) -> Tuple[int, int]:
    """The shortest token range [start, end) holding one position of each list (a few tokens each)."""
    events = sorted((p, k) for k, ps in enumerate(positions) for p in ps)
    best = (0, 1 << 30)
    counts: Dict[int, int] = {}
    left = 0
    for pos, k in events:
        counts[k] = counts.get(k, 0) + 1
        while len(counts) == len(positions):
            lpos, lk = events[left]
            if pos + 1 - lpos < best[1] - best[0]:
                best = (lpos, pos + 1)
            counts[lk] -= 1
            if not counts[lk]:
                del counts[lk]
            left += 1
    return best


def _best(found: List[Tuple[int, Mention]]) -> List[Mention]:
    """More words matched first, then the tighter match; no two descriptions share a token."""
    chosen: List[Mention] = []
    taken: Set[int] = set()
    for _, m in sorted(found, key=lambda f: (-f[0], f[1].end - f[1].start, f[1].start)):
        span = set(range(m.start, m.end))
        if not span & taken:
            chosen.append(m)
            taken |= span
    return chosen
