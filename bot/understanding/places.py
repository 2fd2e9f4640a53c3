"""The place a message is about: a U.S. state, a city's metro area, "near me", or none.

The words are data: data/lexicon/<language>/places.yml (state names, abbreviations and other
spellings, cities and their nicknames, "near me" phrases, capitalised words that are not places);
a second language is a second file. The areas come from the local pay extract
(data/local/oews_areas.csv): a state is found by its name, a city by the metro area BLS names
after it. `find_place` is also read into every message's reading (bot/understanding/reading.py):
it stays cheap and free of Rasa; files are read once, at first use.
"""

from __future__ import annotations

import csv
import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import yaml

from bot.understanding.lexicon import LANGUAGES, LEXICON_DIR

AREAS_FILE = Path(__file__).resolve().parents[2] / "data" / "local" / "oews_areas.csv"
NEAR = "your area"
#: The name of a place given as a ZIP code: never the code itself (it is not kept anywhere).
ZIP = "your ZIP code"
#: How close a misspelled name after "in" must be to a known one (difflib ratio).
FUZZY_CUTOFF = 0.85
_PREP = r"(?:in|from|around|near|across|outside(?:\s+of)?)"


@dataclass(frozen=True)
class Place:
    kind: str  # "state", "metro", "near", "zip", "ambiguous" or "unknown"
    name: str  # as an answer says it: "Wisconsin", "Charlotte-Concord-Gastonia, NC-SC", "your area"
    area: Optional[str] = None  # BLS OEWS area code, for a state or a metro area
    options: Tuple[str, ...] = ()  # an ambiguous name: the metro areas it could be


@dataclass
class _Words:
    states: Dict[str, str] = field(default_factory=dict)  # postal abbreviation -> name
    spellings: Dict[str, str] = field(default_factory=dict)  # lower-case spelling -> abbreviation
    wordlike: set = field(default_factory=set)
    not_alone: set = field(default_factory=set)
    cities: Dict[str, Tuple[str, str]] = field(default_factory=dict)  # city -> (state, BLS city)
    nicknames: Dict[str, str] = field(default_factory=dict)  # nickname -> city
    near: List[str] = field(default_factory=list)
    where_most: List[str] = field(default_factory=list)
    versus: List[str] = field(default_factory=list)
    zip_code: List[str] = field(default_factory=list)
    not_places: set = field(default_factory=set)


@lru_cache(maxsize=1)
def _words() -> "_Compiled":
    words = _Words()
    for language in LANGUAGES:
        path = LEXICON_DIR / language / "places.yml"
        if not path.exists():
            continue
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for abbr, entry in (raw.get("states") or {}).items():
            words.states.setdefault(abbr, entry["name"])
            for spelling in [entry["name"], *entry.get("also", [])]:
                words.spellings[spelling.lower()] = abbr
        words.wordlike.update(raw.get("wordlike") or [])
        words.not_alone.update(raw.get("not_alone") or [])
        for city, value in (raw.get("cities") or {}).items():
            state, _, bls_city = str(value).partition(" ")
            words.cities[city] = (state, bls_city or city)
        words.nicknames.update(raw.get("nicknames") or {})
        words.near += raw.get("near") or []
        words.where_most += raw.get("where_most") or []
        words.versus += raw.get("versus") or []
        words.zip_code += raw.get("zip_code") or []
        words.not_places.update(str(w).lower() for w in raw.get("not_places") or [])
    return _Compiled(words)


class _Compiled:
    def __init__(self, w: _Words):
        self.w = w
        self.state_names = _alternation(w.spellings)
        self.city_names = _alternation([*w.cities, *w.nicknames])
        self.near = _any(w.near)
        self.where_most = _any(w.where_most)
        self.versus = _any(w.versus)
        self.zip_code = _any(w.zip_code)
        # "in tx", "Columbus, OH", and a capitalised one ending the message ("welder salary GA").
        self.abbr = re.compile(rf"\b{_PREP}\s+([A-Za-z]{{2}})\b|,\s*([A-Z]{{2}})\b|(?:^|\s)([A-Z]{{2}})[?.!]*\s*$")
        self.capitalised = re.compile(rf"\b{_PREP}\s+((?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?)\b")
        self.after_prep = re.compile(rf"\b{_PREP}\s+([a-z]{{4,}}(?:\s+[a-z]{{4,}})?)\b", re.IGNORECASE)
        self.fuzzy_names = sorted(set(w.spellings) | set(w.cities))


def _any(patterns: List[str]) -> re.Pattern:
    """One pattern for a section's list; a missing section matches nothing (never everything)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!x)x", re.IGNORECASE)


def _alternation(names) -> re.Pattern:
    escaped = sorted((re.escape(n) for n in names), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(" + "|".join(escaped) + r")(?![\w])", re.IGNORECASE)


def _title(name: str) -> str:
    return " ".join(w if w in ("of", "the") else w.capitalize() for w in name.lower().split())


def _state_match(c: _Compiled, text: str) -> Optional[Tuple[str, Tuple[int, int]]]:
    """(abbreviation, span) of a state named in full or by another spelling."""
    m = c.state_names.search(text)
    if m and not re.search(r"\bwashington\s+(?:post|monthly)\b", text, re.IGNORECASE):
        return c.w.spellings[m.group(1).lower()], m.span()
    return None


def _abbr_match(c: _Compiled, text: str) -> Optional[str]:
    for m in c.abbr.finditer(text):
        abbr = m.group(1) or m.group(2) or m.group(3)
        if m.group(3) and (abbr in c.w.not_alone or m.start() == 0):
            continue
        if abbr.upper() in c.w.states and (abbr.isupper() or abbr.upper() not in c.w.wordlike):
            return abbr.upper()
    return None


def _city_match(c: _Compiled, text: str) -> Optional[Tuple[str, Tuple[int, int]]]:
    """(city, span) of a city named by its name or a nickname."""
    m = c.city_names.search(text)
    if not m:
        return None
    said = m.group(1).lower()
    return c.w.nicknames.get(said, said), m.span()


def _fuzzy(c: _Compiled, text: str) -> Optional[str]:
    """A misspelled state or city after a place preposition ("machinists in wisconson")."""
    for m in c.after_prep.finditer(text):
        words = m.group(1).lower().split()
        for candidate in (" ".join(words), words[0]):
            if candidate in c.w.not_places:
                break
            close = difflib.get_close_matches(candidate, c.fuzzy_names, n=1, cutoff=FUZZY_CUTOFF)
            if close:
                return close[0]
    return None


def find_place(text: str) -> Optional[str]:
    """The place a message asks about: a state's or city's name, 'your area' for "near me",
    or None. The U.S. as a whole is not a place here."""
    if not isinstance(text, str) or not text:
        return None
    c = _words()
    text = text.replace("’", "'")
    state = _state_match(c, text)
    if state:
        return c.w.states[state[0]]
    abbr = _abbr_match(c, text)
    if abbr:
        return c.w.states[abbr]
    city = _city_match(c, text)
    if city:
        return _title(city[0])
    if c.zip_code.search(text):  # before "near": "my zip is 62704"
        return ZIP
    if c.near.search(text):
        return NEAR
    fuzzy = _fuzzy(c, text)
    if fuzzy:
        return c.w.states[c.w.spellings[fuzzy]] if fuzzy in c.w.spellings else _title(fuzzy)
    name = _capitalised(c, text)
    return name


def _capitalised(c: _Compiled, text: str) -> Optional[str]:
    """ "in Dayton", "near Fort Smith": a capitalised name after a place preposition, unless it
    is a word that often follows "in" without being a place."""
    for m in c.capitalised.finditer(text):
        name = m.group(1)
        if m.start() > 0 and name.split()[0].lower() not in c.w.not_places:
            return name
    return None


def asks_where_most(text: str) -> bool:
    """ "Where do CNC operators earn the most?": about places, without naming one."""
    return isinstance(text, str) and bool(_words().where_most.search(text))


def two_places(text: str) -> Optional[Tuple[Place, Place]]:
    """ "machinists in Georgia vs Alabama": two different places with BLS areas, one on each side
    of a comparing word; None otherwise."""
    if not isinstance(text, str) or not text:
        return None
    for m in _words().versus.finditer(text):
        first, second = resolve(text[: m.start()]), resolve("in " + text[m.end() :])  # "vs AL": a place
        if first and second and first.area and second.area and first.area != second.area:
            return first, second
    return None


def resolve(text: str) -> Optional[Place]:
    """The place with its BLS area: a city is its metro area (in the state named with it, else
    in the state data/lexicon says); a name we cannot place is "unknown" or "ambiguous", never
    a guess."""
    if not isinstance(text, str) or not text:
        return None
    c = _words()
    text = text.replace("’", "'")
    state = _state_match(c, text)
    city = _city_match(c, text)
    if city and state and _covers(city[1], state[1]):
        state = None  # "kansas city", "new york city": the city's name, not a state
    abbr = state[0] if state else _abbr_match(c, text)
    if city:
        metro = _metro(c, city[0], abbr)
        if metro.kind == "metro" or not abbr:
            return metro
    if abbr:
        # "Fayetteville, AR": a city we do not list, named with its state.
        name = _capitalised(c, text)
        for candidate in (name, name.split()[0]) if name and name.lower() not in c.w.spellings else ():
            metro = _by_name(candidate, abbr)
            if metro.kind == "metro":
                return metro
        return _state(c, abbr)
    if c.zip_code.search(text):  # before "near": "my zip is 62704"
        return Place("zip", ZIP)
    if c.near.search(text):
        return Place("near", NEAR)
    fuzzy = _fuzzy(c, text)
    if fuzzy:
        return _state(c, c.w.spellings[fuzzy]) if fuzzy in c.w.spellings else _metro(c, fuzzy, None)
    name = _capitalised(c, text)
    return _by_name(name, abbr) if name else None


def _covers(outer: Tuple[int, int], inner: Tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _state(c: _Compiled, abbr: str) -> Optional[Place]:
    name = c.w.states[abbr]
    area = _areas()[1].get(name.removeprefix("the ").lower())
    return Place("state", name, area) if area else Place("unknown", name)


def _metro(c: _Compiled, city: str, state: Optional[str]) -> Place:
    default_state, bls_city = c.w.cities.get(city, ("", city))
    found = _by_name(bls_city, state or default_state or None)
    return found if found.kind == "metro" or state else _by_name(bls_city, None)


def _by_name(name: str, state: Optional[str]) -> Place:
    metros = _areas()[0].get(name.lower().replace(".", ""), [])
    if state:
        metros = [m for m in metros if state in m[2]]
    first = [m for m in metros if m[3] == 0] or metros
    if len(first) == 1:
        return Place("metro", first[0][1], first[0][0])
    if len(first) > 1:
        return Place("ambiguous", _title(name), options=tuple(m[1] for m in first))
    return Place("unknown", name)


@lru_cache(maxsize=1)
def _areas() -> Tuple[Dict[str, List[Tuple[str, str, Tuple[str, ...], int]]], Dict[str, str]]:
    """(city -> metro areas named after it as (code, name, states, position), state name -> code)."""
    metros: Dict[str, List[Tuple[str, str, Tuple[str, ...], int]]] = {}
    states: Dict[str, str] = {}
    with open(AREAS_FILE, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["type"] == "S":
                states[row["name"].lower()] = row["area"]
            elif row["type"] == "M" and "nonmetropolitan" not in row["name"] and ", " in row["name"]:
                cities, codes = row["name"].rsplit(", ", 1)
                for i, city in enumerate(n for n in re.split(r"-+|/", cities) if n):
                    entry = (row["area"], row["name"], tuple(codes.split("-")), i)
                    metros.setdefault(city.lower().replace(".", ""), []).append(entry)
    return metros, states
