"""The counselor insights page, served by Rasa itself under /insights (bot/insights).

    GET  /insights/?from=&to=&school=   the page (signed in), else 401 with only the sign-in form
    POST /insights/login                form field `token`: sets the session cookie, then back to the page
    POST /insights/logout               clears it
    GET  /insights/insights.css         the page's style sheet

Sign-in: the token is posted once from a form and kept in an HttpOnly, SameSite=Strict cookie
scoped to /insights (Secure behind HTTPS). Chosen over a Bearer header from sessionStorage
because no script can read it, so the page needs no JavaScript at all (CSP `script-src` is
'none'), and because the cookie itself is checked on every request, any replica can serve it
without shared sessions. Scripts may send `Authorization: Bearer <token>` instead. Tokens never
appear in a URL. A school token sees its school; the district token (INSIGHTS_ADMIN_TOKEN) all.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import date
from typing import Any, Dict, Optional
from urllib.parse import urlsplit

from sanic import Blueprint, response
from sanic.request import Request

from bot import schools
from bot.channels.base import Audience, Channel, Inbox
from bot.channels.widget import WEB
from bot.insights import auth
from bot.speedups import relied

logger = logging.getLogger(__name__)

COOKIE = "mfg_insights"
COOKIE_AGE_S = 8 * 3600
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
_ONE_AT_A_TIME = asyncio.Semaphore(1)  # a report is CPU work beside the chat's turns: never several at once


def _headers(extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    headers = {
        "Content-Security-Policy": CSP,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
    }
    headers.update(extra or {})
    return headers


def _html(body: str, status: int = 200):
    return response.html(body, status=status, headers=_headers())


def viewer(request: Request) -> Optional[auth.Viewer]:
    token = auth.bearer(request.headers.get("authorization")) or request.cookies.get(COOKIE)
    return auth.viewer_for(token)


def _same_origin(request: Request) -> bool:
    """A sign-in form posted from another site is refused (login CSRF)."""
    site = request.headers.get("sec-fetch-site")
    if site:  # browsers say where a request comes from (with no-referrer, Origin is "null")
        return site in ("same-origin", "none")
    origin = request.headers.get("origin")
    return not origin or urlsplit(origin).netloc == request.headers.get("host", "")


def _date(value: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


class InsightsInput(Channel):
    audience = Audience.PUBLIC  # sends no messages to Rasa; anyone may reach its sign-in form

    @classmethod
    def name(cls) -> str:
        return "insights"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> "InsightsInput":
        if not auth.admin_token() and not any(s.insights_token_sha256 for s in schools.shared().schools):
            logger.info("Counselor insights: no tokens configured (docs/insights.md); /insights/ refuses everyone")
        return cls()

    def url_prefix(self) -> str:
        return "/insights"  # absolute, like the widget's /chat

    def routes(self, inbox: Inbox) -> Blueprint:
        bp = Blueprint("counselor_insights", __name__)
        css = (WEB / "insights.css").read_bytes()

        async def page(request: Request):
            from bot.insights import page as pages

            who = viewer(request)
            if who is None:
                return _html(pages.login(), status=401)
            store = _store(request)
            if store is None:
                return response.text("Insights need the SQL conversation store", status=503, headers=_headers())
            school = who.school if not who.district else (request.args.get("school") or None)
            if school is not None and schools.lookup(school) is None:
                school = None
            args = (store.engine, school, _date(request.args.get("from")), _date(request.args.get("to")), who.district)
            async with _ONE_AT_A_TIME:
                body = await asyncio.get_running_loop().run_in_executor(None, render, *args)
            return _html(body)

        async def login(request: Request):
            from bot.insights import page as pages

            if not _same_origin(request):
                return response.text("Forbidden", status=403, headers=_headers())
            token = (request.form.get("token") or "") if request.form else ""
            if auth.viewer_for(token) is None:
                return _html(pages.login("That token is not valid."), status=401)
            resp = response.redirect("/insights/", status=303, headers=_headers())
            _set_cookie(resp, token.strip(), _https(request), COOKIE_AGE_S)
            return resp

        async def logout(request: Request):
            resp = response.redirect("/insights/", status=303, headers=_headers())
            _set_cookie(resp, "", _https(request), 0)
            return resp

        async def style(request: Request):
            return response.raw(
                css,
                content_type="text/css; charset=utf-8",
                headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"},
            )

        bp.add_route(page, "/", methods=["GET"], name="insights_page")
        bp.add_route(login, "/login", methods=["POST"], name="insights_login")
        bp.add_route(logout, "/logout", methods=["POST"], name="insights_logout")
        bp.add_route(style, "/insights.css", methods=["GET"], name="insights_css")
        return bp


def render(engine, school: Optional[str], start: Optional[date], end: Optional[date], district: bool) -> str:
    """The page's HTML (runs in a worker thread)."""
    from bot.insights import page, report, table
    from bot.insights.figures import date_range

    start, end = date_range(start, end)
    table.ensure(engine)
    with engine.connect() as connection:
        built = report.build(connection, school, start, end)
    registry = schools.shared()
    name = ""
    if school:
        entry = registry.get(school)
        assert entry is not None  # the handler passes only registered schools (it checks with lookup())
        name = entry.name
    return page.render(built, name, live=True, schools=registry.schools, district=district)


def _store(request: Request):
    agent = getattr(request.app.ctx, "agent", None)
    store = getattr(agent, "tracker_store", None) or getattr(getattr(agent, "processor", None), "tracker_store", None)
    store = relied.unwrapped_store(store)
    return store if hasattr(store, "engine") else None


def _https(request: Request) -> bool:
    return request.scheme == "https" or request.headers.get("x-forwarded-proto", "").lower() == "https"


def _set_cookie(resp, value: str, secure: bool, max_age: int) -> None:
    resp.cookies[COOKIE] = value
    cookie = resp.cookies[COOKIE]
    cookie["path"] = "/insights"
    cookie["httponly"] = True
    cookie["samesite"] = "Strict"
    cookie["max-age"] = max_age
    if secure:
        cookie["secure"] = True
