"""The call from Rasa to the action server, once per custom action.

1. Rasa checks every action-server response with `jsonschema.validate()`, which first checks the
   *schema itself* against the JSON Schema metaschema, on every call, for the same fixed schema:
   about 25 ms of a 30 ms turn on our machines. We validate against a validator built once.
   Even then, each event is checked against ~20 `oneOf` branches (~0.25 ms an event), and the
   same events (`role` = `welder`, ...) come back turn after turn: an event found valid is
   remembered by its JSON text, so only new ones are checked. Anything not known to be valid
   goes through the full check, so what passes, what fails and the error raised are unchanged.
2. Rasa opens a new aiohttp session, and so a new TCP connection, for every action call. We keep
   one session per endpoint and event loop, so calls reuse a kept-alive connection. Idle
   connections are dropped after KEEPALIVE_S, well before the action server (Sanic, 5 s) closes
   them, so a request never goes out on a connection the server is closing.
3. Not a speed-up (stays on with BOT_SPEEDUPS=off): Rasa waits up to 300 s for an action
   (DEFAULT_REQUEST_TIMEOUT) while the widget gives up after 20 s. We wait ACTION_TIMEOUT_S
   (environment, default 15 s); then the user gets the "try again" reply
   (bot/channels/guarantee.py) and the log says which action.
   Rasa passes DEFAULT_REQUEST_TIMEOUT with every action call, so the limit holds with Rasa's own
   session (speed-ups off) as with the shared one (whose own limit is the same).

Applied by bot.speedups (guarded by Rasa's version and these names' signatures; docs/speedups.md).
"""

from __future__ import annotations

import asyncio
import copy
import json
import weakref
from functools import lru_cache
from typing import Any, Dict, Tuple

import aiohttp
from cachetools import LRUCache
from jsonschema import validators
from jsonschema.exceptions import best_match
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.utils.endpoints import EndpointConfig

from bot import settings

KEEPALIVE_S = 2.0
DEFAULT_ACTION_TIMEOUT_S = settings.ACTION_TIMEOUT_S.default


def action_timeout_s() -> float:
    return settings.ACTION_TIMEOUT_S.get()


# Rasa's own. None if this Rasa lacks it, and then the guard never applies the patch (hence Any).
_rasa_session: Any = getattr(EndpointConfig, "session", None)
_open_sessions: "weakref.WeakSet[aiohttp.ClientSession]" = weakref.WeakSet()


@lru_cache(maxsize=1)
def _validators() -> Tuple[Any, Any, Any]:
    """(whole response, response without checking events' contents, one event)."""
    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)  # once, not per response
    shell = copy.deepcopy(schema)
    event_schema = shell["properties"]["events"].pop("items")
    return cls(schema), cls(shell), cls(event_schema)


_VALID_EVENTS_KEPT = 4096
_valid_events: "LRUCache[str, bool]" = LRUCache(_VALID_EVENTS_KEPT)


def _known_valid(result: Any) -> bool:
    """True only if `result` passes the full schema: the shell, and every event (remembered or checked)."""
    _, shell, one_event = _validators()
    if not shell.is_valid(result):
        return False
    for item in result.get("events") or ():
        key = json.dumps(item, sort_keys=True)
        if _valid_events.get(key):  # get, not `in`: a hit counts as recent use
            continue
        if not one_event.is_valid(item):
            return False
        _valid_events[key] = True
    return True


def validate_action_result(self: RemoteAction, result: Dict[str, Any]) -> bool:
    if _known_valid(result):
        return True
    error = best_match(_validators()[0].iter_errors(result))
    if error is None:
        return True
    error.message += (  # Rasa's own wording
        f". Failed to validate Action server response from API, "
        f"make sure your response from the Action endpoint is valid. "
        f"For more information about the format visit "
        f"{DOCS_BASE_URL}/custom-actions"
    )
    raise error


class _Borrowed:
    """`async with endpoint.session() as s` hands out the shared session and leaves it open."""

    def __init__(self, session: aiohttp.ClientSession):
        self._session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self._session

    async def __aexit__(self, *exc: Any) -> None:
        return None


def shared_session(self: EndpointConfig) -> Any:
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # not in a coroutine: Rasa's behaviour (a session the caller closes)
        return _rasa_session(self)
    held = self.__dict__.get("_shared_session")
    if held is None or held[0] is not loop or held[1].closed:
        auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"]) if self.basic_auth else None
        session = aiohttp.ClientSession(  # what Rasa's session has, plus a short keep-alive
            headers=self.headers,
            auth=auth,
            timeout=aiohttp.ClientTimeout(total=action_timeout_s()),
            connector=aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_S),
        )
        held = (loop, session)
        self.__dict__["_shared_session"] = held
        _open_sessions.add(session)
    return _Borrowed(held[1])


async def close_shared_sessions(*_: Any) -> None:
    """Close the kept sessions (when the server stops; usable as a Sanic listener)."""
    for session in list(_open_sessions):
        if not session.closed:
            await session.close()


#: What this module replaces (applied, guarded, by bot.speedups; docs/speedups.md).
PATCHED = (
    "rasa.core.actions.action.RemoteAction._validate_action_result",  # speed-up 1
    "rasa.utils.endpoints.EndpointConfig.session",  # speed-up 2
    "rasa.core.actions.action.DEFAULT_REQUEST_TIMEOUT",
)  # fix 3: what RemoteAction.run passes per call
