"""The running servers' footprint: the action server looks facts up and needs no TensorFlow."""

from __future__ import annotations


def rss_mb(pid: int) -> float:
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def test_the_action_server_stays_lean(bot):
    assert "Median pay" in bot.text("how much do welders make")  # after real work, not just start-up
    assert rss_mb(bot.actions.process.pid) < 200
    maps = open(f"/proc/{bot.actions.process.pid}/maps").read()
    assert "tensorflow" not in maps  # not loaded at all
