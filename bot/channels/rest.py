"""The REST channel (/webhooks/rest/webhook, the same URL and answers as Rasa's own): request
checks, rate limits and a reply guarantee (bot/channels/base.py).

POST {"sender": id, "message": text, "metadata": {"school": id}} -> the replies as a JSON list.
Over a rate limit: 429 with Retry-After. Malformed: a 4xx with the reason (bot/channels/bodies.py).
From a browser on a site that may not use the chat of the school named (bot/channels/origins.py): 403.
"""

from __future__ import annotations

import json

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request

from bot.channels import origins
from bot.channels.base import Admitted, Audience, Channel, Inbox, admit
from bot.channels.bodies import RestBody, problem
from bot.channels.guarantee import clean_message
from bot.channels.limits import MAX_BODY_BYTES, clean_metadata
from bot.channels.rate_limits import LIMITS, SLOW_DOWN, request_address, retry_after


class SafeRestInput(Channel):
    audience = Audience.PUBLIC

    @classmethod
    def name(cls) -> str:
        return "rest"  # same URL as Rasa's own REST channel

    def routes(self, inbox: Inbox) -> Blueprint:
        bp = Blueprint("rest_webhook", __name__)
        bp.middleware("request")(reject_malformed)

        @bp.route("/", methods=["GET"])
        async def health(_: Request):
            return response.json({"status": "ok"})

        @bp.route("/webhook", methods=["POST"])
        async def receive(request: Request):
            body, admitted = request.json, request.ctx.admitted  # both checked by reject_malformed
            collector = CollectingOutputChannel()
            text = clean_message(body["message"])
            # input_channel is not the client's choice: it decides how the conversation is treated
            metadata = clean_metadata(body.get("metadata"))
            message = UserMessage(text, collector, body["sender"], input_channel=self.name(), metadata=metadata)
            await inbox(message, admitted)
            return response.json(collector.messages)

        return bp


def too_many(wait_s: float):
    """HTTP 429: over a rate limit (bot/channels/rate_limits.py); the client may retry after the header's seconds."""
    return response.json({"error": SLOW_DOWN}, status=429, headers={"Retry-After": retry_after(wait_s)})


async def reject_malformed(request: Request):
    """Answer a malformed request with a 4xx and a reason instead of a server error, and a request
    over a rate limit with a 429, before any other work (the address's budget before the body is
    parsed, the conversation's before NLU). An admitted request gets `request.ctx.admitted`."""
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
    school = clean_metadata(body.get("metadata")).get("school")
    if origins.refused(request.headers.get("origin"), request.headers.get("host"), school):
        return response.json({"error": origins.REFUSED}, status=403)
    admitted = admit(address, body["sender"], address_counted=True)
    if not isinstance(admitted, Admitted):
        return too_many(admitted)
    request.ctx.admitted = admitted
    return None
