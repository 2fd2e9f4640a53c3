"""Two replicas sharing one PostgreSQL store and one Redis: context follows the conversation from
replica to replica (also to one whose cache is stale), the widget works through nginx and keeps
its conversation across a rolling restart, Slack repeats are answered once, and retention, purge
and deletion work on PostgreSQL."""

from __future__ import annotations

import hashlib
import hmac
import json
import queue
import time
import uuid

import requests
import socketio
import sqlalchemy as sa

from bot.render import money
from bot.tools import purge
from tests.cluster.conftest import ask, stored_user_texts
from tests.conftest import role
from tests.e2e.conftest import SLACK_SECRET, close_tab


def test_context_follows_a_conversation_across_replicas_even_to_a_stale_cache(cluster, kb):
    a, b = cluster.replica_base(0), cluster.replica_base(1)
    me = uuid.uuid4().hex
    assert money(role(kb, "welder").median_pay.annual_usd) in ask(a, me, "how much do welders make")
    assert role(kb, "welder").education.typical_entry in ask(b, me, "what education do they need")
    assert money(role(kb, "machinist").median_pay.annual_usd) in ask(b, me, "how much do machinists make")
    # Replica a still remembers this conversation at "welder": it must notice b's writes.
    assert role(kb, "machinist").education.typical_entry in ask(a, me, "what education do they need")
    assert money(role(kb, "machinist").median_pay.annual_usd) in ask(cluster.base, me, "how much do they make")
    assert stored_user_texts(cluster.database_url, me) == [
        "how much do welders make",
        "what education do they need",
        "how much do machinists make",
        "what education do they need",
        "how much do they make",
    ]


def socket_ask(base, presented, text, transport, route):
    """One message over socket.io through nginx, as the widget sends it: routed by its tab's token,
    in the conversation `presented` is a pass for (None: a new one). Returns (reply, pass)."""
    replies: "queue.Queue[dict]" = queue.Queue()
    confirmed: "queue.Queue[str]" = queue.Queue()
    client = socketio.Client(reconnection=False)
    client.on("bot_uttered", replies.put)
    client.on("session_confirm", confirmed.put)
    client.connect(f"{base}?route={route}", transports=[transport], socketio_path="socket.io", wait_timeout=10)
    try:
        client.emit("session_request", {"session_id": presented})
        issued = confirmed.get(timeout=10)
        client.emit("user_uttered", {"message": text, "session_id": issued, "metadata": {"school": "demo"}})
        return replies.get(timeout=20)["text"], issued
    finally:
        close_tab(client)


def test_the_widget_through_nginx_keeps_its_conversation_across_a_rolling_restart(cluster, kb):
    welder = role(kb, "welder")
    route = uuid.uuid4().hex
    reply, issued = socket_ask(cluster.base, None, "how much do welders make", "polling", route)
    assert money(welder.median_pay.annual_usd) in reply
    for i in range(cluster.replicas):  # an upgrade: one replica at a time, the other one serving
        cluster.kill_replica(i)
        reply, again = socket_ask(cluster.base, issued, "what education do they need", "websocket", route)
        assert welder.education.typical_entry in reply and again == issued  # every replica knows the pass
        cluster.restart_replica(i)
    reply, again = socket_ask(cluster.base, issued, "what skills do they need", "polling", route)
    assert "welder" in reply and again == issued
    # nginx's access log has the socket.io requests, but no conversation id and no routing token.
    time.sleep(0.5)  # nginx writes a request's line when it ends
    log = cluster.access_log.read_text()
    conversation = issued.split(".")[0]
    assert "/socket.io/" in log and "?" not in log
    assert conversation not in log and issued not in log and route not in log


def slack_event(event_id, text):
    body = json.dumps(
        {
            "type": "event_callback",
            "event_id": event_id,
            "team_id": "T1",
            "authorizations": [{"user_id": "UBOT0001"}],
            "event": {
                "type": "message",
                "channel_type": "im",
                "channel": "DCLUSTER1",
                "user": "U100",
                "text": text,
                "ts": f"{time.time():.6f}",
            },
        }
    ).encode()
    ts = str(int(time.time()))
    signature = "v0=" + hmac.new(SLACK_SECRET.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    return body, {"Content-Type": "application/json", "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature}


def test_a_slack_retry_that_reaches_another_replica_is_not_answered_twice(cluster, slack):
    body, headers = slack_event("Ev" + uuid.uuid4().hex[:10], "how much do welders make")
    before = len(slack.posts)
    first = requests.post(f"{cluster.replica_base(0)}/webhooks/slack/webhook", data=body, headers=headers, timeout=10)
    retry = requests.post(
        f"{cluster.replica_base(1)}/webhooks/slack/webhook",
        data=body,
        timeout=10,
        headers={**headers, "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"},
    )
    through_nginx = requests.post(f"{cluster.base}/webhooks/slack/webhook", data=body, headers=headers, timeout=10)
    assert first.status_code == retry.status_code == through_nginx.status_code == 200
    deadline = time.monotonic() + 20
    while len(slack.posts) == before and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.5)  # room for a second answer, were there one
    answers = [p for p in slack.posts[before:] if p.get("channel") == "DCLUSTER1"]
    assert len(answers) == 1 and "Median pay" in answers[0]["text"]


def test_delete_retention_and_purge_on_postgresql(cluster, kb, tmp_path):
    me, other = uuid.uuid4().hex, uuid.uuid4().hex
    ask(cluster.replica_base(0), me, "how much do welders make")
    ask(cluster.replica_base(1), other, "how much do machinists make")
    assert "delete this conversation" in ask(cluster.replica_base(1), me, "please delete my conversation")
    assert "deleted this conversation" in ask(cluster.replica_base(0), me, "/confirm_delete")
    assert stored_user_texts(cluster.database_url, me) == []
    assert stored_user_texts(cluster.database_url, other) == ["how much do machinists make"]
    # The replica that served the first turn still remembers "welder": it must not bring it back.
    assert money(role(kb, "welder").median_pay.annual_usd) not in ask(
        cluster.replica_base(0), me, "how much do they make"
    )
    assert stored_user_texts(cluster.database_url, me) == ["how much do they make"]

    engine = sa.create_engine(cluster.database_url)
    with engine.begin() as connection:  # make the other conversation 40 days old
        connection.execute(
            sa.text("UPDATE events SET timestamp = timestamp - 40 * 86400 WHERE sender_id = :s"), {"s": other}
        )
    engine.dispose()
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        f"tracker_store:\n  type: bot.stores.RedactingSQLTrackerStore\n  url: {cluster.database_url}\n"
    )
    assert purge.main(["--days", "30", "--endpoints", str(endpoints)]) == 0
    assert stored_user_texts(cluster.database_url, other) == []
    assert stored_user_texts(cluster.database_url, me) == ["how much do they make"]


def test_insights_on_postgresql(cluster, tmp_path):
    """The insights rows are written by every replica into PostgreSQL, and the report reads them."""
    from datetime import date

    from bot.insights import report as reports
    from bot.tools import insights

    for i in range(6):  # six conversations about welders, spread over the replicas
        ask(cluster.replica_base(i % 2), uuid.uuid4().hex, "how much do welders make")
    engine = sa.create_engine(cluster.database_url)
    try:
        with engine.connect() as connection:
            report = reports.build(connection, None, date.today(), date.today())
        assert report.conversations.shown is not None and report.conversations.value >= 6
        assert dict(report.topics["role"])["welder"].value >= 6
        written = insights.write(engine, tmp_path, None, date.today(), date.today())
    finally:
        engine.dispose()
    assert (tmp_path / "insights.html").exists() and len(written) > 1


def test_replicas_start_without_a_table_error_and_purges_have_their_indexes(cluster):
    """Every replica start (both at once on this run's new database, and the rolling restart above
    when the whole file runs) logs no table error, and PostgreSQL has the indexes both purges use."""
    logs = "".join((cluster.work / f"rasa-{i}.log").read_text(errors="replace") for i in range(cluster.replicas))
    assert "Could not create tables" not in logs and "already exists" not in logs
    inspector = sa.inspect(sa.create_engine(cluster.database_url))
    assert "events_timestamp_idx" in {i["name"] for i in inspector.get_indexes("events")}
    assert "insights_ts_idx" in {i["name"] for i in inspector.get_indexes("insights")}
