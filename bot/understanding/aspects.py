"""The aspect of a job a message asks (pay, education, skills, outlook, certifications, overview,
related jobs, safety), read from its question cues (data/lexicon/<lang>/cues.yml), and the aspects it
sets aside ("not the pay, is it growing": data/lexicon/<lang>/negation.yml)."""

from __future__ import annotations

import re
from typing import Dict, FrozenSet, List, Optional, Tuple

from bot.text import normalise
from bot.understanding import lexicon

#: Aspect of a job -> the cue that asks it (data/lexicon/<lang>/cues.yml).
ASPECT_CUES = {
    "pay": "pay",
    "education": "asks_education",
    "skills": "asks_skills",
    "outlook": "asks_outlook",
    "certifications": "asks_certifications",
    "overview": "asks_overview",
    "related": "asks_related",
    "safety": "asks_safety",
}
#: The vocabulary file (per language) of question cues.
CUES = "cues"
#: The vocabulary file (per language) of words that set a job or a question aside.
NEGATION = "negation"


def first_aspect(text: str) -> Optional[str]:
    """The aspect of a job whose cue comes first in the message (of two starting together, the
    one that ends first: "what does a welder do" before "what does a welder ... make"), or None.
    The parts that ask are read first (asked_parts): "My son wants to become a welder. What does a
    welder do every day?" asks what the job is, not its training."""
    parts = asked_parts(text)
    return (_first_aspect_in(" ".join(parts)) if parts else None) or _first_aspect_in(text)


def asked_parts(text: str) -> List[str]:
    """The parts of a message that ask, when others only tell: its questions ("...?") among other
    sentences, or else its clauses that start like a question ("i got forklift certified at my
    summer job, what do forklift drivers make"); [] when the whole message asks. Read on the
    message as typed: the punctuation says where the parts end."""
    sentences = _SENTENCE_END.split(text.strip())
    questions = [s for s in sentences if s.rstrip().endswith("?")]
    if questions and len(questions) < len(sentences):
        return questions
    clauses = _CLAUSE_END.split(text.strip())
    asked = [c for c in clauses if _QUESTION_START.match(c)]
    if asked and len(asked) < len(clauses):
        return asked
    # "if i became a welder would i still have work in 10 years": what is supposed, then the question
    supposed = _SUPPOSED.match(text)
    return [text[supposed.start(1) :]] if supposed else []


#: Where a sentence ends (before the next one starts), and a clause within one.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_CLAUSE_END = re.compile(r"\s*[,;:]\s+|\s+(?:but|so)\s+")
#: A message that supposes first and asks after, with no comma between: the question's start (group 1).
_SUPPOSED = re.compile(
    r"\s*(?:hypothetically\s+|so\s+|ok\s+|like\s+|and\s+)?(?:if|say|once|when)\b.{8,}?\s(?=(what|whats|what's|wat|how|which|would|will|could|can|should|is|are|do|does)\b)",
    re.IGNORECASE,
)
#: A clause that asks ("what do they make", "how long is it", "do they need a degree").
_QUESTION_START = re.compile(
    r"\s*(and\s+|so\s+|but\s+|ok\s+|also\s+)?(what|whats|what's|wat|how|which|who|where|when|why|is|are|do|does|did|can|could|will|would|should)\b",
    re.IGNORECASE,
)


def _aspect_spans(text: str) -> Tuple[Dict[str, Tuple[int, int]], FrozenSet[str]]:
    """Where each aspect's cue first comes, outside negations; and the aspects whose cues come
    only after one ("not the pay, is it growing": the pay is set aside, the outlook asked)."""
    folded = lexicon.fold(normalise(lexicon.fold(text)))
    spans: Dict[str, Tuple[int, int]] = {}
    set_aside = set()
    # "dying to know" asks no outlook: each language's look-alikes blanked once
    unlike = {language: lexicon.without_look_alikes(CUES, language, folded) for language in lexicon.LANGUAGES}
    for aspect, cue in ASPECT_CUES.items():
        for language in lexicon.LANGUAGES:
            pattern = lexicon.sections(CUES, language).get(cue)
            for found in pattern.finditer(unlike[language]) if pattern else ():
                if negated(folded[: found.start()]):
                    set_aside.add(aspect)
                elif found.span() < spans.get(aspect, (len(folded) + 1, 0)):
                    spans[aspect] = found.span()
    return spans, frozenset(set_aside - set(spans))


def _first_aspect_in(text: str) -> Optional[str]:
    spans, _ = _aspect_spans(text)
    return min(spans, key=lambda a: spans[a]) if spans else None


def aspects_set_aside(text: str) -> FrozenSet[str]:
    """The aspects the words set aside and do not ask ("I'm not asking about pay, what do welders
    do": pay)."""
    return _aspect_spans(text)[1]


def negated(before: str) -> bool:
    """Whether the words just before a name or a cue set it aside ("not", "i don't mean"):
    the `before` patterns of data/lexicon/<lang>/negation.yml, matched at the end of `before`."""
    tail = before[-40:]
    return any(lexicon.search(NEGATION, "before", tail, language) for language in lexicon.LANGUAGES)


def own_job(up_to_name: str) -> bool:
    """Whether the words up to a name make it the speaker's own job ("i'm a science teacher", "i
    teach"): the `own_job` patterns of data/lexicon/<lang>/negation.yml, matched at the end."""
    tail = up_to_name[-60:]
    return any(lexicon.search(NEGATION, "own_job", tail, language) for language in lexicon.LANGUAGES)


__all__ = ["ASPECT_CUES", "CUES", "NEGATION", "asked_parts", "aspects_set_aside", "first_aspect", "negated", "own_job"]
