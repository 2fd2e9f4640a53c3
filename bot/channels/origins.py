"""Which web origins may embed the chat and talk to it, per school.

For a school (`?school=<id>`, a message's `school`):
- that school's `origins` in the school registry (data/schools.yml, bot.schools), no other school's,
- CHAT_ALLOWED_ORIGINS (comma-separated; district sites not tied to one school; "*" allows any
  site, for trials only),
- the localhost origins, only when ALLOW_LOCALHOST_ORIGINS is on (`make run` turns it on).
With no school (or an unknown id), the neutral chat: the last two only (docs/security.md says why).
The chat page and the demo page are served by the bot, so its own origin is always allowed.

A socket.io connection names no school until its first message, so engine.io lets in any origin
allowed for some school (`any_site`); each message is then checked against the school it names
(`refused`). Computed once per configuration (the registry is read once per process).
"""

from __future__ import annotations

from functools import lru_cache
from typing import List, Optional, Tuple
from urllib.parse import urlsplit

from bot import schools, settings

LOCALHOST_ORIGINS = ("http://localhost:5005", "http://127.0.0.1:5005", "http://localhost", "http://127.0.0.1")
ANY = ("*",)
#: The reply to a socket.io message from a site that may not use the chat it names (by its language).
NOT_THIS_SITE = {
    "en": "This chat can't be used from this website. Please open it from your school's website.",
    "es": "Este chat no se puede usar desde este sitio web. Ábrelo desde el sitio web de tu escuela.",
}
#: The 403 of a REST request from such a site.
REFUSED = "this site may not use the chat for this school (docs/embed.md: allowing your site)"


def for_school(school_id: Optional[str] = "") -> Tuple[str, ...]:
    """The origins that may frame and talk to the chat of this school; ("*",) for any site."""
    return _for_school(school_id if schools.lookup(school_id) is not None else "", *_key())


def any_site() -> List[str]:
    """Every origin allowed for some school or for the neutral chat (engine.io's handshake)."""
    return list(_any_site(*_key()))


def frame_ancestors(school_id: Optional[str] = "") -> str:
    """The CSP directive that limits which sites may show this school's chat page in an iframe."""
    allowed = for_school(school_id)
    return "frame-ancestors *" if allowed == ANY else " ".join(("frame-ancestors 'self'", *allowed))


def is_allowed(origin: str, school_id: Optional[str] = None) -> bool:
    """Whether `origin` may use the chat of `school_id` ('' the neutral chat; None: any school's)."""
    allowed = _any_site(*_key()) if school_id is None else for_school(school_id)
    return allowed == ANY or origin.strip().rstrip("/").lower() in allowed


def refused(origin: Optional[str], host: Optional[str], school_id: Optional[str]) -> bool:
    """Whether a request or message naming `school_id` comes from a page that may not use its chat.

    No Origin header: not a browser on another site (a browser sends one with every cross-site
    request and websocket), so nothing to check. The bot's own origin (`host`, the Host header):
    our chat page, whose framing the browser already limited (frame_ancestors)."""
    if not origin:
        return False
    own = bool(host) and urlsplit(origin.strip()).netloc.lower() == (host or "").strip().lower()
    return not own and not is_allowed(origin, school_id or "")


def _key() -> Tuple[str, bool, str]:
    return (
        settings.CHAT_ALLOWED_ORIGINS.get(),
        settings.ALLOW_LOCALHOST_ORIGINS.get(),
        str(schools.registry_path()),
    )


@lru_cache(maxsize=8)
def _everywhere(env: str, localhost: bool, registry_file: str) -> Tuple[str, ...]:
    """The origins allowed for every school and the neutral chat: CHAT_ALLOWED_ORIGINS, localhost."""
    configured = [o.strip().rstrip("/") for o in env.split(",") if o.strip()]
    if "*" in configured:
        return ANY
    from_env = []
    for origin in configured:
        try:
            from_env.append(schools.normalise_origin(origin))
        except ValueError as error:
            raise ValueError(f"CHAT_ALLOWED_ORIGINS: {error}") from None
    return tuple(dict.fromkeys([*from_env, *(LOCALHOST_ORIGINS if localhost else ())]))


@lru_cache(maxsize=512)  # one entry per registered school (and the neutral one) per configuration
def _for_school(school_id: str, env: str, localhost: bool, registry_file: str) -> Tuple[str, ...]:
    everywhere = _everywhere(env, localhost, registry_file)
    if everywhere == ANY:
        return ANY
    school = schools.lookup(school_id) if school_id else None  # the registry_file argument only keys the cache
    return tuple(dict.fromkeys([*(school.origins if school else ()), *everywhere]))


@lru_cache(maxsize=8)
def _any_site(env: str, localhost: bool, registry_file: str) -> Tuple[str, ...]:
    everywhere = _everywhere(env, localhost, registry_file)
    if everywhere == ANY:
        return ANY
    return tuple(dict.fromkeys([*schools.shared().origins(), *everywhere]))
