"""Every message gets a reply, even when the action server or the conversation store is down.

Replies are held until Rasa has stored the turn, so what a user sees was also saved: when the
store fails, the user gets STORE_DOWN instead of answers that would be forgotten.
"""

from __future__ import annotations

import inspect
import logging
from typing import Any, Awaitable, Callable, Coroutine, Dict, List, Optional, Text, Tuple

from rasa.core.channels.channel import OutputChannel, UserMessage

from bot.store_faults import StoreUnavailable
from bot.stores import ConversationFull
from bot.text import MAX_MESSAGE_CHARS  # noqa: F401 (the one limit; channels import it from here too)

logger = logging.getLogger(__name__)

NO_REPLY = (
    "Sorry, I can't look that up right now. Please try again in a minute. "
    "If it keeps happening, let your school's tech contact know."
)
STORE_DOWN = "Sorry, I'm having trouble on my side right now and couldn't take that in. Please try again in a minute."
CONVERSATION_FULL = (
    "We've chatted so much that this conversation is full, so let's start over! "
    "Close this chat and open it again (or start a new conversation) to keep asking questions."
)
EMPTY_MESSAGE = "Type a question about manufacturing careers, for example \u201cwhat does a welder do?\u201d"


class HeldOutput(OutputChannel):
    """Holds the replies of a turn until `release()`, then passes them to the real channel."""

    def __init__(self, inner: OutputChannel):
        self.inner = inner
        self.held: List[Tuple[Text, Dict[Text, Any]]] = []

    @classmethod
    def name(cls) -> Text:
        return "held"

    @property
    def sent(self) -> int:
        return len(self.held)

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        self.held.append((recipient_id, message))

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        self.held.append((recipient_id, {"text": text}))

    async def release(self) -> None:
        held, self.held = self.held, []
        for recipient_id, message in held:
            await self.inner.send_response(recipient_id, message)


def clean_message(text: Any) -> Optional[str]:
    """The text Rasa gets: a string without control characters, of bounded length."""
    if not isinstance(text, str):
        return None
    text = text[: 4 * MAX_MESSAGE_CHARS]  # cut first: nothing below runs on a huge string
    text = "".join(ch for ch in text if ch.isprintable() or ch in "\n\t")
    return text.strip()[:MAX_MESSAGE_CHARS]


def with_reply(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
) -> Callable[[UserMessage], Coroutine[Any, Any, Any]]:
    async def handle(message: UserMessage) -> Any:
        channel = message.output_channel
        if not (message.text or "").strip():
            await channel.send_text_message(message.sender_id, EMPTY_MESSAGE)
            return None
        output = message.output_channel = HeldOutput(channel)
        result = None
        try:
            result = on_new_message(message)
            if inspect.isawaitable(result):
                result = await result
        except StoreUnavailable as error:  # nothing of this turn was stored: say so, send nothing else
            logger.error("Conversation store unavailable; the message was not answered: %s", error)
            output.held = []
            await channel.send_text_message(message.sender_id, STORE_DOWN)
            return None
        except ConversationFull:  # bot/stores/engine.py: nothing of this turn was processed or stored
            logger.info("A conversation reached its size limit; the message was not processed")
            output.held = []
            await channel.send_text_message(message.sender_id, CONVERSATION_FULL)
            return None
        except Exception:  # logged for the operator; the user still gets an answer
            logger.exception("Handling a message failed")
        if not output.sent:
            logger.warning("No reply was produced (is the action server running?)")
            await output.send_text_message(message.sender_id, NO_REPLY)
        await output.release()
        return result

    return handle
