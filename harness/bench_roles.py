"""Per-turn cost as the knowledge file grows: 15 roles, the real file (35), a generated 300.

    python -m harness.bench_roles            (make bench-roles; reports/bench-roles.md and .json)

The NLU model never sees the knowledge file (it is read at run time, so it is not retrained when
roles are added): what grows with the file is reading a message against its names (Rasa's last
NLU component, bot/nlu/reader.py) and the action server's work building the answer. So each size
gets a Reader on that file (timed per message, in this process) and its own real action server
(bot.tools.action_server with KNOWLEDGE_FILE), to which the same student questions are sent, with
their readings, as Rasa sends them; we report both latencies, the server's memory and its start.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import platform
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Tuple

import requests
import yaml

from bot import ROOT
from bot.knowledge.loader import DEFAULT_PATH, load
from bot.tools.servers import start_actions, wait_ready
from bot.understanding import nlp as nlp_pipeline
from bot.understanding.reader import Reader
from bot.understanding.reading import READING_KEY

REPORTS = ROOT / "reports"
PORT = int(os.environ.get("BENCH_ROLES_PORT", "5075"))
#: The first 15 roles of the file: the assistant before the file grew to 35.
ORIGINAL_ROLES = 15

# (action, intent, text): questions students ask, answered by the action server.
TURNS: List[Tuple[str, str, str]] = [
    ("action_answer_role_question", "ask_pay", "how much do welders make?"),
    ("action_answer_role_question", "ask_education", "what school do machinists need"),
    ("action_answer_role_question", "ask_pay", "how much does a cnc machinst make"),
    ("action_answer_role_question", "ask_outlook", "are robotics technicians in demand"),
    ("action_answer_role_question", "ask_pay", "how much does an astronaut make"),
    ("action_answer_role_question", "ask_pay", "how much do engineers make"),
    ("action_answer_about", "ask_about", "what does a quality control inspector do"),
    ("action_answer_about", "ask_about", "tell me about aerospace"),
    ("action_answer_about", "ask_about", "what does a mechanical engineer do"),
    ("action_list_roles", "ask_roles", "what jobs are there in electronics manufacturing"),
    ("action_list_sectors", "ask_sectors", "which industries are there"),
    ("action_explore_roles", "explore_roles", "jobs without a college degree, highest paying"),
    ("action_explore_roles", "explore_roles", "which jobs are growing the fastest"),
    ("action_compare_roles", "compare_roles", "welder vs machinist"),
    ("action_suggest_from_interests", "state_interests", "i like fixing bikes and drawing"),
    ("action_answer_training", "ask_training", "how do i become a welder after high school"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="times each question is sent")
    parser.add_argument("--generated", type=int, default=300, help="roles in the generated file")
    args = parser.parse_args()
    real = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    sizes = [
        ("15 roles (before)", keep_first(real, ORIGINAL_ROLES)),
        (f"{len(real['roles'])} roles (the file)", real),
        (f"{args.generated} roles (generated)", generated(real, args.generated)),
    ]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, data in sizes:
            path = Path(tmp) / f"{len(data['roles'])}.yml"
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
            results.append({"label": label, "roles": len(data["roles"]), **measure(path, args.repeat)})
            print(f"{label}: {results[-1]}", flush=True)
    write_report(results, args.repeat)


def keep_first(data: Dict[str, Any], count: int) -> Dict[str, Any]:
    """The file with only its first `count` roles, every reference to the others removed."""
    out = copy.deepcopy(data)
    out["roles"] = out["roles"][:count]
    kept = {r["id"] for r in out["roles"]}
    for role in out["roles"]:
        role["related_roles"] = [r for r in role["related_roles"] if r in kept]
    for entry in [*out["pathways"], *out["sectors"], *out["innovation"]["technologies"]]:
        entry["roles"] = [r for r in entry.get("roles", []) if r in kept]
    out["sectors"] = [s for s in out["sectors"] if s["roles"]]
    for role in out["roles"]:
        role["sectors"] = [s for s in role["sectors"] if s in {x["id"] for x in out["sectors"]}]
    out["innovation"]["emerging_roles"] = [
        e for e in out["innovation"]["emerging_roles"] if e.get("role") in kept | {None}
    ]
    for myth in out.get("myths", []):
        myth["roles"] = [r for r in myth.get("roles", []) if r in kept]
    out["myths"] = [m for m in out.get("myths", []) if m["roles"] or m.get("economy") or m.get("injury_rates")]
    return out


def generated(data: Dict[str, Any], count: int, seed: int = 14) -> Dict[str, Any]:
    """The real file plus made-up roles up to `count`: copies of real roles under new, unique
    names ("brantel technician"), listed in their pathways and industries like real ones."""
    out = copy.deepcopy(data)
    rng = random.Random(seed)
    taken = {w for r in out["roles"] for name in [r["title"], *r["aliases"]] for w in name.lower().split()}
    templates = list(data["roles"])
    by_id = {p["id"]: p for p in [*out["pathways"], *out["sectors"]]}
    n = 0
    while len(out["roles"]) < count:
        template = copy.deepcopy(templates[n % len(templates)])
        word = _new_word(rng, taken)
        head = template["title"].split()[-1].lower()
        template.update(
            id=f"{template['id']}_g{n}",
            title=f"{word.capitalize()} {head}",
            aliases=[f"{word} {head}s", f"{word} specialist", f"{word} worker"],
            described_as=[],  # a description names one job: the template's stay with it
            near_names=[],  # so does a job named as nearest to it
        )
        out["roles"].append(template)
        for ref in [template["pathway"], *template["sectors"]]:
            by_id[ref]["roles"].append(template["id"])
        n += 1
    return out


def _new_word(rng: random.Random, taken: set) -> str:
    while True:
        word = "".join(rng.choice(part) for part in ("bdgklmprstvz", "aeiou", "lnr", "aeio", "bdklmnrst"))
        if word not in taken:
            taken.add(word)
            return word


def measure(path: Path, repeat: int) -> Dict[str, Any]:
    """Start an action server on this knowledge file, send every question `repeat` times."""
    REPORTS.mkdir(exist_ok=True)
    reader = Reader(load(path), nlp_pipeline.load())
    readings = {text: reader.read(text).as_dict() for _, _, text in TURNS}  # warm-up too
    read_ms = []
    for _ in range(repeat):
        for _, _, text in TURNS:
            t0 = time.perf_counter()
            reader.read(text)
            read_ms.append((time.perf_counter() - t0) * 1000)
    server = start_actions(PORT, log=REPORTS / "bench-roles.log", env={"KNOWLEDGE_FILE": str(path)})
    try:
        start_s = wait_ready(server)
        by_text: Dict[str, List[float]] = {text: [] for _, _, text in TURNS}
        with requests.Session() as http:
            for action, intent, text in TURNS:  # warm-up: first use of each answer
                _turn(http, action, intent, text, readings[text])
            for _ in range(repeat):
                for action, intent, text in TURNS:
                    t0 = time.perf_counter()
                    _turn(http, action, intent, text, readings[text])
                    by_text[text].append((time.perf_counter() - t0) * 1000)
        rss_mb = _rss_mb(server.process.pid)
    finally:
        server.stop()
    timings = sorted(t for ts in by_text.values() for t in ts)
    slowest = max(by_text, key=lambda text: statistics.median(by_text[text]))
    return {
        "read_median_ms": round(statistics.median(read_ms), 2),
        "turn_median_ms": round(statistics.median(timings), 2),
        "turn_p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 2),
        "rss_mb": round(rss_mb, 1),
        "start_s": round(start_s, 2),
        "slowest": f"{slowest} ({statistics.median(by_text[slowest]):.1f} ms)",
    }


def _turn(http: requests.Session, action: str, intent: str, text: str, reading: Dict[str, Any]) -> None:
    message = {
        "text": text,
        "intent": {"name": intent, "confidence": 1.0},
        "entities": [],
        "intent_ranking": [],
        READING_KEY: reading,
    }
    body: Dict[str, Any] = {
        "next_action": action,
        "sender_id": "bench",
        "tracker": {
            "sender_id": "bench",
            "slots": {},
            "latest_message": message,
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        },
        "domain": {"slots": {}},
        "version": "3.6.2",
    }
    resp = http.post(f"http://127.0.0.1:{PORT}/webhook", json=body, timeout=30)
    resp.raise_for_status()
    if not resp.json().get("responses"):
        raise RuntimeError(f"no reply from {action} to {text!r}")


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def write_report(results: List[Dict[str, Any]], repeat: int) -> None:
    REPORTS.mkdir(exist_ok=True)
    base = results[0]
    (REPORTS / "bench-roles.json").write_text(json.dumps(results, indent=2) + "\n")
    lines = [
        "# Per-turn cost as the knowledge file grows",
        "",
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs; the action server of each size "
        f"answers {len(TURNS)} student questions x {repeat} over HTTP, as Rasa calls it "
        "(python -m harness.bench_roles).",
        "",
        "| Knowledge file | reading ms/message (Rasa) | median ms/turn | p95 ms/turn | RSS MB | start s "
        "| median vs 15 roles | slowest question |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        ratio = r["turn_median_ms"] / base["turn_median_ms"]
        cells = [
            r["label"],
            r["read_median_ms"],
            r["turn_median_ms"],
            r["turn_p95_ms"],
            r["rss_mb"],
            r["start_s"],
            f"{ratio:.2f}",
            r["slowest"],
        ]
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    (REPORTS / "bench-roles.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
