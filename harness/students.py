"""Simulated students for load tests and `make bench-cluster`: each keeps one conversation about
one job, with follow-ups that only make sense with its own context ("how much do they make?"),
and checks every answer against the knowledge file, so a reply with another conversation's
context is caught.

A turn that fails (HTTP error, refused connection, or the assistant's apology) is not
acknowledged; the student waits a little and asks again, up to a bound.

Simulated students ask far faster than real ones, so that they stay within the rate limits that
stop a script (bot/channels/rate_limits.py, nginx): each starts a new conversation every
ROUNDS_PER_CONVERSATION rounds (fewer messages than a conversation's burst), and against a
loopback server each comes from its own loopback address (127.0.1.1, 127.0.1.2, ...), as
students behind different networks would; nginx passes it on in X-Forwarded-For.
"""

from __future__ import annotations

import asyncio
import statistics
import time
import uuid
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple
from urllib.parse import urlsplit

import aiohttp

from bot.channels.guarantee import NO_REPLY, STORE_DOWN
from bot.knowledge.model import Role
from bot.render import money

RETRY_PAUSE_S = 0.3
#: Rounds of 4 questions per conversation: 8 messages, with room for retries within the
#: conversation's burst (MESSAGES_PER_CONVERSATION).
ROUNDS_PER_CONVERSATION = 2


@dataclass
class Outcome:
    """What one student saw in one conversation."""

    sender: str
    role: str
    student: int = 0  # which simulated student (each has several conversations)
    acknowledged: List[str] = field(default_factory=list)  # texts answered correctly, in order
    latencies: List[float] = field(default_factory=list)
    wrong: List[Tuple[str, str]] = field(default_factory=list)  # (question, reply) with wrong facts
    failures: Dict[str, int] = field(default_factory=dict)  # kind -> count (retried)
    gave_up: int = 0


def script(role: Role) -> List[Tuple[str, str]]:
    """(question, text the reply must contain) for one round of questions about `role`."""
    assert role.median_pay is not None, f"{role.id} has no median pay to ask about"
    pay = money(role.median_pay.annual_usd)
    return [
        (f"what does a {role.title.lower()} do", role.title),
        ("how much do they make", pay),
        ("what education do they need", role.education.typical_entry),
        ("and how much do they earn?", pay),
    ]


async def student(
    http: aiohttp.ClientSession, base: str, role: Role, until: float, run: str, max_tries: int = 40, number: int = 0
) -> List[Outcome]:
    """One student's conversations until `until`, a new one every ROUNDS_PER_CONVERSATION rounds."""
    outcomes: List[Outcome] = []
    url = f"{base}/webhooks/rest/webhook"
    while time.monotonic() < until:
        out = Outcome(f"{run}-{uuid.uuid4().hex[:12]}", role.id, number)
        outcomes.append(out)
        for _ in range(ROUNDS_PER_CONVERSATION):
            if time.monotonic() >= until:
                break
            for question, expected in script(role):
                for _ in range(max_tries):
                    kind, reply, seconds = await _turn(http, url, out.sender, question)
                    if kind == "ok":
                        out.latencies.append(seconds)
                        out.acknowledged.append(question)
                        if expected not in reply:
                            out.wrong.append((question, reply[:300]))
                        break
                    out.failures[kind] = out.failures.get(kind, 0) + 1
                    await asyncio.sleep(RETRY_PAUSE_S)
                else:
                    out.gave_up += 1
                    return outcomes
    return outcomes


def source_address(base: str, number: int) -> Optional[str]:
    """A loopback address of the student's own when the server is on loopback, else None."""
    host = urlsplit(base).hostname or ""
    if not host.startswith("127."):
        return None
    return f"127.0.{1 + number // 250}.{1 + number % 250}"


async def _turn(http: aiohttp.ClientSession, url: str, sender: str, text: str) -> Tuple[str, str, float]:
    started = time.monotonic()
    try:
        async with http.post(url, json={"sender": sender, "message": text}) as resp:
            if resp.status != 200:
                return f"http_{resp.status}", "", 0.0
            reply = "\n".join(m.get("text", "") for m in await resp.json())
    except (aiohttp.ClientError, asyncio.TimeoutError) as error:
        return type(error).__name__, "", 0.0
    if STORE_DOWN in reply or NO_REPLY in reply:
        return "apology", reply, 0.0
    return "ok", reply, time.monotonic() - started


async def crowd(
    base: str, roles: Sequence[Role], users: int, seconds: float, run: Optional[str] = None, timeout_s: float = 30
) -> List[Outcome]:
    """`users` students at once for `seconds`, student i asking about roles[i % len(roles)]; one
    Outcome per conversation."""
    run = run or uuid.uuid4().hex[:8]
    until = time.monotonic() + seconds
    timeout = aiohttp.ClientTimeout(total=timeout_s)

    async def one(i: int) -> List[Outcome]:
        address = source_address(base, i)
        connector = aiohttp.TCPConnector(limit=4, local_addr=(address, 0) if address else None)
        async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
            return await student(http, base, roles[i % len(roles)], until, run, number=i)

    students = await asyncio.gather(*(one(i) for i in range(users)))
    return [outcome for outcomes in students for outcome in outcomes]


def summary(outcomes: Sequence[Outcome], seconds: float) -> Dict[str, float]:
    latencies = sorted(x for o in outcomes for x in o.latencies)
    turns = len(latencies)
    return {
        "users": len({o.student for o in outcomes}),
        "turns": turns,
        "turns_per_s": round(turns / seconds, 1),
        "p50_ms": round(1000 * statistics.median(latencies), 1) if latencies else 0.0,
        "p95_ms": round(1000 * latencies[int(0.95 * (turns - 1))], 1) if latencies else 0.0,
        "wrong": sum(len(o.wrong) for o in outcomes),
        "failed_tries": sum(sum(o.failures.values()) for o in outcomes),
        "gave_up": sum(o.gave_up for o in outcomes),
    }
