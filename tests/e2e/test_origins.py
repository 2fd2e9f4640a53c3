"""Frame and socket origins per school on a real Rasa (issue #23 item 5): its own, with two schools
whose sites are pages served here, and ALLOW_LOCALHOST_ORIGINS off as in production. School A's
site cannot frame school B's chat nor talk as school B over socket.io or REST; localhost is refused."""

from __future__ import annotations

import functools
import http.server
import queue
import threading
import uuid
from typing import Any, Dict, Optional

import pytest
import requests
import socketio
import sqlalchemy as sa
import yaml

from bot.channels import origins
from bot.tools.servers import start_rasa, wait_ready
from tests.e2e.conftest import ACTIONS_PORT, RASA_PORT, port_free

PORT = RASA_PORT + 47
SITE_A, SITE_B = PORT + 1, PORT + 2
A, B = f"http://127.0.0.1:{SITE_A}", f"http://127.0.0.1:{SITE_B}"
QUESTION = "what does a machinist do?"


@pytest.fixture(scope="module")
def server(tmp_path_factory, bot):  # `bot`: its action server answers our Rasa's actions
    for port in (PORT, SITE_A, SITE_B):
        assert port_free(port), f"port {port} is in use"
    tmp = tmp_path_factory.mktemp("origins")
    registry = {
        "schools": [
            {"id": "school-a", "name": "School A", "origins": [A]},
            {"id": "school-b", "name": "School B", "origins": [B]},
        ]
    }
    (tmp / "schools.yml").write_text(yaml.safe_dump(registry))
    db = tmp / "conversations.db"
    (tmp / "endpoints.yml").write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{ACTIONS_PORT}/webhook"\n'
        f'tracker_store:\n  type: bot.stores.RedactingSQLTrackerStore\n  dialect: "sqlite"\n  db: "{db}"\n'
    )
    env = {"SCHOOLS_FILE": str(tmp / "schools.yml"), "ALLOW_LOCALHOST_ORIGINS": "off", "CHAT_ALLOWED_ORIGINS": ""}
    rasa = start_rasa(PORT, tmp / "endpoints.yml", log=tmp / "rasa.log", env=env)
    try:
        wait_ready(rasa)
        yield f"http://127.0.0.1:{PORT}", sa.create_engine(f"sqlite:///{db}")
    finally:
        rasa.stop()


def test_each_schools_page_names_only_its_own_site(server):
    base, _ = server
    for school, site in (("school-a", A), ("school-b", B), ("", None)):
        policy = requests.get(f"{base}/chat/", params={"school": school}, timeout=10).headers["Content-Security-Policy"]
        assert policy.endswith("; " + " ".join(["frame-ancestors 'self'", *([site] if site else [])])), policy
        assert "localhost" not in policy


def serve_site(port: int, directory) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(directory))
    site = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    return site


def test_school_as_site_frames_its_own_chat_but_not_another_schools(server, browser, tmp_path):
    base, _ = server
    frames = "".join(
        f'<iframe name="{name}" title="{name}" src="{base}/chat/{query}" style="width:400px;height:500px"></iframe>'
        for name, query in (("own", "?school=school-a"), ("other", "?school=school-b"), ("neutral", ""))
    )
    (tmp_path / "index.html").write_text(f"<!doctype html><title>School A</title>{frames}")
    site = serve_site(SITE_A, tmp_path)
    context = browser.new_context()
    refusals = []
    try:
        page = context.new_page()
        page.on("console", lambda m: refusals.append(m.text) if "frame-ancestors" in m.text else None)
        page.goto(f"{A}/", wait_until="load")
        own = page.frame_locator("iframe[name=own]")
        own.get_by_label("Type your question").fill(QUESTION)
        own.get_by_label("Type your question").press("Enter")
        own.locator(".msg--bot .msg__text").nth(1).wait_for(timeout=30000)  # the greeting, then the answer
        assert own.locator("#school-name").inner_text().startswith("School A")
        for name in ("other", "neutral"):  # the browser shows its error page instead of the chat
            frame = page.frame(name=name)
            assert frame is not None and not frame.url.startswith(base), frame.url if frame else name
            assert frame.locator("#school-name").count() == 0
        assert len(refusals) == 2, refusals
    finally:
        context.close()
        site.shutdown()


def socket_turn(base, origin, metadata):
    """One message over socket.io from a page on `origin`: (its conversation id, the first reply)."""
    replies: "queue.Queue[dict]" = queue.Queue()
    passes: "queue.Queue[str]" = queue.Queue()
    client = socketio.Client(reconnection=False)
    client.on("bot_uttered", replies.put)
    client.on("session_confirm", passes.put)
    client.connect(base, headers={"Origin": origin}, transports=["polling"], wait_timeout=10)
    try:
        client.emit("session_request", {"session_id": None})
        given = passes.get(timeout=10)
        client.emit("user_uttered", {"message": QUESTION, "session_id": given, "metadata": metadata})
        return given.split(".")[0], replies.get(timeout=30)["text"]
    finally:
        # Engine.IO's close, without waiting for the long poll the server holds open (about 20 s
        # a turn otherwise); the server ends the conversation's socket on it.
        client.eio.disconnect(abort=True)


def stored_events(engine, conversation) -> int:
    with engine.connect() as connection:
        query = sa.text("SELECT COUNT(*) FROM events WHERE sender_id = :c")
        return connection.execute(query, {"c": conversation}).scalar_one()


def test_a_schools_site_cannot_talk_as_another_school_over_socketio(server):
    base, engine = server
    conversation, reply = socket_turn(base, A, {"school": "school-a"})
    assert "machinist" in reply.lower() and stored_events(engine, conversation) > 0
    for metadata, expected in (
        ({"school": "school-b"}, origins.NOT_THIS_SITE["en"]),
        ({"school": "school-b", "lang": "es"}, origins.NOT_THIS_SITE["es"]),
        ({}, origins.NOT_THIS_SITE["en"]),  # the neutral chat is no school's site's
    ):
        conversation, reply = socket_turn(base, A, metadata)
        assert reply == expected and stored_events(engine, conversation) == 0  # never reached Rasa


@pytest.mark.parametrize("origin", ["http://localhost:5005", "http://127.0.0.1", "https://evil.example"])
def test_socketio_refuses_localhost_and_unknown_sites(server, origin):
    base, _ = server
    with pytest.raises(socketio.exceptions.ConnectionError):
        socket_turn(base, origin, {"school": "school-a"})


def rest(base, origin: Optional[str], school: str) -> requests.Response:
    headers = {"Origin": origin} if origin else {}
    body: Dict[str, Any] = {"sender": uuid.uuid4().hex, "message": QUESTION, "metadata": {"school": school}}
    return requests.post(f"{base}/webhooks/rest/webhook", json=body, headers=headers, timeout=30)


def test_rest_from_another_schools_site_or_localhost_gets_a_403(server):
    base, _ = server
    for refused_origin in (B, "http://localhost:5005", "http://127.0.0.1"):
        refused = rest(base, refused_origin, "school-a")
        assert refused.status_code == 403 and refused.json() == {"error": origins.REFUSED}
    for origin in (A, None):  # its own site; a client that is no browser (no Origin)
        answered = rest(base, origin, "school-a")
        assert answered.status_code == 200 and "machinist" in answered.text.lower()
