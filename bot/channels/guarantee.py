"""Every message gets a reply, even when the action server is down or something fails."""
from __future__ import annotations

import inspect
import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import OutputChannel, UserMessage

logger = logging.getLogger(__name__)

NO_REPLY = ("Sorry, I can't look that up right now. Please try again in a minute. "
            "If it keeps happening, let your school's tech contact know.")
EMPTY_MESSAGE = "Type a question about manufacturing careers, for example \u201cwhat does a welder do?\u201d"

#: Longest message passed on to Rasa; the widget stops typing there, other clients are cut.
MAX_MESSAGE_CHARS = 1000


class CountingOutput(OutputChannel):
    """Passes everything to the real channel and remembers whether anything was sent."""

    def __init__(self, inner: OutputChannel):
        self.inner = inner
        self.sent = 0

    @classmethod
    def name(cls) -> Text:
        return "counting"

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        self.sent += 1
        await self.inner.send_response(recipient_id, message)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        self.sent += 1
        await self.inner.send_text_message(recipient_id, text, **kwargs)


def clean_message(text: Any) -> Optional[str]:
    """The text Rasa gets: a string without control characters, of bounded length."""
    if not isinstance(text, str):
        return None
    text = "".join(ch for ch in text if ch.isprintable() or ch in "\n\t")
    return text.strip()[:MAX_MESSAGE_CHARS]


def with_reply(on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Callable[[UserMessage], Awaitable[Any]]:
    async def handle(message: UserMessage) -> Any:
        output = CountingOutput(message.output_channel)
        message.output_channel = output
        if not (message.text or "").strip():
            await output.send_text_message(message.sender_id, EMPTY_MESSAGE)
            return None
        result = None
        try:
            result = on_new_message(message)
            if inspect.isawaitable(result):
                result = await result
        except Exception:  # logged for the operator; the user still gets an answer
            logger.exception("Handling a message failed")
        if not output.sent:
            logger.warning("No reply was produced (is the action server on 5055 running?)")
            await output.send_text_message(message.sender_id, NO_REPLY)
        return result

    return handle
