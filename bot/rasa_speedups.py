"""Fixes to two slow paths inside Rasa 3.6, applied when Rasa loads our channels.

Rasa checks every action-server response with `jsonschema.validate()`, which first checks the
*schema itself* against the JSON Schema metaschema, on every call, for the same fixed schema:
about 25 ms of a 30 ms turn on our machines, while the action server answers in about 1 ms.
We validate against a validator built once. What passes, what fails and the error raised are
unchanged.

Rasa also finds an event's class from its type name (for every event it loads) by listing all
subclasses of Event and checking each with `inspect.isabstract`. We remember the answer per
type name; unknown names still go through Rasa's own lookup (and its error).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, Optional

from jsonschema import validators
from jsonschema.exceptions import best_match
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import Event

_rasa_resolve_by_type = Event.resolve_by_type
_event_classes: Dict[str, type] = {}


def _resolve_by_type(type_name: str, default: Optional[type] = None) -> Optional[type]:
    cls = _event_classes.get(type_name)
    if cls is None:
        cls = _rasa_resolve_by_type(type_name, default)
        if cls is not None and cls is not default:
            _event_classes[type_name] = cls
    return cls


@lru_cache(maxsize=1)
def _response_validator():
    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)  # once, not per response
    return cls(schema)


def _validate_action_result(self: RemoteAction, result: Dict[str, Any]) -> bool:
    error = best_match(_response_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (  # Rasa's own wording
        f". Failed to validate Action server response from API, "
        f"make sure your response from the Action endpoint is valid. "
        f"For more information about the format visit "
        f"{DOCS_BASE_URL}/custom-actions"
    )
    raise error


def apply() -> None:
    RemoteAction._validate_action_result = _validate_action_result
    Event.resolve_by_type = staticmethod(_resolve_by_type)
