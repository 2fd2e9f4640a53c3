"""The language a conversation starts in, before any message has settled it (docs/spanish.md).

The widget sends its language with every message (metadata `lang`: the student's choice in this
tab, else the embed's data-lang, else the school's registry language). A client that sends only
the school's id (metadata `school`) gets the school's registry language. The action
`action_session_start` puts it in the `language` slot, so the very first "hola", "sí" or job title
is answered in it; after that only a message that settles the language changes it
(bot/understanding/language.py).
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

from bot import schools
from bot.understanding.language import normalise_language


def starting_language(metadata: Any) -> Optional[str]:
    """The conversation's first language from the client's metadata; None when nothing says
    (the answers are then in English, DEFAULT_LANGUAGE)."""
    if not isinstance(metadata, Mapping):
        return None
    widget = normalise_language(metadata.get("lang"))
    if widget:
        return widget
    school = schools.lookup(metadata.get("school"))
    return school.language if school is not None else None


__all__ = ["starting_language"]
