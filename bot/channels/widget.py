"""The web chat widget, served by Rasa itself under /chat (no CDN, no extra server).

    /chat/?school=<id>&lang=es  the full chat page (on its own or in an iframe), with that
                                school's name, greeting, colour and language from the school
                                registry (lang=, optional, picks the widget's language)
    /chat/settings?school=<id>  the same display settings as JSON (the launcher's colour)
    /chat/embed.js              one <script> tag adds a launcher button that opens the chat in an iframe
    /chat/demo                  a sample school page that embeds it (school id "demo")

Only a school id travels in links and messages; names, greetings, colours and counselor
contacts are read from data/schools.yml (bot.schools). Unknown ids get neutral settings.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Optional

from sanic import Blueprint, response
from sanic.request import Request

from bot import schools
from bot.channels.base import Audience, Channel, Inbox
from bot.channels.origins import any_site, frame_ancestors, is_allowed
from bot.channels.rate_limits import LIMITS, SLOW_DOWN, request_address, retry_after
from bot.understanding.language import normalise_language

WEB = Path(__file__).resolve().parent.parent / "web"
FILES: Dict[str, tuple] = {
    "": ("chat.html", "text/html; charset=utf-8"),
    "demo": ("demo.html", "text/html; charset=utf-8"),
    "embed.js": ("embed.js", "application/javascript; charset=utf-8"),
    "chat.js": ("chat.js", "application/javascript; charset=utf-8"),
    "strings.js": ("strings.js", "application/javascript; charset=utf-8"),
    "chat.css": ("chat.css", "text/css; charset=utf-8"),
    "vendor/socket.io.min.js": ("vendor/socket.io.min.js", "application/javascript; charset=utf-8"),
}
#: Requests counted against the client address's budget (bot/channels/rate_limits.py): the pages
#: built per request. The static files are served from memory (and nginx limits them in a deployment).
COUNTED = frozenset({"", "settings"})
# The chat page loads only its own scripts and styles and talks only to its own server:
# connect-src names the bot's own host (from the request), never any ws:/wss: host.
CHAT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "{connect}; base-uri 'none'; form-action 'self'; object-src 'none'"
)
# A Host header we can put into the CSP: name or [IPv6], optional port. Anything else: 'self' only.
_HOST = re.compile(r"^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$")
TITLE = "Manufacturing Careers assistant"
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def connect_src(host: Optional[str]) -> str:
    """connect-src for a chat page served to this Host: 'self' plus ws:// and wss:// of the same host."""
    host = (host or "").strip().lower()
    if not _HOST.fullmatch(host):
        return "connect-src 'self'"
    return f"connect-src 'self' ws://{host} wss://{host}"


def chat_csp(host: Optional[str], school_id: str = "") -> str:
    """The chat page's policy: framed only by this school's sites (bot.channels.origins)."""
    return f"{CHAT_CSP.format(connect=connect_src(host))}; {frame_ancestors(school_id)}"


def render_chat_page(school_id: str, language: Optional[str] = None) -> bytes:
    """chat.html with the display settings of this school (neutral ones for an unknown id) filled in.

    `language` (the embed's data-lang, ?lang=) overrides the school's; chat.js puts the widget's
    own words in it. The school's greeting is passed only in the school's language, so chat.js
    shows its own greeting in any other (docs/spanish.md)."""
    settings = schools.display(school_id)
    school_language = settings["language"]
    page_language = normalise_language(language) or school_language
    school = schools.lookup(school_id)
    greeting = school.greeting or "" if school and page_language == school_language else ""
    return _render(settings["school"], settings["name"], greeting, settings["accent"], page_language)


@lru_cache(maxsize=256)  # one page per registered school and language (and the neutral ones)
def _render(school: str, name: str, greeting: str, accent: str, language: str) -> bytes:
    values = {
        "school": school,
        "greeting": greeting,
        "accent": accent,
        "lang": language,
        "school_name": f"{name} · " if name else "",
        "title": f"{name} · {TITLE}" if name else TITLE,
    }
    # One pass, every value HTML-escaped (safe in text and in quoted attributes).
    page = _PLACEHOLDER.sub(
        lambda m: html.escape(values[m.group(1)], quote=True) if m.group(1) in values else m.group(0), _template()
    )
    return page.encode("utf-8")


@lru_cache(maxsize=1)
def _template() -> str:
    return (WEB / "chat.html").read_text(encoding="utf-8")


def _school_param(request: Request) -> str:
    """The ?school= id if it is a registered school, else '' (neutral settings)."""
    value = request.args.get("school")
    return value if schools.lookup(value) is not None else ""


class WidgetInput(Channel):
    audience = Audience.PUBLIC  # its pages count against the address's budget (serve())

    @classmethod
    def name(cls) -> str:
        return "chat"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> "WidgetInput":
        # Load the school registry when Rasa starts: a broken one stops it with a clear message.
        try:
            schools.shared()
            any_site()
        except (schools.SchoolsError, ValueError) as error:
            raise SystemExit(f"The chat widget cannot start (Rasa is stopping).\n{error}") from None
        return cls()

    def url_prefix(self) -> str:
        return "/chat"  # absolute: Rasa mounts it at /chat, not under /webhooks/

    def routes(self, inbox: Inbox) -> Blueprint:
        bp = Blueprint("chat_widget", __name__)
        _files()  # read the files now: a missing one stops Rasa at start-up, not on a request
        bp.add_route(serve, "/", methods=["GET"], name="chat_page")
        bp.add_route(serve, "/<path:path>", methods=["GET"], name="chat_file")
        return bp


@lru_cache(maxsize=1)
def _files() -> Dict[str, bytes]:
    return {path: (WEB / name).read_bytes() for path, (name, _) in FILES.items() if path}


def _headers(request: Request, school_id: Optional[str] = None) -> Dict[str, str]:
    """`school_id`: the CORS header only for that school's sites ('' the neutral chat's); None
    (the static files, the same for every school): for any site allowed for some school."""
    headers = {
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Vary": "Origin",
    }
    origin = request.headers.get("origin")
    if origin and is_allowed(origin, school_id):
        headers["Access-Control-Allow-Origin"] = origin
    return headers


async def serve(request: Request, path: str = ""):
    """GET /chat/<path>: the chat page for ?school=, its settings as JSON, or one of the static files."""
    if path in COUNTED:
        wait = LIMITS.addresses.check(request_address(request))
        if wait:
            return response.text(SLOW_DOWN, status=429, headers={"Retry-After": retry_after(wait)})
    if path == "settings":
        school_id = _school_param(request)
        return response.json(schools.display(school_id), headers=_headers(request, school_id))
    if path not in FILES:
        return response.text("Not found", status=404)
    if path == "":
        school_id = _school_param(request)
        headers = _headers(request, school_id)
        headers["Content-Security-Policy"] = chat_csp(request.headers.get("host"), school_id)
        body = render_chat_page(school_id, request.args.get("lang"))
    else:
        headers = _headers(request)
        if path == "demo":
            headers["Content-Security-Policy"] = "frame-ancestors 'self'"
        body = _files()[path]
    return response.raw(body, content_type=FILES[path][1], headers=headers)
