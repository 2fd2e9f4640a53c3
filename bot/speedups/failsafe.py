"""Not a speed-up (stays on with BOT_SPEEDUPS=off): keeps Rasa from hiding a failing conversation store.

Rasa 3.6's `Agent._create_tracker_store` wraps every store in `FailSafeTrackerStore`, which
answers a failed read with "no conversation" and a failed write by saving to memory: context is
lost without anyone knowing (bot/store_faults.py). Stores that handle their own faults
(`handles_faults = True`) are used as they are; any other store is wrapped as Rasa does.

Replaces rasa.core.agent.Agent._create_tracker_store (applied, guarded, by bot.speedups).
"""

from __future__ import annotations

from typing import Any

from rasa.core.agent import Agent

# Rasa's own. None if this Rasa lacks it, and then the guard never applies the patch (hence Any).
_rasa_create: Any = getattr(Agent, "_create_tracker_store", None)
PATCHED = ("rasa.core.agent.Agent._create_tracker_store",)


def _create_tracker_store(store: Any, domain: Any) -> Any:
    if getattr(store, "handles_faults", False):
        store.domain = domain
        return store
    return _rasa_create(store, domain)
