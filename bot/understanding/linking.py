"""Entity linking: find the roles, sectors, pathways and topics a message mentions.

Names come from the knowledge file at run time, so an entry added there is recognised
without retraining. Exact mentions are found by a spaCy PhraseMatcher on lemmas (plurals
and inflections), misspellings by rapidfuzz against the same names. Jobs and industries described in everyday
words ("someone who fixes the machines") come after the names (bot/understanding/descriptions.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, FrozenSet, Iterable, List, Optional, Set, Tuple

from rapidfuzz import fuzz, process
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from bot.knowledge.model import KnowledgeBase
from bot.knowledge.references import NAMED_SECTIONS, names_of_entries
from bot.text import normalise
from bot.understanding import lexicon
from bot.understanding.descriptions import DescriptionIndex
from bot.understanding.misspelt_names import MisspeltNames
from bot.understanding.name_forms import role_heads
from bot.understanding.narrowing import narrower
from bot.understanding.nlp import spanish_stop_words
from bot.understanding.reading import (  # noqa: F401 (re-exported)
    KINDS,
    NEAR_ROLE,
    OTHER,
    PATHWAY,
    ROLE,
    SECTOR,
    Links,
    Mention,
)

assert set(KINDS) == set(NAMED_SECTIONS)  # one list of kinds, two orders

#: Minimum ratio for a misspelt question word ("educaton", "growin", "wat"); one dropped
#: letter in a three-letter word scores 85.7.
_QUESTION_WORD_CUTOFF = 85.0
#: Words between a Spanish job word and what kind of job it is ("técnico de turbinas").
SPANISH_JOINING = frozenset({"de", "del", "en", "para"})
#: When two names cover the same words equally well, the more specific kind wins:
#: "food production worker" is a job (production worker) in an industry (food), not
#: the industry alias "food production".
_KIND_ORDER = {ROLE: 0, SECTOR: 1, PATHWAY: 2}


@dataclass(frozen=True)
class _Name:
    kind: str
    id: str
    text: str  # normalised
    tokens: int


class Linker:
    def __init__(
        self,
        kb: KnowledgeBase,
        nlp,
        question_words: Iterable[str] = (),
        heads: Optional[Dict[str, Tuple[str, ...]]] = None,
    ):
        self.nlp = nlp
        self.names = list(_names(kb))
        self._by_key: Dict[str, _Name] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.stop_words: FrozenSet[str] = frozenset(nlp.Defaults.stop_words)
        self._gerund_nouns = frozenset().union(
            *(lexicon.word_list("job_words", lang, "gerund_nouns") for lang in lexicon.LANGUAGES)
        )
        for name in self.names:
            key = f"{name.kind}:{name.id}"
            self._by_key[key] = name
            self.matcher.add(key, [self._own_lemmas(nlp(name.text))])
        # A bare head word ("engineer") -> the jobs it can mean; given when names in other
        # languages put the head elsewhere ("ingeniero mecánico": bot/understanding/name_forms.py).
        self._heads = role_heads(kb, nlp) if heads is None else heads
        self.descriptions = DescriptionIndex(kb, nlp, self.stop_words)
        self._spanish_stop_words = spanish_stop_words()
        self.narrower = narrower(self.names, self._heads, self.stop_words | self._spanish_stop_words)
        # Job words that come first in a name ("ingeniero mecánico", "técnico en robótica"): the
        # heads that start a name and end none (English heads end names: "mechanical engineer").
        role_names = [n.text.split() for n in self.names if n.kind == ROLE and n.tokens > 1]
        ends = {words[-1] for words in role_names}
        self._head_first = frozenset(words[0] for words in role_names if words[0] in self._heads) - ends
        self._job_words = frozenset().union(*(lexicon.word_list("job_words", lang) for lang in lexicon.LANGUAGES))
        self._job_endings = tuple(
            frozenset().union(*(lexicon.word_list("job_words", lang, "suffixes") for lang in lexicon.LANGUAGES))
        )
        # Misspelt names (bot/understanding/misspelt_names.py).
        self.misspelt = MisspeltNames(
            self.names, self.stop_words, nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
        )
        self.question_words: Set[str] = set()
        for word in question_words:
            self.question_words.update(self._lemmas(word))

    def link(self, text: str) -> Links:
        return self.link_doc(self.nlp(normalise(text)))

    def link_doc(self, doc: Doc) -> Links:
        """Links of a message already normalised and tokenised by this linker's pipeline."""
        exact = [
            Mention(*self._kind_id(self.nlp.vocab.strings[match_id]), start, end, 100.0)
            for match_id, start, end in self.matcher(self._own_lemmas(doc))
        ]
        titles = _longest_first(exact + self.misspelt.mentions(doc, exact))
        described = self.descriptions.mentions(doc, titles)
        # A one-word name inside a description is one of its words ("fixes the MACHINES").
        inside = {i for m in described for i in range(m.start, m.end)}
        kept = [m for m in titles if not (m.end - m.start == 1 and m.start in inside)]
        mentions = self.narrower.mentions(doc, sorted(kept + described, key=lambda m: m.start))
        covered = {i for m in mentions for i in range(m.start, m.end)}
        near_ends = frozenset(m.end - 1 for m in mentions if m.kind == NEAR_ROLE)
        ambiguous, unknown = self._leftovers(doc, covered, near_ends)
        return Links(mentions, ambiguous, unknown)

    def _own_lemmas(self, doc: Doc) -> Doc:
        """A word that is no stop word keeps itself as its lemma where spaCy's lookup makes it another
        word, not a form of it: "ai" (from "ain't") is lemmatised "have", which made every "have"
        a mention of AI ("making" stays "make"); "machining" is no "machine" (job_words.yml)."""
        for token in doc:
            lemma, word = token.lemma_, token.lower_
            if lemma in self.stop_words and word not in self.stop_words and lemma[:2] != word[:2]:
                token.lemma_ = word
            elif lemma in self._gerund_nouns and word.endswith("ing"):
                token.lemma_ = word
        return doc

    @staticmethod
    def _kind_id(label: str) -> Tuple[str, str]:
        kind, _, ident = label.partition(":")
        return kind, ident

    # -- what is left --------------------------------------------------------
    def _leftovers(
        self, doc: Doc, covered: Set[int], near_ends: FrozenSet[int] = frozenset()
    ) -> Tuple[List[Tuple[str, ...]], List[str]]:
        """Bare job words and words of jobs we do not know. `near_ends`: the last tokens of jobs
        we do not cover, named (a role's `near_names`): a job word after one is part of that job
        ("warehouse worker"), not a choice among our workers."""
        ambiguous: List[Tuple[str, ...]] = []
        unknown: List[str] = []
        unshaped: Dict[int, List[str]] = {}
        last_unknown = -2
        for token in doc:
            if token.i in near_ends:
                last_unknown = token.i
            if token.i in covered or not token.is_alpha or token.lower_ in self.stop_words:
                continue
            roles = self._heads.get(token.lemma_) or self._heads.get(token.lower_) or self._fuzzy_head(token.lower_)
            if roles and last_unknown == token.i - 1:
                # "fashion designer", "software engineer": another job, the word before included
                unknown.extend([*unshaped.pop(last_unknown, [])[:1], token.lower_])
            elif roles and self._names_another_job(doc, token, covered):
                # "ingeniero ambiental", "operador de grua viajera": the Spanish job word comes first
                unknown.extend([token.lower_, self._after_preposition(doc, token.i).lower_])
            elif roles:
                if roles not in ambiguous:
                    ambiguous.append(roles)
            elif len(token) > 2 and not self._is_question_word(token):
                last_unknown = token.i
                if self._looks_like_job(token.lower_):
                    unknown.append(token.lower_)
                else:  # "secure", "especially": a job word only before a job word
                    unshaped[token.i] = [token.lower_]
        return ambiguous, unknown

    def _names_another_job(self, doc: Doc, head, covered: Set[int]) -> bool:
        """A Spanish job word ("ingeniero", "operador") followed, after a preposition, by a word
        that names nothing of ours: a job we do not know (Spanish puts the kind of job after)."""
        if head.lower_ not in self._head_first:
            return False
        after = self._after_preposition(doc, head.i)
        return (
            after is not None
            and after.i not in covered
            and after.is_alpha
            and len(after) > 2
            and after.lower_ not in self.stop_words
            and after.lower_ not in self._spanish_stop_words
            and not self._is_question_word(after)
        )

    @staticmethod
    def _after_preposition(doc: Doc, i: int):
        """The word after token `i`, past one preposition ("técnico DE turbinas")."""
        j = i + 1
        if j < len(doc) and doc[j].lower_ in SPANISH_JOINING:
            j += 1
        return doc[j] if j < len(doc) else None

    def _looks_like_job(self, word: str) -> bool:
        """Whether an unknown word has the shape of a job word (data/lexicon/<lang>/job_words.yml)."""
        singular = word[:-1] if word.endswith("s") and len(word) > 3 else word
        return (
            word in self._job_words
            or singular in self._job_words
            or any(singular.endswith(end) for end in self._job_endings)
        )

    def _is_question_word(self, token) -> bool:
        """An ordinary question word, or a misspelling of one. A misspelling must start like the
        word and be no longer than it (typos mostly drop or swap letters), so a real job word
        such as "drivers" or "painter" is not taken for "drive" or "paint"."""
        word = token.lower_
        if token.lemma_ in self.question_words or word in self.question_words:
            return True
        return any(
            match[0] == word[0] and len(match) >= len(word)
            for match, _, _ in process.extract(
                word, self.question_words, scorer=fuzz.ratio, score_cutoff=_QUESTION_WORD_CUTOFF, limit=5
            )
        )

    def _fuzzy_head(self, word: str) -> Optional[Tuple[str, ...]]:
        if len(word) < 5 or word in self.question_words:
            return None
        hit = process.extractOne(word, self._heads.keys(), scorer=fuzz.ratio, score_cutoff=85.0)
        return self._heads[hit[0]] if hit else None

    def _lemmas(self, text: str) -> List[str]:
        doc = self.nlp(normalise(text))
        return [t.lemma_ for t in doc] + [t.lower_ for t in doc]


def _longest_first(candidates: List[Mention]) -> List[Mention]:
    """Keep non-overlapping mentions, preferring longer spans, then better scores."""
    chosen: List[Mention] = []
    taken: Set[int] = set()
    for m in sorted(candidates, key=lambda m: (-(m.end - m.start), -m.score, _KIND_ORDER.get(m.kind, 3), m.start)):
        span = set(range(m.start, m.end))
        if not span & taken:
            chosen.append(m)
            taken |= span
    return sorted(chosen, key=lambda m: m.start)


def _names(kb: KnowledgeBase) -> Iterable[_Name]:
    for kind, ident, names in names_of_entries(kb):
        for n in names:
            text = normalise(n)
            if text:
                yield _Name(kind, ident, text, len(text.split()))
