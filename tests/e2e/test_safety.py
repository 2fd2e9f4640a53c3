"""Safe in front of students, against the real servers: hostile input to every channel never
slows anyone else down, and contact details typed anywhere leave no trace on disk or in logs."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import socket
import threading
import time
import uuid
from collections import Counter
from typing import Any, Dict, List, Set

import pytest
import requests
import socketio

from bot.tools.servers import start_actions, start_rasa, wait_ready
from tests.e2e.conftest import ACTIONS_PORT, RASA_PORT, SLACK_SECRET, port_free

ADVERSARIAL = "a" * 15_000  # made the old email pattern backtrack for seconds
SECRETS = {  # what a student might type, and the forms it must not be stored or logged in
    "jo.smith+cv@gmail.com": ["jo.smith", "smith+cv", "gmail.com"],
    "kid@school.k12.us": ["kid@", "school.k12"],
    "(555) 867-5309": ["867-5309", "8675309", "867 5309"],
    "+44 20 7946 0958": ["7946 0958", "79460958", "7946-0958"],
    "020 7946 0321": ["7946 0321", "79460321"],
    "+33 1 23 45 67 89": ["23 45 67 89", "23456789"],
    "555-1234": ["555-1234", "5551234"],
}


def slack_post(base, body: bytes, signed=True):
    ts = str(int(time.time()))
    signature = "v0=" + hmac.new(SLACK_SECRET.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    headers = {
        "Content-Type": "application/json",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": signature if signed else "v0=bad",
    }
    return requests.post(f"{base}/webhooks/slack/webhook", data=body, headers=headers, timeout=30)


def slack_dm(text):
    return json.dumps(
        {
            "type": "event_callback",
            "event_id": "Ev" + uuid.uuid4().hex[:10],
            "team_id": "T1",
            "authorizations": [{"user_id": "UBOT0001"}],
            "event": {
                "type": "message",
                "channel_type": "im",
                "channel": "D" + uuid.uuid4().hex[:8],
                "user": "U100",
                "text": text,
                "ts": f"{time.time():.6f}",
            },
        }
    ).encode()


def nested(depth):
    return "[" * depth + "]" * depth


def hostile_rest(base):
    url = f"{base}/webhooks/rest/webhook"
    yield requests.post(url, json={"sender": "u1", "message": "hi", "metadata": {"school": ADVERSARIAL}}, timeout=30)
    yield requests.post(url, json={"sender": "u1", "message": ADVERSARIAL[:15_000]}, timeout=30)
    yield requests.post(url, json={"sender": "a" * 10_000, "message": "hi"}, timeout=30)
    yield requests.post(
        url,
        data=('{"sender": "u1", "message": "hi", "metadata": ' + nested(7000) + "}").encode(),
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    yield requests.post(url, data=("a@" * 7000).encode(), headers={"Content-Type": "application/json"}, timeout=30)
    yield requests.get(f"{base}/chat/?school={'a' * 6000}", timeout=30)


def hostile_slack(base):
    yield slack_post(base, slack_dm(ADVERSARIAL + "@" + "1 " * 5000))
    yield slack_post(base, slack_dm("x"), signed=False)
    yield slack_post(base, ('{"type": "event_callback", "event": ' + nested(7000) + "}").encode())
    yield slack_post(base, json.dumps({"type": "event_callback", "event": {"text": 5, "user": []}}).encode())


def hostile_socket(base):
    """Oversized, nested and badly identified socket.io messages; yields True when handled."""
    client = socketio.Client(reconnection=False)
    client.connect(base, transports=["websocket"], socketio_path="socket.io", wait_timeout=10)
    try:
        client.emit("session_request", {"session_id": "x" * 10_000})
        client.emit("user_uttered", {"message": ADVERSARIAL, "session_id": "s" * 10_000})
        client.emit(
            "user_uttered",
            {
                "message": ADVERSARIAL[:20_000],
                "session_id": uuid.uuid4().hex,
                "metadata": json.dumps({"school": ADVERSARIAL[:8_000]}),
            },
        )
        client.emit("user_uttered", {"message": "hi", "session_id": uuid.uuid4().hex, "metadata": nested(5000)})
        client.emit("user_uttered", {"message": "z" * 60_000, "session_id": uuid.uuid4().hex})  # over the limit
        time.sleep(0.2)
    finally:
        client.disconnect()
    yield True


def test_hostile_input_to_every_channel_never_slows_down_a_normal_question(bot):
    statuses: Counter = Counter()
    errors = []
    stop = threading.Event()

    def attack(source):
        while not stop.is_set():
            try:
                for result in source(bot.base):
                    statuses[result if result is True else result.status_code] += 1
            except (requests.ConnectionError, socketio.exceptions.ConnectionError) as error:
                errors.append(repr(error))

    # A 50 MB body is refused from its Content-Length, before it is read.
    started = time.monotonic()
    try:
        big = requests.post(
            f"{bot.base}/webhooks/rest/webhook",
            data=b"x" * 50_000_000,
            headers={"Content-Type": "application/json"},
            timeout=30,
        )
        assert big.status_code == 413
    except requests.ConnectionError:
        pass  # the server may close the connection while the client is still sending
    assert time.monotonic() - started < 5

    attackers = [
        threading.Thread(target=attack, args=(source,), daemon=True)
        for source in (hostile_rest, hostile_slack, hostile_socket)
    ]
    for thread in attackers:
        thread.start()
    latencies = []
    try:
        time.sleep(0.5)
        me = uuid.uuid4().hex
        for question in ["how much do welders make", "what education do they need", "what about machinists"] * 4:
            started = time.monotonic()
            assert bot.text(question, me)
            latencies.append(time.monotonic() - started)
    finally:
        stop.set()
        for thread in attackers:
            thread.join(60)
    assert statuses[True] >= 1 and sum(n for s, n in statuses.items() if s is not True) >= 10, statuses
    assert not [s for s in statuses if s is not True and s >= 500], statuses
    assert not errors, errors[:3]
    assert max(latencies) < 1.0, latencies
    assert "Median pay" in bot.text("how much do welders make")  # still healthy afterwards


@pytest.fixture(scope="module")
def debug_bot(tmp_path_factory, slack):
    """Its own servers with debug logging, where Rasa writes the most (user texts, trackers)."""
    rasa_port, actions_port = RASA_PORT + 17, ACTIONS_PORT + 17
    for port in (rasa_port, actions_port):
        assert port_free(port), f"port {port} is in use"
    tmp = tmp_path_factory.mktemp("debug")
    endpoints = tmp / "endpoints.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\n'
        f'tracker_store:\n  type: bot.stores.RedactingSQLTrackerStore\n  dialect: "sqlite"\n  db: "{tmp / "c.db"}"\n'
    )
    env = {"SLACK_BOT_TOKEN": "xoxb-e2e-token", "SLACK_SIGNING_SECRET": SLACK_SECRET, "SLACK_API_URL": slack.url}
    with open(tmp / "actions.log", "a") as actions_log, open(tmp / "rasa.log", "a") as rasa_log:
        actions = start_actions(actions_port, log=actions_log, extra_args=["--debug"])
        rasa = start_rasa(rasa_port, endpoints, log=rasa_log, env=env, extra_args=["--debug"])
        try:
            wait_ready(actions)
            wait_ready(rasa)
            yield f"http://127.0.0.1:{rasa_port}", tmp
        finally:
            rasa.stop()
            actions.stop()


def test_contact_details_typed_anywhere_leave_no_trace_on_disk_or_in_logs(debug_bot, slack):
    base, folder = debug_bot
    email, email2, phone, uk, uk2, fr, local = SECRETS

    def ask(text, sender, metadata=None):
        body = {"sender": sender, "message": text, **({"metadata": metadata} if metadata else {})}
        resp = requests.post(f"{base}/webhooks/rest/webhook", json=body, timeout=30)
        assert resp.status_code == 200, resp.text
        return " ".join(m.get("text", "") for m in resp.json())

    me = uuid.uuid4().hex
    assert ask(f"how much do welders make? my email is {email} and my cell is {phone}", me)
    assert ask(f"I want to be an astronaut, call {fr}", me)
    # The career finder keeps its free-text answers in slots.
    finder = uuid.uuid4().hex
    assert "what do you enjoy most?" in ask("help me find a career", finder)
    assert "How long do you want to train" in ask(f"I like fixing cars, text me at {local} or {uk}", finder)
    assert ask(f"email me at {email2}, start soon after high school", finder)
    assert "three jobs" in ask(f"aerospace, or call {uk2}", finder)
    # Metadata with anything but a school id is dropped before it is stored.
    assert ask("what do machinists do", uuid.uuid4().hex, metadata={"school": "demo", "note": email2, "phone": phone})
    # socket.io (the widget) and Slack.
    client = socketio.Client(reconnection=False)
    replies: List[Any] = []
    client.on("bot_uttered", replies.append)
    client.connect(base, transports=["websocket"], socketio_path="socket.io", wait_timeout=10)
    session = uuid.uuid4().hex
    client.emit("session_request", {"session_id": session})
    client.emit(
        "user_uttered",
        {
            "message": f"i'm at {email} or {uk}, what about robotics",
            "session_id": session,
            "metadata": {"school": "demo", "email": email},
        },
    )
    deadline = time.monotonic() + 15
    while not replies and time.monotonic() < deadline:
        time.sleep(0.05)
    client.disconnect()
    assert replies
    assert slack_post(base, slack_dm(f"<@UBOT0001> welder pay? reach me at {email} / {phone}")).status_code == 200
    deadline = time.monotonic() + 15
    while not [p for p in slack.posts if "Median pay" in str(p.get("text"))] and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # the last turn's events are written right after the reply is sent

    files = [p for p in folder.iterdir() if p.is_file()]
    assert {p.name for p in files} >= {"c.db", "rasa.log", "actions.log"}
    scanned = b"".join(p.read_bytes() for p in files)
    assert b"welders make" in scanned and b"[email removed]" in scanned and b"[phone removed]" in scanned
    for secret, forms in SECRETS.items():
        for form in [secret, *forms]:
            assert form.encode() not in scanned, f"{form!r} (from {secret!r}) was found on disk"


def test_servers_listen_on_loopback_only(bot):
    listening: Dict[int, Set[str]] = {}  # port -> addresses
    for line in open("/proc/net/tcp").read().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        if state == "0A":  # LISTEN
            address, port = local.split(":")
            listening.setdefault(int(port, 16), set()).add(socket.inet_ntoa(bytes.fromhex(address)[::-1]))
    assert listening.get(ACTIONS_PORT) == {"127.0.0.1"}
    assert listening.get(RASA_PORT) == {"127.0.0.1"}


def test_the_store_file_is_readable_by_its_owner_only(bot):
    bot.text("hi")
    assert os.stat(bot.db).st_mode & 0o077 == 0
