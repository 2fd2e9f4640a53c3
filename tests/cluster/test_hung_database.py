"""A hung PostgreSQL through a real replica: the turn gets the store-fault apology within a
bound, the replica's event loop keeps serving, and another conversation still gets its answer.
A replica started while PostgreSQL cannot be reached waits for it, then serves."""

from __future__ import annotations

import socket
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Optional

import psycopg2
import requests
import sqlalchemy as sa

from bot.channels.guarantee import STORE_DOWN
from bot.render import money
from bot.stores import connect
from bot.tools.servers import start_rasa, wait_ready
from tests.cluster.conftest import ask
from tests.conftest import role

#: What a turn may take when the database hangs: a statement limit, the apology, margin.
BOUND_S = connect.CALL_TIMEOUT_S + 2


def hold(database, sql, seconds, params=None):
    """Another client that runs `sql` in a transaction and keeps it open for `seconds`."""
    u = sa.engine.make_url(database)
    connection = psycopg2.connect(host=u.host, port=u.port or 5432, user=u.username, dbname=u.database)
    ready = threading.Event()

    def run():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            ready.set()
            time.sleep(seconds)
        connection.rollback()
        connection.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert ready.wait(10)
    return thread


def timed_ask(base, sender, text):
    started = time.monotonic()
    reply = ask(base, sender, text, timeout=60)
    return reply, time.monotonic() - started


def test_a_locked_events_table_gets_an_apology_within_a_bound_and_the_replica_keeps_serving(cluster, database, kb):
    base = cluster.replica_base(0)
    me = uuid.uuid4().hex
    ask(base, me, "how much do welders make")
    locker = hold(database, "LOCK TABLE events IN ACCESS EXCLUSIVE MODE", 15)
    with ThreadPoolExecutor(1) as pool:
        turn = pool.submit(timed_ask, base, me, "what education do they need")
        time.sleep(0.5)
        pings = []
        while not turn.done():  # the event loop is free meanwhile
            begun = time.monotonic()
            assert requests.get(base, timeout=5).status_code == 200
            pings.append(time.monotonic() - begun)
            time.sleep(0.2)
        reply, took = turn.result()
    print(f"\nlocked events table: apology in {took:.1f} s; replica answered pings in max {max(pings) * 1000:.0f} ms")
    assert STORE_DOWN in reply and took < BOUND_S, (reply, took)
    assert pings and max(pings) < 0.5
    locker.join(30)
    assert role(kb, "welder").education.typical_entry in ask(base, me, "what education do they need")  # recovered
    logs = cluster.work / "rasa-0.log"
    assert "57014" in logs.read_text() or "QueryCanceled" in logs.read_text()


def test_a_conversation_held_by_a_hung_client_does_not_hold_the_others(cluster, database, kb):
    base = cluster.replica_base(1)
    stuck, other = uuid.uuid4().hex, uuid.uuid4().hex
    ask(base, stuck, "how much do welders make")
    ask(base, other, "how much do welders make")
    locker = hold(database, "SELECT 1 FROM conversation_state WHERE sender_id = %s FOR UPDATE", 12, (stuck,))
    with ThreadPoolExecutor(1) as pool:
        turn = pool.submit(timed_ask, base, stuck, "what education do they need")
        time.sleep(0.3)
        answer, took_other = timed_ask(base, other, "how much do machinists make")
        reply, took = turn.result()
    print(f"\nconversation row locked: apology in {took:.1f} s; another conversation answered in {took_other:.2f} s")
    assert STORE_DOWN in reply and took < BOUND_S
    assert money(role(kb, "machinist").median_pay.annual_usd) in answer and took_other < 2.0
    locker.join(30)


class Gate:
    """A TCP port that refuses connections until opened, then forwards them to PostgreSQL."""

    def __init__(self, port, target=("127.0.0.1", 5432)):
        self.port, self.target = port, target
        self.server: Optional[socket.socket] = None

    def open(self):
        self.server = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, args=(self.server,), daemon=True).start()

    def _accept(self, server: socket.socket):
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(a, b):
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def close(self):
        if self.server:
            self.server.close()


def test_a_replica_started_while_postgresql_is_unreachable_waits_then_serves(cluster, database, tmp_path):
    gate = Gate(cluster.port + 95)
    url = sa.engine.make_url(database).set(port=gate.port)
    port = cluster.rasa_base_port + 5
    log = tmp_path / "rasa-late.log"
    env = {
        **cluster.env,
        "DATABASE_URL": str(url),
        "REDIS_URL": cluster.redis_url,
        "ACTION_SERVER_URL": f"http://127.0.0.1:{cluster.actions_base_port}/webhook",
    }
    from bot.tools.cluster import ENDPOINTS

    with open(log, "a") as out:
        server = start_rasa(port, ENDPOINTS, log=out, env=env)
    try:
        deadline = time.monotonic() + 120
        while "Conversation database unreachable at start-up" not in log.read_text():
            assert server.process.poll() is None, log.read_text()[-2000:]
            assert time.monotonic() < deadline, "no retry was logged"
            time.sleep(0.5)
        time.sleep(3)
        assert server.process.poll() is None  # waiting, not exiting (no restart loop)
        gate.open()
        wait_ready(server)
        reply = ask(f"http://127.0.0.1:{port}", uuid.uuid4().hex, "how much do welders make")
        assert "Median pay" in reply or "$" in reply, reply
        assert log.read_text().count("Conversation database unreachable at start-up") >= 2
    finally:
        server.stop()
        gate.close()
