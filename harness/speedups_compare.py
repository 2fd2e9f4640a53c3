"""The same conversations with the speed-ups on and off: same replies, same stored events?

    python -m harness.speedups_compare [--model models/manufacturing.tar.gz]

Starts one action server, then two processes, BOT_SPEEDUPS=on and BOT_SPEEDUPS=off, that each
load the trained model as `rasa run` does (rasa.core.agent.load_agent with an endpoints file: the
action server, our SQLite store on its own file) after `bot.speedups.ensure_applied()`, and hold
the CONVERSATIONS below turn by turn. Then compares, conversation by conversation, every reply
(text, buttons, custom payloads) and every event the store kept (without its time stamp), and
the counselor-insights rows the store wrote (without their dates). Prints the differences and
exits 1 if there are any (or if the "on" side did not get every patch, or "off" got a speed-up).
Run by tests/unit/test_speedups_switch.py; after a Rasa upgrade with BOT_PATCH_ANY_RASA=1
(docs/speedups.md).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from bot import ROOT

#: sender -> what the student types, turn by turn. Custom actions, context follow-ups, a form,
#: typos, distress, contact details (redacted before storing), a place question, chit-chat,
#: nonsense, and one long conversation (more events than the store's working window).
CONVERSATIONS: Dict[str, List[str]] = {
    "compare-pay": [
        "hi",
        "how much do welders make?",
        "what about machinists?",
        "what education do they need?",
        "is that good pay?",
        "where does that come from?",
        "and plant managers?",
        "thx!",
        "bye",
    ],
    "compare-explore": [
        "what is the manufacturing career cluster",
        "what industries are there",
        "tell me about the aerospace industry",
        "what are the pathways",
        "tell me about the quality assurance pathway",
        "what does a machinst do",
        "who makes more, a cnc operator or a quality inspector?",
        "will robots take factory jobs?",
        "what is 3d printing",
        "what is an apprenticeship",
    ],
    "compare-finder": [
        "help me find a career",
        "hands-on work",
        "up to two years of training",
        "aerospace",
        "how much do they make?",
        "help me find a career",
        "skip",
        "stop",
        "i love fixing cars",
        "I like building things",
        "which jobs can i get without a college degree",
    ],
    "compare-safety": [
        "how much do welders make? honestly i want to kill myself",
        "i don't feel safe at home",
        "my parents want me to go to college but i want to weld",
        "what do welders earn in ohio",
        "my email is student@example.com and my cell is 555-867-5309, how much do welders make?",
    ],
    "compare-odd": [
        "zxqv blorp wuggle",
        "what's the weather today",
        "purple",
        "how much do astronauts make",
        "how much do nurses make",
        "r u a real person",
        "what can u do?",
        "x" * 900,
        "source?",
        "stop",
    ],
    "compare-long": [
        "hi",
        "how much do welders make",
        "what skills does a welder need",
        "are welders in demand",
        "what certifications do welders need",
        "what about logisticians?",
        "what education do they need",
        "how much do cnc operators make",
        "how much do quality inspectors make",
        "how important is manufacturing for the economy",
        "whats the multiplier effect of manufacturing",
        "how do i get started in manufacturing",
        "which job is right for me",
        "i like sketching and making designs, are there factory jobs for me",
        "I really enjoy repairing bikes, which job suits me?",
        "how much do they make in ohio?",
        "what does a robotics technician do",
        "is that job growing?",
        "how much do machinists make",
        "what education do i need to be a welder",
        "tell me about aerospace",
        "ok bye",
    ],
}
#: Columns that hold the time of writing, not what was written.
_TIME_COLUMNS = {"id", "timestamp", "ts", "day", "week"}


# --- one side (a process of its own, BOT_SPEEDUPS set by the caller) ------------------------------


async def _converse(model: Path, endpoints_file: Path) -> Dict[str, List[List[Dict[str, Any]]]]:
    from rasa.core.agent import load_agent
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
    from rasa.core.utils import AvailableEndpoints

    from bot.speedups.action_calls import close_shared_sessions

    agent = await load_agent(model_path=str(model), endpoints=AvailableEndpoints.read_endpoints(str(endpoints_file)))
    replies: Dict[str, List[List[Dict[str, Any]]]] = {}
    try:
        for sender, texts in CONVERSATIONS.items():
            for i, text in enumerate(texts):
                out = CollectingOutputChannel()
                await agent.handle_message(
                    UserMessage(text, out, sender, input_channel="rest", message_id=f"{sender}-{i}")
                )
                replies.setdefault(sender, []).append(out.messages)
    finally:
        await close_shared_sessions()
    return replies


def _stored(db: Path) -> Tuple[Dict[str, List[Dict[str, Any]]], List[Dict[str, Any]]]:
    """(sender -> its events' data without time stamps, in order; the insights rows without dates)."""
    import sqlite3

    con = sqlite3.connect(str(db))
    con.row_factory = sqlite3.Row
    try:
        events: Dict[str, List[Dict[str, Any]]] = {}
        for row in con.execute("SELECT sender_id, data FROM events ORDER BY id"):
            data = json.loads(row["data"])
            data.pop("timestamp", None)
            events.setdefault(row["sender_id"], []).append(data)
        insights = [
            {k: row[k] for k in row.keys() if k not in _TIME_COLUMNS}
            for row in con.execute("SELECT * FROM insights ORDER BY id")
        ]
    finally:
        con.close()
    return events, insights


def side(model: Path, endpoints_file: Path, db: Path, out: Path) -> None:
    from bot import speedups

    status = speedups.ensure_applied(origin="harness.speedups_compare")
    started = time.perf_counter()
    replies = asyncio.run(_converse(model, endpoints_file))
    seconds = time.perf_counter() - started
    events, insights = _stored(db)
    out.write_text(
        json.dumps(
            {
                "mode": speedups.mode(),
                "status": status,
                "seconds": seconds,
                "replies": replies,
                "events": events,
                "insights": insights,
            }
        )
    )


# --- both sides, and the comparison --------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def differences(on: Dict[str, Any], off: Dict[str, Any], limit: int = 10) -> List[str]:
    """What differs between the two sides' replies, events and insights rows (at most `limit`)."""
    found: List[str] = []
    for sender, texts in CONVERSATIONS.items():
        for kind in ("replies", "events"):
            a, b = on[kind].get(sender, []), off[kind].get(sender, [])
            if len(a) != len(b):
                found.append(f"{sender}: {len(a)} {kind} with speed-ups on, {len(b)} off")
            for i, (x, y) in enumerate(zip(a, b, strict=False)):
                if x != y:
                    where = f"turn {i + 1} ({texts[i][:40]!r})" if kind == "replies" else f"event {i + 1}"
                    found.append(f"{sender} {where}:\n  on:  {json.dumps(x)[:400]}\n  off: {json.dumps(y)[:400]}")
    if on["insights"] != off["insights"]:
        found.append(f"insights rows differ: {len(on['insights'])} on, {len(off['insights'])} off")
    return found[:limit]


def patch_problems(on: Dict[str, Any], off: Dict[str, Any]) -> List[str]:
    """The "on" side must have every patch, the "off" side the fixes only."""
    from bot.speedups import FIX, PATCHES

    problems = []
    for patch in PATCHES:
        if on["status"].get(patch.name) != "applied":
            problems.append(f"speed-ups on: {patch.name} {on['status'].get(patch.name)}")
        want_off = "applied" if patch.kind == FIX else "not applied: off (BOT_SPEEDUPS=off)"
        if off["status"].get(patch.name) != want_off:
            problems.append(f"speed-ups off: {patch.name} {off['status'].get(patch.name)}, expected {want_off}")
    return problems


def run(model: Path, work: Path, timeout: float = 600) -> Tuple[Dict[str, Any], Dict[str, Any]]:
    """Both sides at once against one action server; returns their results (on, off)."""
    from bot.tools.servers import start_actions, wait_ready

    actions_port = free_port()
    logs = [open(work / "actions.log", "a")]
    actions = start_actions(actions_port, log=logs[0])
    procs: Dict[str, subprocess.Popen] = {}
    try:
        wait_ready(actions)
        for mode in ("on", "off"):
            db, endpoints = work / f"{mode}.db", work / f"endpoints-{mode}.yml"
            endpoints.write_text(
                f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\n'
                f'tracker_store:\n  type: bot.stores.RedactingSQLTrackerStore\n  dialect: "sqlite"\n  db: "{db}"\n'
            )
            env = {
                **os.environ,
                "BOT_SPEEDUPS": mode,
                "PYTHONHASHSEED": "0",
                "RASA_TELEMETRY_ENABLED": "false",
                "TF_CPP_MIN_LOG_LEVEL": "2",
            }  # BOT_PATCH_ANY_RASA, if set, goes to both
            log = open(work / f"{mode}.log", "w")
            logs.append(log)
            procs[mode] = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "harness.speedups_compare",
                    "--side",
                    "--model",
                    str(model),
                    "--endpoints",
                    str(endpoints),
                    "--db",
                    str(db),
                    "--out",
                    str(work / f"{mode}.json"),
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        for mode, proc in procs.items():
            if proc.wait(timeout) != 0:
                tail = (work / f"{mode}.log").read_text(errors="replace").splitlines()[-25:]
                raise RuntimeError(f"the speed-ups-{mode} side failed (exit {proc.returncode}):\n" + "\n".join(tail))
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                proc.kill()
        actions.stop()
        for log in logs:
            log.close()
    on, off = (json.loads((work / f"{mode}.json").read_text()) for mode in ("on", "off"))
    return on, off


def main(argv: Optional[List[str]] = None) -> int:
    from bot.tools.servers import MODEL

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=MODEL)
    parser.add_argument("--side", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--endpoints", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.side:
        side(args.model, args.endpoints, args.db, args.out)
        return 0
    if not args.model.exists():
        print(f"no trained model at {args.model}: run `make train`", file=sys.stderr)
        return 2
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="speedups-compare-") as tmp:
        on, off = run(args.model, Path(tmp))
    problems = patch_problems(on, off) + differences(on, off)
    turns = sum(map(len, CONVERSATIONS.values()))
    for problem in problems:
        print(problem)
    print(
        f"{'DIFFERENT' if problems else 'same'}: {turns} turns in {len(CONVERSATIONS)} conversations, "
        f"{sum(map(len, on['events'].values()))} stored events; conversations took {on['seconds']:.1f} s "
        f"with speed-ups on, {off['seconds']:.1f} s off; {time.perf_counter() - started:.0f} s in all"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
