"""'What does X mean?': a term from the knowledge file's glossary, in plain words, with its source.

Terms are found like roles are linked (bot/understanding/linking.py): a spaCy PhraseMatcher on lemmas
("medians", "apprenticeships"), then rapidfuzz for typos ("apprentiship"). The index is built
once per loaded knowledge file, from the file, so a term added there needs no retraining.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from rapidfuzz import fuzz, process
from spacy.matcher import PhraseMatcher

from bot.answers.loaded_knowledge import Knowledge
from bot.knowledge.model import Term
from bot.render import Answer, Button, cite, payload
from bot.text import normalise, user_text

#: A typo must be this close to a name (rapidfuzz ratio), and start with the same letter.
_FUZZY_CUTOFF = 85.0
_MIN_FUZZY_LEN = 4
#: Terms offered as buttons when the word asked about is not in the glossary.
_OFFERED = ("median_pay", "job_outlook", "apprenticeship", "cte")
#: Words that ask what something means; without them an unknown word is a misread question.
_ASKS_MEANING = re.compile(r"\b(mean\w*|define\w*|definition|stand for|what is|what s|whats|explain\w*|word|term)\b")

#: Stricter: the message asks what a word means, even when it also names a job.
_ASKS_WORD_MEANING = re.compile(r"\b(mean\w*|define\w*|definition|stand for|word|term)\b")


@dataclass
class _Index:
    matcher: PhraseMatcher
    names: Dict[str, str]  # normalised name -> term id
    longest: int  # words in the longest name


def _index(k: Knowledge) -> _Index:
    cached = k.__dict__.get("_glossary_index")
    if cached is None:
        nlp = k.linker.nlp
        matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
        names: Dict[str, str] = {}
        for term in k.kb.glossary:
            for name in [term.term.split(" (")[0], term.term, *term.aliases]:
                key = normalise(name)
                if key:
                    names.setdefault(key, term.id)
                    matcher.add(term.id, [nlp(key)])
        cached = _Index(matcher, names, max((len(n.split()) for n in names), default=1))
        k.__dict__["_glossary_index"] = cached
    return cached


def find(k: Knowledge, text: str) -> Optional[Term]:
    """The glossary term a message names (the longest match), or None."""
    if not k.kb.glossary:
        return None
    index = _index(k)
    doc = k.linker.nlp(normalise(user_text(text)))
    spans: List[Tuple[int, int, str]] = [
        (start, end, k.linker.nlp.vocab.strings[m]) for m, start, end in index.matcher(doc)
    ]
    if not spans:
        spans = _fuzzy(index, [t.text for t in doc])
    if not spans:
        return None
    start, end, term_id = max(spans, key=lambda s: (s[1] - s[0], -s[0]))
    return next(t for t in k.kb.glossary if t.id == term_id)


def _fuzzy(index: _Index, words: List[str]) -> List[Tuple[int, int, str]]:
    found = []
    for size in range(1, index.longest + 1):
        for start in range(0, len(words) - size + 1):
            window = " ".join(words[start : start + size])
            if len(window.replace(" ", "")) < _MIN_FUZZY_LEN:
                continue
            hit = process.extractOne(window, index.names.keys(), scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
            if hit and hit[0][0] == window[0]:
                found.append((start, start + size, index.names[hit[0]]))
    return found


def definition(k: Knowledge, term: Term) -> Answer:
    """The term's definition in plain words, with its source and the question it usually leads to."""
    text = f"{_short(term)}: {term.definition} {cite(k.kb, term.source)}"
    return Answer(text, _follow_ups(k, term), [term.source])


def not_in_list(k: Knowledge) -> Answer:
    """A word asked about that the glossary lacks: the words it can explain."""
    buttons = [Button(_short(t), _define_payload(t)) for t in k.kb.glossary if t.id in _OFFERED]
    return Answer(
        "I don't have that word in my list yet. Here are some words I can explain. "
        "You can also ask your school counselor.",
        buttons,
    )


def asks_meaning(text: str) -> bool:
    """Whether the message asks what something means (without it, an unknown word is a misread question)."""
    return bool(_ASKS_MEANING.search(normalise(text)))


def asks_word_meaning(text: str) -> bool:
    """Stricter: whether the message asks what a word means, even when it also names a job."""
    return bool(_ASKS_WORD_MEANING.search(normalise(text)))


def _short(term: Term) -> str:
    """'CTE (career and technical education)' stays whole in the answer; buttons use 'CTE'."""
    return term.term.split(" (")[0]


def _define_payload(term: Term) -> str:
    return f"what does {_short(term).lower()} mean"


#: What to offer after a definition: the question the word usually leads to.
_NEXT = {
    "median_pay": ("Pay for a job", "ask_pay"),
    "job_outlook": ("Job outlook for a job", "ask_outlook"),
    "apprenticeship": ("Ways to get started", "ask_training"),
    "cte": ("Ways to get started", "ask_training"),
    "career_pathway": ("Career pathways", "ask_pathways"),
    "certification": ("Certifications", "ask_certifications"),
    "advanced_manufacturing": ("Robots and new technology", "ask_automation"),
}


def _follow_ups(k: Knowledge, term: Term) -> List[Button]:
    buttons = []
    if term.id in _NEXT:
        title, intent = _NEXT[term.id]
        buttons.append(Button(title, payload(intent)))
    buttons += [Button(_short(t), _define_payload(t)) for t in k.kb.glossary if t.id in _OFFERED and t.id != term.id][
        :2
    ]
    return buttons
