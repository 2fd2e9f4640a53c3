"""Rasa's own command line, with our changes to Rasa applied first, in the open.

    python -m bot.tools.rasa_cli <rasa arguments…>      e.g.  run --model models/manufacturing.tar.gz
                                                              shell | train | test core | data validate

How this project starts Rasa, every time: `make train/shell/test-stories/test-nlu/test-data`,
bot/tools/servers.py (`make run`, `make cluster`, the e2e tests, our side of `make bench`) and the
systemd unit. Before handing over to Rasa's CLI (`rasa.__main__.main`, what the `rasa` script
runs) it calls `bot.speedups.ensure_applied()`: the log redaction (bot/privacy.py) and every patch
in bot/speedups whose guards allow it (Rasa's version, the replaced names' signatures), with the
speed-ups switched by BOT_SPEEDUPS (docs/speedups.md). Plain `rasa` runs Rasa untouched, except
that our channels apply the same patches when `rasa run` loads them from credentials.yml.
With `--credentials FILE`, every channel it names must be a bot.channels.base.Channel (the rate
limits and the reply guarantee), or Rasa does not start.
"""

from __future__ import annotations

import sys
from typing import List, Optional


def main(argv: Optional[List[str]] = None) -> int:
    from bot import speedups

    speedups.ensure_applied(origin="bot.tools.rasa_cli")
    from rasa.__main__ import main as rasa_main

    args = sys.argv[1:] if argv is None else argv
    credentials = _option(args, "--credentials")
    if credentials:
        check_credentials(credentials)
    sys.argv = ["rasa", *args]
    rasa_main()
    return 0


def _option(args: List[str], name: str) -> Optional[str]:
    for i, arg in enumerate(args):
        if arg == name and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def check_credentials(path: str) -> None:
    """SystemExit unless every channel `path` names is one of ours (bot.channels.base.check_channels)."""
    import yaml

    from bot.channels.base import check_channels

    with open(path, encoding="utf-8") as file:
        channels = yaml.safe_load(file) or {}
    check_channels(channels if isinstance(channels, dict) else {})


if __name__ == "__main__":
    sys.exit(main())
