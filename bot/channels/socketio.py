"""Rasa's socket.io channel for the web widget, fixed and hardened.

- Rasa 3.6.21 calls `sio.enter_room` without `await`; with python-socketio >= 5.10 that is a
  coroutine, so with session persistence the room is never joined and replies never arrive
  (rasa issue 13027). We await it when it is a coroutine, whatever version is installed.
- Malformed events (non-dict data, bad or unknown session ids) are ignored with a log line, not a
  traceback; packets over MAX_SOCKET_BYTES are refused by engine.io; metadata keeps known keys only.
- Every message gets a reply (bot.channels.guarantee).
- Rate limits (bot.channels.rate_limits): connections per address, messages per address and per
  conversation; over a limit, a connection is refused or a message gets a "slow down" reply.
- A message naming a school from one of that school's registered sites is marked so in its
  metadata (schools.SITE_VERIFIED): only those count in the school's insights.
- Origins: the bot's own (the chat page it serves) plus CHAT_ALLOWED_ORIGINS (bot.channels.origins).
"""

from __future__ import annotations

import inspect
import logging
import uuid
from typing import Any, Awaitable, Callable, Dict, Optional, Text

import engineio
from pydantic import ValidationError
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from socketio import AsyncServer

from bot import schools, speedups
from bot.channels.bodies import SocketMessage
from bot.channels.guarantee import clean_message, with_reply
from bot.channels.limits import MAX_SOCKET_BYTES, clean_metadata, limit_requests, valid_session_id
from bot.channels.markdown import MarkdownSocketIOOutput
from bot.channels.origins import allowed_origins
from bot.channels.rate_limits import LIMITS, SLOW_DOWN, TOO_MANY_SOCKETS, client_address, request_address

logger = logging.getLogger(__name__)


class _EngineServer(engineio.AsyncServer):
    """Allows its own origin (worked out from the request, as engine.io does by default) and
    the configured ones. engine.io alone offers one or the other."""

    cors_allowed_origins: Any  # engine.io's setting (set in its __init__): None, "*" or the allowed origins

    def _cors_allowed_origins(self, environ):
        configured = self.cors_allowed_origins
        if configured == "*":
            return None
        self.cors_allowed_origins = None  # engine.io's default: the request's own origin
        try:
            own = super()._cors_allowed_origins(environ)
        finally:
            self.cors_allowed_origins = configured
        return own + list(configured)


#: Where a connection's client address is kept, in the environ socket.io keeps per connection.
ADDRESS_KEY = "mfg.client_address"


class _SocketServer(AsyncServer):
    """Counts every engine.io connection (polling or websocket, whether or not it goes on to
    join a socket.io namespace) against its address's limits (bot.channels.rate_limits)."""

    def _engineio_server_class(self):
        return _EngineServer

    async def _handle_eio_connect(self, eio_sid, environ):
        address = _environ_address(environ)
        if LIMITS.addresses.check(address) or not LIMITS.sockets.open(address):
            logger.info("Refused a socket.io connection: over a rate or connection limit")
            return TOO_MANY_SOCKETS  # engine.io refuses the connection with this message
        environ[ADDRESS_KEY] = address
        return await super()._handle_eio_connect(eio_sid, environ)

    async def _handle_eio_disconnect(self, eio_sid, reason=None):
        address = (self.environ.get(eio_sid) or {}).get(ADDRESS_KEY)
        try:
            return await super()._handle_eio_disconnect(eio_sid, reason)
        finally:
            if address is not None:
                LIMITS.sockets.close(address)

    def client_address(self, sid: str, namespace: Optional[str]) -> str:
        return (self.get_environ(sid, namespace) or {}).get(ADDRESS_KEY) or "unknown"


class SafeSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        speedups.ensure_applied(origin=f"channel {self.name()}")  # bot/channels/__init__.py
        origins = allowed_origins()
        sio = _SocketServer(
            async_mode="sanic",
            cors_allowed_origins="*" if origins == ["*"] else origins,
            max_http_buffer_size=MAX_SOCKET_BYTES,
        )
        bp = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        bp.before_server_start(limit_requests)
        self.sio = sio
        reply = with_reply(on_new_message)

        @bp.route("/", methods=["GET"])
        async def health(_: Request):
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict] = None) -> bool:
            return True  # limits were checked when engine.io accepted the connection (_SocketServer)

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Any = None) -> None:
            data = data if isinstance(data, dict) else {}
            session_id = data.get("session_id")
            if not valid_session_id(session_id):
                session_id = uuid.uuid4().hex
            if self.session_persistence:
                # One conversation per connection: a client asking again and again joins no more rooms.
                for room in sio.rooms(sid, namespace=self.namespace):
                    if room != sid:
                        await _maybe_await(sio.leave_room(sid, room, namespace=self.namespace))
                joined = sio.enter_room(sid, session_id, namespace=self.namespace)
                if inspect.isawaitable(joined):  # python-socketio >= 5.10
                    await joined
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Any = None) -> None:
            if not isinstance(data, dict):  # pydantic would also take a list of pairs
                logger.info("Ignored a socket.io message that is not an object")
                return
            try:
                event = SocketMessage.parse_obj(data)
            except ValidationError:
                logger.info("Ignored a socket.io message with a malformed session_id")
                return
            if self.session_persistence and event.session_id is None:
                logger.info("Ignored a socket.io message without a session_id")
                return
            sender_id = event.session_id if self.session_persistence else sid
            if LIMITS.message(sio.client_address(sid, self.namespace), sender_id or sid):
                await sio.emit(self.bot_message_evt, {"text": SLOW_DOWN}, room=sid, namespace=self.namespace)
                return
            # rasa-webchat sends its settings as "customData" and shows text as markdown
            # (docs/embed.md); our widget sends "metadata" and shows text as it is.
            markdown = self.metadata_key not in data and "customData" in data
            raw = data.get("customData" if markdown else self.metadata_key)
            metadata = clean_metadata(raw)
            if metadata.get("school") and _from_school_site(sio.get_environ(sid, self.namespace), metadata, raw):
                metadata[schools.SITE_VERIFIED] = True  # counted in the school's insights (docs/insights.md)
            output = (MarkdownSocketIOOutput if markdown else SocketIOOutput)(sio, self.bot_message_evt)
            text = clean_message(event.message) or ""
            await reply(UserMessage(text, output, sender_id, input_channel=self.name(), metadata=metadata))

        return bp


def _from_school_site(environ: Optional[Dict], metadata: Dict[str, Any], raw: Any) -> bool:
    """Whether this connection comes from a registered site of the school its message names: the
    Origin header, or for our widget (served by the assistant) the page around its iframe."""
    environ = environ or {}
    site = raw.get("site") if isinstance(raw, dict) else None
    return schools.from_registered_site(
        metadata["school"],
        environ.get("HTTP_ORIGIN"),
        environ.get("HTTP_HOST"),
        site,
        environ.get("HTTP_SEC_FETCH_SITE"),
    )


def _environ_address(environ: Dict) -> str:
    """The client address of a socket.io connection (engine.io's REMOTE_ADDR is always 127.0.0.1
    under Sanic, so it is read from the Sanic request engine.io keeps in the environ)."""
    request = environ.get("sanic.request")
    if request is not None:
        return request_address(request)
    return client_address(environ.get("REMOTE_ADDR"), {})


async def _maybe_await(result: Any) -> Any:
    """python-socketio >= 5.10 made room changes coroutines; older releases return None."""
    return await result if inspect.isawaitable(result) else result
