"""Every environment variable the assistant reads, declared once: name, type, default and why.
No other module reads os.environ (tests/unit/test_settings.py holds that, and that each one is
documented in .env.example). A setting is read when it is asked for (`RASA_HOST.get()`), not at
import, so a test or a launcher that sets the environment first is heard.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, Generic, List, Mapping, Optional, TypeVar, Union

T = TypeVar("T")
Environ = Optional[Mapping[str, str]]


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One environment variable: read and parsed at each get(); unset or blank gives the default."""

    name: str
    default: T
    why: str
    parse: Callable[[str], T]

    def raw(self, environ: Environ = None) -> str:
        return (environ if environ is not None else os.environ).get(self.name, "").strip()

    def get(self, environ: Environ = None) -> T:
        raw = self.raw(environ)
        return self.parse(raw) if raw else self.default


#: Every setting by name, in declaration order (what .env.example documents).
DECLARED: Dict[str, Setting] = {}


def _declare(name: str, default: T, why: str, parse: Callable[[str], T]) -> Setting[T]:
    setting = Setting(name, default, why, parse)
    DECLARED[name] = setting
    return setting


def _text(raw: str) -> str:
    return raw


def _optional(raw: str) -> Optional[str]:
    return raw


def _path(raw: str) -> Optional[Path]:
    return Path(raw)


def _whole(name: str, minimum: int) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        try:
            value = int(raw)
        except ValueError:
            raise SystemExit(f"{name} must be a whole number, not {raw!r}") from None
        if value < minimum:
            raise SystemExit(f"{name} must be {minimum} or more")
        return value

    return parse


def _switch(raw: str) -> bool:
    return raw.lower() in ("1", "on", "true", "yes")


def _days(raw: str) -> int:
    try:
        days = int(raw)
    except ValueError:
        days = 0
    if days < 1:
        raise ValueError(f"CONVERSATION_RETENTION_DAYS must be a whole number of days, 1 or more (got {raw!r})")
    return days


def _seconds(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise ValueError(f"ACTION_TIMEOUT_S must be a number of seconds above 0 (got {raw!r})")
    return value


Network = Union[ipaddress.IPv4Network, ipaddress.IPv6Network]


def _networks(spec: str) -> List[Network]:
    networks: List[Network] = []
    for part in (p.strip() for p in spec.split(",")):
        if part:
            try:
                networks.append(ipaddress.ip_network(part, strict=False))
            except ValueError:
                raise SystemExit(f"TRUSTED_PROXIES: {part!r} is not an address or network") from None
    return networks


# --- the knowledge, the schools, understanding ---------------------------------------------------
KNOWLEDGE_FILE = _declare(
    "KNOWLEDGE_FILE", None, "another knowledge file, e.g. a school's own copy (default data/knowledge/...)", _path
)
SCHOOLS_FILE = _declare("SCHOOLS_FILE", None, "another school registry (default data/schools.yml)", _path)
SPACY_MODEL = _declare(
    "SPACY_MODEL", None, "another installed spaCy pipeline, e.g. en_core_web_md (default: the offline one)", _optional
)

# --- the servers ---------------------------------------------------------------------------------
RASA_HOST = _declare("RASA_HOST", "127.0.0.1", "where Rasa listens; loopback unless a TLS proxy is in front", _text)
ACTIONS_HOST = _declare("ACTIONS_HOST", "127.0.0.1", "where the action server listens; it has no authentication", _text)
MODEL_PATH = _declare("MODEL_PATH", None, "another trained model (default models/manufacturing.tar.gz)", _path)
ACTION_TIMEOUT_S = _declare(
    "ACTION_TIMEOUT_S", 15.0, "seconds to wait for an action before the 'try again' reply", _seconds
)
BOT_SPEEDUPS = _declare("BOT_SPEEDUPS", "on", "off runs Rasa's own code instead of bot/speedups (fixes stay)", _text)
BOT_PATCH_ANY_RASA = _declare(
    "BOT_PATCH_ANY_RASA", False, "apply the speed-ups on another Rasa version too, to check an upgrade", _switch
)

# --- channels and their limits -------------------------------------------------------------------
CHAT_ALLOWED_ORIGINS = _declare(
    "CHAT_ALLOWED_ORIGINS", "", "school sites that may embed the web chat, comma-separated", _text
)
ALLOW_LOCALHOST_ORIGINS = _declare(
    "ALLOW_LOCALHOST_ORIGINS",
    False,
    "pages on localhost/127.0.0.1 may embed and talk to the chat (make run: on; production: off)",
    _switch,
)
STUDENTS_PER_ADDRESS = _declare(
    "STUDENTS_PER_ADDRESS",
    300,
    "the biggest school behind one network address; per-address rate limits scale with it",
    _whole("STUDENTS_PER_ADDRESS", 1),
)
MESSAGES_PER_CONVERSATION_PER_MINUTE = _declare(
    "MESSAGES_PER_CONVERSATION_PER_MINUTE",
    30,
    "messages one conversation may send a minute (half at once); keep it: benchmarks raise it",
    _whole("MESSAGES_PER_CONVERSATION_PER_MINUTE", 1),
)
TRUSTED_PROXIES = _declare(
    "TRUSTED_PROXIES",
    _networks("127.0.0.0/8,::1"),
    "proxies whose X-Forwarded-For / X-Real-IP are believed (default: nginx on this machine)",
    _networks,
)
#: Fewest characters of CONVERSATION_SECRET (`secrets.token_urlsafe(32)` makes 43).
MIN_SECRET_CHARS = 32


def _secret(raw: str) -> Optional[str]:
    if len(raw) < MIN_SECRET_CHARS:
        raise SystemExit(
            f"CONVERSATION_SECRET must be at least {MIN_SECRET_CHARS} characters: make one with "
            '`python3 -c "import secrets; print(secrets.token_urlsafe(32))"`'
        )
    return raw


CONVERSATION_SECRET = _declare(
    "CONVERSATION_SECRET",
    None,
    "signs web chat conversation ids (every replica the same; unset: make run makes one in var/)",
    _secret,
)
SLACK_BOT_TOKEN = _declare("SLACK_BOT_TOKEN", "", "Slack is on when this and SLACK_SIGNING_SECRET are set", _text)
SLACK_SIGNING_SECRET = _declare("SLACK_SIGNING_SECRET", "", "checks that requests come from Slack", _text)
SLACK_API_URL = _declare("SLACK_API_URL", "", "another Slack Web API (the tests' fake Slack)", _text)

# --- the conversation store, replicas, insights --------------------------------------------------
CONVERSATION_RETENTION_DAYS = _declare(
    "CONVERSATION_RETENTION_DAYS", 30, "days a conversation is kept before the store deletes it", _days
)
DATABASE_URL = _declare(
    "DATABASE_URL", "", "PostgreSQL of make cluster, make purge and make insights (default: endpoints)", _text
)
REDIS_URL = _declare(
    "REDIS_URL", "", "Redis shared by replicas: conversation lock, Slack repeats (unset: one process)", _text
)
REPLICAS = _declare("REPLICAS", 2, "Rasa replicas that make cluster starts", _whole("REPLICAS", 1))
CLUSTER_PORT = _declare("CLUSTER_PORT", 8080, "the port nginx listens on for make cluster", _whole("CLUSTER_PORT", 1))
INSIGHTS_ADMIN_TOKEN = _declare(
    "INSIGHTS_ADMIN_TOKEN", "", "district-wide sign-in to the counselor insights page (24+ characters)", _text
)


def _session_hours(raw: str) -> int:
    try:
        hours = int(raw)
    except ValueError:
        hours = 0
    if not 1 <= hours <= 24 * 7:
        raise SystemExit(f"INSIGHTS_SESSION_HOURS must be a whole number of hours from 1 to 168 (got {raw!r})")
    return hours


INSIGHTS_SESSION_HOURS = _declare(
    "INSIGHTS_SESSION_HOURS", 8, "hours a counselor stays signed in to the insights page (1-168)", _session_hours
)

# --- counselor insights: fixed limits (bot/insights, docs/insights.md) ----------------------------
#: A figure is shown only when it comes from at least this many distinct conversations, in every
#: school-week it adds up (bot/insights/suppress.py); an unanswered question's wording is shown only
#: when typed identically in this many widget conversations.
INSIGHTS_MIN_CONVERSATIONS = 5
#: Distinct unanswered wordings grouped per page (the most frequent first): bounds the grouping's work.
INSIGHTS_MAX_GROUPED_TEXTS = 1000
#: Groups of unanswered questions listed on a page (the largest); the rest are counted in one line.
INSIGHTS_MAX_GROUPS_SHOWN = 50
#: Sign-in attempts per client address on /insights/login: this many at once, then one a minute.
INSIGHTS_SIGN_IN_BURST = 10


# --- what the rest of the code calls ---------------------------------------------------------------
#: Days a conversation is kept before the store deletes it (CONVERSATION_RETENTION_DAYS).
DEFAULT_RETENTION_DAYS = CONVERSATION_RETENTION_DAYS.default
DEFAULT_STUDENTS_PER_ADDRESS = STUDENTS_PER_ADDRESS.default


DEFAULT_INSIGHTS_SESSION_HOURS = INSIGHTS_SESSION_HOURS.default


def insights_session_hours(environ: Environ = None) -> int:
    return INSIGHTS_SESSION_HOURS.get(environ)


def knowledge_file(environ: Environ = None) -> str:
    """The knowledge file both processes read: Rasa reads messages against its names (bot/nlu/
    reader.py), the action server answers from its facts."""
    from bot.knowledge.loader import DEFAULT_PATH  # the loader imports pydantic; settings stay light

    return str(KNOWLEDGE_FILE.get(environ) or DEFAULT_PATH)


def conversation_secret(environ: Environ = None) -> Optional[str]:
    """The key that signs web chat conversation ids (bot/channels/conversation_ids.py); None when
    unset: the process then makes one of its own. Every replica needs the same one."""
    return CONVERSATION_SECRET.get(environ)


def retention_days(environ: Environ = None) -> int:
    return CONVERSATION_RETENTION_DAYS.get(environ)


def students_per_address(environ: Environ = None) -> int:
    return STUDENTS_PER_ADDRESS.get(environ)


def trusted_proxies(environ: Environ = None) -> List[Network]:
    return TRUSTED_PROXIES.get(environ)


def child_environment(extra: Optional[Mapping[str, str]] = None) -> Dict[str, str]:
    """The environment a server started by our launchers inherits: this one, plus `extra`."""
    return {**os.environ, **(extra or {})}
