"""make audit (bot/tools/audit.py): the pins against data/advisories.yml, with no network."""

from __future__ import annotations

from bot.tools import audit

ADVISORY = """advisories:
  - package: Python_SocketIO
    affected: "<5.16.2"
    id: CVE-2026-48804
    note: memory growth
"""


def run(tmp_path, lock: str, advisories: str = ADVISORY, makefile: str = "") -> int:
    (tmp_path / "lock").write_text(lock)
    (tmp_path / "advisories.yml").write_text(advisories)
    (tmp_path / "Makefile").write_text(makefile)
    return audit.main(
        [
            "--lock",
            str(tmp_path / "lock"),
            "--advisories",
            str(tmp_path / "advisories.yml"),
            "--makefile",
            str(tmp_path / "Makefile"),
        ]
    )


def test_the_repository_passes_its_own_audit():
    assert audit.main([]) == 0


def test_a_planted_vulnerable_pin_fails(tmp_path, capsys):
    assert run(tmp_path, "requests==2.34.2\npython-socketio==5.9.0\n") == 1
    out = capsys.readouterr().out
    assert "VULNERABLE python-socketio==5.9.0" in out and "CVE-2026-48804" in out
    assert run(tmp_path, "requests==2.34.2\npython-socketio==5.16.2\n") == 0  # the fixed version


def test_the_planted_pin_fails_against_the_real_list(tmp_path):
    lock = audit.LOCK.read_text().replace("python-socketio==5.16.4", "python-socketio==5.9.0")
    assert "python-socketio==5.9.0" in lock
    assert run(tmp_path, lock, audit.ADVISORIES.read_text()) == 1


def test_an_installer_pinned_in_the_makefile_is_audited(tmp_path):
    makefile = "\tpip install pip==24.0 setuptools==70.3.0 wheel==0.45.1\n"
    listed = 'advisories:\n  - {package: pip, affected: "<26.3", id: CVE-2025-8869}\n'
    assert run(tmp_path, "requests==2.34.2\n", listed, makefile) == 1
    assert run(tmp_path, "requests==2.34.2\n", listed, makefile.replace("24.0", "26.3")) == 0


def test_an_accepted_advisory_is_listed_but_does_not_fail(tmp_path, capsys):
    accepted = ADVISORY + "    accepted: no fixed version can be installed; not used here\n"
    assert run(tmp_path, "python-socketio==5.9.0\n", accepted) == 0
    assert "ACCEPTED python-socketio==5.9.0" in capsys.readouterr().out


def test_a_broken_list_is_an_error_not_a_pass(tmp_path, capsys):
    assert run(tmp_path, "a==1\n", 'advisories:\n  - {package: a, affected: "less than 2", id: X}\n') == 2
    assert "entry 1 (a)" in capsys.readouterr().err
    assert run(tmp_path, "a==1\n", "advisories: {}\n") == 2
    assert run(tmp_path, "a==1\n", 'advisories:\n  - {package: a, affected: "", id: X}\n') == 2


def test_pins_are_read_as_pip_writes_them():
    assert audit.pins("# comment\nSanic-Cors==2.0.1\nzope.interface==6.0 ; python_version>'3'\n-e .\n") == {
        "sanic-cors": "2.0.1",
        "zope-interface": "6.0",
    }
