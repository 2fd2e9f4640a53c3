"""Private Rasa names the project relies on without replacing them: the second half of the register
(the first is PATCHES in bot/speedups/__init__.py; docs/speedups.md lists both).

Outside bot/speedups, code names no private Rasa name except the overrides listed here (a method
of a Rasa class that our subclass re-defines); the names it calls or reads are reached through the
functions below. tests/unit/test_speedups_relied.py reads every module of bot/ and actions/ and
fails on a private Rasa name that is not in RELIED_ON, and checks each entry against the installed
Rasa. `ensure_applied()` checks them at start-up too: on a Rasa whose name changed, one WARNING
line per entry says which of our files may break (Rasa still starts: each use has its own tests).
"""

from __future__ import annotations

import importlib
import inspect
import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

OVERRIDE, CALL, READ = "override", "call", "read"


@dataclass(frozen=True)
class Relied:
    """`module.target` ("Class.name"), which our file `where` overrides, calls or reads."""

    how: str  # OVERRIDE, CALL or READ
    module: str
    target: str
    where: str
    params: Optional[Tuple[str, ...]] = None  # expected parameter names (methods)
    set_in_init: bool = False  # an instance attribute that Rasa's __init__ sets

    @property
    def name(self) -> str:
        return f"{self.module}.{self.target}"

    def problem(self) -> Optional[str]:
        """None when the installed Rasa has the name as expected, else what differs."""
        class_name, attribute = self.target.split(".")
        try:
            owner = getattr(importlib.import_module(self.module), class_name)
        except (ImportError, AttributeError) as e:
            return f"not found ({e})"
        if self.set_in_init:
            found = re.search(rf"self\.{attribute}\s*[:=]", inspect.getsource(owner.__init__))
            return None if found else f"{class_name}.__init__ no longer sets self.{attribute}"
        current = getattr(owner, attribute, None)
        if current is None:
            return "not found"
        if self.params is not None:
            found_params = tuple(inspect.signature(current).parameters)
            if found_params != self.params:
                return f"its parameters are ({', '.join(found_params)}), expected ({', '.join(self.params)})"
        return None


RELIED_ON: Tuple[Relied, ...] = (
    Relied(
        OVERRIDE,
        "rasa.core.tracker_store",
        "SQLTrackerStore._additional_events",
        "bot/stores/engine.py",
        params=("self", "session", "tracker"),
    ),
    Relied(
        OVERRIDE,
        "rasa.core.tracker_store",
        "SQLTrackerStore._event_query",
        "bot/stores/engine.py",
        params=("self", "session", "sender_id", "fetch_events_from_all_sessions"),
    ),
    Relied(
        OVERRIDE,
        "rasa.nlu.classifiers.logistic_regression_classifier",
        "LogisticRegressionClassifier._create_X",
        "bot/nlu/intent_classifier.py",
        params=("self", "messages"),
    ),
    Relied(
        CALL,
        "rasa.core.channels.slack",
        "SlackInput._sanitize_user_message",
        "bot/channels/slack_payloads.py",
        params=("text", "uids_to_remove"),
    ),
)


def problems() -> Dict[str, str]:
    """name -> what differs, for every entry the installed Rasa does not have as expected."""
    found = {}
    for relied in RELIED_ON:
        try:
            problem = relied.problem()
        except Exception as e:  # a check that cannot run means "not what we know"
            problem = f"check failed ({e.__class__.__name__}: {e})"
        if problem:
            found[relied.name] = f"{problem} (used by {relied.where})"
    return found


def names() -> List[str]:
    return [relied.target.split(".")[1] for relied in RELIED_ON]


# --- The calls and reads, so that no other module names them ------------------------------


def sanitize_slack_text(text: str, bot_users: List[str]) -> str:
    """Slack message text as Rasa's Slack channel cleans it (mentions of the bot removed, <links|…>
    and <mailto:…> unwrapped): `SlackInput._sanitize_user_message`."""
    from rasa.core.channels.slack import SlackInput

    return SlackInput._sanitize_user_message(text, bot_users)
