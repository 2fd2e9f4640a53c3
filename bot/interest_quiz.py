"""The "What fits me?" quiz: its items, scoring and matching, with no Rasa and no wording of
replies (bot/answers/quiz.py writes those). docs/quiz.md explains the choices.

Scoring: Like = 2, Not sure = 1, Dislike = 0; an area's score is the mean over its answered
items (skipped items do not count), so it runs from 0 to 2. Matching: Pearson's correlation
between the student's six area scores and each role's six O*NET occupational interest scores;
correlation compares the *shape* of the two profiles (which areas stand out), which is what
matters, since the two are on different scales.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Optional, Sequence, Tuple

import yaml

from bot import ROOT
from bot.knowledge.interest_profiles import AREAS, Profile
from bot.text import normalise

#: An answer as kept in the conversation's slot: one letter per item, in item order.
LIKE, UNSURE, DISLIKE, SKIP = "l", "n", "d", "s"
POINTS = {LIKE: 2.0, UNSURE: 1.0, DISLIKE: 0.0}
#: Fewer answered items than this and the results say too little to match on.
MIN_ANSWERED = 9
#: A profile whose highest and lowest area differ by no more than this is flat ("a bit of everything").
FLAT_SPREAD = 0.5
#: Roles shown in the results.
MATCHES = 4


@dataclass(frozen=True)
class Item:
    area: str
    text: str


@dataclass(frozen=True)
class Quiz:
    items: Tuple[Item, ...]
    names: Dict[str, str]  # area -> plain name ("hands-on work")
    short: Dict[str, str]  # area -> a word or two ("hands-on"), for lists
    about: Dict[str, str]  # area -> one plain sentence
    answers: Tuple[Tuple[str, "re.Pattern[str]"], ...]  # (answer letter, words that say it), in order
    restart: "re.Pattern[str]"  # words that ask to start over


@lru_cache(maxsize=None)
def quiz(language: str = "en") -> Quiz:
    data = yaml.safe_load((ROOT / "data" / "quiz" / f"{language}.yml").read_text(encoding="utf-8"))
    items = tuple(Item(i["area"], i["text"]) for i in data["items"])
    letters = {"like": LIKE, "unsure": UNSURE, "dislike": DISLIKE, "skip": SKIP}
    answers = tuple((letters[k], re.compile(rf"\b(?:{v})\b")) for k, v in data["answers"].items())
    return Quiz(
        items,
        {a: v["name"] for a, v in data["areas"].items()},
        {a: v["short"] for a, v in data["areas"].items()},
        {a: v["about"] for a, v in data["areas"].items()},
        answers,
        re.compile(rf"\b(?:{data['restart']})\b"),
    )


def parse_answer(text: str, choice: Optional[str] = None, language: str = "en") -> Optional[str]:
    """The answer letter from a button's choice or typed words, or None if it is not an answer."""
    if choice in (LIKE, UNSURE, DISLIKE, SKIP):
        return choice
    said = normalise(text or "").strip()
    for letter, pattern in quiz(language).answers:
        if pattern.search(said):
            return letter
    return None


def clean(answers: Optional[str], language: str = "en") -> str:
    """The slot's value, kept to valid letters and the number of items (a client cannot grow it)."""
    if not isinstance(answers, str):
        return ""
    return "".join(ch for ch in answers if ch in "lnds")[: len(quiz(language).items)]


def scores(answers: str, language: str = "en") -> Dict[str, Optional[float]]:
    """Area -> mean points over its answered items (0-2), or None when none was answered."""
    got: Dict[str, List[float]] = {a: [] for a in AREAS}
    for item, answer in zip(quiz(language).items, answers, strict=False):
        if answer in POINTS:
            got[item.area].append(POINTS[answer])
    return {a: (sum(v) / len(v) if v else None) for a, v in got.items()}


def answered(answers: str) -> int:
    return sum(1 for a in answers if a in POINTS)


@dataclass(frozen=True)
class Reading:
    """What the answers say: the areas best first, and whether the profile is flat or tied."""

    ranked: Tuple[Tuple[str, float], ...]  # (area, score), best first; unanswered areas count as "not sure"
    flat: bool  # every area about the same: no shape to match on

    @property
    def _second(self) -> float:
        return self.ranked[1][1]

    @property
    def tied(self) -> bool:
        """Second place is shared (and stands above the lowest), so "the top two" is not one pair."""
        return not self.flat and self._second == self.ranked[2][1] and self._second > self.ranked[-1][1]

    @property
    def top(self) -> Tuple[str, ...]:
        """The first area, and the second when it stands out on its own."""
        alone = self._second > self.ranked[-1][1] and not self.tied
        return tuple(a for a, _ in self.ranked[: 2 if alone else 1])

    def vector(self) -> List[float]:
        by_area = dict(self.ranked)
        return [by_area[a] for a in AREAS]


def read(answers: str, language: str = "en") -> Reading:
    raw = scores(answers, language)
    filled = {a: (1.0 if v is None else v) for a, v in raw.items()}
    # Ties keep O*NET's order (R, I, A, S, E, C), so the same answers always read the same.
    ranked = tuple(sorted(filled.items(), key=lambda kv: (-kv[1], AREAS.index(kv[0]))))
    return Reading(ranked, flat=ranked[0][1] - ranked[-1][1] <= FLAT_SPREAD)


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    """Pearson's r, or 0.0 when either side does not vary (no shape to compare)."""
    if statistics.pstdev(x) == 0 or statistics.pstdev(y) == 0:
        return 0.0
    return statistics.correlation(x, y)


def matches(reading: Reading, profiles: Dict[str, Profile], count: int = MATCHES) -> List[Tuple[str, float]]:
    """(key, r) of the profiles that fit best, best first; ties by key so the order is stable."""
    student = reading.vector()
    scored = [(key, pearson(student, p.vector())) for key, p in profiles.items()]
    scored.sort(key=lambda kr: (-kr[1], kr[0]))
    return scored[:count]
