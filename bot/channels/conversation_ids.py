"""Web chat conversation ids that the server hands out and signs, so a conversation belongs to the
browser tab that started it.

The server makes every socket.io conversation id (`web-` and 32 random hex digits) and gives the
tab a *pass*: the id, a dot, and an HMAC-SHA256 of the id under the server's secret
(CONVERSATION_SECRET, bot/settings.py), cut to 128 bits. The widget keeps the pass in the tab's
sessionStorage and presents it when it (re)connects. A socket that presents anything else (an id
without its signature, a forged or an old one) gets a new conversation of its own: it never joins
another conversation's room, so it receives nothing of it and cannot write into it or delete it.

The pass never travels in a URL (nginx routes by a separate token, docs/deploy.md). Stored events
and logs name only the bare id, which is no pass. REST refuses senders shaped like these ids
(bot/channels/bodies.py), as it refuses Slack's, so no REST client can reach a widget conversation.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
from functools import lru_cache
from typing import Any, Optional

from bot import settings

logger = logging.getLogger(__name__)

#: A widget conversation id, with or without its signature (REST refuses both as a `sender`).
WEB_SHAPED = re.compile(r"web-[0-9a-f]{32}(\.[0-9a-f]{32})?")
_PASS = re.compile(r"(web-[0-9a-f]{32})\.([0-9a-f]{32})")
_CONTEXT = b"manufacturing-careers conversation id\x00"  # this key signs nothing else


def issue() -> str:
    """A new conversation: its pass (`web-<id>.<signature>`)."""
    conversation = f"web-{secrets.token_hex(16)}"
    return f"{conversation}.{_signature(conversation, _secret())}"


def verify(presented: Any) -> Optional[str]:
    """The conversation id a pass stands for, or None when it is not one this server signed."""
    match = _PASS.fullmatch(presented) if isinstance(presented, str) else None
    if match is None:
        return None
    conversation, signature = match.groups()
    return conversation if hmac.compare_digest(signature, _signature(conversation, _secret())) else None


def ready() -> None:
    """Read the secret now (at start-up): a malformed CONVERSATION_SECRET stops Rasa here, and a
    missing one is logged once, rather than on the first chat."""
    _secret()


def _signature(conversation: str, secret: bytes) -> str:
    return hmac.new(secret, _CONTEXT + conversation.encode("ascii"), hashlib.sha256).hexdigest()[:32]


@lru_cache(maxsize=1)
def _secret() -> bytes:
    """CONVERSATION_SECRET, read at first use; without one, a secret for this process only."""
    configured = settings.conversation_secret()
    if configured:
        return configured.encode("utf-8")
    logger.warning(
        "CONVERSATION_SECRET is not set: web chat conversations are signed with a secret of this process "
        "only, so they start over when it restarts, and replicas cannot continue each other's "
        "(docs/security.md; `make run` and `make cluster` set one for you)"
    )
    return secrets.token_bytes(32)


def reset() -> None:
    """For tests: read CONVERSATION_SECRET again at the next use."""
    _secret.cache_clear()
