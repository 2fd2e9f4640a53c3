"""Reads messages against one loaded knowledge file: the names (linker), glossary terms,
closest known jobs, question cues and places, into a `Reading` (bot/understanding/reading.py).
Built once per process inside Rasa (bot/nlu/reader.py), and in tests and tools."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Dict, List, Optional, Tuple

from bot.knowledge.model import KnowledgeBase
from bot.knowledge.texts import TEXT_LANGUAGES, load_localised
from bot.text import normalise, user_text
from bot.understanding.amounts import amount_in
from bot.understanding.aspects import asked_parts, first_aspect, negated, own_job
from bot.understanding.closest import closest_roles
from bot.understanding.described_work import (
    CUE_KINDS,
    DescribedWork,
    asking_words,
    work_words,
)
from bot.understanding.language import detected_language
from bot.understanding.linking import Linker
from bot.understanding.name_forms import role_heads, with_other_languages
from bot.understanding.nlp import spanish_stop_words
from bot.understanding.reading import (
    DESCRIBED_SCORE,
    NEAR_ROLE,
    OTHER,
    PATHWAY,
    ROLE,
    SECTOR,
    Mention,
    Reading,
    cues_in,
    family_in,
    places_in,
    states_a_myth_in,
)
from bot.understanding.spelling import Speller
from bot.understanding.terms import GlossaryIndex
from bot.understanding.vocabulary import question_words


@dataclass
class Reader:
    """Reads messages against one loaded knowledge file (built once per process, in Rasa)."""

    kb: KnowledgeBase
    nlp: Any
    #: Head words of job names -> the jobs they can mean (None: from `kb`'s English names).
    heads: Optional[Dict[str, Tuple[str, ...]]] = None
    #: The knowledge whose English texts describe the work (None: `kb`): names added in other
    #: languages would change the weights of its words (bot/understanding/described_work.py).
    described_from: Optional[KnowledgeBase] = None
    #: The knowledge in each other language, whose texts describe the work in that language.
    texts_in: Dict[str, KnowledgeBase] = field(default_factory=dict)
    linker: Linker = field(init=False)
    glossary: GlossaryIndex = field(init=False)
    speller: Speller = field(init=False)
    described: Dict[str, DescribedWork] = field(init=False)

    def __post_init__(self):
        words = question_words()
        self.linker = Linker(self.kb, self.nlp, words, self.heads)
        self.glossary = GlossaryIndex(self.kb, self.nlp)
        # Typos are put right into words that ask something; an inflected English word the
        # lemmatizer knows ("doing", "schooling") is a real word, never a typo.
        inflected = self.nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
        word_cues = {w: cues_in(w) for w in words}  # read once, for both uses below
        self.speller = Speller(
            frozenset(w for w, cues in word_cues.items() if cues),
            lambda w: w in inflected or w in self.linker.stop_words or w in self.linker.question_words,
        )
        ignored = asking_words(word_cues) | self.linker.stop_words | work_words()
        # One index per language of the texts: a Spanish description is read on the Spanish texts.
        self.described = {
            "en": DescribedWork(self.described_from or self.kb, self.nlp, ignored),
            **{
                lang: DescribedWork(texts, self.nlp, ignored | spanish_stop_words(), lang)
                for lang, texts in self.texts_in.items()
            },
        }

    @classmethod
    def for_languages(cls, kb: KnowledgeBase, nlp: Any) -> "Reader":
        """A reader of `kb` that also knows its names in the other languages (name_forms.py)."""
        heads = role_heads(kb, nlp)  # English heads come last in a name ("mechanical ENGINEER")
        bilingual, other_heads = with_other_languages(kb)
        for word, roles in other_heads.items():
            heads[word] = tuple(dict.fromkeys([*heads.get(word, ()), *roles]))
        return cls(bilingual, nlp, heads, kb, {lang: load_localised(kb, lang) for lang in TEXT_LANGUAGES})

    @cached_property
    def _related(self) -> Dict[str, List[str]]:
        return {r.id: list(r.related_roles) for r in self.kb.roles}

    def read(self, text: str) -> Reading:
        text = user_text(text)
        doc = self.nlp(normalise(text))
        links = self.linker.link_doc(doc)
        covered = {i for m in links.mentions for i in range(m.start, m.end)}
        outside = _outside_names(doc, covered)
        asked = _in_parts(doc, asked_parts(text))
        asked_outside = _outside_names(asked, covered)  # the same, of the parts that ask
        closest = (
            closest_roles(self.linker, self.kb, links.unknown_words, links.ids(SECTOR)) if links.unknown_words else []
        )
        # Jobs we do not cover, named ("supply chain manager", "astronaut"): the listed job the
        # knowledge file gives as closest comes first, then those like the job's other words
        # ("fashion DESIGNER": the industrial designer), then the jobs related to the first.
        near = links.ids(NEAR_ROLE)
        related = [r for n in near for r in self._related.get(n, ())]
        closest = list(dict.fromkeys([*near, *closest, *related]))[:3]
        cues = cues_in(self.speller.correct(text.lower()))
        spelled_outside = self.speller.correct(outside)
        mentions = _not_set_aside([m for m in links.mentions if m.kind != NEAR_ROLE], doc)
        mentions += self._described(text, links.ids, cues)
        ambiguous = list(links.ambiguous)
        if len(ambiguous) == 1 and not links.ids(ROLE) and not any(m.kind == ROLE for m in mentions):
            # "how much do the designers make who come up with how phones and toys look": the
            # one of the jobs a bare "designer" can mean that the other words describe.
            narrowed = self._find_described(text, ROLE, among=ambiguous[0])
            if narrowed:
                mentions.append(Mention(ROLE, narrowed, 0, 0, DESCRIBED_SCORE))
                ambiguous = []
        described = any(m.score == DESCRIBED_SCORE and m.kind == ROLE for m in mentions)
        unknown = 0 if described else len(links.unknown_words) + len(near)
        return Reading(
            mentions=tuple(mentions),
            ambiguous=tuple(ambiguous),
            unknown_jobs=unknown,
            closest=tuple(closest) if unknown else (),
            cues=cues,
            cues_outside_names=cues_in(spelled_outside),
            **places_in(text),
            term=self.glossary.find(doc, typos="meaning" in cues),
            family=family_in(text),
            aspect=(first_aspect(self.speller.correct(asked_outside)) if asked else None)
            or first_aspect(spelled_outside),
            amount=amount_in(text),
        )

    def _described(self, text: str, named, cues) -> list:
        """A job or industry the message describes without naming one of that kind."""
        found: List[Mention] = []
        if states_a_myth_in(cues):
            return found  # a belief about the work ("manufacturing is for people who couldn't get into college")
        for cue, kind in CUE_KINDS.items():
            # "what pathway is welding in" asks the named job's pathway: none is described
            if cue in cues and not named(kind) and not (kind == PATHWAY and named(ROLE)):
                ident = self._find_described(text, kind)
                if ident:  # an empty span: the words stay readable for the aspect and cues
                    found.append(Mention(kind, ident, 0, 0, DESCRIBED_SCORE))
        return found

    def _find_described(self, text: str, kind: str, among: Optional[Tuple[str, ...]] = None) -> Optional[str]:
        """The entry described, read on the texts of the message's language (of each, English
        first, when it could be either: "el que fixes the machines")."""
        detected = detected_language(text)
        order = [detected] if detected else list(self.described)
        return next((i for i in (self.described[lang].find(text, kind, among) for lang in order) if i), None)


def _not_set_aside(mentions: List[Mention], doc) -> List[Mention]:
    """The names without those set aside when another of their kind is asked about: "not
    welders, i mean boilermakers" is about boilermakers only; and without the speaker's own job
    of another cluster ("I teach an intro to manufacturing class": no question about teachers)."""
    mentions = [m for m in mentions if not (m.kind == OTHER and own_job(doc[max(0, m.start - 6) : m.end].text))]
    aside = {id(m) for m in mentions if negated(doc[max(0, m.start - 6) : m.start].text)}
    kinds_asked = {m.kind for m in mentions if id(m) not in aside}
    return [m for m in mentions if id(m) not in aside or m.kind not in kinds_asked]


def _outside_names(tokens: Any, covered: set) -> str:
    """The words, each name's a neutral word, so "i don t mean NAME, how much" keeps its order."""
    return " ".join(t.text if t.i not in covered else "xx" for t in tokens)


def _in_parts(doc: Any, parts: List[str]) -> list:
    """The tokens of `doc` (of the normalised message) that fall in these parts of the message as
    typed, found in order; none when a part cannot be found."""
    found, start = [], 0
    for part in parts:
        words = normalise(part)
        at = doc.text.find(words, start) if words else -1
        if at < 0:
            return []
        found += [t for t in doc if at <= t.idx < at + len(words)]
        start = at + len(words)
    return found
