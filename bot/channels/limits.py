"""What the channels accept, checked before any other work is done with a request.

One oversized or deeply nested request must not slow down anyone else: the server refuses
bodies over MAX_REQUEST_BYTES before reading them, and each channel bounds the text, the
metadata (known keys only) and the conversation id it passes on.
"""

from __future__ import annotations

import json
import re
from typing import Any, Dict

from bot.schools import SCHOOL_ID  # school ids, as in the server's registry (data/schools.yml)
from bot.understanding.language import normalise_language

#: Largest request body the server reads at all (Sanic's default is 100 MB). Slack's events and
#: our own clients' messages are far smaller.
MAX_REQUEST_BYTES = 64 * 1024
#: Seconds a client may take to send its request (Sanic's default is 60).
REQUEST_TIMEOUT_S = 10
#: A REST request body (a message of MAX_MESSAGE_CHARS plus a little metadata fits easily).
MAX_BODY_BYTES = 16 * 1024
#: Largest socket.io packet the engine.io server accepts (its default is 1 MB).
MAX_SOCKET_BYTES = 32 * 1024
#: Largest metadata object, as JSON text. Only known keys are kept.
MAX_METADATA_BYTES = 2 * 1024
#: Conversation ids: what our widget and common clients generate (uuids, hex, slugs).
SESSION_ID = re.compile(r"[A-Za-z0-9_.:-]{1,128}")


def valid_session_id(value: Any) -> bool:
    return isinstance(value, str) and SESSION_ID.fullmatch(value) is not None


def clean_metadata(raw: Any) -> Dict[str, Any]:
    """The metadata passed to Rasa: only a well-formed school id and a language the assistant
    speaks ("lang": "es", the widget's); anything else is dropped.

    School settings (names, contacts, greeting) live on the server, so a client can never make
    the assistant say something the school did not configure."""
    if isinstance(raw, str):
        if len(raw) > MAX_METADATA_BYTES:
            return {}
        try:
            raw = json.loads(raw)
        except (ValueError, RecursionError):
            return {}
    if not isinstance(raw, dict):
        return {}
    kept = {}
    school = raw.get("school")
    if isinstance(school, str) and SCHOOL_ID.fullmatch(school):
        kept["school"] = school
    language = normalise_language(raw.get("lang"))  # the widget's language (docs/spanish.md)
    if language:
        kept["lang"] = language
    return kept


async def limit_requests(app: Any, *_: Any) -> None:
    """Sanic listener: bounds every request to the server, whichever channel it is for."""
    app.config.REQUEST_MAX_SIZE = min(app.config.REQUEST_MAX_SIZE, MAX_REQUEST_BYTES)
    app.config.REQUEST_TIMEOUT = min(app.config.REQUEST_TIMEOUT, REQUEST_TIMEOUT_S)
