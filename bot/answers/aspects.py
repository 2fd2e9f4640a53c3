"""The aspects of a role a user can ask about, and the intents that ask for them."""

from typing import Dict

from bot.kinds import ASPECT_INTENTS as KIND_ASPECTS

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
