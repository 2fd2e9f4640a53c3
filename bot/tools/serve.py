"""Run the assistant: action server, then Rasa (or the terminal chat), stopped together by
Ctrl-C or SIGTERM (what systemd, Docker and supervisors send): Rasa first, finishing the turns in
flight, then the action server.

    python -m bot.tools.serve [--shell] [--rasa-port 5005] [--actions-port 5055] [--localhost-pages]

`make run` passes --localhost-pages: pages on localhost may embed the chat (ALLOW_LOCALHOST_ORIGINS),
unless .env or the environment sets it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Dict

import yaml
from dotenv import load_dotenv

from bot import ROOT, settings
from bot.tools.servers import MODEL, RASA_CLI, start_actions, start_rasa, stop_on_sigterm, wait_ready


def load_env_file(path=ROOT / ".env") -> None:
    """KEY=VALUE lines from .env into the environment (values already set win), read by
    python-dotenv: quotes, comments and `export` lines as shells and Docker read them."""
    load_dotenv(path, override=False)


def endpoints_for(path: Path, actions_port: int) -> Path:
    """The endpoints file, with Rasa pointed at the action server on `actions_port`: a copy in
    var/ when the port is not the file's (`make run ACTIONS_PORT=7055` called 5055 before)."""
    config = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    url = f"http://localhost:{actions_port}/webhook"
    action_endpoint = config.get("action_endpoint") or {}
    if action_endpoint.get("url") == url:
        return path
    config["action_endpoint"] = {**action_endpoint, "url": url}
    out = ROOT / "var" / f"endpoints-actions-{actions_port}.yml"
    out.parent.mkdir(mode=0o700, exist_ok=True)
    out.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return out


def localhost_pages(wanted: bool) -> Dict[str, str]:
    """Rasa's environment for --localhost-pages: ALLOW_LOCALHOST_ORIGINS on, unless already set."""
    if wanted and not settings.ALLOW_LOCALHOST_ORIGINS.raw():
        return {settings.ALLOW_LOCALHOST_ORIGINS.name: "on"}
    return {}


def main() -> int:
    stop_on_sigterm()
    os.umask(0o077)  # conversations and logs written by the servers: readable by their owner only
    load_env_file()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shell", action="store_true", help="chat in this terminal instead of serving")
    parser.add_argument("--rasa-port", type=int, default=5005)
    parser.add_argument("--actions-port", type=int, default=5055)
    parser.add_argument(
        "--localhost-pages", action="store_true", help="pages on localhost may embed the chat (for trying it out)"
    )
    parser.add_argument("--endpoints", default=str(ROOT / "endpoints.yml"), help="Rasa's endpoints file")
    args = parser.parse_args()

    endpoints = str(endpoints_for(Path(args.endpoints), args.actions_port))
    actions = start_actions(args.actions_port)
    try:
        print(f"==> Starting the action server on port {args.actions_port}")
        wait_ready(actions)
        if args.shell:
            # rasa shell also serves HTTP: on loopback, like `make run` (it listened on 0.0.0.0).
            return subprocess.call(
                [
                    *RASA_CLI,
                    "shell",
                    "--model",
                    str(MODEL),
                    "--endpoints",
                    endpoints,
                    "--interface",
                    settings.RASA_HOST.get(),
                    "--port",
                    str(args.rasa_port),
                ],
                cwd=ROOT,
            )
        rasa = start_rasa(args.rasa_port, Path(endpoints), env=localhost_pages(args.localhost_pages))
        try:
            print(f"==> Starting Rasa on port {args.rasa_port} (about a minute)")
            seconds = wait_ready(rasa)
            base = f"http://localhost:{args.rasa_port}"
            print(
                f"\nReady in {seconds:.0f} s. Chat with the assistant:\n"
                f"  - REST:      curl -s {base}/webhooks/rest/webhook -H 'Content-Type: application/json' "
                f'-d \'{{"sender": "me", "message": "how much do welders make?"}}\'\n'
                f"  - web chat:  {base}/chat/ (a sample school page: {base}/chat/demo)\n"
                f"  - socket.io: {base}/socket.io (for web widgets)\n"
                f"  - terminal:  make shell\n"
                f"Press Ctrl-C to stop.\n",
                flush=True,
            )
            return rasa.process.wait()
        except KeyboardInterrupt:
            return 0
        finally:
            rasa.stop()
    except KeyboardInterrupt:
        return 0
    finally:
        actions.stop()


if __name__ == "__main__":
    sys.exit(main())
