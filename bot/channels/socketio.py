"""Rasa's socket.io channel for the web widget, fixed and hardened.

- Rasa 3.6.21 calls `sio.enter_room` without `await`; with python-socketio >= 5.10 that is a
  coroutine, so with session persistence the room is never joined and replies never arrive
  (rasa issue 13027). We await it when it is a coroutine, whatever version is installed.
- Malformed events (non-dict data, bad metadata) are ignored with a log line, not a traceback.
- Every message gets a reply (bot.channels.guarantee).
- Allowed origins come from CHAT_ALLOWED_ORIGINS (comma-separated); localhost by default.
"""
from __future__ import annotations

import inspect
import json
import logging
import os
import uuid
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from socketio import AsyncServer

from bot.channels.guarantee import clean_message, with_reply

logger = logging.getLogger(__name__)

DEFAULT_ORIGINS = "http://localhost:5005,http://127.0.0.1:5005,http://localhost,http://127.0.0.1"


def allowed_origins() -> List[str]:
    raw = os.environ.get("CHAT_ALLOWED_ORIGINS", DEFAULT_ORIGINS)
    origins = [o.strip().rstrip("/") for o in raw.split(",") if o.strip()]
    return ["*"] if "*" in origins else origins


class SafeSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        origins = allowed_origins()
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins="*" if origins == ["*"] else origins)
        bp = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        self.sio = sio
        reply = with_reply(on_new_message)

        @bp.route("/", methods=["GET"])
        async def health(_: Request):
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict] = None) -> bool:
            return True

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Any = None) -> None:
            data = data if isinstance(data, dict) else {}
            session_id = data.get("session_id")
            if not isinstance(session_id, str) or not (0 < len(session_id) <= 128):
                session_id = uuid.uuid4().hex
            if self.session_persistence:
                joined = sio.enter_room(sid, session_id, namespace=self.namespace)
                if inspect.isawaitable(joined):  # python-socketio >= 5.10
                    await joined
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Any = None) -> None:
            if not isinstance(data, dict):
                logger.info("Ignored a socket.io message that is not an object")
                return
            if self.session_persistence:
                sender_id = data.get("session_id")
                if not isinstance(sender_id, str) or not sender_id:
                    logger.info("Ignored a socket.io message without a session_id")
                    return
            else:
                sender_id = sid
            metadata = _metadata(data.get(self.metadata_key))
            output = SocketIOOutput(sio, self.bot_message_evt)
            text = clean_message(data.get("message")) or ""
            await reply(UserMessage(text, output, sender_id, input_channel=self.name(), metadata=metadata))

        return bp


def _metadata(raw: Any) -> Dict[str, Any]:
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return {}
    return raw if isinstance(raw, dict) else {}
