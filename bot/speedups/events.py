"""Rasa finds an event's class from its type name (for every event it loads) by listing all
subclasses of Event and checking each with `inspect.isabstract`. We remember the answer per type
name; unknown names still go through Rasa's own lookup (and its error).

Replaces rasa.shared.core.events.Event.resolve_by_type (applied, guarded, by bot.speedups)."""

from __future__ import annotations

from typing import Any, Dict, Optional

from rasa.shared.core.events import Event

# Rasa's own. None if this Rasa lacks it, and then the guard never applies the patch (hence Any).
_rasa_resolve_by_type: Any = getattr(Event, "resolve_by_type", None)
PATCHED = ("rasa.shared.core.events.Event.resolve_by_type",)
_event_classes: Dict[str, type] = {}


def resolve_by_type(type_name: str, default: Optional[type] = None) -> Optional[type]:
    cls = _event_classes.get(type_name)
    if cls is None:
        cls = _rasa_resolve_by_type(type_name, default)
        if cls is not None and cls is not default:
            _event_classes[type_name] = cls
    return cls
