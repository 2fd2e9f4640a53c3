"""The aspects of a role a user can ask about, and the intents that ask for them."""

import re
from typing import Dict

from bot.kinds import ASPECT_INTENTS as KIND_ASPECTS
from bot.text import normalise

#: Aspect of a role -> the intent that asks for it (declared in bot/kinds.py).
ASPECT_INTENTS: Dict[str, str] = dict(KIND_ASPECTS)
INTENT_ASPECTS: Dict[str, str] = {intent: aspect for aspect, intent in ASPECT_INTENTS.items()}
BUTTON_TITLES: Dict[str, str] = {
    "overview": "What they do",
    "pay": "Pay",
    "education": "Education",
    "outlook": "Job outlook",
    "skills": "Skills",
    "certifications": "Certifications",
    "related": "Related roles",
}

#: Words that ask about pay in any wording: "median wage", "typical income", "earnings",
#: "hourly rate", "how much money", "salary range", "the paycheck". Used when the intent
#: classifier picked another kind of question but the message names a job and asks its pay.
_PAY_WORDS = re.compile(
    r"\b(pay|pays|paid|paying|payc\w*|salar\w*|wages?|earn\w*|income\w*|money|cash|bucks|hourly|per hour|"
    r"compensation|take home|bring (in|home)|how much (do|does|did|can|could|would|will)\b.*\bmake)\b"
)


def asks_pay(text: str) -> bool:
    return bool(_PAY_WORDS.search(normalise(text)))
