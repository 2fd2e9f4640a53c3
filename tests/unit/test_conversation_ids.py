"""Web chat conversation ids the server makes and signs (bot/channels/conversation_ids.py)."""

from __future__ import annotations

import pytest

from bot import settings
from bot.channels import conversation_ids
from bot.channels.bodies import RestBody, problem
from bot.channels.limits import valid_session_id
from bot.tools.servers import local_secret

SECRET = "unit-test-secret-unit-test-secret-0123456789"


@pytest.fixture(autouse=True)
def secret(monkeypatch):
    monkeypatch.setenv("CONVERSATION_SECRET", SECRET)
    conversation_ids.reset()
    yield
    conversation_ids.reset()


def test_an_issued_pass_stands_for_its_conversation():
    issued = conversation_ids.issue()
    conversation = conversation_ids.verify(issued)
    assert conversation is not None and issued.startswith(conversation + ".")
    assert conversation_ids.WEB_SHAPED.fullmatch(issued) and conversation_ids.WEB_SHAPED.fullmatch(conversation)
    assert valid_session_id(issued)  # fits what socket.io messages may carry
    assert conversation_ids.issue() != issued


def test_only_the_servers_signature_opens_a_conversation(monkeypatch):
    issued = conversation_ids.issue()
    conversation, signature = issued.split(".")
    flipped = signature[:-1] + ("0" if signature[-1] != "0" else "1")
    other = conversation_ids.issue().split(".")[1]
    wrong = (conversation, f"{conversation}.{flipped}", f"{conversation}.{other}", issued.upper(), None, 7, "")
    for presented in wrong:
        assert conversation_ids.verify(presented) is None, presented
    monkeypatch.setenv("CONVERSATION_SECRET", SECRET[::-1])  # another server (or a changed secret)
    conversation_ids.reset()
    assert conversation_ids.verify(issued) is None


def test_rest_cannot_name_a_web_chat_conversation():
    issued = conversation_ids.issue()
    for sender in (issued, issued.split(".")[0]):
        assert "web chat" in (problem(RestBody, {"sender": sender, "message": "hi"}) or "")
    assert problem(RestBody, {"sender": "web-form-1", "message": "hi"}) is None


def test_the_secret_setting():
    assert settings.conversation_secret({}) is None
    assert settings.conversation_secret({"CONVERSATION_SECRET": f" {SECRET} "}) == SECRET
    with pytest.raises(SystemExit, match="at least 32"):
        settings.conversation_secret({"CONVERSATION_SECRET": "CHANGE-ME"})


def test_without_a_secret_a_process_signs_with_its_own(monkeypatch, caplog):
    monkeypatch.delenv("CONVERSATION_SECRET")
    conversation_ids.reset()
    issued = conversation_ids.issue()
    assert conversation_ids.verify(issued) and "CONVERSATION_SECRET is not set" in caplog.text


def test_make_run_keeps_one_secret_private(tmp_path):
    path = tmp_path / "var" / "conversation-secret"
    first = local_secret(path)
    assert len(first) >= settings.MIN_SECRET_CHARS and local_secret(path) == first
    assert path.stat().st_mode & 0o777 == 0o600 and path.parent.stat().st_mode & 0o777 == 0o700
