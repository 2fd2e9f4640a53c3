"""`make run` reads .env (bot/tools/serve.py): set values win, shell-style lines are understood."""

from __future__ import annotations

import yaml

from bot.tools.serve import load_env_file


def test_env_file_is_read_without_overriding_the_environment(tmp_path, monkeypatch):
    env = tmp_path / ".env"
    env.write_text(
        "# Slack\n"
        'SLACK_BOT_TOKEN="xoxb-123"\n'
        "export CHAT_ALLOWED_ORIGINS=https://lincoln.example.org  # the school site\n"
        "ACTION_TIMEOUT_S='20'\n"
        "CONVERSATION_RETENTION_DAYS=7\n"
    )
    monkeypatch.setenv("CONVERSATION_RETENTION_DAYS", "30")  # set by the service: wins
    for key in ("SLACK_BOT_TOKEN", "CHAT_ALLOWED_ORIGINS", "ACTION_TIMEOUT_S"):
        monkeypatch.setenv(key, "")  # recorded, so what the file sets is undone after the test
        monkeypatch.delenv(key)
    load_env_file(env)
    import os

    assert os.environ["SLACK_BOT_TOKEN"] == "xoxb-123"
    assert os.environ["CHAT_ALLOWED_ORIGINS"] == "https://lincoln.example.org"
    assert os.environ["ACTION_TIMEOUT_S"] == "20"
    assert os.environ["CONVERSATION_RETENTION_DAYS"] == "30"


def test_a_missing_env_file_is_fine(tmp_path):
    load_env_file(tmp_path / "missing.env")


def test_rasa_is_pointed_at_the_action_server_on_its_port(tmp_path):
    from bot import ROOT
    from bot.tools.serve import endpoints_for

    original = ROOT / "endpoints.yml"
    assert endpoints_for(original, 5055) == original  # the file's own port: the file itself
    moved = endpoints_for(original, 7055)
    config = yaml.safe_load(moved.read_text())
    assert config["action_endpoint"]["url"] == "http://localhost:7055/webhook"
    assert config["tracker_store"] == yaml.safe_load(original.read_text())["tracker_store"]
    moved.unlink()
