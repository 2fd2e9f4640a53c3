"""A fake Slack Web API on loopback that records chat.postMessage calls."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Dict, List
from urllib.parse import parse_qs


class FakeSlack:
    def __init__(self):
        self.posts: List[Dict] = []
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
                with fake._lock:
                    fake.posts.append(body)
                answer = json.dumps({"ok": True, "ts": f"{time.time():.6f}", "channel": body.get("channel")}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def messages(self, channel: str, thread_ts: str) -> List[Dict]:
        with self._lock:
            return [p for p in self.posts if p["_method"] == "chat.postMessage"
                    and p.get("channel") == channel and p.get("thread_ts") == thread_ts]

    def wait_for(self, channel: str, thread_ts: str, count: int = 1, timeout: float = 20) -> List[Dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.messages(channel, thread_ts)
            if len(found) >= count:
                return found
            time.sleep(0.1)
        raise AssertionError(f"no message in {channel}/{thread_ts} after {timeout} s; posts: {self.posts}")

    def close(self):
        self.server.shutdown()
