"""Slack: staff ask the assistant in DMs or by mentioning it; it answers in a thread.

On when SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are set (environment or .env), off otherwise.
SLACK_API_URL points the Web API client elsewhere (the tests use a local fake).

Over Rasa's own Slack channel this adds: a delivery we already have (same event id) is
acknowledged and dropped, but a retry of one we never got is answered; 413/401/400 for
oversized, unsigned and malformed bodies (slack_payloads.py); the url_verification answer;
one conversation per thread; answers in mrkdwn with Block Kit buttons (up to 25); Web API
calls retried on 429 (after Retry-After), 500/503 and dropped connections; a reply that still
cannot be posted is logged, not raised, so Rasa stores the turn; replies being worked on when
the server stops are finished first (up to SHUTDOWN_WAIT_S).
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from http import HTTPStatus
from typing import Any, Callable, Coroutine, Dict, List, Optional, Set, Text
from urllib.parse import parse_qs

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_interval_calculators import BackoffRetryIntervalCalculator
from slack_sdk.models.blocks import ActionsBlock, Block, ButtonElement, MarkdownTextObject, SectionBlock
from slack_sdk.web.async_client import AsyncWebClient

from bot import settings
from bot.channels.base import Audience, Channel, Inbox
from bot.channels.seen import SeenEvents, seen_events
from bot.channels.slack_payloads import Challenge, Incoming, Malformed, parse

logger = logging.getLogger(__name__)

MAX_BUTTONS = 25  # Block Kit's limit for one actions block
MAX_SECTION_CHARS = 3000  # Block Kit's limit for a section's text
MAX_BODY_BYTES = 64 * 1024  # Slack's events and clicks are a few KB
POST_RETRIES = 2  # per Web API call, after the first attempt
SHUTDOWN_WAIT_S = 8.0  # inside Docker's default 10 s stop grace (and the 20 s of servers.py)
_URL = re.compile(r"https?://[^\s<>|]+[^\s<>|.,;:!?)]")

#: The channel's Inbox (bot/channels/base.py): an async callable (asyncio.create_task needs a coroutine).
Reply = Callable[[UserMessage], Coroutine[Any, Any, Any]]


def to_mrkdwn(text: str) -> str:
    """Our plain answers in Slack's mrkdwn: escaped, links clickable, a short first line bold."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = _URL.sub(lambda m: f"<{m.group(0)}>", escaped)
    first, _, rest = escaped.partition("\n")
    if rest and len(first) <= 60 and not first.rstrip().endswith((".", "?", "!", ":")):
        escaped = f"*{first}*\n{rest}"
    return escaped[:MAX_SECTION_CHARS]


def answer_blocks(text: str, buttons: List[Dict[Text, Any]]) -> List[Block]:
    """An answer as Block Kit: its text as one mrkdwn section, its buttons in one actions block."""
    blocks: List[Block] = [SectionBlock(text=MarkdownTextObject(text=to_mrkdwn(text)))]
    if buttons:
        elements = [
            ButtonElement(text=b["title"][:75], value=b["payload"][:2000], action_id=f"reply_{i}")
            for i, b in enumerate(buttons[:MAX_BUTTONS])
        ]
        blocks.append(ActionsBlock(elements=elements))
    return blocks


def retry_handlers() -> List[AsyncRetryHandler]:
    """slack_sdk retries only dropped connections by default, once; Slack asks clients to retry 429s."""
    backoff = BackoffRetryIntervalCalculator(backoff_factor=0.5)  # 0.5 s, 1 s, ... plus up to 1 s jitter
    return [
        AsyncRateLimitErrorRetryHandler(max_retry_count=POST_RETRIES),  # waits Retry-After
        AsyncServerErrorRetryHandler(max_retry_count=POST_RETRIES, interval_calculator=backoff),
        AsyncConnectionErrorRetryHandler(max_retry_count=POST_RETRIES, interval_calculator=backoff),
    ]


def _why(error: Exception) -> str:
    """The status and Slack's error code; never the message, which may quote the user."""
    slack_response = getattr(error, "response", None)
    data = getattr(slack_response, "data", None)
    code = data.get("error") if isinstance(data, dict) else None
    status = getattr(slack_response, "status_code", None)
    return f"HTTP {status} {code or ''}".strip() if status else type(error).__name__


class SchoolSlackBot(SlackBot):
    """Sends answers as one mrkdwn message with buttons, in the user's thread."""

    def __init__(self, token: Text, channel: Optional[Text], thread_id: Optional[Text], api_url: Optional[Text]):
        super().__init__(token, channel, thread_id)
        self.client = AsyncWebClient(
            token=token, base_url=api_url or AsyncWebClient.BASE_URL, retry_handlers=retry_handlers()
        )

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self._post(recipient_id, text, [])

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        await self._post(recipient_id, text, buttons)

    async def _post(self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]]) -> None:
        channel = self.slack_channel or recipient_id
        try:  # `text` is the notification / screen-reader fallback for the blocks
            blocks = [block.to_dict() for block in answer_blocks(text, buttons)]  # validated by slack_sdk
            thread = {"thread_ts": self.thread_id} if self.thread_id else {}
            await self.client.chat_postMessage(channel=channel, text=text[:MAX_SECTION_CHARS], blocks=blocks, **thread)
        except Exception as error:  # raising would make Rasa skip storing the turn
            logger.error(
                "Slack reply not delivered after retries (channel %s, thread %s): %s",
                channel,
                self.thread_id,
                _why(error),
            )


async def finish_pending(tasks: Set["asyncio.Task[Any]"], timeout: float) -> int:
    """Wait up to `timeout` s for the replies still being worked on; returns how many were left."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:  # the set is live: a reply may start while we wait
        pending = {task for task in tasks if not task.done()}
        left = deadline - loop.time()
        if not pending or left <= 0:
            break
        logger.info("Finishing %d Slack replies before stopping", len(pending))
        await asyncio.wait(pending, timeout=left)
    if pending:
        logger.warning("Stopping with %d Slack replies unfinished after %.0f s", len(pending), timeout)
    return len(pending)


class SchoolSlackInput(Channel, SlackInput):
    audience = Audience.SIGNED  # Slack signs every request (checked in receive())

    @classmethod
    def name(cls) -> Text:
        return "slack"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        token, secret = settings.SLACK_BOT_TOKEN.get(), settings.SLACK_SIGNING_SECRET.get()
        if not (token and secret):
            logger.info("Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to turn it on (docs/slack.md)")
            return SlackOff()
        return cls(token, secret, settings.SLACK_API_URL.get() or None, seen_events())

    def __init__(
        self, token: Text, signing_secret: Text, api_url: Optional[Text] = None, seen: Optional[SeenEvents] = None
    ):
        super().__init__(
            token, slack_signing_secret=signing_secret, use_threads=True, conversation_granularity="thread"
        )
        self.api_url = api_url
        self.seen = seen or SeenEvents()
        self.replies: Set["asyncio.Task[Any]"] = set()  # being worked on; finished before the server stops

    def get_output_channel(self, channel: Optional[Text] = None, thread_id: Optional[Text] = None) -> OutputChannel:
        return SchoolSlackBot(self.slack_token, channel or self.slack_channel, thread_id, self.api_url)

    def routes(self, inbox: Inbox) -> Blueprint:
        bp = Blueprint("slack_webhook", __name__)

        @bp.route("/", methods=["GET"])
        async def health(_: Request):
            return response.json({"status": "ok"})

        @bp.route("/webhook", methods=["POST"])
        async def webhook(request: Request):
            return await self.receive(request, inbox)

        async def finish_replies(*_: Any) -> None:
            await finish_pending(self.replies, SHUTDOWN_WAIT_S)

        bp.before_server_stop(finish_replies)  # Rasa closes the tracker store only after the stop
        return bp

    async def receive(self, request: Request, reply: Reply) -> HTTPResponse:
        """Acknowledge within Slack's 3 seconds; the answer is worked out in the background."""
        if len(request.body or b"") > MAX_BODY_BYTES:  # before any hashing or parsing
            return response.text("Slack request too large", status=HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
        if not self.is_request_from_slack_authentic(request):
            return response.text("Invalid or stale Slack signature", status=HTTPStatus.UNAUTHORIZED)
        parsed = parse(_decode(request))
        if isinstance(parsed, Malformed):
            return response.text("Malformed Slack request", status=HTTPStatus.BAD_REQUEST)
        if isinstance(parsed, Challenge):
            return response.json({"challenge": parsed.value})
        if isinstance(parsed, Incoming):
            if parsed.key and not await self.seen.first_time(parsed.key):
                # A repeat of a delivery we have; a retry of one we never got is new to us, so answered.
                return response.text("", headers={"X-Slack-No-Retry": "1"})
            self._answer(parsed, reply)
        return response.text("")

    def _answer(self, message: Incoming, reply: Reply) -> None:
        sender = conversation_id(message.user, message.channel, message.thread)
        out = self.get_output_channel(message.channel, message.thread)
        task = asyncio.create_task(
            reply(
                UserMessage(
                    message.text,
                    out,
                    sender,
                    input_channel=self.name(),
                    metadata={"out_channel": message.channel, "thread_id": message.thread},
                )
            )
        )
        self.replies.add(task)  # kept referenced, and awaited on shutdown
        task.add_done_callback(self.replies.discard)


def conversation_id(user: Text, channel: Optional[Text], thread: Optional[Text]) -> Text:
    """One conversation per thread: user_channel_thread (user alone outside a thread), as Rasa's
    Slack channel names them with conversation_granularity="thread" (bodies.SLACK_SHAPED)."""
    return f"{user}_{channel}_{thread}" if user and channel and thread else user


def _decode(request: Request) -> Any:
    """Slack sends events as JSON and interactivity as a form with a JSON `payload`; None if neither."""
    content_type = (request.headers.get("content-type") or "").split(";")[0].strip()
    try:
        if content_type == "application/json":
            return json.loads(request.body or b"")
        if content_type == "application/x-www-form-urlencoded":
            form = parse_qs((request.body or b"").decode(), max_num_fields=20)
            return json.loads((form.get("payload") or [""])[0])
    except (ValueError, RecursionError):  # includes UnicodeDecodeError and JSONDecodeError
        return None
    return None


class SlackOff(Channel):
    """Slack without credentials: the URL answers 503 so a misconfigured app is easy to spot."""

    audience = Audience.SIGNED

    @classmethod
    def name(cls) -> Text:
        return "slack"

    def routes(self, inbox: Inbox) -> Blueprint:
        bp = Blueprint("slack_off", __name__)

        @bp.route("/webhook", methods=["GET", "POST"])
        async def webhook(_: Request):
            return response.text("Slack is not configured on this server", status=HTTPStatus.SERVICE_UNAVAILABLE)

        return bp
