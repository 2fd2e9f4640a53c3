"""Read and validate the knowledge file; refuse a broken one with every problem listed."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Sequence, Union

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
    raw = read_yaml_mapping(path, KnowledgeError)
    try:
        kb = KnowledgeBase.parse_obj(raw)
    except ValidationError as error:
        raise KnowledgeError(path, [_problem(e, raw) for e in error.errors()]) from None
    problems = find_problems(kb)
    if problems:
        raise KnowledgeError(path, problems)
    return kb


def read_yaml_mapping(
    path: Path,
    error: Callable[[Path, List[Problem]], Exception],
    missing: str = "the file does not exist",
    not_mapping: str = "the top level must be a mapping of sections",
) -> Dict[str, Any]:
    """A YAML file's top-level mapping; `error` (e.g. KnowledgeError) names the file's problem."""

    def fail(message: str) -> Exception:
        return error(path, [Problem("(file)", "", message)])

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise fail(missing) from None
    except (OSError, UnicodeDecodeError) as err:
        raise fail(f"cannot be read: {err}") from None
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        reason = getattr(err, "problem", None) or str(err)
        raise fail(f"YAML syntax error{where}: {reason}") from None
    if not isinstance(raw, dict):
        raise fail(not_mapping)
    return raw


def _problem(error: Mapping[str, Any], raw: Any) -> Problem:
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


def _message(error: Mapping[str, Any]) -> str:
    if error["type"] == "value_error.missing":
        return "this required field is missing"
    if error["type"] == "value_error.extra":
        return "unknown field (check the spelling)"
    return error["msg"]
