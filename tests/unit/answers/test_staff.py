"""Counselors and teachers asking about the assistant (bot/answers/staff.py): what it covers and
where its facts come from, from the knowledge file; never "ask your counselor"."""

from __future__ import annotations

from bot.answers import staff

from .conftest import turn


def test_the_answer_for_staff_counts_and_names_from_the_knowledge_file(knowledge, monkeypatch):
    monkeypatch.setenv("CONVERSATION_RETENTION_DAYS", "14")
    answer = staff.answer(turn(knowledge, "ask_for_staff", "i'm a counselor, what does this cover?"))
    kb = knowledge.kb
    assert answer.text.startswith("For counselors and teachers:")
    assert f"{len(kb.roles)} manufacturing jobs, {len(kb.sectors)} industries" in answer.text
    assert "BLS" in answer.text and "O*NET" in answer.text
    assert "deleted after 14 days" in answer.text and "never a conversation or who asked" in answer.text
    assert "your counselor" not in answer.text.lower() and "school counselor" not in answer.text.lower()
    assert [b.payload for b in answer.buttons][:2] == ["/ask_privacy", "/ask_roles"]
