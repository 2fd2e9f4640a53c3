"""Who may see which insights.

- District view (every school, and each school): the token in INSIGHTS_ADMIN_TOKEN (environment;
  at least 24 characters, else the district view is off).
- One school's view: a token whose SHA-256 is that school's `insights_token_sha256` in the
  registry. The registry holds hashes only, so the committed file opens nothing.

Tokens are random (`new_token()`, 256 bits), so one unsalted SHA-256 is enough: there is
nothing to guess from a dictionary. Comparisons take constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Mapping, Optional

from bot import schools, settings

ADMIN_ENV = settings.INSIGHTS_ADMIN_TOKEN.name
MIN_ADMIN_LENGTH = 24
MAX_TOKEN_LENGTH = 200


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
    return secrets.token_urlsafe(32)


def admin_token(environ: Optional[Mapping[str, str]] = None) -> str:
    token = settings.INSIGHTS_ADMIN_TOKEN.get(environ)
    return token if len(token) >= MIN_ADMIN_LENGTH else ""


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


def bearer(authorization: Optional[str]) -> Optional[str]:
    """The token of an `Authorization: Bearer <token>` header."""
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    return value.strip() or None if scheme.lower() == "bearer" else None
