"""The conversation's first language (bot/session_language.py, actions/session.py): the widget's
`lang`, else the school's registry language, set in the `language` slot when the session starts,
so the domain's Spanish responses ("hola" -> the Spanish greeting) are chosen from the first
message. End to end: tests/e2e/test_spanish_answers.py (rows with `lang`) and
tests/e2e/test_widget_language.py."""

from __future__ import annotations

import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import actions  # noqa: F401  (registers the actions)
from actions.session import ActionSessionStart
from bot import ROOT
from bot.session_language import starting_language

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text())


def spanish_school(tmp_path, monkeypatch):
    path = tmp_path / "schools.yml"
    path.write_text(
        yaml.safe_dump({"schools": [{"id": "escuela-sur", "name": "Escuela Sur", "language": "es"}]}), encoding="utf-8"
    )
    monkeypatch.setenv("SCHOOLS_FILE", str(path))


def test_the_widgets_language_starts_the_conversation():
    assert starting_language({"lang": "es"}) == "es"
    assert starting_language({"lang": " ES "}) == "es"
    assert starting_language({"lang": "en", "school": "demo"}) == "en"


def test_nothing_or_nonsense_says_nothing():
    for metadata in (None, {}, {"lang": "fr"}, {"lang": 3}, "es", {"school": "no-such-school"}):
        assert starting_language(metadata) is None, metadata


def test_the_schools_registry_language_when_the_client_sends_only_the_school(tmp_path, monkeypatch):
    spanish_school(tmp_path, monkeypatch)
    assert starting_language({"school": "escuela-sur"}) == "es"
    assert starting_language({"school": "escuela-sur", "lang": "en"}) == "en"  # the student's choice wins


def session_start(metadata) -> list:
    slots = {"session_started_metadata": metadata, "language": None}
    tracker = Tracker("test-user", slots, {}, [], False, None, {}, "action_listen")
    return ActionSessionStart().run(CollectingDispatcher(), tracker, DOMAIN)


def test_session_start_sets_the_language_slot_between_rasas_own_events():
    events = session_start({"lang": "es", "school": "demo"})
    assert [e["event"] for e in events] == ["session_started", "slot", "action"]
    assert (events[1]["name"], events[1]["value"]) == ("language", "es")
    assert events[2]["name"] == "action_listen"


def test_session_start_without_a_language_leaves_the_slot_alone():
    assert [e["event"] for e in session_start(None)] == ["session_started", "action"]


def test_the_domain_runs_ours():
    assert "action_session_start" in DOMAIN["actions"]
    assert DOMAIN["session_config"]["carry_over_slots_to_new_session"] is False  # nothing to carry over here
