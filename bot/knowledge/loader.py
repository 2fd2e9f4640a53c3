"""Read and validate the knowledge file; refuse a broken one with every problem listed."""
from __future__ import annotations

from pathlib import Path
from typing import Any, List, Sequence, Union

import yaml
from pydantic import ValidationError

from bot import ROOT
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.problems import KnowledgeError, Problem
from bot.knowledge.references import find_problems

DEFAULT_PATH = ROOT / "data" / "knowledge" / "manufacturing.yml"


def load(path: Union[str, Path] = DEFAULT_PATH) -> KnowledgeBase:
    """Parse and validate a knowledge file. Raises KnowledgeError naming every problem."""
    path = Path(path)
    raw = _read_yaml(path)
    try:
        kb = KnowledgeBase.parse_obj(raw)
    except ValidationError as error:
        raise KnowledgeError(path, [_problem(e, raw) for e in error.errors()]) from None
    problems = find_problems(kb)
    if problems:
        raise KnowledgeError(path, problems)
    return kb


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeError(path, [Problem("(file)", "", "the file does not exist")]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise KnowledgeError(path, [Problem("(file)", "", f"cannot be read: {error}")]) from None
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        reason = getattr(error, "problem", None) or str(error)
        raise KnowledgeError(path, [Problem("(file)", "", f"YAML syntax error{where}: {reason}")]) from None
    if not isinstance(raw, dict):
        raise KnowledgeError(path, [Problem("(file)", "", "the top level must be a mapping of sections")])
    return raw


def _problem(error: dict, raw: Any) -> Problem:
    """Turn pydantic's location ('roles', 3, 'median_pay', 'year') into entry roles[welder], field median_pay.year.

    The entry is the path down to the last list item that is itself a mapping (named by its id);
    what follows it is the field.
    """
    loc: Sequence[Union[str, int]] = error["loc"]
    parts: List[str] = []
    entry_len = 0
    node = raw
    for key in loc:
        if isinstance(key, int) and parts:
            item = node[key] if isinstance(node, list) and key < len(node) else None
            label = item.get("id") if isinstance(item, dict) else None
            parts[-1] += f"[{label if isinstance(label, str) else '#' + str(key + 1)}]"
            if isinstance(item, dict):
                entry_len = len(parts)
            node = item
        else:
            parts.append(str(key))
            node = node.get(key) if isinstance(node, dict) else None
    if not entry_len:  # no list entry on the way: the first section is the entry
        entry_len = 1 if len(parts) > 1 else 0
    entry = ".".join(parts[:entry_len]) or "(top level)"
    return Problem(entry, ".".join(parts[entry_len:]), _message(error))


def _message(error: dict) -> str:
    if error["type"] == "value_error.missing":
        return "this required field is missing"
    if error["type"] == "value_error.extra":
        return "unknown field (check the spelling)"
    return error["msg"]
