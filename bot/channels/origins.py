"""Which web origins may embed the chat and talk to it: CHAT_ALLOWED_ORIGINS, comma-separated.

The chat page itself is served by the bot, so its own origin is always allowed for socket.io;
the listed origins are the school sites allowed to embed it (and to call socket.io directly).
"""
from __future__ import annotations

import os
from typing import List

DEFAULT_ORIGINS = "http://localhost:5005,http://127.0.0.1:5005,http://localhost,http://127.0.0.1"


def allowed_origins() -> List[str]:
    raw = os.environ.get("CHAT_ALLOWED_ORIGINS", DEFAULT_ORIGINS)
    origins = [o.strip().rstrip("/") for o in raw.split(",") if o.strip()]
    return ["*"] if "*" in origins else origins


def frame_ancestors() -> str:
    """The CSP directive that limits which sites may show the chat page in an iframe."""
    origins = allowed_origins()
    return "frame-ancestors *" if origins == ["*"] else "frame-ancestors 'self' " + " ".join(origins)
