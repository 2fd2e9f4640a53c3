"""The counselor insights page, served by Rasa itself under /insights (bot/insights).

    GET  /insights/?from=&to=&school=   the page (signed in), else 401 with only the sign-in form
    POST /insights/login                form field `token`: sets the session cookie, then back to the page
    POST /insights/logout               clears it
    GET  /insights/insights.css         the page's style sheet

Sign-in: the token is posted once from a form; the answer sets a signed session with an expiry
(bot/insights/auth.py: never the token) in an HttpOnly, SameSite=Strict cookie scoped to /insights
(Secure behind HTTPS). No script can read it, so the page needs no JavaScript at all (CSP
`script-src` is 'none'), and any replica can check it without shared sessions. Scripts may send
`Authorization: Bearer <token>` instead. Tokens never appear in a URL or a log line. Sign-ins and
failures are logged with the client's address, and attempts are limited per address (429).
A school token sees its school; the district token (INSIGHTS_ADMIN_TOKEN) all.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import date
from typing import Any, Dict, Optional
from urllib.parse import urlsplit

from sanic import Blueprint, response
from sanic.request import Request

from bot import schools, settings
from bot.channels.base import Audience, Channel, Inbox
from bot.channels.rate_limits import Rate, RateLimiter, request_address, retry_after
from bot.channels.widget import WEB
from bot.insights import auth
from bot.insights.figures import BadDate, parse_day
from bot.stores import insights_engine

logger = logging.getLogger(__name__)

COOKIE = "mfg_insights"
#: Sign-in attempts (form or Bearer) per client address: a burst, then one a minute.
SIGN_INS = RateLimiter(Rate(per_minute=1, burst=settings.INSIGHTS_SIGN_IN_BURST))
TOO_MANY = "Too many sign-in attempts from your network. Please wait a minute and try again."
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
    """The signed-in viewer: a Bearer token (checked like a sign-in) or the session cookie."""
    token = auth.bearer(request.headers.get("authorization"))
    if token is None:
        return auth.viewer_from_session(request.cookies.get(COOKIE))
    return _sign_in(request, token, "Bearer")


def _sign_in(request: Request, token: str, how: str) -> Optional[auth.Viewer]:
    """Checks a token (after _throttled took one attempt), logging the outcome with the client's
    address (never the token)."""
    who = auth.viewer_for(token)
    address = request_address(request)
    if who is None:
        logger.warning("Insights sign-in failed (%s) from %s", how, address)
        return None
    SIGN_INS.refund(address)  # only failures use up an address's attempts
    if how == "form":  # a Bearer script signs in on every request: its failures are what matter
        logger.info("Insights sign-in (%s) to %s from %s", how, who.school or "the district", address)
    return who


def _throttled(request: Request) -> Optional[float]:
    wait = SIGN_INS.check(request_address(request))
    if wait:
        logger.warning("Insights sign-in refused: too many attempts from %s", request_address(request))
    return wait or None


def _same_origin(request: Request) -> bool:
    """A sign-in form posted from another site is refused (login CSRF)."""
    site = request.headers.get("sec-fetch-site")
    if site:  # browsers say where a request comes from (with no-referrer, Origin is "null")
        return site in ("same-origin", "none")
    origin = request.headers.get("origin")
    return not origin or urlsplit(origin).netloc == request.headers.get("host", "")


class InsightsInput(Channel):
    audience = Audience.PUBLIC  # sends no messages to Rasa; anyone may reach its sign-in form

    @classmethod
    def name(cls) -> str:
        return "insights"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> "InsightsInput":
        # Sign-ins are an audit trail: kept at INFO even when the server's log level is raised later.
        logger.setLevel(min(logger.getEffectiveLevel(), logging.INFO))
        try:
            auth.check_admin_token()
            settings.insights_session_hours()
        except ValueError as error:
            raise SystemExit(f"Counselor insights cannot start (Rasa is stopping).\n{error}") from None
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

            wait = _throttled(request) if request.headers.get("authorization") else None
            if wait:
                return response.text(TOO_MANY, status=429, headers=_headers({"Retry-After": retry_after(wait)}))
            who = viewer(request)
            if who is None:
                return _html(pages.login(), status=401)
            try:
                start, end = parse_day(request.args.get("from")), parse_day(request.args.get("to"))
            except BadDate as error:
                return response.text(str(error), status=400, headers=_headers())
            engine = insights_engine()
            if engine is None:
                return response.text("Insights need the SQL conversation store", status=503, headers=_headers())
            school = who.school if not who.district else (request.args.get("school") or None)
            if school is not None and schools.lookup(school) is None:
                school = None
            args = (engine, school, start, end, who.district)
            async with _ONE_AT_A_TIME:
                body = await asyncio.get_running_loop().run_in_executor(None, render, *args)
            return _html(body)

        async def login(request: Request):
            from bot.insights import page as pages

            if not _same_origin(request):
                return response.text("Forbidden", status=403, headers=_headers())
            wait = _throttled(request)
            if wait:
                return response.html(
                    pages.login(TOO_MANY), status=429, headers=_headers({"Retry-After": retry_after(wait)})
                )
            token = (request.form.get("token") or "") if request.form else ""
            who = _sign_in(request, token, "form")
            if who is None:
                return _html(pages.login("That token is not valid."), status=401)
            hours = settings.insights_session_hours()  # checked at start (from_credentials)
            resp = response.redirect("/insights/", status=303, headers=_headers())
            _set_cookie(resp, auth.new_session(who, hours), _https(request), hours * 3600)
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
