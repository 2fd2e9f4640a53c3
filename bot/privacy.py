"""Removing personal contact details from text before it is stored.

Users are minors: the assistant asks for nothing personal, and when someone types an email
address or a phone number anyway, it is replaced before the conversation is written.
"""
from __future__ import annotations

import re
from typing import Any

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# 10-digit North American numbers with optional +1 and the usual separators, and other
# international numbers written with a leading +.
PHONE = re.compile(
    r"(?<![\w$])(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)"
    r"|\+\d{1,3}(?:[\s.-]?\d{2,4}){2,5}(?!\d)"
)
EMAIL_MARK, PHONE_MARK = "[email removed]", "[phone removed]"
#: Keys whose string values can hold what a user typed.
_TEXT_KEYS = {"text", "metadata"}


def redact(text: str) -> str:
    return PHONE.sub(PHONE_MARK, EMAIL.sub(EMAIL_MARK, text))


def redact_event(data: Any, inside_text: bool = False) -> Any:
    """A copy of a serialised event with user-typed strings redacted (ids and names untouched)."""
    if isinstance(data, dict):
        return {k: redact_event(v, inside_text or k in _TEXT_KEYS) for k, v in data.items()}
    if isinstance(data, list):
        return [redact_event(v, inside_text) for v in data]
    if isinstance(data, str) and inside_text:
        return redact(data)
    return data
