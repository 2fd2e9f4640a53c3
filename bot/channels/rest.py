"""Rasa's REST channel (/webhooks/rest/webhook) with request checks and a reply guarantee."""

from __future__ import annotations

import json
from typing import Any, Awaitable, Callable, Dict, Optional

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request

from bot import speedups
from bot.channels.bodies import RestBody, problem
from bot.channels.guarantee import clean_message, with_reply
from bot.channels.limits import MAX_BODY_BYTES, clean_metadata, limit_requests
from bot.channels.rate_limits import LIMITS, SLOW_DOWN, request_address, retry_after
from bot.speedups.action_calls import close_shared_sessions
from bot.speedups.heap import freeze_startup_heap


class SafeRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"  # same URL as Rasa's own REST channel

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        speedups.ensure_applied(origin=f"channel {self.name()}")  # bot/channels/__init__.py
        bp = super().blueprint(with_reply(on_new_message))
        bp.middleware("request")(reject_malformed)
        bp.before_server_start(limit_requests)
        bp.after_server_start(freeze_startup_heap)  # after Rasa has loaded the model
        bp.after_server_stop(close_shared_sessions)
        return bp

    def _extract_message(self, req: Request) -> Optional[str]:
        return clean_message(req.json.get("message"))

    def _extract_input_channel(self, req: Request) -> str:
        return self.name()  # not the client's choice: it decides how the conversation is treated

    def get_metadata(self, request: Request) -> Optional[Dict[str, Any]]:
        return clean_metadata(request.json.get("metadata"))


def too_many(wait_s: float):
    """HTTP 429: over a rate limit (bot/channels/rate_limits.py); the client may retry after the header's seconds."""
    return response.json({"error": SLOW_DOWN}, status=429, headers={"Retry-After": retry_after(wait_s)})


async def reject_malformed(request: Request):
    """Answer a malformed request with a 4xx and a reason instead of a server error, and a request
    over a rate limit with a 429, before any other work."""
    if request.method != "POST" or not request.path.endswith("/webhook"):
        return None
    address = request_address(request)
    wait = LIMITS.addresses.check(address)
    if wait:
        return too_many(wait)
    if len(request.body or b"") > MAX_BODY_BYTES:
        return response.json({"error": f"request body is larger than {MAX_BODY_BYTES} bytes"}, status=413)
    try:
        body = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError, RecursionError):
        return response.json({"error": "the body must be JSON"}, status=400)
    if not isinstance(body, dict):
        return response.json({"error": "the body must be a JSON object"}, status=400)
    reason = problem(RestBody, body)
    if reason:
        return response.json({"error": reason}, status=400)
    wait = LIMITS.conversations.check(body["sender"])
    if wait:
        LIMITS.addresses.refund(address)  # one conversation's flood must not use up a whole school's budget
        return too_many(wait)
    return None
