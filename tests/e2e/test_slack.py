"""Slack end to end: signed events shaped as Slack documents them, posted to the running bot;
answers are read from a fake Slack Web API on loopback."""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from urllib.parse import urlencode

from bot.render import money
from tests.conftest import role
from tests.e2e.slack_requests import BOT_USER, dm, event, post


def test_url_verification(bot):
    resp = post(
        bot,
        json.dumps({"token": "x", "challenge": "3eZbrw1aBm2rZgRNFdxV", "type": "url_verification"}).encode(),
        "application/json",
    )
    assert resp.status_code == 200 and resp.json() == {"challenge": "3eZbrw1aBm2rZgRNFdxV"}


def test_direct_message_answered_in_thread_with_buttons(bot, kb, slack):
    msg = dm("how much do welders make?")
    resp, _ = event(bot, msg)
    assert resp.status_code == 200
    (answer,) = slack.wait_for(msg["channel"], msg["ts"])
    assert answer["_auth"] == "Bearer xoxb-e2e-token"
    section, actions = answer["blocks"]
    assert section["text"]["type"] == "mrkdwn" and section["text"]["text"].startswith("*Welder*")
    assert f"{money(role(kb, 'welder').median_pay.annual_usd)} a year (BLS, May 2024)" in section["text"]["text"]
    assert [e["text"]["text"] for e in actions["elements"]] == ["Education", "Job outlook", "Skills"]
    assert actions["elements"][0]["value"] == '/ask_education{"role": "welder"}'


def test_app_mention_in_channel(bot, kb, slack):
    ts = f"{time.time():.6f}"
    mention = {
        "type": "app_mention",
        "channel": "C0CLASS1",
        "user": "U200",
        "ts": ts,
        "event_ts": ts,
        "text": f"<@{BOT_USER}> what does a machinist do",
    }
    event(bot, mention)
    (answer,) = slack.wait_for("C0CLASS1", ts)
    assert role(kb, "machinist").summary.split(",")[0] in answer["text"]


def test_button_click_answers_in_the_same_thread_and_keeps_context(bot, kb, slack):
    msg = dm("how much do logisticians make", user="U300")
    event(bot, msg)
    slack.wait_for(msg["channel"], msg["ts"])
    payload = {
        "type": "block_actions",
        "user": {"id": "U300", "username": "teacher"},
        "api_app_id": "A1",
        "container": {"type": "message", "message_ts": "1.1", "channel_id": msg["channel"]},
        "channel": {"id": msg["channel"], "name": "directmessage"},
        "message": {"type": "message", "ts": f"{time.time():.6f}", "thread_ts": msg["ts"], "bot_id": "B1"},
        "actions": [
            {
                "type": "button",
                "action_id": "reply_0",
                "block_id": "b1",
                "value": '/ask_education{"role": "logistician"}',
                "text": {"type": "plain_text", "text": "Education"},
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }
    resp = post(bot, urlencode({"payload": json.dumps(payload)}).encode(), "application/x-www-form-urlencoded")
    assert resp.status_code == 200
    answers = slack.wait_for(msg["channel"], msg["ts"], count=2)
    assert role(kb, "logistician").education.typical_entry in answers[1]["text"]
    # A follow-up in the thread is the same conversation: "they" are logisticians.
    event(
        bot,
        dm("what skills do they need?", user="U300", channel=msg["channel"], ts=f"{time.time():.6f}")
        | {"thread_ts": msg["ts"]},
    )
    answers = slack.wait_for(msg["channel"], msg["ts"], count=3)
    assert role(kb, "logistician").skills[0] in answers[2]["text"]


def test_retry_and_duplicate_produce_no_second_answer(bot, slack):
    msg = dm("what is the manufacturing cluster")
    resp, body = event(bot, msg)
    slack.wait_for(msg["channel"], msg["ts"])
    retry = post(
        bot,
        json.dumps(body).encode(),
        "application/json",
        headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"},
    )
    assert retry.status_code == 200 and retry.headers.get("X-Slack-No-Retry") == "1"
    again = post(bot, json.dumps(body).encode(), "application/json")  # same event_id, no retry header
    assert again.status_code == 200
    time.sleep(2)
    assert len(slack.messages(msg["channel"], msg["ts"])) == 1


def test_bad_signature_stale_timestamp_and_malformed_body_are_refused(bot, slack):
    msg = dm("how much do welders make")
    body = json.dumps({"type": "event_callback", "event_id": "EvBad1", "event": msg}).encode()
    assert post(bot, body, "application/json", secret="wrong-secret").status_code == 401
    assert post(bot, body, "application/json", timestamp=time.time() - 600).status_code == 401
    assert post(bot, b"{not json", "application/json").status_code == 400
    assert post(bot, b"payload=%7Bbroken", "application/x-www-form-urlencoded").status_code == 400
    time.sleep(2)
    assert slack.messages(msg["channel"], msg["ts"]) == []


def test_bot_messages_and_plain_channel_messages_are_ignored(bot, slack):
    own = dm("Welder ...") | {"bot_id": "B1"}
    event(bot, own)
    chatter = {
        "type": "message",
        "channel_type": "channel",
        "channel": "C0GENERAL",
        "user": "U9",
        "text": "lunch?",
        "ts": f"{time.time():.6f}",
    }
    event(bot, chatter)
    time.sleep(2)
    assert slack.messages(own["channel"], own["ts"]) == [] and slack.messages("C0GENERAL", chatter["ts"]) == []


def test_retry_of_an_event_we_never_got_is_answered(bot, slack):
    # Slack retries when our answer to its first delivery was lost: the event is new to us.
    msg = dm("what does a welder do")
    body = {
        "type": "event_callback",
        "event_id": "Ev" + uuid.uuid4().hex[:10],
        "event_time": int(time.time()),
        "authorizations": [{"user_id": BOT_USER}],
        "event": msg,
    }
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert post(bot, json.dumps(body).encode(), "application/json", headers=retry).status_code == 200
    slack.wait_for(msg["channel"], msg["ts"])
    again = post(bot, json.dumps(body).encode(), "application/json", headers={**retry, "X-Slack-Retry-Num": "2"})
    assert again.status_code == 200 and again.headers.get("X-Slack-No-Retry") == "1"
    time.sleep(2)
    assert len(slack.messages(msg["channel"], msg["ts"])) == 1


def test_rate_limited_reply_is_posted_once_after_retry_after(bot, slack):
    msg = dm("how much do machinists make")
    slack.fail(msg["channel"], 429, retry_after=1)
    event(bot, msg)
    (answer,) = slack.wait_for(msg["channel"], msg["ts"])
    (refused,) = slack.refused_for(msg["channel"])
    assert answer["_at"] - refused["_at"] >= 1  # Retry-After was honoured
    time.sleep(2)
    assert len(slack.messages(msg["channel"], msg["ts"])) == 1


def stored(bot, sender: str) -> str:
    with sqlite3.connect(bot.db) as db:
        return "\n".join(row[0] for row in db.execute("select data from events where sender_id = ?", (sender,)))


def test_turn_is_stored_when_slack_refuses_every_post(bot, kb, slack):
    msg = dm("how much do logisticians make", user="U400")
    slack.fail(msg["channel"], 500, times=100)
    event(bot, msg)
    sender = f"U400_{msg['channel']}_{msg['ts']}"
    gave_up = f"Slack reply not delivered after retries (channel {msg['channel']}"
    deadline = time.monotonic() + 30
    while gave_up not in (bot.logs / "rasa.log").read_text() and time.monotonic() < deadline:
        time.sleep(0.25)
    assert len(slack.refused_for(msg["channel"])) == 3 and slack.messages(msg["channel"], msg["ts"]) == []
    assert "logisticians" in stored(bot, sender)
    (line,) = [line for line in (bot.logs / "rasa.log").read_text().splitlines() if gave_up in line]
    assert "HTTP 500 internal_error" in line and "logisticians" not in line
    slack.recover(msg["channel"])
    event(
        bot,
        dm("what skills do they need?", user="U400", channel=msg["channel"], ts=f"{time.time():.6f}")
        | {"thread_ts": msg["ts"]},
    )
    (answer,) = slack.wait_for(msg["channel"], msg["ts"])
    assert role(kb, "logistician").skills[0] in answer["text"]


def test_signed_body_with_wrong_field_types_gets_400(bot, slack):
    msg = dm("how much do welders make")
    for broken in ({"text": 5, "user": []}, msg | {"text": 5}, msg | {"user": ["U1"]}):
        resp, _ = event(bot, broken)
        assert resp.status_code == 400, broken
    body = {"type": "block_actions", "user": {"id": "U1"}, "actions": "button"}
    assert (
        post(bot, urlencode({"payload": json.dumps(body)}).encode(), "application/x-www-form-urlencoded").status_code
        == 400
    )
    assert post(bot, b"x" * (65 * 1024), "application/json").status_code == 413
    time.sleep(1)
    assert slack.messages(msg["channel"], msg["ts"]) == []


def test_reply_in_progress_is_finished_when_the_server_stops(bot, kb, slack):
    msg = dm("how much do welders make")
    slack.fail(msg["channel"], 429, retry_after=2)  # the reply is still going when the stop begins
    resp, _ = event(bot, msg)
    assert resp.status_code == 200
    bot.restart_rasa()
    (answer,) = slack.wait_for(msg["channel"], msg["ts"], timeout=1)  # posted by the server that stopped
    assert answer["text"].startswith("Welder")
