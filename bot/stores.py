"""Tracker store that keeps stored conversations free of emails and phone numbers."""
from __future__ import annotations

from typing import Any, Dict, Iterator

from rasa.core.tracker_store import SQLTrackerStore

from bot.privacy import redact_event


class _RedactedEvent:
    """What SQLTrackerStore.save reads of an event, with user-typed text redacted."""

    def __init__(self, event: Any):
        self.type_name = event.type_name
        self._data = redact_event(event.as_dict())

    def as_dict(self) -> Dict[str, Any]:
        return self._data


class RedactingSQLTrackerStore(SQLTrackerStore):
    def _additional_events(self, session, tracker) -> Iterator:
        for event in super()._additional_events(session, tracker):
            yield _RedactedEvent(event)
