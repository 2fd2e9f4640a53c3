"""Where a school is, for "near me" (#22): a school entry's `area` names a state or a metro area as
BLS names it in the local pay extract (data/local/oews_areas.csv), checked when the registry is
validated; a student on that school's chat who asks about pay "around here" gets that area's
figures (bot/answers/local.py)."""

from __future__ import annotations

import difflib
from functools import lru_cache
from typing import Any, Dict, List, Optional

from bot.knowledge import local_pay
from bot.knowledge.problems import Problem


@lru_cache(maxsize=1)
def area_codes() -> Dict[str, str]:
    """Area name (lower case) -> BLS area code, for the states, DC, Puerto Rico and metro areas."""
    return {a.name.lower(): code for code, a in local_pay.load().areas.items() if a.kind in ("S", "M")}


def area_code(name: Optional[str]) -> Optional[str]:
    return area_codes().get(name.strip().lower()) if isinstance(name, str) else None


def area_problems(entry: str, raw_school: Any, codes: Dict[str, str]) -> List[Problem]:
    """An `area` that is no BLS state or metro area name, with the closest names as a hint."""
    area = raw_school.get("area") if isinstance(raw_school, dict) else None
    if area is None or (isinstance(area, str) and area.strip().lower() in codes):
        return []
    close = difflib.get_close_matches(str(area).lower(), sorted(codes), n=2)
    hint = f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""
    return [Problem(entry, "area", f"{area!r} is not a state or metro area in data/local/oews_areas.csv{hint}")]
