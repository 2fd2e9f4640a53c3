"""A job or an industry described in words of its own ("the people who buy all the parts for a
factory", "a company that makes medicine"), found by what the knowledge file says of each entry.

The `described_as` phrases (bot/understanding/descriptions.py) catch the usual descriptions word
for word. A student's own description rarely uses those words, but it mostly uses words of the
entry's summary and tasks ("buy", "parts", "materials": the purchasing agent's summary). So when
the message says it describes someone's work (the `describes_job` cue) or an industry
(`describes_industry`) and names none, the entries are ranked by TF-IDF similarity of their
texts to the message's content words, and the best one is taken only when it is clearly ahead.
"""

from __future__ import annotations

from typing import Dict, FrozenSet, Iterable, List, Mapping, Optional, Sequence, Tuple

from sklearn.feature_extraction.text import TfidfVectorizer

from bot.knowledge.model import KnowledgeBase
from bot.text import normalise
from bot.understanding import lexicon
from bot.understanding.reading import PATHWAY, ROLE, SECTOR

#: The cue that says a message describes someone's work, and the kind of entry it looks for.
CUE_KINDS = {"describes_job": ROLE, "describes_industry": SECTOR, "describes_pathway": PATHWAY}
#: Letters a Spanish word is cut to (a light stemmer: Spanish suffixes carry gender, number, tense).
STEM_LETTERS = 4
#: Cosine similarity the best entry needs, and how far ahead of the next it must be (ratio).
MIN_SIMILARITY = 0.12
MIN_LEAD = 1.1


def _texts(kb: KnowledgeBase, kind: str) -> Iterable[Tuple[str, str]]:
    if kind == ROLE:
        for r in kb.roles:
            yield r.id, " ".join([r.title, *r.aliases, *r.described_as, r.summary, *r.tasks])
    elif kind == SECTOR:
        for s in kb.sectors:
            yield s.id, " ".join([s.name, *s.aliases, *s.described_as, s.summary, *s.products])
    else:  # a pathway: its own words and the titles of its jobs
        titles = {r.id: r.title for r in kb.roles}
        for p in kb.pathways:
            yield p.id, " ".join([p.name, *p.aliases, p.summary, *(titles[r] for r in p.roles if r in titles)])


class DescribedWork:
    """The entries of one knowledge file as TF-IDF vectors of their content words: English
    lemmas, or for Spanish texts (`language="es"`) the first letters of each word, which a verb's
    forms and a noun's gender and number share ("empacan" / "empaque", "pintan" / "pintura")."""

    def __init__(self, kb: KnowledgeBase, nlp, ignored: FrozenSet[str], language: str = "en"):
        self.nlp = nlp
        self.ignored = ignored  # function words and words that ask something ("pay", "degree")
        analyzer = self.lemmas if language == "en" else self.stems
        self._index: Dict[str, Tuple[List[str], TfidfVectorizer, object]] = {}
        for kind in CUE_KINDS.values():
            ids, texts = zip(*_texts(kb, kind), strict=True)
            vectoriser = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True)
            self._index[kind] = (list(ids), vectoriser, vectoriser.fit_transform(texts))

    def lemmas(self, text: str) -> List[str]:
        return [
            t.lemma_
            for t in self.nlp(normalise(text))
            if t.is_alpha and len(t) > 2 and t.lemma_ not in self.ignored and t.lower_ not in self.ignored
        ]

    def stems(self, text: str) -> List[str]:
        words = (w for w in normalise(text).split() if w.isalpha() and len(w) > 2 and w not in self.ignored)
        return [w[:STEM_LETTERS] if len(w) > STEM_LETTERS else w.rstrip("s") for w in words]

    def find(self, text: str, kind: str, among: Optional[Sequence[str]] = None) -> Optional[str]:
        """The entry of `kind` the words describe, or None when no entry is clearly ahead;
        `among`: only those entries ("the designers who come up with how phones look": one of
        the jobs a bare "designer" can mean)."""
        ids, vectoriser, matrix = self._index[kind]
        query = vectoriser.transform([text])
        if not query.nnz:
            return None
        scores = (matrix @ query.T).toarray().ravel()
        rows = [i for i, ident in enumerate(ids) if among is None or ident in among]
        if len(rows) < 2:
            return None
        best, second = sorted(rows, key=lambda i: -scores[i])[:2]
        if scores[best] >= MIN_SIMILARITY and scores[best] >= MIN_LEAD * scores[second]:
            return ids[best]
        return None


#: Cues of the aspects a question asks (data/lexicon/<lang>/cues.yml): their words ask, they do
#: not describe the work ("salary", "trained", "degree", "growing").
ASPECT_CUES = frozenset(
    {
        "pay",
        "pay_judgement",
        "asks_education",
        "asks_skills",
        "asks_outlook",
        "asks_certifications",
        "training",
        "growth",
        "openings",
        "compare",
        "meaning",
    }
)


def asking_words(word_cues: Mapping[str, FrozenSet[str]]) -> FrozenSet[str]:
    """The words (with the cues each matches) that ask about an aspect of a job rather than
    describe the work."""
    return frozenset(w for w, cues in word_cues.items() if cues & ASPECT_CUES)


def work_words() -> FrozenSet[str]:
    """Words of any job in any plant (data/lexicon/<lang>/work_words.yml): they point to none."""
    return frozenset().union(*(lexicon.word_list("work_words", language) for language in lexicon.LANGUAGES))
