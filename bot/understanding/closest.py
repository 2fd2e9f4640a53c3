"""The known jobs closest to a job we do not know, by its words ("injection molding technician"
-> the technicians), found while reading the message (bot/understanding/reading.py) so the
answers never read text. The jobs the knowledge file names as closest to a job we do not cover
(a role's `near_names`: "astronaut" -> aerospace engineer) come before these (reader.py)."""

from __future__ import annotations

from functools import lru_cache
from os.path import commonprefix
from typing import Dict, Iterable, List

from rapidfuzz import fuzz

from bot.knowledge.model import KnowledgeBase
from bot.understanding.linking import Linker
from bot.understanding.reading import ROLE
from bot.understanding.vocabulary import LOOK_ALIKE_WORDS

#: How close a typed word must be to a word of a role's name (rapidfuzz ratio) to count.
_CLOSE_WORD = 80.0
_SHARED_STEM = 5


@lru_cache(maxsize=4)
def _role_words(linker: Linker) -> Dict[str, Dict[str, List[str]]]:
    """First letter -> word of a role name -> the roles whose names use it (built once per
    linker, so a turn compares the typed words with a few dozen words, not every name)."""
    index: Dict[str, Dict[str, List[str]]] = {}
    for name in linker.names:
        if name.kind != ROLE:
            continue
        for word in name.text.split():
            if len(word) >= 4 and word not in linker.stop_words:
                ids = index.setdefault(word[0], {}).setdefault(word, [])
                if name.id not in ids:
                    ids.append(name.id)
    return index


def closest_roles(
    linker: Linker, kb: KnowledgeBase, words: Iterable[str], sectors: Iterable[str] = (), limit: int = 3
) -> List[str]:
    """Known roles nearest to a job we do not know, best first: a word of the job like a word of
    a role's title or aliases ("house painter" -> painting and coating worker), then roles of an
    industry the message names."""
    scores: Dict[str, float] = {}

    def add(role_id: str, score: float) -> None:
        if role_id in roles:
            scores[role_id] = max(scores.get(role_id, 0.0), score)

    index = _role_words(linker)
    roles = {r.id: r for r in kb.roles}
    sectors_by_id = {s.id: s for s in kb.sectors}
    word_hits: Dict[str, float] = {}
    for w in (w for w in words if len(w) >= 4):
        for word, role_ids in index.get(w[0], {}).items():  # a close word starts with the same letter
            score = max(fuzz.ratio(w, word), fuzz.ratio(w.rstrip("s"), word))
            stem = len(commonprefix([w, word])) >= _SHARED_STEM and not {w, word} & LOOK_ALIKE_WORDS
            if score >= _CLOSE_WORD or stem:
                for role_id in role_ids:
                    word_hits[role_id] = max(word_hits.get(role_id, 0.0), score, 80.0)
    for role_id in roles:  # in file order, so equal scores keep the file's order
        if role_id in word_hits:
            add(role_id, word_hits[role_id])
    for sector in sectors:
        for role_id in sectors_by_id[sector].roles if sector in sectors_by_id else ():
            add(role_id, 60.0)
    return sorted(scores, key=lambda r: -scores[r])[:limit]
