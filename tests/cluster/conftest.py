"""A real district deployment on loopback for the cluster tests: two Rasa replicas (and their
action servers) on a PostgreSQL database of its own, a Redis server of its own (so a test may stop
it), and nginx with the project's own configuration in front (bot/tools/cluster.py).

Never skipped: without PostgreSQL, Redis or nginx the tests fail and say what to install."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from dataclasses import dataclass
from typing import Optional

import pytest
import redis
import requests
import sqlalchemy as sa

from bot.tools.cluster import DEFAULT_REDIS_URL, Cluster, ServiceMissing, check_services, drop_database
from bot.tools.servers import MODEL
from tests.e2e.conftest import SLACK_SECRET, port_free

BASE_PORT = int(os.environ.get("CLUSTER_TEST_PORT", "5400"))  # nginx; replicas and Redis above it


@dataclass
class PrivateRedis:
    """A Redis server of the tests' own, so that a test can stop and start it."""

    port: int
    process: Optional[subprocess.Popen] = None  # while started

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        assert binary, "redis-server is missing: run `make services`"
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        client = redis.Redis(port=self.port)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("the tests' Redis did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


@pytest.fixture(scope="session")
def database():
    """A database of this run's own on the machine's PostgreSQL, dropped afterwards."""
    url = f"postgresql://postgres@127.0.0.1:5432/mfg_test_{uuid.uuid4().hex[:10]}"
    try:
        check_services(url, DEFAULT_REDIS_URL)  # creates it; fails (never skips) without the services
    except ServiceMissing as missing:
        pytest.fail(str(missing))
    yield url
    drop_database(url)


@pytest.fixture(scope="session")
def private_redis():
    server = PrivateRedis(BASE_PORT + 90)
    assert port_free(server.port), f"port {server.port} is in use"
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def cluster(tmp_path_factory, database, private_redis, slack):
    assert MODEL.exists(), "no trained model: run `make train` first"
    c = Cluster(
        replicas=2,
        port=BASE_PORT,
        rasa_base_port=BASE_PORT + 10,
        actions_base_port=BASE_PORT + 20,
        database_url=database,
        redis_url=private_redis.url,
        work=tmp_path_factory.mktemp("cluster"),
        env={
            "SLACK_BOT_TOKEN": "xoxb-cluster",
            "SLACK_SIGNING_SECRET": SLACK_SECRET,
            "SLACK_API_URL": slack.url,
            # Smaller per-address limits in the replicas (a school of 100), so that a flood reaches
            # them within seconds (tests/cluster/test_rate_limits.py); the simulated students of
            # the load tests each come from their own loopback address (harness/students.py).
            "STUDENTS_PER_ADDRESS": "100",
        },
    )
    for port in (c.port, *(c.rasa_base_port + i for i in range(2)), *(c.actions_base_port + i for i in range(2))):
        assert port_free(port), f"port {port} is in use (set CLUSTER_TEST_PORT)"
    try:
        c.start()
        yield c
    finally:
        c.stop()


def ask(base: str, sender: str, text: str, timeout: float = 30) -> str:
    resp = requests.post(f"{base}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=timeout)
    assert resp.status_code == 200, resp.text
    return "\n".join(m.get("text", "") for m in resp.json())


def stored_user_texts(database: str, sender: str):
    engine = sa.create_engine(database)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.text("SELECT data FROM events WHERE sender_id = :s AND type_name = 'user' ORDER BY id"),
                {"s": sender},
            ).all()
    finally:
        engine.dispose()
    import json

    return [json.loads(row.data)["text"] for row in rows]
