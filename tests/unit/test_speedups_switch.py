"""How the patches of bot/speedups reach Rasa: applied from one visible place (bot.tools.rasa_cli,
or our channels for a plain `rasa run`), never on import; guarded by Rasa's version and the
replaced names' signatures; switched off by BOT_SPEEDUPS=off (the fixes stay on); and the same
conversations give the same replies and stored events with the speed-ups on and off."""

from __future__ import annotations

import gc
import json
import logging
import subprocess
import sys

import pytest

from bot import ROOT, speedups
from bot.speedups import FIX, PATCHES, SPEED_UP


@pytest.fixture
def pristine_rasa():
    """Rasa's own code during the test; afterwards the patches as they were."""
    with speedups.pristine():
        yield


def rasas_own():
    """name -> the value each patched name has now (inside pristine_rasa: Rasa's own)."""
    values = {}
    for patch in PATCHES:
        owner, attribute = patch.owner_and_attribute()
        values[patch.name] = vars(owner).get(attribute)
    return values


def in_fresh_python(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


# --- guards and switch (in this process) ------------------------------------------------------


def test_every_patch_applies_on_the_rasa_it_was_written_for(pristine_rasa, monkeypatch):
    monkeypatch.delenv("BOT_SPEEDUPS", raising=False)
    assert speedups.rasa_version() == speedups.RASA_VERSION or speedups.any_rasa()  # any_rasa: upgrade check
    own = rasas_own()
    status = speedups.apply()
    assert status == {p.name: "applied" for p in PATCHES}
    changed = rasas_own()
    assert all(changed[name] is not own[name] for name in own)
    speedups.apply()  # idempotent: nothing wrapped twice, Rasa's own code kept for restore()
    speedups.restore()
    assert all(rasas_own()[name] is own[name] for name in own)


def test_another_rasa_version_is_left_alone_with_one_line_per_patch(pristine_rasa, monkeypatch, caplog):
    monkeypatch.setattr(speedups, "rasa_version", lambda: "3.7.0")
    monkeypatch.delenv("BOT_PATCH_ANY_RASA", raising=False)
    own = rasas_own()
    with caplog.at_level(logging.WARNING, logger="bot.speedups"):
        status = speedups.apply()
    assert rasas_own() == own
    assert set(status.values()) == {"not applied: written for Rasa 3.6.21, this is Rasa 3.7.0"}
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.speedups"]
    assert len(lines) == len(PATCHES)
    for patch, line in zip(PATCHES, lines, strict=True):
        assert f"{patch.kind} {patch.name} not applied: written for Rasa 3.6.21, this is Rasa 3.7.0" in line
        assert ("WITHOUT this fix" in line) == (patch.kind == FIX)


def test_the_version_guard_can_be_lifted_to_check_an_upgrade(pristine_rasa, monkeypatch):
    monkeypatch.setattr(speedups, "rasa_version", lambda: "3.7.0")
    monkeypatch.setenv("BOT_PATCH_ANY_RASA", "1")
    assert set(speedups.apply().values()) == {"applied"}


def test_a_changed_signature_or_a_missing_name_is_left_alone(pristine_rasa, caplog):
    import rasa.core.actions.action as rasa_action
    import rasa.core.processor
    from rasa.shared.core.domain import Domain

    def is_empty(self, strict=False):  # what a future Rasa might have
        return False

    class OtherRunner:
        pass

    own = Domain.__dict__["is_empty"], rasa.core.processor.DaskGraphRunner, rasa_action.DEFAULT_REQUEST_TIMEOUT
    Domain.is_empty = is_empty
    rasa.core.processor.DaskGraphRunner = OtherRunner
    rasa_action.DEFAULT_REQUEST_TIMEOUT = "300"
    try:
        with caplog.at_level(logging.WARNING, logger="bot.speedups"):
            status = speedups.apply()
        assert Domain.is_empty is is_empty and rasa.core.processor.DaskGraphRunner is OtherRunner
        assert rasa_action.DEFAULT_REQUEST_TIMEOUT == "300"
        assert status["rasa.shared.core.domain.Domain.is_empty"] == (
            "not applied: its parameters are (self, strict), expected (self)"
        )
        assert status["rasa.core.processor.DaskGraphRunner"].startswith("not applied: it is <class")
        assert status["rasa.core.actions.action.DEFAULT_REQUEST_TIMEOUT"] == "not applied: '300' is not a number"
        assert sum(s == "applied" for s in status.values()) == len(PATCHES) - 3
        assert len([r for r in caplog.records if r.name == "bot.speedups"]) == 3
    finally:
        speedups.restore()
        Domain.is_empty, rasa.core.processor.DaskGraphRunner, rasa_action.DEFAULT_REQUEST_TIMEOUT = own


def test_speedups_off_leaves_rasas_code_but_keeps_the_fixes(pristine_rasa, monkeypatch, caplog):
    monkeypatch.setenv("BOT_SPEEDUPS", "off")
    own = rasas_own()
    with caplog.at_level(logging.INFO, logger="bot.speedups"):
        status = speedups.ensure_applied(origin="test")
    for patch in PATCHES:
        if patch.kind == SPEED_UP:
            assert status[patch.name] == "not applied: off (BOT_SPEEDUPS=off)"
            assert rasas_own()[patch.name] is own[patch.name]
        else:
            assert status[patch.name] == "applied"
    assert [r.getMessage() for r in caplog.records if r.name == "bot.speedups"] == [
        "Rasa patches (applied by test): 2 of 7 applied; speed-ups off (BOT_SPEEDUPS=off), fixes and log redaction on"
    ]
    assert getattr(logging.getLogRecordFactory(), "_bot_privacy_redacts", False)  # log redaction is on


def test_speedups_off_does_not_freeze_the_heap(monkeypatch):
    from bot.speedups.heap import freeze_startup_heap

    monkeypatch.setenv("BOT_SPEEDUPS", "off")
    before = gc.get_freeze_count()
    freeze_startup_heap()
    assert gc.get_freeze_count() == before


# --- where they are applied (fresh processes) -------------------------------------------------

STATUS = "import json; from bot import speedups; print(json.dumps(speedups.status()))"


def test_importing_our_channels_changes_nothing_and_building_one_applies_everything():
    """Rasa's `rasa run` imports a channel, then builds its blueprint before loading the model."""
    out = in_fresh_python(
        "import json\n"
        "import bot.channels, bot.channels.rest, bot.channels.socketio, bot.channels.widget\n"
        "import bot.channels.insights, bot.channels.slack\n"
        "from rasa.core.actions.action import RemoteAction\n"
        "from bot import speedups\n"
        "print(json.dumps([speedups.status(), RemoteAction._validate_action_result.__module__]))\n"
        "bot.channels.rest.SafeRestInput().blueprint(lambda m: None)\n"
        "print(json.dumps([speedups.status(), RemoteAction._validate_action_result.__module__]))\n"
    )
    (before, module_before), (after, module_after) = map(json.loads, out.splitlines()[-2:])
    assert before == {} and module_before == "rasa.core.actions.action"
    assert after == {p.name: "applied" for p in PATCHES} and module_after == "bot.speedups.action_calls"


def test_rasa_cli_applies_everything_before_rasas_own_cli_runs():
    out = in_fresh_python(
        "import json, rasa.__main__\n"
        "def rasas_main():\n"
        "    import sys, rasa.core.processor\n"
        "    from rasa.core.agent import Agent\n"
        "    from bot import speedups\n"
        "    print(json.dumps([sys.argv, speedups.status(), rasa.core.processor.DaskGraphRunner.__name__,\n"
        "                      Agent._create_tracker_store.__module__]))\n"
        "rasa.__main__.main = rasas_main\n"
        "from bot.tools.rasa_cli import main\n"
        "main(['test', 'core', '--model', 'x'])\n"
    )
    argv, status, runner, store_factory = json.loads(out.splitlines()[-1])
    assert argv == ["rasa", "test", "core", "--model", "x"]
    assert status == {p.name: "applied" for p in PATCHES}
    assert runner == "SequentialGraphRunner" and store_factory == "bot.speedups.failsafe"


def test_rasa_cli_is_rasas_cli():
    out = subprocess.run(
        [sys.executable, "-m", "bot.tools.rasa_cli", "--version"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert f"Rasa Version      :         {speedups.rasa_version()}" in out.stdout
