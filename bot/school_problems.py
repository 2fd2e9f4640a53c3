"""Problems of the school registry (data/schools.yml) as `make validate` reports them: the school
and field of each pydantic error in the file's own words, and two schools with one id."""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Sequence, Union

from bot.knowledge.problems import Problem
from bot.school_programs import label as program_label


def problem_of(error: Mapping[str, Any], raw: Any) -> Problem:
    """pydantic's ('schools', 2, 'counselor', 'email') -> entry schools[lincoln-high], field counselor.email."""
    loc = list(error["loc"])
    if len(loc) >= 2 and loc[0] == "schools" and isinstance(loc[1], int):
        items = raw.get("schools") or []
        item = items[loc[1]] if loc[1] < len(items) else None
        entry = entry_name(item, loc[1])
        field = _field(loc[2:])
        if len(loc) >= 4 and loc[2] == "programs" and isinstance(loc[3], int):  # programs[Welding I].link
            rest = _field(loc[4:])
            field = program_label(item, loc[3]) + (f".{rest}" if rest and not rest.startswith("[") else rest)
        if item is not None and not isinstance(item, dict):
            return Problem(entry, "", "each school must be a mapping of fields (id:, name:, ...)")
    else:
        entry, field = (str(loc[0]) if loc else "(top level)"), _field(loc[1:])
    return Problem(entry, field, _message(error))


def entry_name(item: Any, index: int) -> str:
    """schools[lincoln-high], or schools[#3] for a school without a usable id."""
    label = item.get("id") if isinstance(item, dict) else None
    return f"schools[{label.strip() if isinstance(label, str) and label.strip() else f'#{index + 1}'}]"


def _field(loc: Sequence[Union[str, int]]) -> str:
    out = ""
    for key in loc:
        out += f"[{key + 1}]" if isinstance(key, int) else (("." if out else "") + str(key))
    return out


def _message(error: Mapping[str, Any]) -> str:
    if error["type"] == "value_error.missing":
        return "this required field is missing"
    if error["type"] == "value_error.extra":
        return "unknown field (check the spelling)"
    if error["type"] in ("type_error.none.not_allowed", "value_error.any_str.min_length"):
        return "is empty: write a value here"
    if error["type"] == "value_error.any_str.max_length":
        return f"is too long: at most {error['ctx']['limit_value']} characters"
    msg = error["msg"]
    return msg[0].lower() + msg[1:] if msg[:1].isupper() and not msg.startswith(("'", '"')) else msg


def duplicates(items: Sequence[Any]) -> List[Problem]:
    """Two schools with one id (checked on the file's data, so it is reported with every other problem)."""
    seen: Dict[str, int] = {}
    problems = []
    for n, item in enumerate(items, start=1):
        school_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(school_id, str):
            continue
        school_id = school_id.strip()
        if school_id in seen:
            problems.append(
                Problem(
                    f"schools[{school_id}]",
                    "id",
                    f"duplicate id: school #{n} in the list "
                    f"has the same id as school #{seen[school_id]}; each school needs its own id",
                )
            )
        else:
            seen[school_id] = n
    return problems
