"""The aspects of a role a user can ask about, and the intents that ask for them."""
from typing import Dict

#: Aspect of a role -> the intent that asks for it (used for follow-up buttons).
ASPECT_INTENTS: Dict[str, str] = {
    "overview": "ask_about",
    "pay": "ask_pay",
    "education": "ask_education",
    "outlook": "ask_outlook",
    "skills": "ask_skills",
    "certifications": "ask_certifications",
    "related": "ask_related_roles",
}
INTENT_ASPECTS: Dict[str, str] = {intent: aspect for aspect, intent in ASPECT_INTENTS.items()}
BUTTON_TITLES: Dict[str, str] = {
    "overview": "What they do", "pay": "Pay", "education": "Education", "outlook": "Job outlook",
    "skills": "Skills", "certifications": "Certifications", "related": "Related roles",
}
