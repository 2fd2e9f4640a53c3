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
"""

from __future__ import annotations

import sys
from typing import List, Optional


def main(argv: Optional[List[str]] = None) -> int:
    from bot import speedups

    speedups.ensure_applied(origin="bot.tools.rasa_cli")
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *(sys.argv[1:] if argv is None else argv)]
    rasa_main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
