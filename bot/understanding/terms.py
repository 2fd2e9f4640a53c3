"""Glossary terms a message names ("what does median mean", "apprentiship?").

Found like roles are linked (bot/understanding/linking.py): a spaCy PhraseMatcher on lemmas
("medians", "apprenticeships"), then rapidfuzz for typos. Built once per loaded knowledge file,
from the file, so a term added there needs no retraining.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from rapidfuzz import fuzz, process
from spacy.matcher import PhraseMatcher

from bot.knowledge.model import KnowledgeBase
from bot.text import normalise

#: A typo must be this close to a name (rapidfuzz ratio), and start with the same letter.
_FUZZY_CUTOFF = 85.0
_MIN_FUZZY_LEN = 4


class GlossaryIndex:
    def __init__(self, kb: KnowledgeBase, nlp):
        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.names: Dict[str, str] = {}  # normalised name -> term id
        for term in kb.glossary:
            for name in [term.term.split(" (")[0], term.term, *term.aliases]:
                key = normalise(name)
                if key:
                    self.names.setdefault(key, term.id)
                    self.matcher.add(term.id, [nlp(key)])
        self.longest = max((len(n.split()) for n in self.names), default=1)

    def find(self, doc, typos: bool = True) -> Optional[str]:
        """The id of the term the (normalised, tokenised) message names, the longest match; with
        `typos`, also a misspelt one (the slow part: only when the message asks what words mean)."""
        if not self.names:
            return None
        spans: List[Tuple[int, int, str]] = [
            (start, end, self.nlp.vocab.strings[m]) for m, start, end in self.matcher(doc)
        ]
        if not spans and typos:
            spans = self._fuzzy([t.text for t in doc])
        if not spans:
            return None
        return max(spans, key=lambda s: (s[1] - s[0], -s[0]))[2]

    def _fuzzy(self, words: List[str]) -> List[Tuple[int, int, str]]:
        found = []
        for size in range(1, self.longest + 1):
            for start in range(0, len(words) - size + 1):
                window = " ".join(words[start : start + size])
                if len(window.replace(" ", "")) < _MIN_FUZZY_LEN:
                    continue
                hit = process.extractOne(window, self.names.keys(), scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
                if hit and hit[0][0] == window[0]:
                    found.append((start, start + size, self.names[hit[0]]))
        return found
