"""The working tracker Rasa is handed: the current slot values and active form, followed by the
newest TURNS_KEPT whole turns (found among the newest WINDOW events), so a long chat costs the
same per turn as a short one. The database still keeps every event (bot/stores/engine.py)."""

from __future__ import annotations

import itertools
from typing import Any, Callable, Dict, List, Optional, Sequence

from rasa.shared.core.events import ActiveLoop, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

#: Whole turns before the current one in the working tracker. Rules look one turn back and the
#: two-stage fallback one user message back; one more turn is margin.
TURNS_KEPT = 2
#: At most this many of the newest events are read to find them (about five ordinary turns).
WINDOW = 40
_PERSISTED = "_persisted_events"  # attribute on a tracker: how many of its events are stored

Decode = Callable[[Any], Dict[str, Any]]


def compacted(
    sender_id: str,
    slots: Dict[str, Any],
    active_loop: Optional[str],
    events: Sequence[Any],
    decode: Decode,
    domain_slots: Any,
) -> DialogueStateTracker:
    """The working tracker: slot values and active form, then the newest whole turns of `events`."""
    kept = last_turns(events, decode)
    when = kept[0].get("timestamp") if kept else None
    prefix = [SlotSet(name, value, timestamp=when).as_dict() for name, value in slots.items() if value is not None]
    if active_loop:  # a form still running whose start is older than the window
        prefix.append(ActiveLoop(active_loop, timestamp=when).as_dict())
    tracker = DialogueStateTracker.from_dict(sender_id, prefix + kept, domain_slots)
    mark_stored(tracker)
    return tracker


def last_turns(events: Sequence[Any], decode: Decode) -> List[Dict[str, Any]]:
    """The newest TURNS_KEPT whole turns of `events` (oldest first), decoding only those.

    A turn starts where Rasa listens, so the tracker's first state is a whole turn. With fewer
    whole turns in the window (a chat's start, very long turns), everything from the first
    listen on is kept."""
    kept: List[Dict[str, Any]] = []
    listens = 0
    for item in reversed(events):
        e = decode(item)
        kept.append(e)
        if _is_listen(e):
            listens += 1
            if listens > TURNS_KEPT:  # the listen that starts the oldest kept turn
                break
    kept.reverse()
    start = next((i for i, e in enumerate(kept) if _is_listen(e)), 0)
    return kept[start:]


def stored_count(tracker: DialogueStateTracker) -> Optional[int]:
    """How many of the tracker's events are stored; None for a tracker the store did not hand out."""
    return getattr(tracker, _PERSISTED, None)


def mark_stored(tracker: DialogueStateTracker) -> None:
    setattr(tracker, _PERSISTED, len(tracker.events))


def new_action_names(tracker: DialogueStateTracker) -> List[Optional[str]]:
    """Names of the actions run in this turn (events not yet stored; None for events that are not actions)."""
    stored = stored_count(tracker) or 0
    return [getattr(e, "action_name", None) for e in itertools.islice(tracker.events, stored, None)]


def _is_listen(event: Dict[str, Any]) -> bool:
    return event.get("event") == "action" and event.get("name") == "action_listen"
