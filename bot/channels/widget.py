"""The web chat widget, served by Rasa itself under /chat (no CDN, no extra server).

    /chat/            the full chat page (on its own or in an iframe)
    /chat/embed.js    one <script> tag adds a launcher button that opens the chat in an iframe
    /chat/demo        a sample school page that embeds it
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Optional

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request

from bot.channels.origins import allowed_origins, frame_ancestors

WEB = Path(__file__).resolve().parent.parent / "web"
FILES: Dict[str, tuple] = {
    "": ("chat.html", "text/html; charset=utf-8"),
    "demo": ("demo.html", "text/html; charset=utf-8"),
    "embed.js": ("embed.js", "application/javascript; charset=utf-8"),
    "chat.js": ("chat.js", "application/javascript; charset=utf-8"),
    "chat.css": ("chat.css", "text/css; charset=utf-8"),
    "vendor/socket.io.min.js": ("vendor/socket.io.min.js", "application/javascript; charset=utf-8"),
}
# The chat page loads only its own scripts and styles and talks only to its own server.
CHAT_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self' ws: wss:; base-uri 'none'; form-action 'self'; object-src 'none'")


class WidgetInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "chat"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> "WidgetInput":
        return cls()

    def url_prefix(self) -> str:
        return "/chat"  # absolute: Rasa mounts it at /chat, not under /webhooks/

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = Blueprint("chat_widget", __name__)
        cache = {path: (WEB / name).read_bytes() for path, (name, _) in FILES.items()}

        async def serve(request: Request, path: str = ""):
            if path not in FILES:
                return response.text("Not found", status=404)
            headers = {"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff",
                       "Referrer-Policy": "no-referrer"}
            if path == "":
                headers["Content-Security-Policy"] = f"{CHAT_CSP}; {frame_ancestors()}"
            elif path == "demo":
                headers["Content-Security-Policy"] = "frame-ancestors 'self'"
            origin = request.headers.get("origin")
            if origin and (allowed_origins() == ["*"] or origin.rstrip("/") in allowed_origins()):
                headers["Access-Control-Allow-Origin"] = origin
                headers["Vary"] = "Origin"
            return response.raw(cache[path], content_type=FILES[path][1], headers=headers)

        bp.add_route(serve, "/", methods=["GET"], name="chat_page")
        bp.add_route(serve, "/<path:path>", methods=["GET"], name="chat_file")
        return bp
