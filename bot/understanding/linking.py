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
from rapidfuzz.distance import OSA
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from bot.knowledge.model import KnowledgeBase
from bot.knowledge.references import NAMED_SECTIONS, names_of_entries
from bot.text import normalise
from bot.understanding import lexicon
from bot.understanding.descriptions import DescriptionIndex
from bot.understanding.name_forms import role_heads
from bot.understanding.narrowing import narrower
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
from bot.understanding.vocabulary import LOOK_ALIKE_WORDS

assert set(KINDS) == set(NAMED_SECTIONS)  # one list of kinds, two orders

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
#: Minimum ratio for a misspelt question word ("educaton", "growin", "wat"); one dropped
#: letter in a three-letter word scores 85.7.
_QUESTION_WORD_CUTOFF = 85.0
_MIN_FUZZY_LEN = 4
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
        # Name forms for fuzzy matching, keyed by token count so a word is compared with words.
        # A one-word job we do not cover is matched as written: it is an everyday word's
        # neighbour ("chemist" / "chemistry", "baker" / "bakery", "shipping" / "skipping").
        self._fuzzy: Dict[int, Dict[str, _Name]] = {}
        for name in self.names:
            if not (name.kind == NEAR_ROLE and name.tokens == 1):
                self._fuzzy.setdefault(name.tokens, {})[name.text] = name
        # A bare head word ("engineer") -> the jobs it can mean; given when names in other
        # languages put the head elsewhere ("ingeniero mecánico": bot/understanding/name_forms.py).
        self._heads = role_heads(kb, nlp) if heads is None else heads
        self.descriptions = DescriptionIndex(kb, nlp, self.stop_words)
        self.narrower = narrower(self.names, self._heads, self.stop_words)
        # Real words a typo must not be "corrected" away from: every content word of a name
        # ("automotive", "automation", "machine"), jobs we do not cover included (a role's
        # `near_names`: "baker" is not "banker"), and look-alikes ("car" is not "cad").
        self._kept_words: FrozenSet[str] = frozenset(
            {
                w
                for name in self.names
                for w in name.text.split()
                if w not in self.stop_words and len(w) >= _MIN_FUZZY_LEN
            }
            | LOOK_ALIKE_WORDS
        )
        self._job_words = frozenset().union(*(lexicon.word_list("job_words", lang) for lang in lexicon.LANGUAGES))
        self._job_endings = tuple(
            frozenset().union(*(lexicon.word_list("job_words", lang, "suffixes") for lang in lexicon.LANGUAGES))
        )
        # The English words spaCy's lemmatizer knows, in every inflection.
        self._english_words = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
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
        titles = _longest_first(exact + self._fuzzy_mentions(doc, exact))
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

    # -- misspellings --------------------------------------------------------
    def _fuzzy_mentions(self, doc: Doc, exact: List[Mention]) -> List[Mention]:
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

    def _best_fuzzy(self, span: Span, choices: Dict[str, _Name]) -> Optional[Tuple[_Name, float]]:
        """Closest name above the cutoff. Typos rarely change a word's first letter, so a name
        must start like the typed word ("factories" is not "actors"), and a real word is never
        changed into another one ("automotive" stays "automotive", see `_keeps_words`)."""
        forms = {span.text, " ".join(t.lemma_ for t in span)}
        if span.text.endswith("s") and len(span.text) > 4:
            forms.add(span.text[:-1])
        cutoff = next((c for limit, c in _FUZZY_CUTOFFS if len(span.text) <= limit), _FUZZY_CUTOFFS[-1][1])
        best: Optional[Tuple[_Name, float]] = None
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


def _names(kb: KnowledgeBase) -> Iterable[_Name]:
    for kind, ident, names in names_of_entries(kb):
        for n in names:
            text = normalise(n)
            if text:
                yield _Name(kind, ident, text, len(text.split()))
