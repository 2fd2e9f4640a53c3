"""Unanswered questions grouped by similarity (rapidfuzz), each with a hint of where in the
knowledge file it belongs.

Texts are grouped greedily, most frequent first: a text joins the first group whose leading text
is similar enough (token_sort_ratio), else it leads a new group. Only groups from at least
MIN_CONVERSATIONS distinct conversations are shown, with one example (the wording most
conversations used, shortest on a tie), redacted once more.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Optional, Sequence, Set, Tuple

from rapidfuzz import fuzz, process

from bot.insights.figures import MIN_CONVERSATIONS, Count
from bot.privacy import redact

SIMILAR = 70  # token_sort_ratio: "how much do nurses make" ~ "how much does a nurse make"
MAX_TEXTS = 4000  # distinct texts grouped (the most frequent); the rest are counted as not grouped
_WORDS = re.compile(r"[^\w\s]+")
ASPECT_WORDS = {
    "median_pay": ("pay", "paid", "salary", "salaries", "wage", "wages", "earn", "make", "money", "income"),
    "education": ("degree", "college", "school", "study", "education", "diploma", "university"),
    "outlook": ("outlook", "demand", "future", "hiring", "openings", "growth"),
    "skills": ("skill", "skills", "good at"),
    "certifications": ("certificate", "certification", "certified", "license", "licence"),
}
NEW_ENTRY = "not covered: consider a new entry"


@dataclass
class Group:
    example: str
    count: Count  # messages, with their distinct conversations
    hint: str


def group(unanswered: Sequence[Tuple[str, int, int]]) -> Tuple[List[Group], int]:
    """(groups that may be shown, largest first; how many groups are hidden as too small)."""
    texts: Dict[str, Counter] = defaultdict(Counter)  # normalised -> original wording -> conversations
    convs: Dict[str, Set[int]] = defaultdict(set)
    messages: Counter = Counter()
    for text, conversation, n in unanswered:
        key = normalise(text)
        if not key:
            continue
        texts[key][text] += 1
        convs[key].add(conversation)
        messages[key] += n
    order = sorted(convs, key=lambda k: (-len(convs[k]), k))[:MAX_TEXTS]
    leaders: List[str] = []
    members: List[List[str]] = []
    for key in order:
        match = (
            process.extractOne(key, leaders, scorer=fuzz.token_sort_ratio, score_cutoff=SIMILAR) if leaders else None
        )
        if match is None:
            leaders.append(key)
            members.append([key])
        else:
            members[match[2]].append(key)
    shown, hidden = [], 0
    for keys in members:
        people = set().union(*(convs[k] for k in keys))
        if len(people) < MIN_CONVERSATIONS:
            hidden += 1
            continue
        wording: Counter[str] = Counter()
        for k in keys:
            wording.update(texts[k])
        example = min(wording, key=lambda t: (-wording[t], len(t), t))
        shown.append(Group(redact(example), Count(sum(messages[k] for k in keys), len(people)), hint(example)))
    shown.sort(key=lambda g: (-g.count.conversations, -g.count.value, g.example))
    return shown, hidden


def normalise(text: str) -> str:
    return " ".join(_WORDS.sub(" ", text.lower()).split())


def hint(text: str) -> str:
    """Where a question belongs in the knowledge file, e.g. `roles[welder].median_pay`."""
    words = normalise(text)
    aspect = next((a for a, ws in ASPECT_WORDS.items() if any(_has(words, w) for w in ws)), None)
    entry = _entry(words)
    if entry and entry.startswith("roles["):
        return f"{entry}.{aspect}" if aspect else entry
    if entry:
        return entry
    if aspect:
        return f"{aspect} (no known job named: which role's {aspect}?)"
    return NEW_ENTRY


def _entry(words: str) -> Optional[str]:
    vocabulary = _vocabulary()
    for phrase, entry in vocabulary:  # exact names and aliases first (plurals too)
        if _has(words, phrase) or _has(words, phrase + "s"):
            return entry
    best = process.extractOne(
        words, [p for p, _ in vocabulary if len(p) >= 6], scorer=fuzz.partial_ratio, score_cutoff=90
    )  # typos: "machinst", "aerospce"
    return dict(vocabulary)[best[0]] if best else None


def _has(words: str, phrase: str) -> bool:
    return f" {phrase} " in f" {words} "


@lru_cache(maxsize=1)
def _vocabulary() -> List[Tuple[str, str]]:
    """(normalised name or alias, entry) from the knowledge file, longest names first."""
    from bot.knowledge.loader import load

    kb = load()
    out: List[Tuple[str, str]] = []

    def add(entry: str, *names: str) -> None:
        out.extend((normalise(n), entry) for n in names if normalise(n))

    for r in kb.roles:
        add(f"roles[{r.id}]", r.title, r.id.replace("_", " "), *r.aliases)
    for s in kb.sectors:
        add(f"sectors[{s.id}]", s.name, *s.aliases)
    for p in kb.pathways:
        add(f"pathways[{p.id}]", p.name, *p.aliases)
    for tr in kb.training:
        add(f"training[{tr.id}]", tr.name, *tr.aliases)
    for t in kb.innovation.technologies:
        add(f"innovation.technologies[{t.id}]", t.name, *t.aliases)
    for o in kb.other_careers:
        add(f"other_careers ({o.cluster} cluster: not manufacturing)", o.name, *o.aliases)
    return sorted(dict(out).items(), key=lambda item: -len(item[0]))
