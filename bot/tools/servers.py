"""Start, wait for, and stop the action server and Rasa. Used by `make run` and the e2e tests.
Rasa is started as `python -m bot.tools.rasa_cli run …`: Rasa's CLI with our patches applied
first (docs/speedups.md).

Both listen on loopback unless told otherwise: ACTIONS_HOST (the action server has no
authentication; open it only to the Rasa hosts of a multi-host set-up) and RASA_HOST (put a
TLS proxy such as nginx in front rather than exposing Rasa directly; docs/deploy.md).
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO, List, Optional, Sequence, Union

from bot import ROOT, settings

BIN = Path(sys.executable).parent
#: How we start Rasa: its own CLI with our patches applied first (bot/tools/rasa_cli.py). Plain
#: `BIN / "rasa"` is for the stock baseline of `make bench` only.
RASA_CLI = [str(BIN / "python"), "-m", "bot.tools.rasa_cli"]
#: The trained model; MODEL_PATH points elsewhere (a model trained into another folder for a test run).
MODEL = settings.MODEL_PATH.get() or ROOT / "models" / "manufacturing.tar.gz"


@dataclass
class Server:
    name: str
    process: subprocess.Popen
    ready_url: str
    log_path: Optional[str] = None  # where its output goes: quoted when it fails to start

    def stop(self, timeout: float = 20) -> None:
        """Sanic stops on SIGINT after finishing the requests in flight (up to 15 s)."""
        if self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGINT)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def stop_on_sigterm() -> None:
    """SIGTERM (systemd, Docker, supervisors) stops this launcher as Ctrl-C does: in order."""

    def stop(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)


#: Where a server's output goes: a file path (opened for appending, and closed again once the
#: child has its own copy), an open file the caller manages, or None (this terminal).
Log = Union[Path, IO, None]


def spawn(name: str, args: List[str], ready_url: str, log: Log, env: Optional[dict], cwd: Path = ROOT) -> Server:
    if isinstance(log, Path):
        with open(log, "a") as file:
            return spawn(name, args, ready_url, file, env, cwd)
    proc = subprocess.Popen(
        args,
        cwd=cwd,
        stdout=log,
        stderr=subprocess.STDOUT if log else None,
        env=settings.child_environment(env),
        start_new_session=True,
    )
    return Server(name, proc, ready_url, getattr(log, "name", None))


def start_actions(
    port: int = 5055, log: Log = None, env: Optional[dict] = None, extra_args: Sequence[str] = ()
) -> Server:
    args = [str(BIN / "python"), "-m", "bot.tools.action_server", "--port", str(port), *extra_args]
    host = {"SANIC_HOST": settings.ACTIONS_HOST.get()}  # rasa-sdk's only way to set it
    return spawn("action server", args, f"http://127.0.0.1:{port}/health", log, {**host, **(env or {})})


def start_rasa(
    port: int = 5005,
    endpoints: Path = ROOT / "endpoints.yml",
    log: Log = None,
    env: Optional[dict] = None,
    model: Path = MODEL,
    extra_args: Sequence[str] = (),
) -> Server:
    args = [
        *RASA_CLI,
        "run",
        "--model",
        str(model),
        "--port",
        str(port),
        "--interface",
        settings.RASA_HOST.get(),
        "--credentials",
        str(ROOT / "credentials.yml"),
        "--endpoints",
        str(endpoints),
        *extra_args,
    ]
    secret = {} if settings.CONVERSATION_SECRET.raw() else {"CONVERSATION_SECRET": local_secret()}
    return spawn("Rasa", args, f"http://127.0.0.1:{port}/", log, {**secret, **(env or {})})


#: The conversation secret of `make run`, `make cluster` and the tests when CONVERSATION_SECRET is
#: not set: made at the first start, kept (owner-only) so that conversations survive restarts and
#: every replica started from this folder signs alike (bot/channels/conversation_ids.py).
SECRET_FILE = ROOT / "var" / "conversation-secret"


def local_secret(path: Path = SECRET_FILE) -> str:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not path.exists():
        draft = path.with_name(f".{path.name}.{os.getpid()}")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as file:
            file.write(secrets.token_urlsafe(32) + "\n")
        try:
            os.link(draft, path)  # atomic: two first starts at once keep one secret
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text().strip()


def _log_tail(path: Optional[str], lines: int = 20) -> str:
    if not path or not os.path.exists(path):
        return ""
    with open(path, errors="replace") as log:
        tail = [line for line in log.read().splitlines() if "Warning" not in line][-lines:]
    return f"; the end of {path}:\n" + "\n".join(tail)


def wait_ready(server: Server, timeout: float = 180) -> float:
    """Seconds until the server answers its ready URL; raises if it exits or times out."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"{server.name} exited with code {server.process.returncode} while starting"
                + _log_tail(server.log_path)
            )
        try:
            with urllib.request.urlopen(server.ready_url, timeout=2) as resp:
                if resp.status == 200:
                    return time.monotonic() - start
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    raise TimeoutError(f"{server.name} was not ready after {timeout:.0f} s ({server.ready_url})")
