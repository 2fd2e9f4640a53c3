"""Fixes to slow paths inside Rasa 3.6 and in our server processes.

`apply()` runs when Rasa loads our channels (before it loads the model). Each module says what it
replaces, why, and how behaviour is kept; tests compare each with Rasa's own code. What each
change bought is measured by `make bench` and recorded in the note of issue #7.
"""
from __future__ import annotations


def apply() -> None:
    # Imported here: the action server uses bot.speedups.heap and must not import Rasa.
    from bot.speedups import action_calls, domain, events, failsafe, graph

    action_calls.apply()
    domain.apply()
    events.apply()
    failsafe.apply()
    graph.apply()
