"""A bare job word narrowed by the word beside it, and a job word shared by two jobs.

"aerospace tech", "automaton engineer" (a typo) and "mech tech" name one job where "tech" or
"engineer" alone is a choice among many (bot/understanding/name_forms.py role_heads); "mechanical
and chemical engineering" names two jobs, the first by the word the second's name lends it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, FrozenSet, List, Sequence, Set, Tuple

from rapidfuzz.distance import OSA

from bot.understanding.reading import NEAR_ROLE, OTHER, ROLE, Mention

#: Words that join two jobs sharing their last word ("mechanical and chemical engineering").
JOINERS = frozenset({"and", "or", "vs", "versus", "&", "/", "y", "o"})
#: Kinds of mention that are jobs: their words narrow nothing.
JOBS = frozenset({ROLE, NEAR_ROLE, OTHER})
#: A job found this way scores below a name typed out and above a description.
NARROWED_SCORE = 90.0
#: A typed word this long or longer may be the start of a name's word ("mech" for "mechanical").
MIN_PREFIX = 4
#: A bare word this long or shorter may be a short form of a job word ("tech", "engr").
MAX_SHORT_FORM = 5
#: A typed word this long or longer may be one typo away from a name's word ("automaton").
MIN_TYPO = 6


@dataclass(frozen=True)
class Narrower:
    """`words`: each job's name words (every title and alias, every language); `last_words`: the
    last word of each of its names; `heads`: a bare job word -> the jobs it can mean."""

    words: Dict[str, FrozenSet[str]]
    last_words: Dict[str, FrozenSet[str]]
    heads: Dict[str, Tuple[str, ...]]
    stop_words: FrozenSet[str]

    def mentions(self, doc, mentions: Sequence[Mention]) -> List[Mention]:
        """`mentions`, with the jobs that bare job words narrowed by a neighbour name, and the
        first of two jobs sharing a last word; a neighbour that named something else (the
        industry in "aerospace tech") is taken into the job."""
        found = list(mentions)
        for token in doc:
            if any(m.start <= token.i < m.end for m in found):
                continue
            roles = self._roles_of(token)
            if len(roles) > 1:
                found = self._narrow(doc, token.i, roles, found)
        for m in [m for m in found if m.kind == ROLE and m.end - m.start > 1]:
            found = self._shared_last_word(doc, m, found)
        return sorted(found, key=lambda m: m.start)

    def _roles_of(self, token) -> Tuple[str, ...]:
        """The jobs a bare job word can mean, a short form's included ("tech": the technicians)."""
        roles = list(self.heads.get(token.lemma_) or self.heads.get(token.lower_) or ())
        word = token.lower_
        if MIN_PREFIX <= len(word) <= MAX_SHORT_FORM:
            for head, more in self.heads.items():
                if head != word and head.startswith(word):
                    roles += [r for r in more if r not in roles]
        return tuple(roles)

    def _narrow(self, doc, head: int, roles: Tuple[str, ...], found: List[Mention]) -> List[Mention]:
        for side in (head - 1, head + 1):  # "aerospace tech"; "técnico aeroespacial"
            if not 0 <= side < len(doc) or self._blocked(doc[side], side, found):
                continue
            fits = [r for r in roles if self._fits(doc[side], r)]
            if len(fits) == 1:
                start, end = min(side, head), max(side, head) + 1
                kept = [m for m in found if not (m.start < end and start < m.end)]
                return [*kept, Mention(ROLE, fits[0], start, end, NARROWED_SCORE)]
        return found

    def _shared_last_word(self, doc, second: Mention, found: List[Mention]) -> List[Mention]:
        first = second.start - 2
        if first < 0 or doc[second.start - 1].lower_ not in JOINERS or self._blocked(doc[first], first, found):
            return found
        last = self.last_words.get(second.id, frozenset())
        fits = [r for r in self.words if r != second.id and self.last_words[r] & last and self._fits(doc[first], r)]
        if len(fits) != 1:
            return found
        kept = [m for m in found if not m.start <= first < m.end]
        return [*kept, Mention(ROLE, fits[0], first, first + 1, NARROWED_SCORE)]

    def _blocked(self, token, i: int, found: List[Mention]) -> bool:
        """A neighbour that cannot narrow: no word, a stop word, or part of a job already named,
        ours or not ("lab tech" is a job we do not cover, near the chemical technician)."""
        if not token.is_alpha or token.lower_ in self.stop_words:
            return True
        return any(m.kind in JOBS and m.start <= i < m.end for m in found)

    def _fits(self, token, role: str) -> bool:
        """The typed word is a word of the job's names, the start of one, or one typo from one."""
        typed = {token.lower_, token.lemma_}
        names = self.words.get(role, frozenset())
        if typed & names:
            return True
        word = token.lower_
        if len(word) >= MIN_PREFIX and any(n.startswith(word) for n in names):
            return True
        return len(word) >= MIN_TYPO and any(n[0] == word[0] and OSA.distance(word, n) <= 1 for n in names)


def narrower(names, heads: Dict[str, Tuple[str, ...]], stop_words: FrozenSet[str]) -> Narrower:
    """A Narrower of the job names in `names` (kind, id and normalised text, as linking.py keeps them)."""
    words: Dict[str, Set[str]] = {}
    last: Dict[str, Set[str]] = {}
    for name in names:
        if name.kind != ROLE:
            continue
        split = name.text.split()
        words.setdefault(name.id, set()).update(w for w in split if w not in stop_words)
        if len(split) > 1:
            last.setdefault(name.id, set()).add(split[-1])
    return Narrower(
        {r: frozenset(w) for r, w in words.items()},
        {r: frozenset(last.get(r, ())) for r in words},
        heads,
        stop_words,
    )
