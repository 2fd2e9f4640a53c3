"""Bad input gets a clear answer: never a crash, silence or a stack trace."""

from __future__ import annotations

import requests

from bot import ROOT
from bot.channels.guarantee import EMPTY_MESSAGE, NO_REPLY


def post(bot, **kw):
    return requests.post(f"{bot.base}/webhooks/rest/webhook", timeout=30, **kw)


def test_malformed_requests_get_4xx(bot):
    assert post(bot, data=b"not json", headers={"Content-Type": "application/json"}).status_code == 400
    assert post(bot, json={"message": "hi"}).status_code == 400
    assert post(bot, json={"sender": "u", "message": {"x": 1}}).status_code == 400
    assert post(bot, json={"sender": "u", "message": "x" * 40_000}).status_code == 413


def test_empty_message_gets_a_hint(bot):
    assert bot.text("   ") == EMPTY_MESSAGE


def test_long_message_gets_a_clear_reply(bot):
    story = (
        "I'm in tenth grade and I like building things with my hands, and my uncle works in a plant. "
        "I am not sure what I want to do after high school and my counselor said to look around. "
    )
    reply = bot.text(story * 40 + "how much do welders make?")  # ~8,000 characters, cut to 1,000
    assert reply and "Traceback" not in reply


def test_html_and_script_are_not_echoed(bot):
    reply = bot.text('<img src=x onerror="alert(1)"><script>alert(2)</script> welder pay')
    assert "<script>" not in reply and "onerror" not in reply and reply


def test_no_reply_is_never_silent_when_the_action_server_is_down(bot):
    assert "Median pay" in bot.text("how much do welders make")  # Rasa now holds a kept-alive connection
    bot.stop_actions()
    try:
        assert bot.text("how much do machinists make") == NO_REPLY
    finally:
        bot.start_actions()
    # The restarted server answers at once: no stale connection is reused.
    assert "Median pay" in bot.text("how much do machinists make")
    assert "Median pay" in bot.text("how much do welders make")


def test_broken_knowledge_file_stops_the_action_server_with_a_clear_message(tmp_path, raw_knowledge):
    import subprocess
    import sys

    import yaml

    next(r for r in raw_knowledge["roles"] if r["id"] == "welder")["median_pay"]["year"] = "soon"
    broken = tmp_path / "broken.yml"
    broken.write_text(yaml.safe_dump(raw_knowledge))
    proc = subprocess.run(
        [sys.executable, "-m", "bot.tools.action_server", "--port", "5999"],
        env={**__import__("os").environ, "KNOWLEDGE_FILE": str(broken)},
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert proc.returncode == 1
    assert "broken.yml" in proc.stderr and "entry roles[welder], field median_pay.year" in proc.stderr
    assert "Traceback" not in proc.stderr
