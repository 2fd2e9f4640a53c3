"""The reading of one message: everything the answers need to know about its words, made once.

Inside Rasa, the last NLU component (bot/nlu/reader.py) reads each message with a `Reader`
(bot/understanding/reader.py, which needs spaCy) and
stores the result in the message's parse data (`parse_data["reading"]`); the action server
rebuilds it with `Reading.from_dict` and the answers ask it (`turn.reading`), never the text.
So the words are read in one place, with one spaCy pipeline; this module imports no spaCy, so the
action server needs none.

    mentions      roles, sectors, pathways and topics named (by title, alias or typo)
    ambiguous     bare job words that fit several roles ("engineer")
    unknown_jobs  how many words look like a job we do not know ("astronaut")
    closest       the known roles nearest to that unknown job
    cues          what the words ask (data/lexicon/<lang>/cues.yml: pay, growth, no_degree ...),
                  also read in the words outside the names ("industrial" in a title asks nothing)
    place         a place named ("in ohio", "near me"), as said
    term          a glossary term named
The reading is stored with the message, so it holds ids, counts and cue names, never the
student's own words (which may be a name: only the redacted text is kept, bot/privacy.py);
the place is kept as said, as in the text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any, Dict, FrozenSet, Iterable, List, Optional, Tuple

from bot.text import normalise, user_text
from bot.understanding import lexicon
from bot.understanding.amounts import Amount, amount_in
from bot.understanding.aspects import ASPECT_CUES, CUES, first_aspect
from bot.understanding.places import Place, asks_where_most, find_place, resolve, two_places

# Kinds of things a message can mention (the knowledge sections they live in: NAMED_SECTIONS).
# NEAR_ROLE is a job the file does not cover, named ("tool programmer"): its id is the listed
# job closest to it (a role's `near_names`), suggested and never answered for.
KINDS = ROLE, SECTOR, PATHWAY, ECONOMY, TECHNOLOGY, TRAINING, OTHER, NEAR_ROLE = (
    "role",
    "sector",
    "pathway",
    "economy",
    "technology",
    "training",
    "other_career",
    "near_role",
)

#: The cues of common beliefs ("myth_low_pay"): one per myth of the knowledge file.
MYTH_CUE_PREFIX = "myth_"
#: Where the reading is stored in a message's parse data (set in Rasa, read by actions/base.py).
READING_KEY = "reading"


#: Score of a `described_as` phrase's match (bot/understanding/descriptions.py): below any title
#: or typo match (typos need 84 or more).
DESCRIPTION_SCORE = 70.0
#: Score of an entry found by its description in the student's own words, below a phrase's
#: (bot/understanding/described_work.py).
DESCRIBED_SCORE = 60.0


@dataclass(frozen=True)
class Mention:
    kind: str
    id: str
    start: int  # token offsets in the normalised message
    end: int
    score: float  # 100 for an exact (lemma) match


@dataclass
class Links:
    mentions: List[Mention] = field(default_factory=list)
    #: Bare job words that fit several roles ("engineer"): each a tuple of role ids.
    ambiguous: List[Tuple[str, ...]] = field(default_factory=list)
    #: Content words that are neither linked, nor stop words, nor ordinary question words.
    unknown_words: List[str] = field(default_factory=list)

    def ids(self, kind: str) -> List[str]:
        seen: List[str] = []
        for m in self.mentions:
            if m.kind == kind and m.id not in seen:
                seen.append(m.id)
        return seen

    def first(self, kind: str) -> Optional[str]:
        ids = self.ids(kind)
        return ids[0] if ids else None


@dataclass(frozen=True)
class Reading:
    mentions: Tuple[Mention, ...] = ()
    ambiguous: Tuple[Tuple[str, ...], ...] = ()
    unknown_jobs: int = 0
    closest: Tuple[str, ...] = ()
    cues: FrozenSet[str] = frozenset()
    #: Cues found in the words outside the names ("industrial" in a title is no "industries").
    cues_outside_names: FrozenSet[str] = frozenset()
    place: Optional[str] = None
    #: The place resolved to a BLS area (or "near", "ambiguous", "unknown"), and two places
    #: compared ("machinists in Georgia vs Alabama"), for the local answers.
    where: Optional[Place] = None
    compared_places: Tuple[Place, ...] = ()
    term: Optional[str] = None
    #: The aspect of a job the words ask first ("is machining growing and what do they make": outlook).
    aspect: Optional[str] = None
    #: A parent's child named ("my daughter", "mi hijo"): sections of data/lexicon/<lang>/family.yml.
    family: FrozenSet[str] = frozenset()
    #: A wage the message states ("is 65k a year good?"; bot/understanding/amounts.py).
    amount: Optional[Amount] = None

    @cached_property
    def links(self) -> Links:
        return Links(list(self.mentions), list(self.ambiguous))

    def asks(self, cue: str) -> bool:
        """Whether the message's words ask this (a section of data/lexicon/<lang>/cues.yml)."""
        return cue in self.cues

    def ids(self, kind: str) -> List[str]:
        return self.links.ids(kind)

    def described(self, kind: str) -> List[str]:
        """The entries of this kind found only by a description of their work, not by a name."""
        named = {m.id for m in self.mentions if m.kind == kind and m.score > DESCRIPTION_SCORE}
        return [m.id for m in self.mentions if m.kind == kind and m.id not in named]

    def as_dict(self) -> Dict[str, Any]:
        """Plain JSON for the parse data (stored with the message event)."""
        d = asdict(self)
        d["mentions"] = [[m.kind, m.id, m.start, m.end, m.score] for m in self.mentions]
        d["ambiguous"] = [list(a) for a in self.ambiguous]
        d["cues"] = sorted(self.cues)
        d["cues_outside_names"] = sorted(self.cues_outside_names)
        d["family"] = sorted(self.family)
        d["closest"] = list(self.closest)
        d["where"] = _place_dict(self.where)
        d["compared_places"] = [_place_dict(p) for p in self.compared_places]
        return d

    @classmethod
    def from_dict(cls, raw: Optional[Dict[str, Any]]) -> "Reading":
        """The reading stored by Rasa; an empty one for a message that was not read (a button payload)."""
        if not isinstance(raw, dict):
            return cls()
        return cls(
            mentions=tuple(
                Mention(str(k), str(i), int(s), int(e), float(sc)) for k, i, s, e, sc in raw.get("mentions", [])
            ),
            ambiguous=tuple(tuple(str(r) for r in a) for a in raw.get("ambiguous", [])),
            unknown_jobs=int(raw.get("unknown_jobs") or 0),
            closest=tuple(str(r) for r in raw.get("closest", [])),
            cues=frozenset(str(c) for c in raw.get("cues", [])),
            cues_outside_names=frozenset(str(c) for c in raw.get("cues_outside_names", [])),
            place=raw.get("place") or None,
            where=_place_from(raw.get("where")),
            compared_places=tuple(p for p in (_place_from(x) for x in raw.get("compared_places") or []) if p),
            term=raw.get("term") or None,
            aspect=raw.get("aspect") if raw.get("aspect") in ASPECT_CUES else None,
            family=frozenset(str(f) for f in raw.get("family", [])),
            amount=_amount_from(raw.get("amount")),
        )


def _amount_from(raw: Any) -> Optional[Amount]:
    if not isinstance(raw, dict) or not isinstance(raw.get("yearly"), (int, float)):
        return None
    hourly = raw.get("hourly")
    return Amount(int(raw["yearly"]), float(hourly) if isinstance(hourly, (int, float)) else None)


def words_only(text: str) -> Reading:
    """What can be read without the knowledge file: the cues and the places (no names)."""
    text = user_text(text)
    cues = cues_in(text)
    return Reading(
        cues=cues,
        cues_outside_names=cues,
        family=family_in(text),
        aspect=first_aspect(text),
        amount=amount_in(text),
        **places_in(text),
    )


def family_in(text: str) -> FrozenSet[str]:
    """The children a parent names ("daughter", "son", "child"; data/lexicon/<lang>/family.yml)."""
    folded = lexicon.fold(text or "")
    return frozenset(
        name
        for language in lexicon.LANGUAGES
        for name, pattern in lexicon.sections("family", language).items()
        if name != "not" and lexicon.search("family", name, folded, language)
    )


def places_in(text: str) -> Dict[str, Any]:
    """The place fields of a reading."""
    return {"place": find_place(text), "where": resolve(text), "compared_places": two_places(text) or ()}


def _place_dict(place: Optional[Place]) -> Optional[Dict[str, Any]]:
    return None if place is None else {**asdict(place), "options": list(place.options)}


def _place_from(raw: Any) -> Optional[Place]:
    if not isinstance(raw, dict) or not raw.get("kind"):
        return None
    options = tuple(str(o) for o in raw.get("options") or [])
    return Place(str(raw["kind"]), str(raw.get("name") or ""), raw.get("area") or None, options)


def states_a_myth_in(cues: Iterable[str]) -> bool:
    """Whether the cues hold a common belief about manufacturing (a myth_<id> cue)."""
    return any(cue.startswith(MYTH_CUE_PREFIX) for cue in cues)


def cues_in(text: str) -> FrozenSet[str]:
    """The cue sections (data/lexicon/<lang>/cues.yml) the words match, in any language read,
    and `where_most` for "where do welders earn the most" (bot/understanding/places.py)."""
    folded = lexicon.fold(normalise(lexicon.fold(text)))
    found = {
        name
        for language in lexicon.LANGUAGES
        for unlike in (lexicon.without_look_alikes(CUES, language, folded),)  # blanked once per language
        for name, pattern in lexicon.sections(CUES, language).items()
        if name != lexicon.LOOK_ALIKES and pattern.search(unlike)
    }
    return frozenset(found | ({"where_most"} if asks_where_most(text) else set()))
