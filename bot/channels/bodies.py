"""What a client may send, as pydantic models: the REST body and socket.io's events.

The checks are the ones bot/channels/limits.py describes (conversation ids, a string message,
a small metadata object); a model says what is accepted in one place, and `problem()` turns
the first thing wrong into the sentence the client gets with its 400.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, Dict, Optional, Type

from pydantic import BaseModel, Extra, StrictStr, ValidationError, constr, validator

from bot.channels.conversation_ids import WEB_SHAPED
from bot.channels.limits import MAX_METADATA_BYTES, SESSION_ID

if TYPE_CHECKING:
    SessionId = str
else:
    SessionId = constr(strict=True, regex=rf"^{SESSION_ID.pattern}\Z")  # \Z: no newline at the end

#: A Slack conversation's id (user, or user_channel_thread, bot/channels/slack.py): staff talk in
#: Slack, and no web client may read or write their conversations by naming one.
SLACK_SHAPED = re.compile(r"[UW][A-Z0-9]{6,}(_[CDG][A-Z0-9]{6,}(_\d+\.\d+)?)?")

#: The client's message for each field, when that field is what is wrong.
_REASONS = {
    "sender": "'sender' must be 1 to 128 letters, digits or . _ : -",
    "message": "'message' must be a string",
    "metadata": "'metadata' must be a JSON object",
}


class RestBody(BaseModel, extra=Extra.ignore):
    """POST /webhooks/rest/webhook: {"sender": id, "message": text, "metadata": {...}}."""

    sender: SessionId
    message: StrictStr
    metadata: Optional[Dict[str, Any]] = None

    @validator("sender")
    def _not_slack(cls, value: str) -> str:
        if SLACK_SHAPED.fullmatch(value):
            raise ValueError("'sender' must not look like a Slack conversation id")
        if WEB_SHAPED.fullmatch(value):  # a web chat conversation belongs to its tab (conversation_ids.py)
            raise ValueError("'sender' must not look like a web chat conversation id")
        return value

    @validator("metadata", pre=True)
    def _small_object(cls, value: Any) -> Any:
        if isinstance(value, dict) and len(json.dumps(value)) > MAX_METADATA_BYTES:
            raise ValueError(f"'metadata' is larger than {MAX_METADATA_BYTES} bytes")
        return value


class SocketMessage(BaseModel, extra=Extra.ignore):
    """socket.io `user_uttered`: the text is cleaned later (a missing one gets a hint)."""

    session_id: Optional[SessionId] = None
    message: Any = None

    @validator("session_id")
    def _not_slack(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and SLACK_SHAPED.fullmatch(value):
            raise ValueError("'session_id' must not look like a Slack conversation id")
        return value


def problem(model: Type[BaseModel], body: Any) -> Optional[str]:
    """Why `body` does not fit `model` (the first reason, in the client's words), or None."""
    try:
        model.parse_obj(body)
    except ValidationError as error:
        first = error.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else ""
        message = str(first.get("msg", ""))
        return message if message.startswith(f"'{field}'") else _REASONS.get(field, message)
    return None
