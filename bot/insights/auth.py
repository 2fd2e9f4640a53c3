"""Who may see which insights.

- District view (every school, and each school): the token in INSIGHTS_ADMIN_TOKEN (environment).
  It must be a generated one (`new_token()`): a short or made-up one stops Rasa at start
  (check_admin_token), since it opens every school's figures.
- One school's view: a token whose SHA-256 is that school's `insights_token_sha256` in the
  registry. The registry holds hashes only, so the committed file opens nothing.

Tokens are random (`new_token()`, 256 bits), so one unsalted SHA-256 is enough: there is
nothing to guess from a dictionary. Comparisons take constant time.

After sign-in the browser keeps a session, not the token: `school|expiry|token fingerprint`,
signed with HMAC-SHA-256 under a key derived from the district token (so every replica accepts
it), or a random per-process key when there is none. It expires after INSIGHTS_SESSION_HOURS, and
replacing a school's token hash (or the district token) ends that token's sessions.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass
from typing import List, Mapping, Optional

from bot import schools, settings

ADMIN_ENV = settings.INSIGHTS_ADMIN_TOKEN.name
MIN_ADMIN_LENGTH = 32
MIN_DISTINCT_CHARACTERS = 20  # a generated token of 43 has about 31; words or repeats have far fewer
_GENERATED = re.compile(r"[A-Za-z0-9_-]+")
MAX_TOKEN_LENGTH = 200
SESSION_VERSION = "v1"
_process_key: List[bytes] = []  # the session key when there is no district token (made on first use)


@dataclass(frozen=True)
class Viewer:
    """A signed-in viewer: `school` is their school's id, or None for the district."""

    school: Optional[str]

    @property
    def district(self) -> bool:
        return self.school is None


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    while True:
        token = secrets.token_urlsafe(32)
        if looks_generated(token):
            return token


def looks_generated(token: str) -> bool:
    """A token from new_token() (or as random): long, URL-safe characters, many different ones."""
    return (
        len(token) >= MIN_ADMIN_LENGTH
        and _GENERATED.fullmatch(token) is not None
        and len(set(token)) >= MIN_DISTINCT_CHARACTERS
    )


def check_admin_token(environ: Optional[Mapping[str, str]] = None) -> None:
    """Raises ValueError (Rasa stops) when INSIGHTS_ADMIN_TOKEN is set but is not a generated token."""
    token = settings.INSIGHTS_ADMIN_TOKEN.get(environ)
    if token and not looks_generated(token):
        raise ValueError(
            f"{ADMIN_ENV} is not a generated token: it opens every school's insights, so it must be at least "
            f"{MIN_ADMIN_LENGTH} characters of A-Z a-z 0-9 _ - with {MIN_DISTINCT_CHARACTERS} or more different "
            "ones. Make one with `python -m bot.tools.insights --new-token`, or leave the variable out to turn "
            "the district view off."
        )


def admin_token(environ: Optional[Mapping[str, str]] = None) -> str:
    token = settings.INSIGHTS_ADMIN_TOKEN.get(environ)
    return token if looks_generated(token) else ""


def viewer_for(
    token: Optional[str], registry: Optional[schools.Registry] = None, environ: Optional[Mapping[str, str]] = None
) -> Optional[Viewer]:
    """The viewer this token signs in, or None."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    token = token.strip()
    admin = admin_token(environ)
    if admin and hmac.compare_digest(token.encode(), admin.encode()):
        return Viewer(None)
    digest = token_hash(token)
    found = None
    for school in (registry or schools.shared()).schools:  # every school compared: no early exit timing
        expected = school.insights_token_sha256
        if expected and hmac.compare_digest(digest, expected) and found is None:
            found = Viewer(school.id)
    return found


def new_session(
    who: Viewer,
    hours: int,
    now: Optional[float] = None,
    registry: Optional[schools.Registry] = None,
    environ: Optional[Mapping[str, str]] = None,
) -> str:
    """The signed session value kept in the cookie for `who` (never the token)."""
    expires = int((time.time() if now is None else now) + hours * 3600)
    payload = f"{SESSION_VERSION}|{who.school or '*'}|{expires}|{_fingerprint(who, registry)}"
    return f"{payload}|{_sign(payload, environ)}"


def viewer_from_session(
    value: Optional[str],
    now: Optional[float] = None,
    registry: Optional[schools.Registry] = None,
    environ: Optional[Mapping[str, str]] = None,
) -> Optional[Viewer]:
    """The viewer of a session value, or None (forged, expired, or its token was replaced)."""
    if not value or len(value) > MAX_TOKEN_LENGTH:
        return None
    payload, _, signature = value.rpartition("|")
    if not hmac.compare_digest(signature.encode(), _sign(payload, environ).encode()):
        return None
    version, school, expires, fingerprint = (payload.split("|") + ["", "", "", ""])[:4]
    if version != SESSION_VERSION or not expires.isdigit():
        return None
    if int(expires) <= (time.time() if now is None else now):
        return None
    who = Viewer(None if school == "*" else school)
    if not who.district and (registry or schools.shared()).get(school) is None:
        return None
    return who if hmac.compare_digest(fingerprint, _fingerprint(who, registry)) else None


def _fingerprint(who: Viewer, registry: Optional[schools.Registry]) -> str:
    """Ties a session to the token it was opened with: replacing the token ends it."""
    if who.district:
        return "district"
    entry = (registry or schools.shared()).get(who.school or "")
    return (entry.insights_token_sha256 or "")[:16] if entry else ""


def _sign(payload: str, environ: Optional[Mapping[str, str]]) -> str:
    return hmac.new(_session_key(environ), payload.encode("utf-8"), hashlib.sha256).hexdigest()


def _session_key(environ: Optional[Mapping[str, str]]) -> bytes:
    admin = admin_token(environ)
    if admin:  # every replica has it, so any replica accepts any session
        return hmac.new(admin.encode("utf-8"), b"insights session key", hashlib.sha256).digest()
    if not _process_key:
        _process_key.append(secrets.token_bytes(32))
    return _process_key[0]


def bearer(authorization: Optional[str]) -> Optional[str]:
    """The token of an `Authorization: Bearer <token>` header."""
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    return value.strip() or None if scheme.lower() == "bearer" else None
