"""Keep Python's full garbage collections short.

After start-up a server process holds a few million long-lived objects (TensorFlow, spaCy, the
model, the knowledge index). Every so often Python's collector walks all of them: on our
machines a full collection of the Rasa process took ~240 ms, a stall felt by every conversation
in flight. None of these objects will ever be garbage, so once start-up is done we move them out
of the collector's sight (`gc.freeze`); later collections walk only what was made since.

A speed-up of our own processes (Rasa's and the action server's), not a change to Rasa's code:
BOT_SPEEDUPS=off turns it off too. Imports nothing of Rasa (the action server must not).
"""

from __future__ import annotations

import gc
import logging

logger = logging.getLogger(__name__)


def freeze_startup_heap(*_: object) -> None:
    """Call once the process is ready to serve (usable as a Sanic listener)."""
    from bot.speedups import enabled  # bot.speedups imports Rasa only when patches are applied

    if not enabled():
        logger.debug("Start-up heap not frozen (BOT_SPEEDUPS=off)")
        return
    gc.collect()
    gc.freeze()
    logger.debug("Moved %d start-up objects out of the garbage collector's generations", gc.get_freeze_count())
