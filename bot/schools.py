"""The school registry (data/schools.yml): each school's name, greeting, colour, counselor and sites.

School settings live on the server, never in a link or a message: the widget and the channels
pass only a school id (`SCHOOL_ID`), and everything shown for that school is looked up here.

    lookup("lincoln-high")   -> School or None (None for anything that is not a registered id)
    display("lincoln-high")  -> what the chat page shows: name, greeting, accent, language (neutral if unknown)
    shared()                 -> the whole Registry, loaded and validated once per process
    load(path)               -> parse and validate a registry file; raises SchoolsError listing every problem

SCHOOLS_FILE points to another registry file (the tests use their own).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Collection, Dict, List, Optional, Sequence, Union
from urllib.parse import urlsplit

from pydantic import BaseModel, Extra, ValidationError, constr, validator

from bot import ROOT, settings
from bot.knowledge.loader import read_yaml_mapping
from bot.knowledge.problems import Problem
from bot.school_places import area_codes, area_problems
from bot.school_problems import duplicates, entry_name, problem_of
from bot.school_programs import Program, known_role_ids, role_problems
from bot.understanding.language import DEFAULT_LANGUAGE, normalise_language
from bot.understanding.lexicon import LANGUAGES

DEFAULT_PATH = ROOT / "data" / "schools.yml"

#: A school id: a lowercase slug. The channels pass on metadata {"school": id} only when it matches.
SCHOOL_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")

DEFAULT_GREETING = (
    "Hi! Ask me about manufacturing careers: what jobs like welder or robotics technician "
    "involve, pay, training and more."
)
DEFAULT_ACCENT = "#0b5394"

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# One address, no spaces or angle brackets: what a student can type into their mail program.
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SHA256 = re.compile(r"^[0-9a-fA-F]{64}$")

if TYPE_CHECKING:
    # Pydantic 1's constr() builds classes at run time, which a type checker cannot use as types;
    # to it they are plain str (what the validated values are).
    Name = str
    Greeting = str
    Email = str
    WebAddress = str
else:
    Name = constr(min_length=1, max_length=80, strip_whitespace=True)
    Greeting = constr(min_length=1, max_length=300, strip_whitespace=True)
    Email = constr(max_length=120, strip_whitespace=True)
    WebAddress = constr(max_length=300, strip_whitespace=True)


class SchoolsError(Exception):
    """The registry cannot be used. Carries every problem found."""

    def __init__(self, path: Union[str, Path], problems: Sequence[Problem]):
        self.path = Path(path)
        self.problems: List[Problem] = list(problems)
        lines = [f"{self.path}: {len(self.problems)} problem(s) in the school registry"]
        lines += [f"  - {p.describe()}" for p in self.problems]
        super().__init__("\n".join(lines))


class _Strict(BaseModel):
    class Config:
        extra = Extra.forbid  # a misspelled field name is an error, not silently ignored
        anystr_strip_whitespace = True
        allow_mutation = False


def _no_control(value):
    if isinstance(value, str) and _CONTROL.search(value):
        raise ValueError("must be one line of plain text (no line breaks or control characters)")
    return value


class Counselor(_Strict):
    name: Optional[Name] = None
    email: Optional[Email] = None
    url: Optional[WebAddress] = None

    _plain = validator("name", allow_reuse=True)(_no_control)

    @validator("email")
    def _email(cls, value):
        if value is not None and not _EMAIL.fullmatch(value):
            raise ValueError(f"{value!r} is not an email address (expected something like counselor@school.org)")
        return value

    @validator("url")
    def _url(cls, value):
        if value is None:
            return value
        problem = _web_address_problem(value)
        if problem:
            raise ValueError(f"{value!r} {problem}")
        return value


class School(_Strict):
    id: str
    name: Name
    greeting: Optional[Greeting] = None
    accent: Optional[str] = None
    #: The chat's language until a student picks another: "en" or "es" (docs/spanish.md). The
    #: greeting is written in it.
    language: Optional[str] = None
    counselor: Counselor = Counselor()
    origins: List[str] = []
    #: SHA-256 (hex) of the token that opens this school's insights page (bot/insights/auth.py).
    insights_token_sha256: Optional[str] = None
    #: The school's own programs (bot/school_programs.py): answered when a student asks what the
    #: school offers, and after a role answer ("At <school>: ...").
    programs: List[Program] = []
    #: Where the school is, for "near me": a state ("Ohio") or a metro area as BLS names it
    #: ("Dayton-Kettering-Beavercreek, OH"); checked against data/local/ (bot/school_places.py).
    area: Optional[str] = None

    _plain = validator("name", "greeting", allow_reuse=True)(_no_control)

    @validator("id", pre=True)
    def _id(cls, value):
        if not isinstance(value, str) or not SCHOOL_ID.fullmatch(value):
            raise ValueError(
                f"{value!r} is not a school id: use lowercase letters a-z, digits, '-' and '_', "
                "starting with a letter or digit, at most 64 characters (e.g. lincoln-high)"
            )
        return value

    @validator("accent", pre=True)
    def _accent(cls, value):
        if value is None:  # written but empty: usually `accent: #7a1f1f` without quotes
            raise ValueError(
                'is empty: write the colour in quotes, e.g. accent: "#7a1f1f" (in YAML an unquoted # starts a comment)'
            )
        if not isinstance(value, str) or not _COLOUR.fullmatch(value.strip()):
            raise ValueError(f'{value!r} is not a colour: use #RRGGBB, e.g. "#7a1f1f"')
        return value.strip().lower()

    @validator("language", pre=True)
    def _language(cls, value):
        code = normalise_language(value)
        if code is None:
            raise ValueError(f"{value!r} is not a language of the assistant: use one of {', '.join(LANGUAGES)}")
        return code

    @validator("insights_token_sha256", pre=True)
    def _token_hash(cls, value):
        if value is None or (isinstance(value, str) and _SHA256.fullmatch(value.strip())):
            return value.strip().lower() if value else None
        raise ValueError(
            "is not a SHA-256 hash: 64 hex digits, as printed by `python -m bot.tools.insights "
            "--new-token` (write the hash here, never the token itself)"
        )

    @validator("programs", pre=True)
    def _programs_list(cls, value):
        if value is None:
            return []
        if not isinstance(value, list):
            raise ValueError("must be a list of programs, each starting with `- kind:`")
        return value

    @validator("origins", pre=True)
    def _origins_list(cls, value):
        if value is None:
            return []
        if isinstance(value, str):
            raise ValueError('must be a list of origins, e.g. ["https://lincoln.example.org"]')
        return value

    @validator("origins", each_item=True)
    def _origin(cls, value):
        return normalise_origin(value)


class _RegistryFile(_Strict):
    schools: List[School] = []


class Registry:
    """The validated registry: schools in file order, looked up by id."""

    def __init__(self, schools: Sequence[School]):
        self.schools: List[School] = list(schools)
        self._by_id: Dict[str, School] = {s.id: s for s in self.schools}

    def get(self, school_id: str) -> Optional[School]:
        return self._by_id.get(school_id)

    @property
    def ids(self) -> List[str]:
        return list(self._by_id)

    def origins(self) -> List[str]:
        """Every school's sites, each once, in file order."""
        return list(dict.fromkeys(o for s in self.schools for o in s.origins))


def normalise_origin(value: Any) -> str:
    """'https://Lincoln.example.org/' -> 'https://lincoln.example.org'; ValueError for anything else."""
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not an origin: write it as https://host or https://host:port")
    text = value.strip()
    example = "write just the site, like https://lincoln.example.org or http://host:8080"
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise ValueError(f"{text!r} is not an origin: the port must be a number from 1 to 65535; {example}") from None
    scheme, host = parts.scheme.lower(), (parts.hostname or "")
    if scheme not in ("https", "http"):
        raise ValueError(f"{text!r} is not an origin: it must start with https:// or http://; {example}")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise ValueError(f"{text!r} is not an origin: no user name or '@'; {example}")
    if parts.path not in ("", "/") or parts.query or parts.fragment or text.endswith(("?", "#")):
        raise ValueError(f"{text!r} is not an origin: no path, query or #fragment; {example}")
    if not _HOST.fullmatch(host):
        raise ValueError(f"{text!r} is not an origin: {host!r} is not a host name; {example}")
    return f"{scheme}://{host}" + (f":{port}" if port is not None else "")


def _web_address_problem(value: str) -> str:
    """Why a counselor page address is unusable, or '' if it is a plain http(s) address."""
    try:
        parts = urlsplit(value)
        _ = parts.port  # raises ValueError for a bad port
    except ValueError:
        return "is not a web address"
    if parts.scheme.lower() not in ("https", "http"):
        return "is not a web address: it must start with https:// or http://"
    if not parts.hostname or not _HOST.fullmatch(parts.hostname):
        return "is not a web address: it has no valid site name after https://"
    if parts.username is not None or "@" in parts.netloc:
        return "is not allowed: no user name or '@' before the site name"
    if any(c.isspace() for c in value) or _CONTROL.search(value):
        return "is not a web address: it contains spaces"
    return ""


# --- loading ---------------------------------------------------------------------------------------------


def registry_path() -> Path:
    return settings.SCHOOLS_FILE.get() or DEFAULT_PATH


def load(path: Union[str, Path, None] = None, role_ids: Optional[Collection[str]] = None) -> Registry:
    """Parse and validate a registry file. Raises SchoolsError naming every problem. Programs'
    roles are checked against `role_ids` (default: the knowledge file's)."""
    path = Path(path) if path is not None else registry_path()
    raw = _read_yaml(path)
    problems = duplicates(raw.get("schools") or [])
    known = role_ids if role_ids is not None else known_role_ids()
    if known is not None:  # an unreadable knowledge file is reported by its own check
        for n, item in enumerate(raw.get("schools") or []):
            problems += role_problems(entry_name(item, n), item, known)
    for n, item in enumerate(raw.get("schools") or []):
        problems += area_problems(entry_name(item, n), item, area_codes())
    try:
        parsed = _RegistryFile.parse_obj(raw)
    except ValidationError as error:
        problems = [problem_of(e, raw) for e in error.errors()] + problems
    if problems:
        raise SchoolsError(path, problems)
    return Registry(parsed.schools)


def shared() -> Registry:
    """The process-wide registry (SCHOOLS_FILE or data/schools.yml), loaded and validated once.
    Rasa and the action server load it at start-up, so a broken file stops them there."""
    return _load_once(registry_path())


@lru_cache(maxsize=4)
def _load_once(path: Path) -> Registry:
    return load(path)


def lookup(school_id: Any) -> Optional[School]:
    """The registered school with this id; None for unknown ids and for anything that is not an id."""
    if not isinstance(school_id, str) or not SCHOOL_ID.fullmatch(school_id):
        return None
    return shared().get(school_id)


def display(school_id: Any) -> Dict[str, str]:
    """What the chat page shows for a school: neutral settings when the id is unknown or missing."""
    school = lookup(school_id)
    if school is None:
        return {
            "school": "",
            "name": "",
            "greeting": DEFAULT_GREETING,
            "accent": DEFAULT_ACCENT,
            "language": DEFAULT_LANGUAGE,
        }
    return {
        "school": school.id,
        "name": school.name,
        "greeting": school.greeting or DEFAULT_GREETING,
        "accent": school.accent or DEFAULT_ACCENT,
        "language": school.language or DEFAULT_LANGUAGE,
    }


def _read_yaml(path: Path) -> Any:
    raw = read_yaml_mapping(
        path,
        SchoolsError,
        missing="the file does not exist (set SCHOOLS_FILE, or create data/schools.yml)",
        not_mapping="the top level must be a mapping with a `schools:` list",
    )
    if not isinstance(raw.get("schools", []), list):
        raise SchoolsError(path, [Problem("schools", "", "must be a list of schools, each starting with `- id:`")])
    return raw
