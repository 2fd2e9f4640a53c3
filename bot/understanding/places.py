"""Places a message names ("in ohio", "welder salary GA", "near me"), as said.

A job question with a place is a local question (bot/understanding/verdict.py), never answered
with a national figure as if it were local. Cheap and free of Rasa and the answers.
"""

from __future__ import annotations

import re
from typing import Optional

STATES = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "DC": "the District of Columbia",
    "PR": "Puerto Rico",
}
#: Abbreviations that are also English words ("in or", "in me", "oh"): only in capitals.
_WORDLIKE = {
    "AL",
    "AR",
    "CO",
    "DE",
    "GA",
    "HI",
    "ID",
    "IN",
    "LA",
    "MA",
    "ME",
    "MD",
    "MO",
    "MT",
    "OH",
    "OK",
    "OR",
    "PA",
    "WA",
    "PR",
}
#: Big manufacturing cities, so lower-case "welders in dayton" is found too.
CITIES = (
    "new york city",
    "los angeles",
    "chicago",
    "houston",
    "phoenix",
    "philadelphia",
    "san antonio",
    "san diego",
    "dallas",
    "san jose",
    "austin",
    "jacksonville",
    "fort worth",
    "columbus",
    "charlotte",
    "indianapolis",
    "seattle",
    "denver",
    "boston",
    "el paso",
    "nashville",
    "detroit",
    "portland",
    "memphis",
    "louisville",
    "baltimore",
    "milwaukee",
    "albuquerque",
    "tucson",
    "fresno",
    "sacramento",
    "kansas city",
    "atlanta",
    "omaha",
    "raleigh",
    "miami",
    "cleveland",
    "tulsa",
    "minneapolis",
    "wichita",
    "tampa",
    "pittsburgh",
    "cincinnati",
    "st louis",
    "saint louis",
    "toledo",
    "dayton",
    "akron",
    "buffalo",
    "rochester",
    "grand rapids",
    "fort wayne",
    "greenville",
    "birmingham",
    "huntsville",
    "knoxville",
    "chattanooga",
    "salt lake city",
    "boise",
    "spokane",
    "des moines",
    "madison",
    "green bay",
    "peoria",
    "rockford",
    "flint",
    "lansing",
    "erie",
    "allentown",
    "hartford",
    "providence",
    "richmond",
    "norfolk",
    "charleston",
    "mobile",
    "baton rouge",
    "new orleans",
    "oklahoma city",
    "little rock",
    "las vegas",
    "reno",
    "san francisco",
    "oakland",
)

_AREA = r"(?:town|city|area|state|county|region|neighbou?rhood|community|zip(?:\s?code)?|part\s+of\s+the\s+country)"
_NEAR = re.compile(
    rf"\b(?:near|close\s+to|around)\s+(?:me|here|us|where\s+i\s+live|my\s+(?:house|home|school))\b|\bnearby\b"
    rf"|\bclose\s+by\b"
    rf"|\baround\s+here\b|\bin\s+(?:my|our|this|the)\s+{_AREA}\b|\b(?:my|our)\s+(?:home\s*)?{_AREA}\b"
    rf"|\bwhere\s+i\s+live\b|\blocal(?:ly)?\b|\bin\s+town\b|\bmy\s+hometown\b",
    re.IGNORECASE,
)
_STATE_NAMES = re.compile(
    r"\b(" + "|".join(sorted((re.escape(n) for n in STATES.values()), key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_CITY_NAMES = re.compile(r"\b(" + "|".join(re.escape(c) for c in CITIES) + r")\b", re.IGNORECASE)
_PREP = r"(?:in|from|around|near|across|outside(?:\s+of)?)"
_ABBR_ANY = re.compile(rf"\b{_PREP}\s+([A-Za-z]{{2}})\b|,\s*([A-Z]{{2}})\b")
#: "in Dayton", "near Fort Smith": a capitalised name after a place preposition, unless it is
#: a word that often follows "in" without being a place.
_CAPITALISED = re.compile(rf"\b{_PREP}\s+((?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?)\b")
_NOT_PLACES = {
    "demand",
    "school",
    "high",
    "college",
    "aerospace",
    "automotive",
    "manufacturing",
    "welding",
    "machining",
    "electronics",
    "textiles",
    "food",
    "chemicals",
    "pharmaceuticals",
    "metals",
    "steel",
    "robotics",
    "math",
    "english",
    "spanish",
    "science",
    "engineering",
    "production",
    "quality",
    "logistics",
    "safety",
    "maintenance",
    "general",
    "the",
    "a",
    "an",
    "my",
    "class",
    "shop",
    "america",
    "american",
    "us",
    "usa",
    "cte",
    "cnc",
    "ai",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "summer",
    "fall",
    "winter",
    "spring",
    "monday",
    "friday",
    "first",
    "skillsusa",
    "person",
    "total",
    "fact",
    "addition",
    "order",
    "case",
    "advance",
    "charge",
    "detail",
    "theory",
    "practice",
    "particular",
    "short",
    "simple",
    "plain",
    "words",
    "i",
    "it",
    "this",
    "that",
    "what",
    "tool",
    "tools",
    "factory",
    "factories",
    "plant",
    "plants",
    "industry",
    "trade",
    "trades",
    "business",
    "technology",
    "tech",
    "robots",
    "life",
    "love",
    "one",
    "two",
    "four",
    "years",
    "time",
    "future",
    "mind",
}


def find_place(text: str) -> Optional[str]:
    """The place a message asks about: a state's or city's name, 'your area' for "near me",
    or None. The U.S. as a whole is not a place here: its figures are the ones we have."""
    if not isinstance(text, str) or not text:
        return None
    text = text.replace("’", "'")
    state = _STATE_NAMES.search(text)
    if state and not re.search(r"\bwashington\s+(?:post|monthly)\b", text, re.IGNORECASE):
        return _title(state.group(1))
    for match in _ABBR_ANY.finditer(text):
        abbr = match.group(1) or match.group(2)
        if abbr.upper() in STATES and (abbr.isupper() or abbr.upper() not in _WORDLIKE):
            return STATES[abbr.upper()]
    city = _CITY_NAMES.search(text)
    if city:
        return _title(city.group(1))
    if _NEAR.search(text):
        return "your area"
    for match in _CAPITALISED.finditer(text):
        name = match.group(1)
        if match.start() > 0 and name.split()[0].lower() not in _NOT_PLACES:
            return name
    return None


def _title(name: str) -> str:
    return " ".join(w if w in ("of", "the") else w.capitalize() for w in name.lower().split())


#: Words asking about growth, not pay: then the national outlook is given instead.
