"""Through nginx (deploy/nginx/manufacturing-careers.conf): a REST flood from one address
(64 parallel requests, a new sender every time) is refused with 429s by nginx and the replicas,
while a student at another address asks 12 questions, each answered within a second; nothing gets
a 5xx. nginx's own 429 says why and when to retry. Loopback only, every loop bounded."""

from __future__ import annotations

import time
import uuid
from pathlib import Path
from typing import List

from tests.e2e.test_rate_limits import (
    DRAIN_LIMIT_S,
    FLOOD_REST_ADDRESS,
    QUESTIONS,
    STUDENT_ADDRESS,
    RestFlood,
    bound_session,
)


def test_a_flood_through_nginx_does_not_slow_down_a_student(cluster):
    flood = RestFlood(cluster.base)
    flood.start()
    latencies: List[float] = []
    try:
        assert flood.limited.wait(60), f"the flood was never limited: {dict(flood.statuses)}"
        assert flood.drained.wait(DRAIN_LIMIT_S), f"the flood's backlog was never answered: {dict(flood.statuses)}"
        student = bound_session(STUDENT_ADDRESS)
        me = uuid.uuid4().hex
        for question in QUESTIONS:
            started = time.monotonic()
            resp = student.post(
                f"{cluster.base}/webhooks/rest/webhook", json={"sender": me, "message": question}, timeout=30
            )
            latencies.append(time.monotonic() - started)
            assert resp.status_code == 200, resp.text
            assert "Sorry" not in resp.text and resp.json(), resp.text
        assert flood.is_alive(), "the flood stopped before the student was done"
        # What the flooding address is told; naming another client in a header does not help.
        refused = None
        flooder = bound_session(FLOOD_REST_ADDRESS)
        for _ in range(200):
            resp = flooder.post(
                f"{cluster.base}/webhooks/rest/webhook",
                json={"sender": uuid.uuid4().hex, "message": "hi"},
                timeout=10,
                headers={"X-Forwarded-For": STUDENT_ADDRESS},  # nginx limits by the connection's address
            )
            if resp.status_code == 429 and "Retry-After" in resp.headers:
                refused = resp
                break
    finally:
        flood.stop.set()
        flood.join(60)
    print(
        f"\nflood through nginx: {dict(flood.statuses)} (backlog answered in {flood.drain_s:.1f} s); "
        f"student: max {max(latencies) * 1000:.0f} ms, "
        f"mean {sum(latencies) / len(latencies) * 1000:.0f} ms; each (ms): {[round(x * 1000) for x in latencies]}"
    )
    assert max(latencies) < 1.0, [round(x, 3) for x in latencies]
    assert set(flood.statuses) <= {200, 429}, dict(flood.statuses)  # no 5xx, no dropped connection
    assert flood.statuses[429] > flood.statuses[200]
    assert refused is not None
    assert "slow down" in refused.json()["error"] and refused.headers["Retry-After"].isdigit()
    assert "limiting requests" in Path(cluster.work, "nginx-error.log").read_text()  # nginx refused some itself
