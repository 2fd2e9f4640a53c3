"""Questions about a place ("welding jobs near me", "what do welders earn in ohio").

The knowledge file has national figures only, so the honest answer says so, gives a named
role's national figure labelled as national, and points to where local wages and openings are
found. `find_place` is also used by the NLU guard (bot/nlu/safety_guard.py), which turns a job
question with a place into `ask_local`; it must stay cheap and free of Rasa and the school
registry (the counselor module is imported inside `answer` for that reason).
"""

from __future__ import annotations

import re
from typing import Optional

from bot.answers.turn import Turn
from bot.knowledge.model import Outlook
from bot.render import Answer, Button, outlook_line, pay_line, payload
from bot.understanding.linking import ROLE

SALARY_FINDER = "https://www.careeronestop.org/Toolkit/Wages/find-salary.aspx"
JOB_FINDER = "https://www.careeronestop.org/Toolkit/Jobs/find-jobs.aspx"

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
_GROWTH = re.compile(r"\b(grow\w*|demand|outlook|future|openings?|hiring|need(ed)?|jobs?)\b", re.IGNORECASE)
_TRAINING = re.compile(r"\b(apprentic\w*|train\w*|schools?|colleges?|class\w*|programs?)\b", re.IGNORECASE)
_PAY = re.compile(r"\b(pay\w*|paid|make|earn\w*|salar\w*|wages?|money|income)\b", re.IGNORECASE)


def answer(turn: Turn) -> Answer:
    from bot.answers.counselor import school_contact  # not at import: see the module docstring

    k = turn.knowledge
    place = find_place(turn.text) or "your area"
    named = [r for r in turn.mentioned(ROLE) if r in k.roles]
    role_id = named[0] if named else (turn.slot("role") if turn.slot("role") in k.roles else None)
    where = "your area" if place == "your area" else place
    parts = [
        f"I only have national figures for the whole U.S., not numbers for {where}. "
        "Pay and openings can be higher or lower where you live."
    ]
    sources, slots = [], {}
    if role_id:
        role = k.roles[role_id]
        growth = _GROWTH.search(turn.text) and not _PAY.search(turn.text)
        figure = role.outlook if growth and role.outlook else role.median_pay
        if figure is not None:
            line = outlook_line(k.kb, figure) if isinstance(figure, Outlook) else pay_line(k.kb, figure)
            parts.append(f"{role.title}, national figure (whole U.S.):\n{line}")
            sources.append(figure.source)
        slots = {"role": role_id, "last_aspect": "outlook" if growth else "pay"}
    lmi = (
        f"{place}'s labor market information office"
        if place != "your area" and place[0].isupper() and place in STATES.values()
        else "your state's labor market information office"
    )
    c = school_contact(turn.metadata)
    counselor = c.name or "Your school counselor"
    email = f" ({c.email})" if c.email else ""
    parts.append(
        "To find local pay and job openings:\n"
        f"• CareerOneStop salary finder: {SALARY_FINDER}\n"
        f"• CareerOneStop job finder: {JOB_FINDER}\n"
        f"• {lmi[0].upper() + lmi[1:]}, which publishes local wages and job trends\n"
        f"• {counselor}{email} knows local employers and training programs"
    )
    route = next((t for t in k.kb.training if t.id == "apprenticeship" and t.url), None)
    if route and _TRAINING.search(turn.text):
        parts[-1] += f"\n• Apprenticeships near you: {route.url}"
    buttons = ([Button(f"National pay: {k.title(role_id)}", payload("ask_pay", role=role_id))] if role_id else []) + [
        Button("Jobs in manufacturing", payload("ask_roles")),
        Button("Talk to a counselor", payload("ask_counselor")),
    ]
    return Answer("\n\n".join(parts), buttons, sources, slots)
