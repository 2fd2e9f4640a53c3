"""One way to be a channel: what every input channel of the assistant gets, whoever writes it.

A channel is a `Channel` and defines `routes(inbox)`; it may not define `blueprint()`, which the
base builds (a subclass that does is refused when its class is made):

- the changes to Rasa and the log redaction (`bot.speedups.ensure_applied`, before Rasa loads the
  model), the start-up heap freeze (once per process) and the shared action-server sessions closed
  at stop (bot/speedups);
- the request limits of the whole server (`limit_requests`: body size and time, bot/channels/limits.py);
- an `Inbox`, the only way a channel passes a message to Rasa: it refuses a message of a PUBLIC
  channel without an `Admitted` for its conversation, which only `admit()` (the rate limits of
  bot/channels/rate_limits.py, per address and per conversation) gives out, and then applies the
  reply guarantee (bot/channels/guarantee.py: a reply to every message, held until it is stored).

Every channel named in credentials.yml must be one (`check_channels`, run when Rasa is started by
bot/tools/rasa_cli.py and by tests/unit/test_channel_base.py).
"""

from __future__ import annotations

import enum
import importlib
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, ClassVar, Iterable, List, Optional, Union

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint

from bot import speedups
from bot.channels.guarantee import with_reply
from bot.channels.limits import limit_requests
from bot.channels.rate_limits import LIMITS
from bot.speedups.action_calls import close_shared_sessions
from bot.speedups.heap import freeze_startup_heap


class Audience(enum.Enum):
    PUBLIC = "public"  # anyone on the internet: every message passes the rate limits (admit())
    SIGNED = "signed"  # only requests signed by a known sender (Slack checks its signature)


@dataclass(frozen=True)
class Admitted:
    """A message of `conversation` passed the rate limits. Made by `admit()` only."""

    conversation: str


def admit(address: str, conversation: str, address_counted: bool = False) -> Union[Admitted, float]:
    """The rate limits for one message from `address` in `conversation`: Admitted, or the seconds to
    wait. `address_counted`: the channel already took the address's token (REST does, before it
    parses the body)."""
    if address_counted:
        wait = LIMITS.conversations.check(conversation)
        if wait:
            LIMITS.addresses.refund(address)  # one conversation's flood must not use up a school's budget
    else:
        wait = LIMITS.message(address, conversation)
    return wait if wait else Admitted(conversation)


class NotAdmitted(RuntimeError):
    """A public channel passed a message that did not go through admit(): a bug in that channel."""


class Inbox:
    """How a channel passes a message to Rasa: admitted (PUBLIC), then answered (the reply guarantee)."""

    def __init__(self, on_new_message: Callable[[UserMessage], Awaitable[Any]], audience: Audience):
        self.audience = audience
        self._reply = with_reply(on_new_message)

    async def __call__(self, message: UserMessage, admitted: Optional[Admitted] = None) -> Any:
        if self.audience is Audience.PUBLIC and (admitted is None or admitted.conversation != message.sender_id):
            raise NotAdmitted("a public channel's message must pass admit() for its own conversation")
        return await self._reply(message)


_heap_frozen = False


def _freeze_once(*_: Any) -> None:
    """Every channel registers it; the heap is frozen once per process (bot/speedups/heap.py)."""
    global _heap_frozen
    if not _heap_frozen:
        _heap_frozen = True
        freeze_startup_heap()


class Channel(InputChannel):
    """Base of every input channel of the assistant (module docstring)."""

    #: Who may send to it: PUBLIC channels' messages pass the rate limits (Inbox, admit()).
    audience: ClassVar[Audience]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "blueprint" in vars(cls):
            raise TypeError(
                f"{cls.__qualname__} defines blueprint(): a channel defines routes(inbox), and "
                "bot.channels.base.Channel builds the blueprint with the limits and the reply guarantee"
            )
        if not isinstance(getattr(cls, "audience", None), Audience):
            raise TypeError(f"{cls.__qualname__} must set `audience` (Audience.PUBLIC or Audience.SIGNED)")

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        speedups.ensure_applied(origin=f"channel {self.name()}")  # before Rasa loads the model
        bp = self.routes(Inbox(on_new_message, self.audience))
        bp.before_server_start(limit_requests)
        bp.after_server_start(_freeze_once)  # after Rasa has loaded the model
        bp.after_server_stop(close_shared_sessions)
        return bp

    def routes(self, inbox: Inbox) -> Blueprint:
        """The channel's own routes; every message goes to Rasa through `inbox`."""
        raise NotImplementedError


class ChannelError(SystemExit):
    """credentials.yml names a channel that is not a Channel: Rasa must not start with it."""


def check_channels(names: Iterable[str]) -> None:
    """Raise ChannelError naming every channel class (credentials.yml keys) that is not a Channel.
    Rasa's own names (`rest`, `socketio`, …) are refused too: they lack our guarantees."""
    wrong: List[str] = []
    for name in names:
        module, _, attribute = name.rpartition(".")
        try:
            cls = getattr(importlib.import_module(module), attribute) if module else None
        except (ImportError, AttributeError):
            cls = None
        if not (isinstance(cls, type) and issubclass(cls, Channel)):
            wrong.append(name)
    if wrong:
        raise ChannelError(
            f"credentials.yml names channels that are not bot.channels.base.Channel: {', '.join(wrong)} "
            "(they would skip the rate limits or the reply guarantee; docs/security.md)"
        )
