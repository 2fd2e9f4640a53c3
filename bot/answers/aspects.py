"""The aspects of a role a user can ask about, and the intents that ask for them."""

from typing import Dict

from bot.kinds import ASPECT_INTENTS as KIND_ASPECTS
from bot.phrases import say

#: Aspect of a role -> the intent that asks for it (declared in bot/kinds.py).
ASPECT_INTENTS: Dict[str, str] = dict(KIND_ASPECTS)
INTENT_ASPECTS: Dict[str, str] = {intent: aspect for aspect, intent in ASPECT_INTENTS.items()}
#: Aspect -> the phrase of its button (data/phrases/<language>/roles.yml).
BUTTON_TITLES: Dict[str, str] = {
    "overview": "roles.button_overview",
    "pay": "roles.button_pay",
    "education": "roles.button_education",
    "outlook": "roles.button_outlook",
    "skills": "roles.button_skills",
    "certifications": "roles.button_certifications",
    "related": "roles.button_related",
    "safety": "roles.button_safety",
}


def button_title(language: str, aspect: str) -> str:
    """The button that asks for an aspect of a job ("Pay", "Sueldo")."""
    return say(language, BUTTON_TITLES[aspect])
