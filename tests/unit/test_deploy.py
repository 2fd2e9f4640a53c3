"""The deployment files in deploy/ agree with what `make cluster` and the tests run: the systemd
units start the same commands on the same ports (nginx's check of the site: tests/integration/test_nginx.py)."""

from __future__ import annotations

import configparser
import shlex

import yaml

from bot import ROOT
from bot.tools.cluster import ENDPOINTS, Cluster
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


HBA = """local   all             all                                     peer
host    all             all             127.0.0.1/32            scram-sha-256
host    all             all             ::1/128                 scram-sha-256
host    all             all             10.0.0.0/8              scram-sha-256
"""


def _loopback_auth(tmp_path, flag):
    """deploy/services.sh's step for a PostgreSQL it has just installed, on a copy of pg_hba.conf."""
    import subprocess

    hba = tmp_path / "16" / "main" / "pg_hba.conf"
    hba.parent.mkdir(parents=True)
    hba.write_text(HBA)
    env = {"PATH": "/usr/bin:/bin", **({"TRUST_LOOPBACK_POSTGRES": flag} if flag is not None else {})}
    script = ROOT / "deploy" / "services.sh"
    subprocess.run(["bash", "-c", f'source "{script}" && loopback_auth "{tmp_path}"'], env=env, check=True)
    return hba.read_text()


def test_services_sh_trusts_loopback_only_when_the_test_harness_asks(tmp_path):
    assert _loopback_auth(tmp_path / "unset", None) == HBA  # a server keeps its passwords
    assert _loopback_auth(tmp_path / "other", "yes") == HBA  # only the explicit flag
    trusted = _loopback_auth(tmp_path / "asked", "1").splitlines()
    assert trusted[1].split()[-1] == trusted[2].split()[-1] == "trust"
    assert trusted[0].endswith("peer") and trusted[3].endswith("scram-sha-256")  # nothing else changes


def test_only_the_test_targets_set_the_flag():
    makefile = (ROOT / "Makefile").read_text()
    lines = [line for line in makefile.splitlines() if "TRUST_LOOPBACK_POSTGRES" in line and ":" in line]
    assert lines == ["test-integration test-cluster bench-cluster: export TRUST_LOOPBACK_POSTGRES := 1"]
    assert (
        "TRUST_LOOPBACK_POSTGRES" not in (ROOT / "deploy" / "systemd" / "manufacturing-careers.env.example").read_text()
    )
