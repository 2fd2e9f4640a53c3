"""A fake Slack Web API on loopback that records chat.postMessage calls.

`fail(channel, status)` makes the next posts to a channel answer an error (429 with
Retry-After, 500, 503), as Slack does under load; refused attempts go to `refused`, not `posts`."""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Dict, List, Optional, Tuple
from urllib.parse import parse_qs

ERRORS = {429: "ratelimited", 500: "internal_error", 503: "service_unavailable"}


class FakeSlack:
    def __init__(self):
        self.posts: List[Dict] = []
        self.refused: List[Dict] = []
        self._failures: Dict[str, List[Tuple[int, Optional[int]]]] = defaultdict(list)
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's naming)
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    body = json.loads(raw or b"{}")
                else:
                    body = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
                body["_method"] = self.path.rsplit("/", 1)[-1]
                body["_auth"] = self.headers.get("Authorization", "")
                body["_at"] = time.monotonic()
                with fake._lock:
                    scripted = fake._failures.get(body.get("channel"))
                    status, retry_after = scripted.pop(0) if scripted else (200, None)
                    (fake.posts if status == 200 else fake.refused).append(body)
                answer = {"ok": True, "ts": f"{time.time():.6f}", "channel": body.get("channel")}
                if status != 200:
                    answer = {"ok": False, "error": ERRORS.get(status, "fatal_error")}
                self.answer(status, answer, retry_after)

            def answer(self, status: int, body: Dict, retry_after: Optional[int]):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                if retry_after is not None:
                    self.send_header("Retry-After", str(retry_after))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def fail(self, channel: str, status: int, times: int = 1, retry_after: Optional[int] = None) -> None:
        """The next `times` posts to `channel` get `status` (with Retry-After if given)."""
        with self._lock:
            self._failures[channel].extend([(status, retry_after)] * times)

    def recover(self, channel: str) -> None:
        with self._lock:
            self._failures.pop(channel, None)

    def refused_for(self, channel: str) -> List[Dict]:
        with self._lock:
            return [p for p in self.refused if p.get("channel") == channel]

    def messages(self, channel: str, thread_ts: str) -> List[Dict]:
        with self._lock:
            return [
                p
                for p in self.posts
                if p["_method"] == "chat.postMessage"
                and p.get("channel") == channel
                and p.get("thread_ts") == thread_ts
            ]

    def wait_for(self, channel: str, thread_ts: str, count: int = 1, timeout: float = 20) -> List[Dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.messages(channel, thread_ts)
            if len(found) >= count:
                return found
            time.sleep(0.1)
        with self._lock:
            seen = [(p.get("channel"), p.get("thread_ts")) for p in self.posts[-10:]]
        raise AssertionError(
            f"{len(found)} of {count} messages in {channel}/{thread_ts} after {timeout} s; last posts went to {seen}"
        )

    def close(self):
        self.server.shutdown()
