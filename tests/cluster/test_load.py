"""The cluster under load and faults, through nginx, on loopback: 64 simulated students with
follow-up questions (harness/students.py). Every acknowledged turn must be in PostgreSQL, no
conversation may get another's context, and after a crash, a database restart or Redis going
away the service recovers by itself."""

from __future__ import annotations

import asyncio
import subprocess
import threading
import time
from pathlib import Path
from typing import Callable, List

import requests

from harness.students import Outcome, crowd, summary
from tests.cluster.conftest import stored_user_texts

USERS = 64


def run_load(cluster, kb, seconds: float, during: Callable[[], None] = lambda: None, users: int = USERS):
    """Students for `seconds` while `during` runs in a thread (a fault); returns the outcomes."""
    fault = threading.Thread(target=during, daemon=True)
    fault.start()
    outcomes = asyncio.run(crowd(cluster.base, kb.roles, users, seconds))
    fault.join(120)
    assert not fault.is_alive()
    return outcomes


def assert_nothing_acknowledged_was_lost(cluster, outcomes: List[Outcome]) -> None:
    for o in outcomes:
        stored = iter(stored_user_texts(cluster.database_url, o.sender))
        # Each acknowledged question is stored, in order (a retried one may be stored twice).
        assert all(any(text == s for s in stored) for text in o.acknowledged), o.sender


def assert_all_replicas_up(cluster) -> None:
    for i in range(cluster.replicas):
        assert cluster.rasa[i].process.poll() is None, f"replica {i} is down"
        assert requests.get(cluster.replica_base(i), timeout=5).status_code == 200


def test_64_students_for_a_minute(cluster, kb):
    outcomes = run_load(cluster, kb, 60)
    result = summary(outcomes, 60)
    print(f"\nload through nginx, 2 replicas: {result}")
    assert result["turns"] > 1000, result
    assert result["failed_tries"] == 0 and result["gave_up"] == 0, result
    assert result["wrong"] == 0, [o.wrong[:2] for o in outcomes if o.wrong][:3]  # no borrowed context
    assert_nothing_acknowledged_was_lost(cluster, outcomes)
    for o in outcomes[:8]:  # nothing more than what was acknowledged, either
        assert len(stored_user_texts(cluster.database_url, o.sender)) == len(o.acknowledged)


def test_a_replica_killed_under_load_loses_nothing_and_rejoins(cluster, kb):
    def crash_and_restart():
        time.sleep(8)
        cluster.kill_replica(0)  # kill -9
        time.sleep(2)
        cluster.restart_replica(0)  # what systemd's Restart=always (or make cluster) does

    outcomes = run_load(cluster, kb, 40, crash_and_restart)
    result = summary(outcomes, 40)
    print(f"\nkill -9 of replica 0 under load: {result}")
    assert result["gave_up"] == 0 and result["wrong"] == 0, result
    assert_nothing_acknowledged_was_lost(cluster, outcomes)
    assert_all_replicas_up(cluster)
    log = Path(cluster.work, "nginx-error.log").read_text()
    assert "127.0.0.1:%d" % cluster.rasa_base_port in log  # nginx did see the replica go


def test_postgresql_restarted_under_load(cluster, kb):
    version = sorted(p.name for p in Path("/etc/postgresql").iterdir())[-1]
    apologies_before = []

    def restart_database():
        time.sleep(6)
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "stop", "-m", "fast"],
            check=True,
            timeout=60,
        )
        time.sleep(3)  # users get a short apology meanwhile
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"], check=True, timeout=60)
        apologies_before.append(time.monotonic())

    try:
        outcomes = run_load(cluster, kb, 30, restart_database, users=32)
    finally:  # never leave the machine without its database
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"], timeout=60)
    result = summary(outcomes, 30)
    print(f"\nPostgreSQL restarted under load: {result}")
    assert sum(o.failures.get("apology", 0) for o in outcomes) > 0, result  # told, not silently forgotten
    assert result["gave_up"] == 0 and result["wrong"] == 0, result
    assert_nothing_acknowledged_was_lost(cluster, outcomes)
    assert_all_replicas_up(cluster)  # no crash, no restart loop
    recovered = asyncio.run(crowd(cluster.base, kb.roles, 8, 3))
    assert summary(recovered, 3)["failed_tries"] == 0


def test_redis_down_refuses_with_an_apology_then_recovers(cluster, kb, private_redis):
    def redis_outage():
        time.sleep(5)
        private_redis.stop()
        time.sleep(4)
        private_redis.start()

    outcomes = run_load(cluster, kb, 20, redis_outage, users=32)
    result = summary(outcomes, 20)
    print(f"\nRedis down for 4 s under load: {result}")
    assert sum(o.failures.get("apology", 0) for o in outcomes) > 0, result
    assert result["gave_up"] == 0 and result["wrong"] == 0, result
    assert_nothing_acknowledged_was_lost(cluster, outcomes)
    assert_all_replicas_up(cluster)
    logs = "".join(Path(cluster.work, f"rasa-{i}.log").read_text() for i in range(cluster.replicas))
    assert "Redis lock store unreachable" in logs
