"""The faster action-response check accepts and rejects exactly what Rasa's own does."""
from __future__ import annotations

import pytest
from jsonschema import ValidationError

from bot import rasa_speedups
from rasa.core.actions.action import RemoteAction

GOOD = {"events": [{"event": "slot", "name": "role", "value": "welder"}],
        "responses": [{"text": "Welder", "buttons": [{"title": "Pay", "payload": "/ask_pay"}]}]}
BAD = [{"events": "not a list"}, {"events": [{"no_event_key": 1}]}, {"responses": "x"}, {"events": [{"event": 5}]}]


def rasa_original(result):
    from jsonschema import validate

    validate(result, RemoteAction.action_response_format_spec())


def test_same_verdicts_as_rasa():
    action = RemoteAction("action_x", None)
    rasa_original(GOOD)
    assert rasa_speedups._validate_action_result(action, GOOD) is True
    for bad in BAD:
        with pytest.raises(ValidationError):
            rasa_original(bad)
        with pytest.raises(ValidationError, match="Failed to validate Action server response"):
            rasa_speedups._validate_action_result(action, bad)


def test_schema_is_checked_once(monkeypatch):
    calls = []
    cls = type(rasa_speedups._response_validator())
    monkeypatch.setattr(cls, "check_schema", classmethod(lambda c, s: calls.append(1)))
    rasa_speedups._response_validator.cache_clear()
    for _ in range(5):
        rasa_speedups._validate_action_result(RemoteAction("action_x", None), GOOD)
    assert len(calls) == 1
    rasa_speedups._response_validator.cache_clear()


def test_applied_when_channels_load():
    import bot.channels  # noqa: F401

    assert RemoteAction._validate_action_result is rasa_speedups._validate_action_result


def test_event_lookup_gives_rasas_answers():
    from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered

    for name, cls in [("user", UserUttered), ("slot", SlotSet), ("action", ActionExecuted)]:
        assert rasa_speedups._resolve_by_type(name) is cls
        assert rasa_speedups._rasa_resolve_by_type(name) is cls
    assert rasa_speedups._resolve_by_type("topic") is None
    with pytest.raises(ValueError, match="Unknown event name"):
        rasa_speedups._resolve_by_type("no_such_event")
    assert rasa_speedups._resolve_by_type("no_such_event", default=SlotSet) is SlotSet
