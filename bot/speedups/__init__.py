"""Changes to Rasa 3.6's own code in our Rasa processes: speed-ups and two correctness fixes.

Everything that replaces a name inside Rasa is listed in PATCHES below, and docs/speedups.md says
for each what it replaces, why, and how to check it on a Rasa upgrade. Nothing is changed on
import: `ensure_applied()` does it, called

- by `python -m bot.tools.rasa_cli <rasa args…>` (how the Makefile, bot/tools/servers.py and the
  systemd unit start Rasa: run, shell, train, test, data validate), before Rasa's own CLI runs;
- by each of our input channels when Rasa builds it (`blueprint()`), so a deployment that starts
  plain `rasa run --credentials credentials.yml` still gets the fixes. Both are the same
  idempotent call: whichever comes first applies, the other does nothing.

Guards. Each patch was written for one Rasa version (RASA_VERSION) and replaces a name with a
known signature. On another Rasa version, or when the name is missing or its signature differs,
that patch is not applied: one WARNING line says which and why, and Rasa's own code runs.

Switches (environment)
- BOT_SPEEDUPS unset or `on`: speed-ups and fixes applied (when the guards allow).
- BOT_SPEEDUPS=off: the speed-ups are not applied (Rasa's own code runs, and the start-up heap
  is not frozen). The fixes (kind FIX below: the action-server timeout, the fail-safe store) and
  the log redaction (bot/privacy.py) stay on: they are not speed-ups but what users are promised.
- BOT_PATCH_ANY_RASA=1 lifts the version guard (the signature checks still apply): only for
  checking the patches after a Rasa upgrade (docs/speedups.md), never in production.

Each module (action_calls, domain, events, failsafe, graph, heap) says what it replaces and why;
tests/unit/test_speedups.py compares each with Rasa's own code, and
tests/unit/test_speedups_switch.py runs the same conversations with the speed-ups on and off
(harness/speedups_compare.py) and compares the replies and the stored events.
"""

from __future__ import annotations

import importlib
import inspect
import logging
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterator, Optional, Tuple

from bot import settings

logger = logging.getLogger(__name__)

#: The Rasa version every patch below was written for and checked against.
RASA_VERSION = "3.6.21"
SPEED_UP, FIX = "speed-up", "fix"
_MISSING = object()


def mode() -> str:
    """BOT_SPEEDUPS as "on" or "off" (an unknown value counts as "on", with a warning)."""
    value = settings.BOT_SPEEDUPS.get().lower()
    if value in ("off", "0", "false", "no"):
        return "off"
    if value not in ("on", "1", "true", "yes"):
        logger.warning("BOT_SPEEDUPS=%r is neither on nor off: taken as on", value)
    return "on"


def enabled() -> bool:
    """Whether the speed-ups are switched on (BOT_SPEEDUPS is not off)."""
    return mode() != "off"


def rasa_version() -> str:
    from rasa.version import __version__

    return __version__


@dataclass(frozen=True)
class Patch:
    """Replace `owner.attribute` in module `module` by what `new()` returns (only if guards pass)."""

    kind: str  # SPEED_UP or FIX
    module: str  # the Rasa module
    target: str  # "Class.attribute" or "attribute" (a module global)
    new: Callable[[], Any]  # our replacement (imported only when the guards pass)
    params: Optional[Tuple[str, ...]] = None  # expected parameter names of what is replaced
    check: Optional[Callable[[Any], Optional[str]]] = None  # extra check: None, or what is wrong

    @property
    def name(self) -> str:
        return f"{self.module}.{self.target}"

    def owner_and_attribute(self) -> Tuple[Any, str]:
        owner: Any = importlib.import_module(self.module)
        *path, attribute = self.target.split(".")
        for part in path:
            owner = getattr(owner, part)
        return owner, attribute


def _ours(module: str, name: str, wrap: Callable[[Any], Any] = lambda f: f) -> Callable[[], Any]:
    return lambda: wrap(getattr(importlib.import_module(f"bot.speedups.{module}"), name))


def _number(value: Any) -> Optional[str]:
    return None if isinstance(value, (int, float)) and not isinstance(value, bool) else f"{value!r} is not a number"


def _timeout_is_passed_per_call(_: Any) -> Optional[str]:
    from rasa.core.actions.action import RemoteAction

    source = inspect.getsource(RemoteAction.run)
    return None if "timeout=DEFAULT_REQUEST_TIMEOUT" in source else "RemoteAction.run no longer passes it"


def _dask_runner(value: Any) -> Optional[str]:
    from bot.speedups.graph import rasa_runner_problem

    return rasa_runner_problem(value)


#: Every name we replace inside Rasa, in the order they are applied.
PATCHES: Tuple[Patch, ...] = (
    Patch(
        SPEED_UP,
        "rasa.core.actions.action",
        "RemoteAction._validate_action_result",
        _ours("action_calls", "validate_action_result"),
        params=("self", "result"),
    ),
    Patch(
        SPEED_UP,
        "rasa.utils.endpoints",
        "EndpointConfig.session",
        _ours("action_calls", "shared_session"),
        params=("self",),
    ),
    Patch(SPEED_UP, "rasa.shared.core.domain", "Domain.is_empty", _ours("domain", "is_empty"), params=("self",)),
    Patch(
        SPEED_UP,
        "rasa.shared.core.events",
        "Event.resolve_by_type",
        _ours("events", "resolve_by_type", staticmethod),
        params=("type_name", "default"),
    ),
    Patch(
        SPEED_UP, "rasa.core.processor", "DaskGraphRunner", _ours("graph", "SequentialGraphRunner"), check=_dask_runner
    ),
    Patch(
        FIX,
        "rasa.core.actions.action",
        "DEFAULT_REQUEST_TIMEOUT",
        lambda: importlib.import_module("bot.speedups.action_calls").action_timeout_s(),
        check=lambda v: _number(v) or _timeout_is_passed_per_call(v),
    ),
    Patch(
        FIX,
        "rasa.core.agent",
        "Agent._create_tracker_store",
        _ours("failsafe", "_create_tracker_store", staticmethod),
        params=("store", "domain"),
    ),
)

# name -> (owner, attribute, Rasa's own value as found in owner.__dict__, or _MISSING)
_originals: Dict[str, Tuple[Any, str, Any]] = {}
_status: Dict[str, str] = {}  # name -> "applied", or why not
_applied_once = False


def any_rasa() -> bool:
    """BOT_PATCH_ANY_RASA: apply on another Rasa version too (for checking an upgrade)."""
    return settings.BOT_PATCH_ANY_RASA.get()


def _problem(patch: Patch, mode_: str, version: str) -> Optional[str]:
    """Why `patch` must not be applied, or None."""
    if patch.kind == SPEED_UP and mode_ == "off":
        return "off (BOT_SPEEDUPS=off)"
    if version != RASA_VERSION and not any_rasa():
        return f"written for Rasa {RASA_VERSION}, this is Rasa {version}"
    try:
        owner, attribute = patch.owner_and_attribute()
    except (ImportError, AttributeError) as e:
        return f"not found ({e})"
    current: Any = getattr(owner, attribute, _MISSING)  # anything: signature() rejects a non-callable (TypeError)
    if current is _MISSING:
        return "not found"
    if patch.params is not None:
        try:
            found = tuple(inspect.signature(current).parameters)
        except (TypeError, ValueError):
            found = ()
        if found != patch.params:
            return f"its parameters are ({', '.join(found)}), expected ({', '.join(patch.params)})"
    if patch.check is not None:
        try:
            return patch.check(current)
        except Exception as e:  # a check that cannot run means "not what we know"
            return f"check failed ({e.__class__.__name__}: {e})"
    return None


def apply(only: Optional[Tuple[str, ...]] = None) -> Dict[str, str]:
    """Apply every patch (or those named in `only`) that its guards allow. Returns name -> status.
    A patch already applied is left as it is."""
    mode_, version = mode(), rasa_version()
    for patch in PATCHES:
        if only is not None and patch.name not in only:
            continue
        if _status.get(patch.name) == "applied":
            continue
        problem = _problem(patch, mode_, version)
        if problem is None:
            try:
                new = patch.new()
            except Exception as e:  # our module does not load against this Rasa
                problem = f"our replacement does not load ({e.__class__.__name__}: {e})"
        if problem is not None:
            _status[patch.name] = f"not applied: {problem}"
            if not problem.startswith("off"):
                consequence = (
                    "Rasa's own (slower) code runs"
                    if patch.kind == SPEED_UP
                    else "Rasa's own code runs, WITHOUT this fix (docs/speedups.md)"
                )
                logger.warning("%s %s not applied: %s; %s", patch.kind, patch.name, problem, consequence)
            continue
        owner, attribute = patch.owner_and_attribute()
        _originals.setdefault(patch.name, (owner, attribute, vars(owner).get(attribute, _MISSING)))
        setattr(owner, attribute, new)
        _status[patch.name] = "applied"
    return dict(_status)


def ensure_applied(origin: str) -> Dict[str, str]:
    """Once per process: log redaction (bot/privacy.py) and every patch its guards allow.
    `origin` says who asked first (logged). Later calls return the same status and do nothing."""
    global _applied_once
    if not _applied_once:
        _applied_once = True
        from bot import privacy

        privacy.install_log_redaction()  # no email or phone number in any log line of the Rasa process
        if any_rasa() and rasa_version() != RASA_VERSION:
            logger.warning(
                "BOT_PATCH_ANY_RASA: applying patches written for Rasa %s to Rasa %s (for checking "
                "an upgrade only, docs/speedups.md)",
                RASA_VERSION,
                rasa_version(),
            )
        status = apply()
        from bot.speedups import relied

        for name, problem in relied.problems().items():  # names we rely on without replacing them
            logger.warning("Rasa name %s, which we rely on, changed: %s", name, problem)
        applied = sum(s == "applied" for s in status.values())
        speedups_off = mode() == "off"
        (logger.warning if speedups_off else logger.info)(
            "Rasa patches (applied by %s): %d of %d applied%s",
            origin,
            applied,
            len(PATCHES),
            "; speed-ups off (BOT_SPEEDUPS=off), fixes and log redaction on" if speedups_off else "",
        )
    return dict(_status)


def status() -> Dict[str, str]:
    """name -> "applied" or why not, for every patch tried so far in this process."""
    return dict(_status)


def restore() -> None:
    """Put Rasa's own code back everywhere (for tests); the next ensure_applied() applies again."""
    global _applied_once
    for owner, attribute, original in _originals.values():
        if original is _MISSING:
            if attribute in vars(owner):
                delattr(owner, attribute)
        else:
            setattr(owner, attribute, original)
    _originals.clear()
    _status.clear()
    _applied_once = False


@contextmanager
def pristine() -> Iterator[None]:
    """For tests: inside, Rasa's own code and nothing applied; afterwards, all as it was before
    (patched or not), whatever the test applied or restored."""
    global _applied_once
    found = {}
    for patch in PATCHES:
        try:
            owner, attribute = patch.owner_and_attribute()
        except (ImportError, AttributeError):
            continue
        found[patch.name] = (owner, attribute, vars(owner).get(attribute, _MISSING))
    saved = dict(_originals), dict(_status), _applied_once
    record_factory = logging.getLogRecordFactory()  # ensure_applied() installs the log redaction
    restore()
    try:
        yield
    finally:
        restore()
        for owner, attribute, value in found.values():
            if value is _MISSING:
                if attribute in vars(owner):
                    delattr(owner, attribute)
            else:
                setattr(owner, attribute, value)
        _originals.update(saved[0])
        _status.update(saved[1])
        _applied_once = saved[2]
        logging.setLogRecordFactory(record_factory)
