"""Questions about the assistant itself (passing a message on, where its figures come from, what
is kept of a chat, putting it on a school's site), told by their words whatever the classifier
guessed: part of rule 5 of bot/understanding/verdict.py (bot/understanding/guesses.py)."""

from __future__ import annotations

from typing import Any, Dict, Optional

from bot.understanding import forget
from bot.understanding.intents import ASSISTANT_INTENTS, COUNSELOR_INTENT, PRIVACY_INTENT, SOURCE_INTENT, STAFF_INTENT
from bot.understanding.reading import ROLE, Reading


def about_the_assistant(text: str, chosen: Dict[str, Any], reading: Reading) -> Optional[str]:
    """Questions about the assistant itself, by their words, whatever the guess: passing a message
    on ("tell my counselor im interested in welding"), where its figures come from ("where do u get
    ur numbers"), what is kept of a chat ("is this saved?") asked in a counselor's words, and
    putting it on a site or using it with a class ("can I put this chatbot on my classroom page?",
    "do students need to log in?")."""
    if reading.asks("pass_on"):
        return COUNSELOR_INTENT
    kept = forget.about_this_chat(text)
    staff = reading.asks("staff_voice")
    # the figures' data, not the student's ("de donde salen esos datos"), also when asked in a
    # teacher's words or doubting them ("what sources do you use? I need to cite them in a lesson")
    others_words = chosen["name"] in (STAFF_INTENT, "bot_challenge", "ask_capabilities") and not reading.asks(
        "for_staff"
    )
    if reading.asks("sources") and (
        chosen["name"] not in ASSISTANT_INTENTS or (chosen["name"] == PRIVACY_INTENT and not kept) or others_words
    ):
        return SOURCE_INTENT
    if reading.asks("facts_current") and not reading.ids(ROLE):
        return STAFF_INTENT  # "who keeps the info in this bot up to date?": not keeping a chat
    if chosen["name"] in (STAFF_INTENT, SOURCE_INTENT, "ask_safety") and kept and not staff:
        return PRIVACY_INTENT  # "is it safe to put my email here"
    if staff and reading.asks("about_assistant") and not reading.ids(ROLE) and chosen["name"] != COUNSELOR_INTENT:
        return STAFF_INTENT  # "I teach CTE. Before I recommend this to my class, what topics does it handle?"
    if chosen["name"] == PRIVACY_INTENT and (staff or (reading.asks("for_staff") and not kept)):
        return STAFF_INTENT  # "can counselors see what students type?": the staff answer says so
    if reading.asks("for_staff") and chosen["name"] not in ASSISTANT_INTENTS and not reading.ids(ROLE):
        return STAFF_INTENT  # "could I link this from my class page?", "do students need to log in?"
    if chosen["name"] == PRIVACY_INTENT and kept:
        return PRIVACY_INTENT  # "does my counselor get to read this": about this chat, never a worry
    return None
