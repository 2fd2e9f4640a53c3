"""Which web origins may embed the chat and talk to it.

The union of
- every school's `origins` in the school registry (data/schools.yml, bot.schools),
- CHAT_ALLOWED_ORIGINS (comma-separated; "*" allows any site, for trials only),
- the localhost defaults, for trying the assistant out.
The chat page itself is served by the bot, so its own origin is always allowed for socket.io.
Computed once per configuration (the registry is read once per process), not per request.
"""

from __future__ import annotations

from functools import lru_cache
from typing import List, Tuple

from bot import schools, settings

DEFAULT_ORIGINS = ("http://localhost:5005", "http://127.0.0.1:5005", "http://localhost", "http://127.0.0.1")


def allowed_origins() -> List[str]:
    return list(_allowed(*_key()))


def frame_ancestors() -> str:
    """The CSP directive that limits which sites may show the chat page in an iframe."""
    return _frame_ancestors(*_key())


def _key() -> Tuple[str, str]:
    return settings.CHAT_ALLOWED_ORIGINS.get(), str(schools.registry_path())


def is_allowed(origin: str) -> bool:
    origins = _allowed(*_key())
    return origins == ("*",) or origin.rstrip("/").lower() in origins


@lru_cache(maxsize=8)
def _allowed(env: str, registry_file: str) -> Tuple[str, ...]:
    configured = [o.strip().rstrip("/") for o in env.split(",") if o.strip()]
    if "*" in configured:
        return ("*",)
    from_env = []
    for origin in configured:
        try:
            from_env.append(schools.normalise_origin(origin))
        except ValueError as error:
            raise ValueError(f"CHAT_ALLOWED_ORIGINS: {error}") from None
    registry = schools.shared()  # the registry_file argument only keys the cache
    return tuple(dict.fromkeys([*registry.origins(), *from_env, *DEFAULT_ORIGINS]))


@lru_cache(maxsize=8)
def _frame_ancestors(env: str, registry_file: str) -> str:
    origins = _allowed(env, registry_file)
    return "frame-ancestors *" if origins == ("*",) else "frame-ancestors 'self' " + " ".join(origins)
