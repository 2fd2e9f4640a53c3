"""The deployment files in deploy/ agree with what `make cluster` and the tests run: the systemd
units start the same commands on the same ports, and nginx accepts the site configuration."""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import subprocess

import pytest
import yaml

from bot import ROOT
from bot.tools.cluster import ENDPOINTS, MAIN_CONF, NGINX_SITE, Cluster
from bot.tools.servers import RASA_CLI

UNITS = ROOT / "deploy" / "systemd"


class _KeysAsWritten(configparser.ConfigParser):
    """systemd's keys are case-sensitive (ExecStart): not lowercased as ConfigParser does by default."""

    def optionxform(self, optionstr: str) -> str:
        return optionstr


def unit(name):
    parser = _KeysAsWritten(strict=False, interpolation=None)
    parser.read(UNITS / name)
    return parser


def test_units_run_the_commands_of_make_cluster_on_its_ports():
    defaults = Cluster()
    rasa = shlex.split(unit("manufacturing-careers-rasa@.service")["Service"]["ExecStart"])
    assert rasa[1:3] == RASA_CLI[1:]  # Rasa's CLI with our patches applied first, as start_rasa runs it
    rasa = rasa[:1] + rasa[3:]
    assert (
        rasa[1:3] == ["run", "--model"] and "--interface" in rasa and rasa[rasa.index("--interface") + 1] == "127.0.0.1"
    )
    assert rasa[rasa.index("--endpoints") + 1] == str(ENDPOINTS.relative_to(ROOT))
    assert rasa[rasa.index("--port") + 1] == f"{str(defaults.rasa_base_port)[:-1]}%i"  # 5101 for instance 1
    env = unit("manufacturing-careers-rasa@.service")["Service"]["Environment"]
    assert env == f"ACTION_SERVER_URL=http://127.0.0.1:{str(defaults.actions_base_port)[:-1]}%i/webhook"
    actions = unit("manufacturing-careers-actions@.service")["Service"]
    assert shlex.split(actions["ExecStart"])[1:] == [
        "-m",
        "bot.tools.action_server",
        "--port",
        f"{str(defaults.actions_base_port)[:-1]}%i",
    ]
    assert actions["Environment"] == "SANIC_HOST=127.0.0.1"  # no authentication: loopback only
    for name in ("manufacturing-careers-rasa@.service", "manufacturing-careers-actions@.service"):
        service = unit(name)["Service"]
        assert service["KillSignal"] == "SIGINT" and service["Restart"] == "always" and service["UMask"] == "0077"


def test_the_environment_example_names_what_the_endpoints_use():
    example = (UNITS / "manufacturing-careers.env.example").read_text()
    endpoints = ENDPOINTS.read_text()
    for var in ("DATABASE_URL", "REDIS_URL"):
        assert f"${{{var}}}" in endpoints and f"\n{var}=" in example
    config = yaml.safe_load(endpoints)
    assert config["tracker_store"]["type"] == "bot.stores.RedactingSQLTrackerStore"
    assert config["lock_store"]["type"] == "bot.locks.RedisConversationLocks"


def test_nginx_accepts_the_site_configuration(tmp_path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(nginx):
        pytest.fail("nginx is missing: run `make services`")
    snippets = tmp_path / "manufacturing-careers.d"
    snippets.mkdir()
    (snippets / "replicas.conf").write_text("server 127.0.0.1:5101;\nserver 127.0.0.1:5102;\n")
    (snippets / "listen.conf").write_text("listen 127.0.0.1:8080;\n")
    (snippets / "access-log.conf").write_text(f"access_log {tmp_path}/access.log mfg_private;\n")
    (tmp_path / "tmp").mkdir()
    conf = tmp_path / "nginx.conf"
    conf.write_text(MAIN_CONF.format(work=tmp_path, site=NGINX_SITE))
    check = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-c", str(conf)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
