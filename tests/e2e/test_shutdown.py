"""`make run`'s launcher under SIGTERM (what systemd, Docker and supervisors send): both servers
stop, a turn in flight is finished first, and the ports are free again."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

from bot import ROOT
from tests.e2e.conftest import ACTIONS_PORT, RASA_PORT, port_free


def test_sigterm_finishes_the_turn_in_flight_then_stops_both_servers(tmp_path):
    rasa_port, actions_port = RASA_PORT + 27, ACTIONS_PORT + 27
    assert port_free(rasa_port) and port_free(actions_port)
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\n'
        f'tracker_store:\n  type: bot.stores.RedactingSQLTrackerStore\n  dialect: "sqlite"\n'
        f'  db: "{tmp_path / "c.db"}"\n'
    )
    with open(tmp_path / "serve.log", "w") as log:
        serve = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bot.tools.serve",
                "--rasa-port",
                str(rasa_port),
                "--actions-port",
                str(actions_port),
                "--endpoints",
                str(endpoints),
            ],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 180
        while "Press Ctrl-C to stop" not in (tmp_path / "serve.log").read_text() and time.monotonic() < deadline:
            assert serve.poll() is None, (tmp_path / "serve.log").read_text()[-3000:]
            time.sleep(0.25)

        # A request whose body is still arriving when SIGTERM comes: it is in flight.
        body = json.dumps({"sender": uuid.uuid4().hex, "message": "how much do welders make"}).encode()
        conn = socket.create_connection(("127.0.0.1", rasa_port), timeout=30)
        conn.sendall(
            b"POST /webhooks/rest/webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
            + body[:10]
        )
        time.sleep(0.3)
        serve.send_signal(signal.SIGTERM)
        time.sleep(1.0)
        conn.sendall(body[10:])
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
        conn.close()
        assert answer.startswith(b"HTTP/1.1 200"), answer[:300]
        assert b"Median pay" in answer

        assert serve.wait(60) == 0
        time.sleep(0.5)
        assert port_free(rasa_port) and port_free(actions_port), "a server kept its port after SIGTERM"
    finally:
        if serve.poll() is None:
            os.killpg(serve.pid, signal.SIGKILL)
        kill_servers_on(rasa_port, actions_port)


def kill_servers_on(*ports: int) -> None:
    """Never leave a stray server behind when the test fails."""
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if any(args[i : i + 2] == [b"--port", str(port).encode()] for port in ports for i in range(len(args))):
            os.kill(int(cmdline.parent.name), signal.SIGKILL)
