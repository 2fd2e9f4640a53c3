"""Requests as Slack sends them, signed with the e2e secret: events (a DM, a mention) and
interactive payloads (a button click), posted to the running bot's Slack webhook."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from typing import Dict, Optional
from urllib.parse import urlencode

import requests

from tests.e2e.conftest import SLACK_SECRET

BOT_USER = "UBOT0001"


def post(bot, body: bytes, content_type: str, timestamp=None, secret=SLACK_SECRET, headers=None):
    ts = str(int(timestamp if timestamp is not None else time.time()))
    signature = "v0=" + hmac.new(secret.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    return requests.post(
        f"{bot.base}/webhooks/slack/webhook",
        data=body,
        timeout=10,
        headers={
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": signature,
            **(headers or {}),
        },
    )


def event(bot, inner: dict, **kw):
    body = {
        "token": "legacy",
        "team_id": "T1",
        "api_app_id": "A1",
        "type": "event_callback",
        "event_id": "Ev" + uuid.uuid4().hex[:10],
        "event_time": int(time.time()),
        "authorizations": [{"user_id": BOT_USER, "is_bot": True}],
        "event": inner,
    }
    return post(bot, json.dumps(body).encode(), "application/json", **kw), body


def dm(text, user="U100", channel=None, ts=None):
    return {
        "type": "message",
        "channel_type": "im",
        "channel": channel or "D" + uuid.uuid4().hex[:8],
        "user": user,
        "text": text,
        "ts": ts or f"{time.time():.6f}",
        "event_ts": f"{time.time():.6f}",
    }


def click(bot, user: str, channel: str, thread: str, button: Dict, message_ts: Optional[str] = None):
    """A block_actions payload for `button` (an element of a posted actions block), clicked in
    the thread's message, form-encoded as Slack's interactivity requests are."""
    payload = {
        "type": "block_actions",
        "user": {"id": user, "username": "student"},
        "api_app_id": "A1",
        "container": {"type": "message", "message_ts": message_ts or thread, "channel_id": channel},
        "channel": {"id": channel, "name": "directmessage"},
        "message": {"type": "message", "ts": message_ts or f"{time.time():.6f}", "thread_ts": thread, "bot_id": "B1"},
        "actions": [
            {
                "type": "button",
                "action_id": button["action_id"],
                "block_id": "b1",
                "value": button["value"],
                "text": button["text"],
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }
    return post(bot, urlencode({"payload": json.dumps(payload)}).encode(), "application/x-www-form-urlencoded")
