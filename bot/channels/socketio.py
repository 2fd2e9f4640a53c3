"""Rasa's socket.io channel for the web widget, fixed and hardened.

- Rasa 3.6.21 calls `sio.enter_room` without `await`; with python-socketio >= 5.10 that is a
  coroutine, so with session persistence the room is never joined and replies never arrive
  (rasa issue 13027). We await it when it is a coroutine, whatever version is installed.
- Malformed events (non-dict data, bad or unknown session ids) are ignored with a log line, not a
  traceback; packets over MAX_SOCKET_BYTES are refused by engine.io; metadata keeps known keys only.
- A conversation belongs to the tab that started it: the server issues its id, signed, and a
  socket joins a conversation only with that pass (bot.channels.conversation_ids).
- Every message gets a reply, after the rate limits (bot.channels.base: connections per address,
  messages per address and per conversation; over a limit, a connection is refused or a message
  gets a "slow down" reply).
- A message naming a school from one of that school's registered sites is marked so in its
  metadata (school_sites.SITE_VERIFIED): only those count in the school's insights.
- Origins (bot.channels.origins): engine.io accepts the bot's own and every origin allowed for
  some school; a message naming a school from another site than its own (or the district's) is
  answered with NOT_THIS_SITE and not passed to Rasa.
"""

from __future__ import annotations

import inspect
import logging
from typing import Any, Dict, Optional, Text

import engineio
from pydantic import ValidationError
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from socketio import AsyncServer

from bot import school_sites
from bot.channels import conversation_ids, origins
from bot.channels.base import Admitted, Audience, Channel, Inbox, admit
from bot.channels.bodies import SocketMessage
from bot.channels.guarantee import clean_message
from bot.channels.limits import MAX_SOCKET_BYTES, clean_metadata
from bot.channels.markdown import MarkdownSocketIOOutput
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


class SafeSocketIOInput(Channel, SocketIOInput):
    audience = Audience.PUBLIC

    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def routes(self, inbox: Inbox) -> Blueprint:
        conversation_ids.ready()
        sites = origins.any_site()
        sio = _SocketServer(
            async_mode="sanic",
            cors_allowed_origins="*" if sites == ["*"] else sites,
            max_http_buffer_size=MAX_SOCKET_BYTES,
        )
        bp = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        self.sio = sio
        namespace = self.namespace

        @bp.route("/", methods=["GET"])
        async def health(_: Request):
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict] = None) -> bool:
            return True  # limits were checked when engine.io accepted the connection (_SocketServer)

        def conversation_of(sid: Text) -> Optional[str]:
            return next((room for room in sio.rooms(sid, namespace=namespace) if room != sid), None)

        async def join(sid: Text, presented: Any) -> str:
            """The conversation `presented` is a pass for, or a new one (conversation_ids.py); the
            socket leaves any other, joins it, and is told its pass."""
            conversation = conversation_ids.verify(presented)
            if conversation is None:
                presented = conversation_ids.issue()
                conversation = conversation_ids.verify(presented)
                assert conversation is not None  # issued here
            # One conversation per connection: a client asking again and again joins no more rooms.
            for room in sio.rooms(sid, namespace=namespace):
                if room not in (sid, conversation):
                    await _maybe_await(sio.leave_room(sid, room, namespace=namespace))
            await _maybe_await(sio.enter_room(sid, conversation, namespace=namespace))  # rasa issue 13027
            await sio.emit("session_confirm", presented, room=sid, namespace=namespace)
            return conversation

        @sio.on("session_request", namespace=namespace)
        async def session_request(sid: Text, data: Any = None) -> None:
            data = data if isinstance(data, dict) else {}
            if self.session_persistence:
                await join(sid, data.get("session_id"))
            else:  # each connection is its own conversation (sender = the socket id)
                await sio.emit("session_confirm", sid, room=sid, namespace=namespace)

        @sio.on(self.user_message_evt, namespace=namespace)
        async def handle_message(sid: Text, data: Any = None) -> None:
            if not isinstance(data, dict):  # pydantic would also take a list of pairs
                logger.info("Ignored a socket.io message that is not an object")
                return
            try:
                event = SocketMessage.parse_obj(data)
            except ValidationError:
                logger.info("Ignored a socket.io message with a malformed session_id")
                return
            sender_id = sid
            if self.session_persistence:
                if event.session_id is None:
                    logger.info("Ignored a socket.io message without a session_id")
                    return
                # The socket's own conversation; a pass it holds for another one moves it there.
                # Anything else it names (an id without its signature) is not a way into another
                # conversation: the message stays in the socket's own, or a new one.
                sender_id = conversation_of(sid) or ""
                claimed = conversation_ids.verify(event.session_id)
                if not sender_id or (claimed is not None and claimed != sender_id):
                    sender_id = await join(sid, event.session_id)
            admitted = admit(sio.client_address(sid, namespace), sender_id)
            if not isinstance(admitted, Admitted):
                await sio.emit(self.bot_message_evt, {"text": SLOW_DOWN}, room=sid, namespace=namespace)
                return
            # rasa-webchat sends its settings as "customData" and shows text as markdown
            # (docs/embed.md); our widget sends "metadata" and shows text as it is.
            markdown = self.metadata_key not in data and "customData" in data
            raw = data.get("customData" if markdown else self.metadata_key)
            metadata = clean_metadata(raw)
            environ = sio.get_environ(sid, namespace) or {}
            if origins.refused(environ.get("HTTP_ORIGIN"), environ.get("HTTP_HOST"), metadata.get("school")):
                logger.info("Refused a socket.io message: its site may not use the chat of the school it names")
                reply = origins.NOT_THIS_SITE.get(metadata.get("lang", "en"), origins.NOT_THIS_SITE["en"])
                await sio.emit(self.bot_message_evt, {"text": reply}, room=sid, namespace=namespace)
                return
            if metadata.get("school") and _from_school_site(environ, metadata, raw):
                metadata[school_sites.SITE_VERIFIED] = True  # counted in the school's insights (docs/insights.md)
            output = (MarkdownSocketIOOutput if markdown else SocketIOOutput)(sio, self.bot_message_evt)
            text = clean_message(event.message) or ""
            message = UserMessage(text, output, sender_id, input_channel=self.name(), metadata=metadata)
            await inbox(message, admitted)

        return bp


def _from_school_site(environ: Optional[Dict], metadata: Dict[str, Any], raw: Any) -> bool:
    """Whether this connection comes from a registered site of the school its message names: the
    Origin header, or for our widget (served by the assistant) the page around its iframe."""
    environ = environ or {}
    site = raw.get("site") if isinstance(raw, dict) else None
    return school_sites.from_registered_site(
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
