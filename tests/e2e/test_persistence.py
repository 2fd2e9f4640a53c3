"""Conversations survive a restart (SQLite) and are stored without contact details."""

from __future__ import annotations

import sqlite3
import uuid

from tests.conftest import role


def test_context_survives_a_restart(bot, kb):
    me = uuid.uuid4().hex
    bot.text("how much do quality inspectors make", me)
    bot.restart_rasa()
    assert role(kb, "quality_inspector").education.typical_entry in bot.text("what education do they need", me)


def test_stored_conversation_has_no_email_or_phone(bot):
    me = uuid.uuid4().hex
    bot.text("my email is student@example.com and my cell is 555-867-5309, how much do welders make?", me)
    stored = "\n".join(
        row[0] for row in sqlite3.connect(bot.db).execute("select data from events where sender_id = ?", (me,))
    )
    assert "welders" in stored
    assert "student@example.com" not in stored and "867-5309" not in stored
