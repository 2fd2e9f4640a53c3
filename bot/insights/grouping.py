"""Unanswered questions grouped by similarity (rapidfuzz), each with a hint of where in the
knowledge file it belongs.

Texts are normalised (lower case, no punctuation), then grouped greedily, most conversations first:
a text joins the most similar group leader (token_sort_ratio >= SIMILAR), else it leads a new group.
The work is bounded: at most MAX_TEXTS distinct texts (the rest are counted as not grouped), scored
all at once by rapidfuzz's `cdist` (compiled code, which releases the GIL) rather than one text at a
time; a result is cached per school and range until the texts change. It runs in a worker thread
(bot/channels/insights.py), never on the chat's event loop.

Only groups from at least MIN_CONVERSATIONS distinct conversations are shown. Their example is a
wording typed identically (after normalisation) in at least MIN_CONVERSATIONS conversations from
the chat widget (socket.io), never one student's words; without such a wording, a generated label.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, Hashable, List, Optional, Sequence, Set, Tuple

import numpy as np
from rapidfuzz import fuzz, process

from bot.insights.figures import Count
from bot.insights.suppress import MIN_CONVERSATIONS
from bot.privacy import redact
from bot.settings import INSIGHTS_MAX_GROUPED_TEXTS as MAX_TEXTS
from bot.settings import INSIGHTS_MAX_GROUPS_SHOWN as MAX_SHOWN

SIMILAR = 70  # token_sort_ratio: "how much do nurses make" ~ "how much does a nurse make"
CACHED = 64  # results kept (per school and range)
NO_EXAMPLE = "(no example: each student worded it differently)"
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


Unanswered = Sequence[Tuple[str, int, int, bool]]  # (text, conversation no., messages, from the widget)
_cache: "OrderedDict[Hashable, Tuple[str, Tuple[List[Group], int, int]]]" = OrderedDict()
_cache_lock = threading.Lock()


def cached_group(key: Hashable, unanswered: Unanswered) -> Tuple[List[Group], int, int]:
    """group(), remembered under `key` (school and range) for as long as the texts are the same."""
    digest = hashlib.sha256(repr(sorted(unanswered)).encode("utf-8")).hexdigest()
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None and hit[0] == digest:
            _cache.move_to_end(key)
            return hit[1]
    result = group(unanswered)
    with _cache_lock:
        _cache[key] = (digest, result)
        _cache.move_to_end(key)
        while len(_cache) > CACHED:
            _cache.popitem(last=False)
    return result


def group(unanswered: Unanswered) -> Tuple[List[Group], int, int]:
    """(the largest MAX_SHOWN groups that may be shown, largest first; how many groups are hidden as
    too small; how many more could be shown but are not listed)."""
    convs: Dict[str, Set[int]] = defaultdict(set)
    widget: Dict[str, Set[int]] = defaultdict(set)  # normalised text -> widget conversations that typed it
    messages: Counter = Counter()
    for text, conversation, n, from_widget in unanswered:
        key = normalise(text)
        if not key:
            continue
        convs[key].add(conversation)
        if from_widget:
            widget[key].add(conversation)
        messages[key] += n
    order = sorted(convs, key=lambda k: (-len(convs[k]), k))[:MAX_TEXTS]
    members = _cluster(order)
    big, hidden = [], 0
    for keys in members:
        people = set().union(*(convs[k] for k in keys))
        if len(people) < MIN_CONVERSATIONS:
            hidden += 1
        else:
            big.append((keys, Count(sum(messages[k] for k in keys), len(people))))
    big.sort(key=lambda g: (-g[1].conversations, -g[1].value, g[0][0]))
    shown = []
    for keys, count in big[:MAX_SHOWN]:
        typed = [k for k in keys if len(widget[k]) >= MIN_CONVERSATIONS]
        example = redact(min(typed, key=lambda k: (-len(widget[k]), len(k), k))) if typed else NO_EXAMPLE
        shown.append(Group(example, count, hint(example if typed else keys[0])))
    return shown, hidden, len(big) - len(shown)


def _cluster(order: List[str]) -> List[List[str]]:
    """Greedy grouping of `order` (most frequent first) on one score matrix."""
    if not order:
        return []
    sorted_tokens = [" ".join(sorted(k.split())) for k in order]  # token_sort_ratio = ratio of these
    scores = process.cdist(sorted_tokens, sorted_tokens, scorer=fuzz.ratio, score_cutoff=SIMILAR, dtype=np.uint8)
    leader_of = np.full(len(order), -1)
    members: List[List[str]] = []
    is_leader = np.zeros(len(order), dtype=bool)
    for i, key in enumerate(order):
        row = np.where(is_leader[:i], scores[i, :i], 0)
        best = int(row.argmax()) if i else 0
        if i and row[best] >= SIMILAR:
            members[leader_of[best]].append(key)
        else:
            is_leader[i] = True
            leader_of[i] = len(members)
            members.append([key])
    return members


def normalise(text: str) -> str:
    return " ".join(_WORDS.sub(" ", text.lower()).split())


@lru_cache(maxsize=4096)
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
    ranked, longest = _phrases()
    tokens, found = words.split(), None
    for i in range(len(tokens)):  # exact names and aliases first (plurals too), the longest name wins
        for j in range(i + 1, min(len(tokens), i + longest) + 1):
            gram = " ".join(tokens[i:j])
            for phrase in (gram, gram[:-1] if gram.endswith("s") else ""):
                if phrase in ranked and (found is None or ranked[phrase] < found[0]):
                    found = (ranked[phrase], vocabulary[ranked[phrase]][1])
    if found:
        return found[1]
    best = process.extractOne(
        words, [p for p, _ in vocabulary if len(p) >= 6], scorer=fuzz.partial_ratio, score_cutoff=90
    )  # typos: "machinst", "aerospce"
    return dict(vocabulary)[best[0]] if best else None


def _has(words: str, phrase: str) -> bool:
    return f" {phrase} " in f" {words} "


@lru_cache(maxsize=1)
def _phrases() -> Tuple[Dict[str, int], int]:
    """Each name's place in _vocabulary() (longest first), and the most words in a name."""
    vocabulary = _vocabulary()
    return {p: i for i, (p, _) in reversed(list(enumerate(vocabulary)))}, max(len(p.split()) for p, _ in vocabulary)


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
