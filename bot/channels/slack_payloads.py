"""Slack request bodies, validated: what the webhook answers, or why it refuses (400).

Only the fields we read are checked, with strict types (pydantic 1 would turn 5 into "5");
Slack adds fields over time, so unknown ones are ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, List, Optional, Union

from pydantic import BaseModel, Extra, StrictStr, ValidationError

from bot.channels.guarantee import MAX_MESSAGE_CHARS, clean_message
from bot.speedups import relied

#: Text looked at before sanitising: the limit plus room for mention and link markup.
RAW_TEXT_CHARS = 2 * MAX_MESSAGE_CHARS
#: Slack sends one authorization per event; more are never needed to strip our own mentions.
MAX_AUTHORIZATIONS = 5


class _Model(BaseModel):
    class Config:
        extra = Extra.ignore


class Event(_Model):
    type: StrictStr
    text: Optional[StrictStr] = None
    user: Optional[StrictStr] = None
    channel: Optional[StrictStr] = None
    ts: Optional[StrictStr] = None
    thread_ts: Optional[StrictStr] = None
    channel_type: Optional[StrictStr] = None
    bot_id: Optional[StrictStr] = None
    subtype: Optional[StrictStr] = None


class Authorization(_Model):
    user_id: Optional[StrictStr] = None


class EventCallback(_Model):
    event_id: Optional[StrictStr] = None
    event: Event
    authorizations: List[Authorization] = []


class Action(_Model):
    type: StrictStr
    value: Optional[StrictStr] = None
    action_ts: Optional[StrictStr] = None


class SlackUser(_Model):
    id: StrictStr


class Channel(_Model):
    id: Optional[StrictStr] = None


class Container(_Model):
    channel_id: Optional[StrictStr] = None


class ClickedMessage(_Model):
    ts: Optional[StrictStr] = None
    thread_ts: Optional[StrictStr] = None


class BlockActions(_Model):
    actions: List[Action]
    user: SlackUser
    channel: Optional[Channel] = None
    container: Optional[Container] = None
    message: Optional[ClickedMessage] = None


class UrlVerification(_Model):
    challenge: StrictStr


@dataclass(frozen=True)
class Incoming:
    """A message to answer; `key` identifies the delivery, to drop repeats."""

    key: Optional[str]
    text: str
    user: str
    channel: str
    thread: str


@dataclass(frozen=True)
class Challenge:
    value: str


class Ignored:
    """Well formed, but nothing to answer (bot messages, channel chatter, other event types)."""


class Malformed:
    """Wrong shape or field types: the webhook answers 400."""


IGNORED, MALFORMED = Ignored(), Malformed()
Parsed = Union[Incoming, Challenge, Ignored, Malformed]


def parse(body: Any) -> Parsed:
    """What a decoded Slack body asks for. Never raises, whatever the JSON."""
    if not isinstance(body, dict) or not isinstance(body.get("type"), str):
        return MALFORMED
    kind = {"event_callback": _event, "block_actions": _button, "url_verification": _challenge}.get(body["type"])
    if kind is None:
        return IGNORED  # e.g. app_rate_limited: acknowledged, nothing to do
    try:
        return kind(body)
    except (ValidationError, TypeError, ValueError, RecursionError):
        return MALFORMED


def _challenge(body: dict) -> Parsed:
    return Challenge(UrlVerification.parse_obj(body).challenge)


def _event(body: dict) -> Parsed:
    callback = EventCallback.parse_obj(body)
    event = callback.event
    is_dm = event.type == "message" and event.channel_type == "im"
    if not (is_dm or event.type == "app_mention") or event.bot_id or event.subtype:
        return IGNORED
    if not (event.user and event.channel and event.ts):
        return MALFORMED
    bot_users = [a.user_id for a in callback.authorizations[:MAX_AUTHORIZATIONS] if a.user_id]
    return Incoming(
        # A delivery without an event_id is still one message: its channel and timestamp name it.
        callback.event_id or f"{event.channel}:{event.ts}",
        user_text(event.text or "", bot_users),
        event.user,
        event.channel,
        event.thread_ts or event.ts,
    )


def user_text(raw: str, bot_users: List[str]) -> str:
    """Cut first, so Rasa's mention and link regexes never run over a huge string."""
    return clean_message(relied.sanitize_slack_text(raw[:RAW_TEXT_CHARS], bot_users)) or ""


def _button(body: dict) -> Parsed:
    clicked = BlockActions.parse_obj(body)
    action = clicked.actions[0] if clicked.actions else None
    if action is None or action.type != "button" or not action.value:
        return IGNORED
    channel = (clicked.channel and clicked.channel.id) or (clicked.container and clicked.container.channel_id)
    thread = clicked.message and (clicked.message.thread_ts or clicked.message.ts)
    if not (channel and thread):
        return IGNORED  # not a click in a conversation (e.g. in a modal): nowhere to answer
    key = f"{action.action_ts}:{clicked.user.id}" if action.action_ts else None
    return Incoming(key, clean_message(action.value) or "", clicked.user.id, channel, thread)
