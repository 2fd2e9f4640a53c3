"""Where a message came from: whether a socket.io message naming a school came from one of that
school's registered sites (data/schools.yml `origins`). Only those count in the school's
counselor insights (docs/insights.md)."""

from __future__ import annotations

from typing import Any, Optional
from urllib.parse import urlsplit

from bot.schools import lookup, normalise_origin

#: Metadata key the socket.io channel sets (never a client: bot.channels.limits.clean_metadata
#: drops it) when a message naming a school came from one of that school's registered sites.
SITE_VERIFIED = "school_verified"


def from_registered_site(
    school_id: Any, socket_origin: Optional[str], host: Optional[str], site: Any, fetch_site: Optional[str] = None
) -> bool:
    """Whether a socket.io message naming `school_id` came from one of that school's `origins`.

    `socket_origin` is the connection's Origin header: a school's own site (rasa-webchat on its
    page), or the assistant's own address (`host`) when it is our widget, whose page runs in an
    iframe on the school's site; then `site` is the page around that iframe, as the widget reports
    it. A browser sends no Origin on a same-origin GET (socket.io's first poll) but says
    `Sec-Fetch-Site: same-origin` (`fetch_site`). A browser cannot make any of these up; a script
    imitating one can (docs/insights.md)."""
    school = lookup(school_id)
    if school is None or not school.origins:
        return False
    origin = _origin_or_none(socket_origin) if socket_origin else None
    if origin in school.origins:
        return True
    own_page = (origin is not None and urlsplit(origin).netloc == (host or "").lower()) or (
        socket_origin is None and fetch_site == "same-origin"
    )
    return own_page and isinstance(site, str) and _origin_or_none(site) in school.origins


def _origin_or_none(value: str) -> Optional[str]:
    try:
        return normalise_origin(value.strip().rstrip("/"))
    except ValueError:
        return None
