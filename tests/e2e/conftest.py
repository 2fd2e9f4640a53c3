"""Start the real action server and Rasa once for the e2e tests, on their own SQLite file."""

from __future__ import annotations

import os
import shutil
import socket
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from playwright.sync_api import sync_playwright

from bot.tools.servers import MODEL, Server, start_actions, start_rasa, wait_ready

SLACK_SECRET = "e2e-signing-secret"
RASA_PORT = int(os.environ.get("E2E_RASA_PORT", "5005"))
ACTIONS_PORT = int(os.environ.get("E2E_ACTIONS_PORT", "5055"))


CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
# Flags this sandboxed machine needs: no background network calls, no GPU, no setuid sandbox.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright, started once for all the browser tests (each test
    opens a context of its own: its own cookies, storage and pages)."""
    assert os.path.exists(CHROMIUM), "Chromium is missing: `make setup` installs it (Debian package chromium)"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def close_tab(client) -> None:
    """Disconnect a socket.io client as a closed browser tab does: without waiting. A polling
    client's own disconnect() waits for its pending long poll, which python-engineio's server
    holds until its ping interval and timeout (30 s) after the client's CLOSE; nothing is checked
    after a close, and the server sees the same engine.io CLOSE either way."""
    client.eio.disconnect(abort=True)


def port_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


@dataclass
class Bot:
    base: str
    db: Path
    endpoints: Path
    logs: Path
    rasa_env: dict
    actions: Server
    rasa: Server

    def ask(self, text, sender=None, metadata=None, expect_status=200, patient=False):
        """One REST turn. `patient`: over the conversation's rate limit (a test sending far faster
        than a student), wait as the 429's Retry-After says and ask again (bounded)."""
        body = {"sender": sender or uuid.uuid4().hex, "message": text}
        if metadata is not None:
            body["metadata"] = metadata
        resp = requests.post(f"{self.base}/webhooks/rest/webhook", json=body, timeout=30)
        for _ in range(5 if patient else 0):
            if resp.status_code != 429:
                break
            time.sleep(min(5, int(resp.headers.get("Retry-After", "1"))))
            resp = requests.post(f"{self.base}/webhooks/rest/webhook", json=body, timeout=30)
        assert resp.status_code == expect_status, resp.text
        return resp.json()

    def text(self, text, sender=None, **kw) -> str:
        return "\n\n".join(m.get("text", "") for m in self.ask(text, sender, **kw))

    def restart_rasa(self):
        self.rasa.stop()
        self.rasa = start_rasa(RASA_PORT, self.endpoints, log=self.logs / "rasa.log", env=self.rasa_env)
        wait_ready(self.rasa)

    def stop_actions(self):
        self.actions.stop()

    def start_actions(self):
        self.actions = start_actions(ACTIONS_PORT, log=self.logs / "actions.log")
        wait_ready(self.actions)


@pytest.fixture(scope="session")
def bot(tmp_path_factory, slack):
    assert MODEL.exists(), "no trained model: run `make train` first"
    for port in (RASA_PORT, ACTIONS_PORT):
        assert port_free(port), f"port {port} is in use (stop `make run`, or set E2E_RASA_PORT/E2E_ACTIONS_PORT)"
    tmp = tmp_path_factory.mktemp("e2e")
    db = tmp / "conversations.db"
    endpoints = tmp / "endpoints.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{ACTIONS_PORT}/webhook"\n'
        f'tracker_store:\n  type: bot.stores.RedactingSQLTrackerStore\n  dialect: "sqlite"\n  db: "{db}"\n'
    )
    rasa_env = {
        "SLACK_BOT_TOKEN": "xoxb-e2e-token",
        "SLACK_SIGNING_SECRET": SLACK_SECRET,
        "SLACK_API_URL": slack.url,
        "ALLOW_LOCALHOST_ORIGINS": "on",  # as `make run`: the tests' pages are on localhost
    }
    bot = Bot(
        f"http://127.0.0.1:{RASA_PORT}",
        db,
        endpoints,
        tmp,
        rasa_env,
        start_actions(ACTIONS_PORT, log=tmp / "actions.log"),
        start_rasa(RASA_PORT, endpoints, log=tmp / "rasa.log", env=rasa_env),
    )
    try:
        wait_ready(bot.actions)
        wait_ready(bot.rasa)
        yield bot
    finally:  # tests may have restarted a server: stop the ones running now
        bot.rasa.stop()
        bot.actions.stop()
