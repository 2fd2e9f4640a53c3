"""Benchmark: our assistant against a stock `rasa init` assistant, same machine, same run.

    python -m harness.bench [--smoke] [--nlu-report reports/nlu/intent_report.json]

Writes reports/bench.json and reports/bench.md. --smoke runs tiny loads to check the report
is produced; its numbers mean nothing, so it trains the quick way: ours from Rasa's training cache
where it can (no --force), the stock assistant for one epoch per model.
--nlu-report reads ours' held-out NLU scores from `make test-nlu`'s report instead of testing again.

Ours is trained, tested and served through bot.tools.rasa_cli (our patches applied, as in
production; BOT_SPEEDUPS=off measures it without the speed-ups). The stock assistant is trained
and served by the plain `rasa` script: Rasa as released, nothing of ours imported or patched.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import aiohttp

from bot import ROOT
from bot.tools.servers import BIN, MODEL, RASA_CLI, Server, spawn, start_actions, start_rasa, wait_ready
from harness.nlu_score import scores

REPORTS = ROOT / "reports"
#: Per-client limits raised for our side (a deployment keeps the defaults; docs/security.md).
ENGINE_LIMITS = {"STUDENTS_PER_ADDRESS": "100000", "MESSAGES_PER_CONVERSATION_PER_MINUTE": "100000"}
#: BENCH_PORT moves all three (ours, its action server at +50, the stock assistant at +1).
_PORT = int(os.environ.get("BENCH_PORT", "5005"))
OURS_PORT, ACTIONS_PORT, BASE_PORT = _PORT, _PORT + 50, _PORT + 1

# A student's session: custom actions, follow-ups that need context, chit-chat.
OURS_MIX = [
    "hi",
    "how much do welders make?",
    "what about machinists?",
    "what education do they need?",
    "tell me about aerospace",
    "what does a robotics technician do",
    "is that job growing?",
    "where does that come from?",
    "will robots take my job?",
    "how do I get started in high school?",
    "what are the pathways",
    "how much do cnc operators make",
    "and plant managers?",
    "what skills do they need",
    "how much does manufacturing add to gdp",
    "what industries are there",
    "what certifications do welders need",
    "how much do nurses make",
    "thanks",
    "bye",
]
# What the stock assistant understands (its own NLU examples).
BASELINE_MIX = [
    "hi",
    "I am great",
    "hello there",
    "I'm sad",
    "yes",
    "no",
    "are you a bot?",
    "very good",
    "not good",
    "bye",
]


@dataclass
class Config:
    latency_turns: int = 200
    load_seconds: float = 20.0
    growth_turns: int = 300
    #: A smoke run trains the quick way (its models, not its numbers): ours from Rasa's training
    #: cache where it can, the stock assistant for one epoch per model.
    quick_training: bool = False

    @classmethod
    def smoke(cls) -> "Config":
        return cls(latency_turns=20, load_seconds=2.0, growth_turns=40, quick_training=True)


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def percentile(values: List[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def turn(session: aiohttp.ClientSession, url: str, sender: str, text: str) -> tuple:
    start = time.perf_counter()
    try:
        async with session.post(url, json={"sender": sender, "message": text}) as resp:
            body = await resp.json()
            ok = resp.status == 200 and isinstance(body, list) and len(body) > 0
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
        ok = False
    return (time.perf_counter() - start) * 1000, ok


@dataclass
class Side:
    """One assistant under test: its REST URL, what to say to it, and its processes."""

    name: str
    url: str
    mix: List[str]
    rasa: Server
    actions: Optional[Server] = None


async def alternating(sides: List[Side], turns: int, same_sender: bool = False) -> Dict[str, tuple]:
    """Turn i to each side in turn, so a slower or faster moment of the machine hits both alike."""
    latencies: Dict[str, List[float]] = {s.name: [] for s in sides}
    errors = {s.name: 0 for s in sides}
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as session:
        sender = uuid.uuid4().hex
        for i in range(turns):
            if not same_sender and i % 10 == 0:
                sender = uuid.uuid4().hex  # a new conversation every 10 turns
            for side in sides:
                ms, ok = await turn(session, side.url, sender, side.mix[i % len(side.mix)])
                latencies[side.name].append(ms)
                errors[side.name] += not ok
    return {name: (latencies[name], errors[name]) for name in latencies}


async def load(url: str, mix: List[str], users: int, seconds: float) -> Dict[str, float]:
    latencies: List[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def user(session: aiohttp.ClientSession, offset: int) -> None:
        nonlocal errors
        i = 0
        sender = uuid.uuid4().hex
        while time.perf_counter() < deadline:
            if i % 10 == 0:
                sender = uuid.uuid4().hex
            ms, ok = await turn(session, url, sender, mix[(i + offset) % len(mix)])
            latencies.append(ms)
            errors += not ok
            i += 1

    connector = aiohttp.TCPConnector(limit=users)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=120)) as session:
        start = time.perf_counter()
        await asyncio.gather(*(user(session, k) for k in range(users)))
        elapsed = time.perf_counter() - start
    return {"rps": len(latencies) / elapsed, "errors": errors, "p95_ms": percentile(latencies, 95)}


def measure(sides: List[Side], cfg: Config) -> Dict[str, dict]:
    """Every figure for all sides, measured side by side: latency and growth turn by turn,
    each load level for one side right after the other."""
    results: Dict[str, dict] = {s.name: {} for s in sides}
    asyncio.run(alternating(sides, 10))  # warm-up
    log(f"latency over {cfg.latency_turns} turns, alternating between the assistants")
    for name, (latencies, errors) in asyncio.run(alternating(sides, cfg.latency_turns)).items():
        results[name].update(
            p50_ms=percentile(latencies, 50),
            p95_ms=percentile(latencies, 95),
            p99_ms=percentile(latencies, 99),
            errors=errors,
        )
    for users in (1, 8, 32):
        for side in sides:
            log(f"{side.name}: {users} concurrent users for {cfg.load_seconds:g} s")
            loaded = asyncio.run(load(side.url, side.mix, users, cfg.load_seconds))
            results[side.name][f"rps_{users}"] = loaded["rps"]
            results[side.name][f"p95_load_{users}_ms"] = loaded["p95_ms"]
            results[side.name]["errors"] += loaded["errors"]
    log(f"one conversation of {cfg.growth_turns} turns each, alternating")
    for name, (growth, errors) in asyncio.run(alternating(sides, cfg.growth_turns, same_sender=True)).items():
        window = min(20, len(growth) // 2)
        results[name]["growth_300"] = statistics.median(growth[-window:]) / statistics.median(growth[:window])
        results[name]["errors"] += errors
    for side in sides:
        results[side.name]["rss_mb"] = rss_mb(side.rasa.process.pid)
        if side.actions is not None:
            results[side.name]["actions_rss_mb"] = rss_mb(side.actions.process.pid)
    return results


def timed(args: List[str], cwd: Path, env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def train_ours(tmp: Path, env: dict, quick: bool = False) -> float:
    args = [*RASA_CLI, "train", "--out", str(tmp / "ours"), "--fixed-model-name", "bench"]
    if quick:  # what `make train` just trained comes from Rasa's cache (.rasa/cache): 41 -> 11 s of CPU
        log("ours: training, from Rasa's training cache where it can (smoke)")
        return timed(args, ROOT, env)
    log("ours: training from scratch (into a temporary folder)")
    return timed([*args, "--force"], ROOT, env)


def stock_files() -> Tuple[Path, Path]:
    """Where `rasa init` takes the stock project from, and the configuration Rasa trains it with
    (its config.yml names no components, so Rasa fills in these defaults)."""
    spec = find_spec("rasa")  # found, not imported: nothing of Rasa's runs in this process
    assert spec and spec.origin, "Rasa is not installed"
    rasa = Path(spec.origin).parent
    return rasa / "cli" / "initial_project", rasa / "engine" / "recipes" / "config_files" / "default_config.yml"


def train_baseline(tmp: Path, env: dict, quick: bool = False) -> Tuple[float, Path]:
    project = tmp / "stock"
    if not quick:
        project.mkdir()
        log("baseline: `rasa init --no-prompt` (creates and trains the stock assistant)")
        train_s = timed([str(BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(project)], tmp, env)
        return train_s, sorted((project / "models").glob("*.tar.gz"))[-1]
    # A smoke run: the project `rasa init` makes, with Rasa's default configuration written out
    # and one epoch per model instead of 100 (minutes less), trained by the plain `rasa` script.
    log("baseline: the `rasa init` project, trained for one epoch per model (smoke)")
    template, default_config = stock_files()
    shutil.copytree(template, project)
    defaults = default_config.read_text(encoding="utf-8")
    assert defaults.count("epochs: 100") == 4, "Rasa's default configuration changed: update the smoke run"
    (project / "config.yml").write_text(defaults.replace("epochs: 100", "epochs: 1"), encoding="utf-8")
    train_s = timed([str(BIN / "rasa"), "train"], project, env)
    return train_s, sorted((project / "models").glob("*.tar.gz"))[-1]


def start_ours(tmp: Path, env: dict, servers: List[Server]) -> Tuple[Side, float]:
    (tmp / "var").mkdir(exist_ok=True)
    endpoints = tmp / "endpoints.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{ACTIONS_PORT}/webhook"\n'
        f'tracker_store:\n  type: bot.stores.RedactingSQLTrackerStore\n  dialect: "sqlite"\n'
        f'  db: "{tmp / "var" / "bench.db"}"\n'
    )
    logs = tmp / "ours.log"  # a path: each server's copy is closed here once it has started
    # The benchmark measures the engine, so the per-client limits (bot/channels/rate_limits.py)
    # are raised for it: one load generator on loopback is neither one school nor one student.
    env = {**env, **ENGINE_LIMITS}
    start = time.perf_counter()
    actions = start_actions(ACTIONS_PORT, log=logs, env=env)
    servers.append(actions)
    rasa = start_rasa(OURS_PORT, endpoints, log=logs, env=env, model=MODEL)
    servers.append(rasa)
    wait_ready(actions)
    wait_ready(rasa)
    ready_s = time.perf_counter() - start
    log(f"ours: ready in {ready_s:.1f} s")
    return Side("ours", f"http://127.0.0.1:{OURS_PORT}/webhooks/rest/webhook", OURS_MIX, rasa, actions), ready_s


def start_baseline(tmp: Path, env: dict, model: Path, servers: List[Server]) -> Tuple[Side, float]:
    logs = tmp / "stock.log"
    start = time.perf_counter()
    # The plain `rasa` script (not RASA_CLI), in the stock project's folder: Rasa reads
    # credentials.yml and endpoints.yml from the working directory when not told otherwise, and
    # ours (channels, store, action server) must not leak into the baseline.
    project = model.parent.parent
    rasa = spawn(
        "stock Rasa",
        [str(BIN / "rasa"), "run", "--model", str(model), "--port", str(BASE_PORT)],
        f"http://127.0.0.1:{BASE_PORT}/",
        logs,
        env,
        cwd=project,
    )
    servers.append(rasa)
    wait_ready(rasa, timeout=300)
    ready_s = time.perf_counter() - start
    log(f"baseline: ready in {ready_s:.1f} s")
    return Side("baseline", f"http://127.0.0.1:{BASE_PORT}/webhooks/rest/webhook", BASELINE_MIX, rasa), ready_s


def nlu_scores(tmp: Path, env: dict, report: Optional[Path] = None) -> dict:
    if report is not None:  # `make test-nlu`'s run of the same test on the same model
        log(f"ours: NLU on the held-out split, from {report}")
        s = scores(str(report))
        return {"nlu_macro_f1": s["macro_f1"], "nlu_accuracy": s["accuracy"]}
    log("ours: NLU on the held-out split")
    out = tmp / "nlu"
    subprocess.run(
        [
            *RASA_CLI,
            "test",
            "nlu",
            "--model",
            str(MODEL),
            "--nlu",
            str(ROOT / "tests" / "nlu" / "holdout.yml"),
            "--out",
            str(out),
        ],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    s = scores(str(out / "intent_report.json"))
    return {"nlu_macro_f1": s["macro_f1"], "nlu_accuracy": s["accuracy"]}


def run(cfg: Config, tmp: Path, env: dict, nlu_report: Optional[Path] = None) -> Tuple[dict, dict]:
    ours_train_s = train_ours(tmp, env, cfg.quick_training)
    base_train_s, base_model = train_baseline(tmp, env, cfg.quick_training)
    servers: List[Server] = []
    try:  # start one after the other (ready times alone on the machine), then measure side by side
        ours, ours_ready_s = start_ours(tmp, env, servers)
        base, base_ready_s = start_baseline(tmp, env, base_model, servers)
        results = measure([ours, base], cfg)
    finally:
        for server in reversed(servers):
            server.stop()
    results["ours"].update(ready_s=ours_ready_s, train_s=ours_train_s, **nlu_scores(tmp, env, nlu_report))
    results["baseline"].update(ready_s=base_ready_s, train_s=base_train_s)
    return results["ours"], results["baseline"]


TARGETS = [  # (key, ratio limit, "max" = ours/baseline must be <= limit, "min" = >=)
    ("p95_ms", 0.4, "max"),
    ("rps_32", 2.5, "min"),
    ("ready_s", 0.5, "max"),
    ("rss_mb", 0.8, "max"),
]


#: Figures both assistants must report; ours also reports its action server and NLU score.
_COMMON = "ready_s train_s rss_mb p50_ms p95_ms p99_ms rps_1 rps_8 rps_32 errors growth_300".split()
REQUIRED = {"ours": [*_COMMON, "actions_rss_mb", "nlu_macro_f1"], "baseline": _COMMON}


def report(ours: dict, baseline: dict, smoke: bool) -> None:
    machine = {
        "cpus": os.cpu_count(),
        "cpu": _cpu_model(),
        "memory_gb": _mem_gb(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "smoke": smoke,
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
    }
    REPORTS.mkdir(exist_ok=True)
    name = "bench-smoke" if smoke else "bench"  # a smoke run never overwrites real numbers
    data = {"ours": ours, "baseline": baseline, "machine": machine}
    missing = [
        f"{side}.{k}"
        for side, keys in REQUIRED.items()
        for k in keys
        if not isinstance(data[side].get(k), (int, float))
    ]
    if missing:
        raise SystemExit(f"benchmark report incomplete: {', '.join(missing)}")
    (REPORTS / f"{name}.json").write_text(json.dumps(data, indent=2))
    keys = [
        "ready_s",
        "train_s",
        "rss_mb",
        "p50_ms",
        "p95_ms",
        "p99_ms",
        "rps_1",
        "rps_8",
        "rps_32",
        "p95_load_32_ms",
        "errors",
        "growth_300",
    ]
    lines = [
        "# Benchmark: ours vs stock `rasa init`",
        "",
        f"Machine: {machine['cpus']} CPUs ({machine['cpu']}), {machine['memory_gb']} GB, Python "
        f"{machine['python']}, {machine['date']}." + (" **Smoke run: numbers are not meaningful.**" if smoke else ""),
        "",
        "Both assistants run at the same time and are measured side by side: latency and the long "
        "conversation turn by turn, alternating between them; each load level for one right after the "
        "other. Ready and training times are measured one at a time.",
        "",
        "| figure | ours | baseline | ours ÷ baseline |",
        "|---|---|---|---|",
    ]
    for k in keys:
        o, b = ours.get(k), baseline.get(k)
        ratio = f"{o / b:.2f}" if isinstance(o, (int, float)) and isinstance(b, (int, float)) and b else "–"
        lines.append(f"| {k} | {_fmt(o)} | {_fmt(b)} | {ratio} |")
    lines += [
        f"| actions_rss_mb | {_fmt(ours.get('actions_rss_mb'))} | – | – |",
        f"| nlu_macro_f1 (held-out) | {_fmt(ours.get('nlu_macro_f1'))} | – | – |",
        "",
        "Targets (ratios): "
        + "; ".join(
            f"{k} {'≤' if d == 'max' else '≥'} {lim}: "
            f"{'met' if _met(ours[k] / baseline[k], lim, d) else 'NOT met'} ({ours[k] / baseline[k]:.2f})"
            for k, lim, d in TARGETS
        )
        + f"; errors = 0: {'met' if ours['errors'] == 0 else 'NOT met'}"
        + f"; growth_300 ≤ 1.5: {'met' if ours['growth_300'] <= 1.5 else 'NOT met'} ({ours['growth_300']:.2f})"
        + f"; NLU macro-F1 ≥ 0.95: {'met' if ours['nlu_macro_f1'] >= 0.95 else 'NOT met'}",
    ]
    (REPORTS / f"{name}.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


def _met(ratio: float, limit: float, direction: str) -> bool:
    return ratio <= limit if direction == "max" else ratio >= limit


def _fmt(v) -> str:
    return f"{v:.3g}" if isinstance(v, float) else ("–" if v is None else str(v))


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _mem_gb() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return round(int(line.split()[1]) / 1024 / 1024, 1)
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="tiny loads: checks the report is produced")
    parser.add_argument(
        "--nlu-report",
        type=Path,
        help="the intent report of `rasa test nlu` on the held-out split with the trained model "
        "(make test-nlu's reports/nlu/intent_report.json), read instead of running that test again",
    )
    args = parser.parse_args()
    cfg = Config.smoke() if args.smoke else Config()
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp_name:
        tmp = Path(tmp_name)
        ours, baseline = run(cfg, tmp, env, args.nlu_report)
    report(ours, baseline, args.smoke)
    return 0


if __name__ == "__main__":
    sys.exit(main())
