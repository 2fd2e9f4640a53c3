"""A district deployment on one machine: N Rasa replicas, one action server each, PostgreSQL,
Redis, and nginx on loopback in front (docs/deploy.md). Ctrl-C or SIGTERM stops everything.

    python -m bot.tools.cluster [--replicas 2] [--port 8080]        (make cluster)

Configuration by environment: DATABASE_URL, REDIS_URL, REPLICAS, CLUSTER_PORT. A replica that
exits is restarted (as systemd's Restart=always does in production).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from bot import ROOT, settings
from bot.locks import DEFAULT_REDIS_URL
from bot.locks import redis_url as configured_redis_url
from bot.tools.servers import Server, start_actions, start_rasa, stop_on_sigterm, wait_ready

NGINX_SITE = ROOT / "deploy" / "nginx" / "manufacturing-careers.conf"
ENDPOINTS = ROOT / "deploy" / "endpoints.yml"
DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/manufacturing_careers"
MAIN_CONF = """# Written by bot/tools/cluster.py: the nginx process of `make cluster`.
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
# Room for the 600 socket.io connections one address may hold (deploy/nginx), each proxied.
worker_rlimit_nofile 8192;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {work}/tmp/body;
    proxy_temp_path {work}/tmp/proxy;
    fastcgi_temp_path {work}/tmp/fastcgi;
    uwsgi_temp_path {work}/tmp/uwsgi;
    scgi_temp_path {work}/tmp/scgi;
    include {site};
}}
"""


class ServiceMissing(SystemExit):
    """PostgreSQL or Redis is not there: says what to do."""


def pg_admin(sql: str, *args: object, url: str = DEFAULT_DATABASE_URL) -> list:
    """One statement on the `postgres` database of the server in `url` (a new connection each time:
    the server may have restarted); returns the rows."""
    import psycopg2
    import sqlalchemy as sa

    u = sa.engine.make_url(url)
    try:
        connection = psycopg2.connect(
            host=u.host, port=u.port or 5432, user=u.username, password=u.password, dbname="postgres", connect_timeout=3
        )
    except psycopg2.OperationalError as error:
        raise ServiceMissing(
            f"PostgreSQL is not reachable ({str(error).strip()}). Start it, or install it: "
            "`make services` (as root, from Debian's packages)"
        ) from None
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, args or None)
            return cursor.fetchall() if cursor.description else []
    finally:
        connection.close()


def check_services(database_url: str, redis_url: str) -> None:
    """Fail with what to do when PostgreSQL or Redis is missing; create the database if needed."""
    import redis
    import sqlalchemy as sa

    name = sa.engine.make_url(database_url).database
    if not pg_admin("SELECT 1 FROM pg_database WHERE datname = %s", name, url=database_url):
        pg_admin(f'CREATE DATABASE "{name}"', url=database_url)
    try:
        redis.Redis.from_url(redis_url, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        raise ServiceMissing(
            f"Redis is not reachable at {redis_url} ({error}). Start it, or install it: `make services`"
        ) from None


def drop_database(url: str) -> None:
    import sqlalchemy as sa

    name = sa.engine.make_url(url).database
    pg_admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", name, url=url)
    pg_admin(f'DROP DATABASE IF EXISTS "{name}"', url=url)


def prepare_database(database_url: str) -> None:
    """Tables and indexes before the replicas start (not all of them at once)."""
    import sqlalchemy as sa
    from rasa.core.tracker_store import SQLTrackerStore

    from bot.stores import retention, state

    engine = sa.create_engine(database_url)
    SQLTrackerStore.Base.metadata.create_all(engine)
    retention.ensure_timestamp_index(engine, SQLTrackerStore.SQLEvent.__table__)
    state.ensure(engine)
    engine.dispose()


@dataclass
class Cluster:
    replicas: int = 2
    port: int = 8080
    rasa_base_port: int = 5101
    actions_base_port: int = 5151
    database_url: str = DEFAULT_DATABASE_URL
    redis_url: str = DEFAULT_REDIS_URL
    work: Path = ROOT / "var" / "cluster"
    env: Dict[str, str] = field(default_factory=dict)
    rasa: List[Server] = field(default_factory=list)  # one per replica once started
    actions: List[Server] = field(default_factory=list)
    nginx: Optional[subprocess.Popen] = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def access_log(self) -> Path:
        return self.work / "access.log"

    def replica_base(self, i: int) -> str:
        return f"http://127.0.0.1:{self.rasa_base_port + i}"

    def start(self) -> float:
        """Start everything; returns the seconds it took until every part answered."""
        started = time.monotonic()
        (self.work / "tmp").mkdir(parents=True, exist_ok=True, mode=0o700)
        check_services(self.database_url, self.redis_url)
        prepare_database(self.database_url)
        self.actions = [self._start_actions(i) for i in range(self.replicas)]
        self.rasa = [self._start_rasa(i) for i in range(self.replicas)]
        for server in [*self.actions, *self.rasa]:
            wait_ready(server)
        self._start_nginx()
        return time.monotonic() - started

    def _log(self, name: str):
        return open(self.work / f"{name}.log", "a")  # closed here once the child has its own copy

    def _start_actions(self, i: int) -> Server:
        with self._log(f"actions-{i}") as log:
            return start_actions(self.actions_base_port + i, log=log, env=self.env)

    def _start_rasa(self, i: int) -> Server:
        env = {
            **self.env,
            "DATABASE_URL": self.database_url,
            "REDIS_URL": self.redis_url,
            "ACTION_SERVER_URL": f"http://127.0.0.1:{self.actions_base_port + i}/webhook",
        }
        with self._log(f"rasa-{i}") as log:
            return start_rasa(self.rasa_base_port + i, ENDPOINTS, log=log, env=env)

    def _start_nginx(self) -> None:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not os.path.exists(nginx):
            raise SystemExit("nginx is missing: `make services` installs Debian's nginx (as root)")
        snippets = self.work / "manufacturing-careers.d"
        snippets.mkdir(exist_ok=True)
        (snippets / "replicas.conf").write_text(
            "".join(
                f"server 127.0.0.1:{self.rasa_base_port + i} max_fails=1 fail_timeout=5s;\n"
                for i in range(self.replicas)
            )
        )
        (snippets / "listen.conf").write_text(f"listen 127.0.0.1:{self.port};\n")
        (snippets / "access-log.conf").write_text(f"access_log {self.access_log} mfg_private;\n")
        conf = self.work / "nginx.conf"
        conf.write_text(MAIN_CONF.format(work=self.work, site=NGINX_SITE))
        check = subprocess.run(
            [nginx, "-t", "-q", "-p", str(self.work), "-c", str(conf)], capture_output=True, text=True
        )
        if check.returncode:
            raise SystemExit(f"nginx refused its configuration:\n{check.stderr}")
        with self._log("nginx") as log:
            self.nginx = subprocess.Popen(
                [nginx, "-p", str(self.work), "-c", str(conf), "-g", "daemon off;"],
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        wait_ready(Server("nginx", self.nginx, f"{self.base}/chat/settings"))

    def kill_replica(self, i: int) -> None:
        """kill -9, as a crash would."""
        server = self.rasa[i]
        if server and server.process.poll() is None:
            os.killpg(server.process.pid, signal.SIGKILL)
            server.process.wait()

    def restart_replica(self, i: int, wait: bool = True) -> None:
        self.rasa[i] = self._start_rasa(i)
        if wait:
            wait_ready(self.rasa[i])

    def supervise_once(self) -> List[int]:
        """Restart replicas and action servers that exited; returns the replicas restarted."""
        restarted = []
        for i, server in enumerate(self.actions):
            if server and server.process.poll() is not None:
                self.actions[i] = self._start_actions(i)
        for i, server in enumerate(self.rasa):
            if server and server.process.poll() is not None:
                self.restart_replica(i, wait=False)
                restarted.append(i)
        return restarted

    def stop(self) -> None:
        """nginx first (no new requests), then each replica finishing its turns, then actions."""
        if self.nginx and self.nginx.poll() is None:
            self.nginx.send_signal(signal.SIGQUIT)  # graceful: finish open requests
            try:
                self.nginx.wait(15)
            except subprocess.TimeoutExpired:
                self.nginx.kill()
        for server in [*self.rasa, *self.actions]:
            if server:
                server.stop()


def main(argv=None) -> int:
    from bot.tools.serve import load_env_file

    load_env_file()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replicas", type=int, default=settings.REPLICAS.get())
    parser.add_argument("--port", type=int, default=settings.CLUSTER_PORT.get())
    args = parser.parse_args(argv)
    if args.replicas < 1:
        parser.error("--replicas must be 1 or more")
    cluster = Cluster(
        args.replicas,
        args.port,
        database_url=settings.DATABASE_URL.get() or DEFAULT_DATABASE_URL,
        redis_url=configured_redis_url(),
    )
    stop_on_sigterm()
    try:
        print(
            f"==> Starting {args.replicas} Rasa replicas, their action servers and nginx (about a minute)", flush=True
        )
        seconds = cluster.start()
        print(
            f"\nReady in {seconds:.0f} s, {args.replicas} replicas behind nginx on {cluster.base}:\n"
            f"  - web chat: {cluster.base}/chat/ (sample school page: {cluster.base}/chat/demo)\n"
            f"  - REST:     {cluster.base}/webhooks/rest/webhook\n"
            f"  - store:    {cluster.database_url.rpartition('@')[2]}; locks: {cluster.redis_url}\n"
            f"  - logs:     {cluster.work}/\nPress Ctrl-C to stop.\n",
            flush=True,
        )
        while True:
            time.sleep(1)
            for i in cluster.supervise_once():
                print(f"Replica {i} exited; restarted it (log: {cluster.work}/rasa-{i}.log)", flush=True)
    except KeyboardInterrupt:
        return 0
    finally:
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
