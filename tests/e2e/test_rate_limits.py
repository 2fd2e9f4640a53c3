"""One script flooding the REST webhook (a new `sender` every time, 64 requests in parallel) and
socket.io (one conversation, as fast as it can) from one address, while a student at another
address asks 12 questions: the student is answered within a second each, the flood gets 429s and
"slow down" replies, and nothing gets a 5xx (bot/channels/rate_limits.py).

All on loopback: the flood comes from 127.0.0.2 (REST) and 127.0.0.4 (socket.io), the student
from 127.0.0.3 (Linux routes all of 127.0.0.0/8 to the loopback interface), so each is its own
client address. Every loop is bounded in count and time.
"""

from __future__ import annotations

import asyncio
import queue
import socket
import threading
import time
import uuid
from collections import Counter
from typing import Dict, List
from urllib.parse import urlsplit

import aiohttp
import requests
import socketio
from requests_toolbelt.adapters.source import SourceAddressAdapter

from bot.channels.rate_limits import MESSAGES_PER_CONVERSATION, REQUESTS_PER_ADDRESS, SLOW_DOWN

FLOOD_REST_ADDRESS = "127.0.0.2"
STUDENT_ADDRESS = "127.0.0.3"
FLOOD_SOCKET_ADDRESS = "127.0.0.4"
PARALLEL = 64
MAX_FLOOD_REQUESTS = 40_000
MAX_FLOOD_SECONDS = 90.0
#: Seconds between the socket.io flood's messages; it is bounded by MAX_FLOOD_SECONDS, not by a
#: count (a count of 2,000 once ran out before the student was done, when the REST flood took long
#: to be refused on a loaded machine).
SOCKET_GAP_S = 0.02
#: The student asks once every request the flood sent before its first refusal is answered (up to
#: 64 turns queued in the replicas), while the flood goes on being refused: a fixed wait (2 s, then
#: 5 s) could be too short on a loaded machine. The student's first answer is still the slowest
#: after it (printed each run); its cause is not found yet. Bounded: a backlog still there after
#: DRAIN_LIMIT_S fails the test.
DRAIN_LIMIT_S = 60.0
QUESTIONS = [
    "what does a welder do",
    "how much do they make",
    "what education do they need",
    "what about machinists?",
    "how much do machinists make",
    "tell me about aerospace",
    "will robots take my job?",
    "what does a robotics technician do",
    "how do I get started in high school?",
    "what is the job outlook for welders",
    "what skills does a machinist need",
    "what does a quality inspector do",
]


def bound_session(address: str) -> requests.Session:
    session = requests.Session()
    adapter = SourceAddressAdapter(address)
    session.mount("http://", adapter)
    return session


class RestFlood(threading.Thread):
    """PARALLEL loops posting messages with new senders from one address until stopped."""

    def __init__(self, base: str):
        super().__init__(daemon=True)
        self.url = f"{base}/webhooks/rest/webhook"
        self.stop = threading.Event()
        self.statuses: Counter = Counter()
        self.limited = threading.Event()  # the first 429 was seen
        self.drained = threading.Event()  # ...and every request sent before it was answered
        self._sent_before_limited = 0  # of those, still in flight (the loops share one event loop)
        self._limited_at = self._drained_at = 0.0

    @property
    def drain_s(self) -> float:
        """From the first 429 to `drained`, for the test's report."""
        return self._drained_at - self._limited_at

    def run(self) -> None:
        asyncio.run(self._flood())

    async def _flood(self) -> None:
        until = time.monotonic() + MAX_FLOOD_SECONDS
        connector = aiohttp.TCPConnector(local_addr=(FLOOD_REST_ADDRESS, 0), limit=PARALLEL)
        timeout = aiohttp.ClientTimeout(total=30)
        async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:

            async def loop() -> None:
                while (
                    not self.stop.is_set()
                    and time.monotonic() < until
                    and sum(self.statuses.values()) < MAX_FLOOD_REQUESTS
                ):
                    body = {"sender": uuid.uuid4().hex, "message": "how much do welders make"}
                    early = not self.limited.is_set()
                    self._sent_before_limited += early
                    try:
                        async with http.post(self.url, json=body) as resp:
                            await resp.read()
                            self.statuses[resp.status] += 1
                            if resp.status == 429:
                                assert resp.headers.get("Retry-After", "").isdigit()
                                if not self.limited.is_set():
                                    self._limited_at = time.monotonic()
                                self.limited.set()
                    except (aiohttp.ClientError, asyncio.TimeoutError) as error:
                        self.statuses[type(error).__name__] += 1
                    finally:
                        self._sent_before_limited -= early
                        if self.limited.is_set() and not self._sent_before_limited and not self.drained.is_set():
                            self._drained_at = time.monotonic()
                            self.drained.set()

            await asyncio.gather(*(loop() for _ in range(PARALLEL)))


class SocketFlood(threading.Thread):
    """One socket.io conversation sending messages as fast as it can (from its own address)."""

    def __init__(self, base: str):
        super().__init__(daemon=True)
        self.base = base
        self.stop = threading.Event()
        self.sent = 0
        self.replies: "queue.Queue[dict]" = queue.Queue()
        self.error: List[BaseException] = []
        self.slowed = threading.Event()  # the first "slow down" reply arrived

    def run(self) -> None:
        # A websocket (polling would batch the messages, and engine.io refuses a batch of over 16),
        # on a TCP connection made from the flood's own address.
        url = urlsplit(self.base)
        sock = socket.create_connection(
            (url.hostname, url.port or 80), timeout=10, source_address=(FLOOD_SOCKET_ADDRESS, 0)
        )
        client = socketio.Client(reconnection=False, websocket_extra_options={"socket": sock})
        client.on("bot_uttered", self._received)
        session_id = uuid.uuid4().hex
        try:
            client.connect(self.base, transports=["websocket"], wait_timeout=10)
            client.emit("session_request", {"session_id": session_id})
            until = time.monotonic() + MAX_FLOOD_SECONDS
            while not self.stop.is_set() and time.monotonic() < until:
                client.emit("user_uttered", {"message": f"welder pay {self.sent}", "session_id": session_id})
                self.sent += 1
                time.sleep(SOCKET_GAP_S)
            waited, seen = time.monotonic() + 20, -1
            while time.monotonic() < waited and self.replies.qsize() != seen:  # replies still on their way
                seen = self.replies.qsize()
                time.sleep(1.5)
        except BaseException as error:  # reported by the test
            self.error.append(error)
        finally:
            client.disconnect()

    def _received(self, data: dict) -> None:
        self.replies.put(data)
        if data.get("text") == SLOW_DOWN:
            self.slowed.set()


def test_a_flood_from_one_address_does_not_slow_down_a_student(bot):
    rest = RestFlood(bot.base)
    sockets = SocketFlood(bot.base)
    rest.start()
    sockets.start()
    latencies: List[float] = []
    answers: List[str] = []
    try:
        # Past the flood's burst: from now on it is being refused.
        assert rest.limited.wait(60), f"the REST flood was never limited: {dict(rest.statuses)}"
        assert rest.drained.wait(DRAIN_LIMIT_S), f"the flood's backlog was never answered: {dict(rest.statuses)}"
        flood_before = sum(rest.statuses.values())
        student = bound_session(STUDENT_ADDRESS)
        me = uuid.uuid4().hex
        for question in QUESTIONS:
            started = time.monotonic()
            resp = student.post(
                f"{bot.base}/webhooks/rest/webhook", json={"sender": me, "message": question}, timeout=30
            )
            latencies.append(time.monotonic() - started)
            assert resp.status_code == 200, resp.text
            answers.append("\n".join(m.get("text", "") for m in resp.json()))
        flood_during = sum(rest.statuses.values()) - flood_before
        assert rest.is_alive() and sockets.is_alive(), "the flood stopped before the student was done"
    finally:
        rest.stop.set()
        sockets.stop.set()
        rest.join(60)
        sockets.join(60)
    replies: Dict[str, int] = Counter()
    while not sockets.replies.empty():
        text = sockets.replies.get_nowait().get("text", "")
        replies["slow down" if text == SLOW_DOWN else "answer"] += 1

    print(
        f"\nflood: REST {dict(rest.statuses)} ({flood_during} while the student asked, backlog answered in "
        f"{rest.drain_s:.1f} s); "
        f"socket.io {sockets.sent} sent, replies {dict(replies)}; "
        f"student: max {max(latencies) * 1000:.0f} ms, mean {sum(latencies) / len(latencies) * 1000:.0f} ms; "
        f"each (ms): {[round(x * 1000) for x in latencies]}"
    )
    assert all(a.strip() and "Sorry" not in a for a in answers), answers
    assert max(latencies) < 1.0, [round(x, 3) for x in latencies]
    assert not sockets.error, sockets.error
    # Only answers and 429s: no 5xx, no dropped connections.
    assert set(rest.statuses) <= {200, 429}, dict(rest.statuses)
    assert rest.statuses[429] > rest.statuses[200]
    # Answered at most the address's burst plus its rate over the flood (with a margin of 10%).
    assert rest.statuses[200] <= 1.1 * (
        REQUESTS_PER_ADDRESS.burst + REQUESTS_PER_ADDRESS.per_second * MAX_FLOOD_SECONDS
    )
    # The socket.io conversation was answered for its burst, then asked to slow down.
    assert replies["slow down"] > 0 and replies["answer"] <= MESSAGES_PER_CONVERSATION.burst + 30
