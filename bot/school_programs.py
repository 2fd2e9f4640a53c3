"""A school's own programs in the registry (data/schools.yml, `programs:` of a school): CTE courses,
dual enrollment, community-college programs, registered apprenticeships and events, each with the
roles of the knowledge file it leads to.

    Program              one validated entry (kind, name, description, roles, link)
    Program.key          its stable id for counting (insights): the name as a slug
    role_problems(...)   roles a school's programs name that the knowledge file does not have
    known_role_ids()     the role ids of the knowledge file the servers load
    label(raw, index)    how a problem names a program: programs[Welding I] (its name), else its number

Written by counselors, checked like the rest of the registry: `make validate` names the school,
the program and the field. No import of bot.schools (it imports this).
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Collection, Dict, FrozenSet, List, Optional, Sequence
from urllib.parse import urlsplit

from pydantic import BaseModel, Extra, constr, validator

from bot import ROOT, settings
from bot.knowledge.problems import Problem

#: Kind -> how an answer names it ("Welding I (CTE course)").
KINDS: Dict[str, str] = {
    "cte_course": "CTE course",
    "dual_enrollment": "dual enrollment",
    "community_college": "community college program",
    "apprenticeship": "registered apprenticeship",
    "event": "event",
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$")
_SLUG = re.compile(r"[^a-z0-9]+")
KNOWLEDGE_DEFAULT = ROOT / "data" / "knowledge" / "manufacturing.yml"

if TYPE_CHECKING:
    Name = str
    Description = str
else:
    Name = constr(min_length=1, max_length=80, strip_whitespace=True)
    Description = constr(min_length=1, max_length=200, strip_whitespace=True)


def slug(name: str) -> str:
    """'Welding I & II' -> 'welding-i-ii': what insights count a program by (never the student's words)."""
    return _SLUG.sub("-", name.lower()).strip("-")[:64] or "program"


class Program(BaseModel):
    class Config:
        extra = Extra.forbid  # a misspelled field name is an error, not silently ignored
        anystr_strip_whitespace = True
        allow_mutation = False

    kind: str
    name: Name
    description: Description
    #: Role ids of the knowledge file it leads to; none for one open to every job (a career fair).
    roles: List[str] = []
    link: Optional[str] = None

    @validator("kind", pre=True)
    def _kind(cls, value):
        if value not in KINDS:
            raise ValueError(f"{value!r} is not a kind of program: use one of {', '.join(KINDS)}")
        return value

    @validator("name", "description")
    def _one_line(cls, value):
        if _CONTROL.search(value):
            raise ValueError("must be one line of plain text (no line breaks or control characters)")
        return value

    @validator("roles", pre=True)
    def _roles(cls, value):
        if value is None:
            return []
        if isinstance(value, str):
            raise ValueError("must be a list of role ids, e.g. [welder, machinist]")
        return value

    @validator("link")
    def _link(cls, value):
        if value is None:
            return value
        try:
            parts = urlsplit(value)
            _ = parts.port  # raises ValueError for a bad port
        except ValueError:
            raise ValueError(f"{value!r} is not a web address") from None
        if parts.scheme != "https":
            raise ValueError(f"{value!r} must start with https:// (students follow it from the chat)")
        if not parts.hostname or not _HOST.fullmatch(parts.hostname):
            raise ValueError(f"{value!r} has no valid site name after https://")
        if parts.username is not None or "@" in parts.netloc or any(c.isspace() for c in value):
            raise ValueError(f"{value!r} is not a plain web address (no spaces, no user name or '@')")
        return value

    @property
    def key(self) -> str:
        return slug(self.name)

    @property
    def kind_name(self) -> str:
        return KINDS[self.kind]


def label(raw_school: Any, index: int) -> str:
    """programs[Welding I] for the index-th program of a school as written, else programs[#2]."""
    programs = raw_school.get("programs") if isinstance(raw_school, dict) else None
    item = programs[index] if isinstance(programs, list) and index < len(programs) else None
    name = item.get("name") if isinstance(item, dict) else None
    return f"programs[{name.strip() if isinstance(name, str) and name.strip() else f'#{index + 1}'}]"


def role_problems(entry: str, raw_school: Any, role_ids: Collection[str]) -> List[Problem]:
    """Roles the knowledge file does not have, and two programs of one school with one name; read
    from the file as written, so they are reported with every other problem."""
    programs = raw_school.get("programs") if isinstance(raw_school, dict) else None
    problems: List[Problem] = []
    seen: Dict[str, str] = {}
    for index, item in enumerate(programs if isinstance(programs, list) else []):
        if not isinstance(item, dict):
            continue
        where = label(raw_school, index)
        name = item.get("name")
        if isinstance(name, str) and name.strip():
            key = slug(name)
            if key in seen:
                problems.append(
                    Problem(entry, f"{where}.name", f"the same name as program {seen[key]!r}: give each its own")
                )
            seen.setdefault(key, name.strip())
        roles = item.get("roles")
        for n, role in enumerate(roles if isinstance(roles, list) else [], start=1):
            if role not in role_ids:
                close = difflib.get_close_matches(str(role), sorted(role_ids), n=1)
                hint = f" (did you mean {close[0]}?)" if close else " (use a role id from the knowledge file)"
                problems.append(Problem(entry, f"{where}.roles[{n}]", f"{role!r} is not a role{hint}"))
    return problems


def known_role_ids(path: Optional[Any] = None) -> Optional[FrozenSet[str]]:
    """The role ids of the knowledge file (KNOWLEDGE_FILE, else the shipped one); None when it
    cannot be read (its own check reports that, and the servers do not start without it)."""
    from bot.knowledge.loader import read_yaml_mapping
    from bot.knowledge.problems import KnowledgeError

    try:
        raw = read_yaml_mapping(Path(path or settings.KNOWLEDGE_FILE.get() or KNOWLEDGE_DEFAULT), KnowledgeError)
    except KnowledgeError:
        return None
    roles = raw.get("roles")
    if not isinstance(roles, list):
        return None
    return frozenset(r["id"] for r in roles if isinstance(r, dict) and isinstance(r.get("id"), str))


def for_role(programs: Sequence[Program], role_id: str) -> List[Program]:
    """The programs that lead to this role, in the school's order."""
    return [p for p in programs if role_id in p.roles]
