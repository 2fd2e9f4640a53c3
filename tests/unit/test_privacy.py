"""Stored conversations are free of emails and phone numbers; figures and ids are untouched."""
from __future__ import annotations

import asyncio
import json
import sqlite3

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy import EMAIL_MARK, PHONE_MARK, redact, redact_event
from bot.stores import RedactingSQLTrackerStore


@pytest.mark.parametrize("text, expected", [
    ("my email is jo.smith+cc@school.k12.us", f"my email is {EMAIL_MARK}"),
    ("call me at (555) 123-4567", f"call me at {PHONE_MARK}"),
    ("text 555.123.4567 pls", f"text {PHONE_MARK} pls"),
    ("+1 555 123 4567", PHONE_MARK),
    ("+44 20 7946 0958", PHONE_MARK),
])
def test_redact(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "Median pay: $101,140 a year (BLS, May 2024)", "+11% for 2024–34", "12.9 million workers",
    "how much do welders make", "3.8 million needed between 2024 and 2033",
])
def test_figures_are_not_redacted(text):
    assert redact(text) == text


def test_ids_are_not_redacted():
    event = {"event": "user", "text": "mail me a@b.org", "message_id": "1234567890123456",
             "parse_data": {"text": "mail me a@b.org", "intent": {"name": "ask_pay"}}}
    out = redact_event(event)
    assert out["message_id"] == "1234567890123456"
    assert out["text"] == out["parse_data"]["text"] == f"mail me {EMAIL_MARK}"


def test_store_writes_no_contact_details(tmp_path):
    db = tmp_path / "conversations.db"
    store = RedactingSQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(db))
    tracker = DialogueStateTracker.from_events("student", [
        ActionExecuted("action_listen"),
        UserUttered("my email is kid@example.com and my phone is 555-123-4567",
                    {"name": "ask_pay", "confidence": 0.9}, metadata={"note": "kid@example.com"}),
        BotUttered("Welder: Median pay: $51,000 a year (BLS, May 2024)"),
    ])
    asyncio.run(store.save(tracker))
    rows = [r[0] for r in sqlite3.connect(db).execute("select data from events")]
    stored = "\n".join(rows)
    assert "kid@example.com" not in stored and "555-123-4567" not in stored
    assert EMAIL_MARK in stored and "$51,000" in stored
    restored = asyncio.run(store.retrieve("student"))
    assert restored.latest_message.text == f"my email is {EMAIL_MARK} and my phone is {PHONE_MARK}"
    assert json.loads(rows[-1])["text"].startswith("Welder")
