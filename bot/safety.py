"""Messages that show distress or self-harm, recognised by fixed patterns.

A statistical classifier can miss a rare message; these patterns cannot, so the safety reply
(trusted adult, 988 Suicide & Crisis Lifeline) always comes first. Kept narrow on purpose:
"tool and die maker" or "this homework is killing me" must not trigger it.
"""
from __future__ import annotations

import re

_DISTRESS = [
    r"\b(kill|hurt|harm|cut|cutting|hurting|killing|harming)\s+my\s?self\b",
    r"\bsuicid\w*",
    r"\bself[-\s]?harm\w*",
    r"\b(want|wanna|going|gonna|ready)\s+to\s+die\b",
    r"\b(wanna|gonna)\s+die\b",
    r"\bend\s+(it\s+all|my\s+life)\b",
    r"\b(don'?t|do\s+not)\s+want\s+to\s+(live|be\s+alive|exist|be\s+here\s+anymore)\b",
    r"\bno\s+(reason|point)\s+(to|in)\s+(live|living)\b",
    r"\bbetter\s+off\s+dead\b",
    r"\bi\s*(?:'?m|am)\s+(?:so\s+|really\s+|very\s+)?(?:depressed|hopeless|worthless)\b",
    r"\b(being|getting)\s+(abused|bullied)\b",
]
_PATTERN = re.compile("|".join(f"(?:{p})" for p in _DISTRESS), re.IGNORECASE)


def shows_distress(text: str) -> bool:
    return bool(text) and _PATTERN.search(text.replace("’", "'")) is not None
