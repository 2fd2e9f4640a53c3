"""Slack: staff ask the assistant in DMs or by mentioning it; it answers in a thread.

On when SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are set (environment or .env), off otherwise.
SLACK_API_URL points the Web API client elsewhere (the tests use a local fake).

Over Rasa's own Slack channel this adds: every retry (X-Slack-Retry-Num) and repeated event
is acknowledged and dropped, so nobody gets a second answer; 4xx for bad signatures and
malformed bodies; the url_verification answer Slack documents; one conversation per thread;
answers in mrkdwn with Block Kit buttons (up to 25); a reply guarantee.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
import re
from collections import OrderedDict
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from sanic import Blueprint, response
from sanic.request import Request
from slack_sdk.web.async_client import AsyncWebClient

from bot.channels.guarantee import clean_message, with_reply

logger = logging.getLogger(__name__)

MAX_BUTTONS = 25  # Block Kit's limit for one actions block
MAX_SECTION_CHARS = 3000  # Block Kit's limit for a section's text
_SEEN_EVENTS = 2000  # how many recent event ids we remember to drop duplicates
_URL = re.compile(r"https?://[^\s<>|]+[^\s<>|.,;:!?)]")


def to_mrkdwn(text: str) -> str:
    """Our plain answers in Slack's mrkdwn: escaped, links clickable, a short first line bold."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = _URL.sub(lambda m: f"<{m.group(0)}>", escaped)
    first, _, rest = escaped.partition("\n")
    if rest and len(first) <= 60 and not first.rstrip().endswith((".", "?", "!", ":")):
        escaped = f"*{first}*\n{rest}"
    return escaped[:MAX_SECTION_CHARS]


class SchoolSlackBot(SlackBot):
    """Sends answers as one mrkdwn message with buttons, in the user's thread."""

    def __init__(self, token: Text, channel: Optional[Text], thread_id: Optional[Text], api_url: Optional[Text]):
        super().__init__(token, channel, thread_id)
        if api_url:
            self.client = AsyncWebClient(token=token, base_url=api_url)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self._post(recipient_id, text, [])

    async def send_text_with_buttons(self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]],
                                     **kwargs: Any) -> None:
        await self._post(recipient_id, text, buttons)

    async def _post(self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]]) -> None:
        blocks: List[Dict[str, Any]] = [{"type": "section", "text": {"type": "mrkdwn", "text": to_mrkdwn(text)}}]
        if buttons:
            blocks.append({"type": "actions", "elements": [
                {"type": "button", "text": {"type": "plain_text", "text": b["title"][:75]},
                 "value": b["payload"][:2000], "action_id": f"reply_{i}"}
                for i, b in enumerate(buttons[:MAX_BUTTONS])]})
        # `text` is the notification / screen-reader fallback for the blocks.
        await self._post_message(channel=self.slack_channel or recipient_id, text=text[:MAX_SECTION_CHARS],
                                 blocks=blocks)


class SchoolSlackInput(SlackInput):
    @classmethod
    def name(cls) -> Text:
        return "slack"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        token, secret = os.environ.get("SLACK_BOT_TOKEN"), os.environ.get("SLACK_SIGNING_SECRET")
        if not (token and secret):
            logger.info("Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to turn it on (docs/slack.md)")
            return SlackOff()
        return cls(token, secret, os.environ.get("SLACK_API_URL") or None)

    def __init__(self, token: Text, signing_secret: Text, api_url: Optional[Text] = None):
        super().__init__(token, slack_signing_secret=signing_secret, use_threads=True,
                         conversation_granularity="thread")
        self.api_url = api_url
        self._seen: "OrderedDict[str, None]" = OrderedDict()

    def get_output_channel(self, channel: Optional[Text] = None, thread_id: Optional[Text] = None) -> OutputChannel:
        return SchoolSlackBot(self.slack_token, channel or self.slack_channel, thread_id, self.api_url)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = Blueprint("slack_webhook", __name__)
        reply = with_reply(on_new_message)

        @bp.route("/", methods=["GET"])
        async def health(_: Request):
            return response.json({"status": "ok"})

        @bp.route("/webhook", methods=["POST"])
        async def webhook(request: Request):
            if not self.is_request_from_slack_authentic(request):
                return response.text("Invalid or stale Slack signature", status=HTTPStatus.UNAUTHORIZED)
            body = _parse(request)
            if body is None:
                return response.text("Malformed Slack request", status=HTTPStatus.BAD_REQUEST)
            if body.get("type") == "url_verification":
                return response.json({"challenge": body.get("challenge", "")})
            if request.headers.get("x-slack-retry-num"):
                # We acknowledged the first delivery already; answering again would duplicate.
                return response.text("", headers={"X-Slack-No-Retry": "1"})
            message = self._message_from(body)
            if message is not None:
                text, user, channel, thread = message
                sender = self._get_conversation_id(user, channel, thread)
                metadata = {"out_channel": channel, "thread_id": thread}
                out = self.get_output_channel(channel, thread)
                task = asyncio.create_task(reply(UserMessage(text, out, sender, input_channel=self.name(),
                                                             metadata=metadata)))
                self._background_tasks.add(task)
                task.add_done_callback(self._background_tasks.discard)
            return response.text("")  # acknowledge within Slack's 3 seconds; answer in the background

        return bp

    def _message_from(self, body: Dict[str, Any]) -> Optional[tuple]:
        """(text, user, channel, thread) for a DM, a mention or a button click; None to ignore."""
        if body.get("type") == "event_callback":
            event = body.get("event") or {}
            if not self._first_time(body.get("event_id")):
                return None
            is_dm = event.get("type") == "message" and event.get("channel_type") == "im"
            if not (is_dm or event.get("type") == "app_mention") or event.get("bot_id") or event.get("subtype"):
                return None
            users = [a.get("user_id") for a in body.get("authorizations") or [] if isinstance(a, dict)]
            text = clean_message(self._sanitize_user_message(str(event.get("text", "")), users)) or ""
            thread = event.get("thread_ts") or event.get("ts")
            return (text, event.get("user"), event.get("channel"), thread) if event.get("user") else None
        if body.get("type") == "block_actions":
            action = (body.get("actions") or [{}])[0]
            if action.get("type") != "button" or not action.get("value"):
                return None
            if not self._first_time(f"{action.get('action_ts')}:{(body.get('user') or {}).get('id')}"):
                return None
            msg = body.get("message") or {}
            thread = msg.get("thread_ts") or msg.get("ts")
            channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id")
            return str(action["value"]), (body.get("user") or {}).get("id"), channel, thread
        return None

    def _first_time(self, key: Optional[str]) -> bool:
        if not key:
            return True
        if key in self._seen:
            return False
        self._seen[key] = None
        while len(self._seen) > _SEEN_EVENTS:
            self._seen.popitem(last=False)
        return True


def _parse(request: Request) -> Optional[Dict[str, Any]]:
    """Slack sends events as JSON and interactivity as a form with a JSON `payload`."""
    try:
        content_type = (request.headers.get("content-type") or "").split(";")[0].strip()
        if content_type == "application/json":
            body = json.loads(request.body or b"")
        elif content_type == "application/x-www-form-urlencoded":
            body = json.loads(request.form.get("payload") or "")
        else:
            return None
    except (ValueError, TypeError):
        return None
    return body if isinstance(body, dict) else None


class SlackOff(InputChannel):
    """Slack without credentials: the URL answers 503 so a misconfigured app is easy to spot."""

    @classmethod
    def name(cls) -> Text:
        return "slack"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = Blueprint("slack_off", __name__)

        @bp.route("/webhook", methods=["GET", "POST"])
        async def webhook(_: Request):
            return response.text("Slack is not configured on this server", status=HTTPStatus.SERVICE_UNAVAILABLE)

        return bp
