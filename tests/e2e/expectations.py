"""What a right reply must contain, judged from the knowledge file, and how a row is asked.

Shared by the held-out answer check (tests/e2e/test_answer_check.py) and the blind understanding
batches (tests/e2e/test_blind_understanding.py). A row is a question (`q`), the messages sent
before it in the same conversation (`before`), and one expectation (`expect: {key: value}`); the
texts the reply must and must not contain come from the knowledge file, never from the row.
"""

from __future__ import annotations

import re
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import List, Optional, Protocol, Sequence, Tuple, Union

import requests

from bot.render import entry_level, money, outlook_cite, outlook_line, pay_line, period, signed_percent


class Check(Protocol):
    """A test of a reply beyond one fixed text: what of it the reply has, and whether that is enough."""

    def found(self, reply: str) -> List[str]: ...

    def met(self, reply: str) -> bool: ...


@dataclass(frozen=True)
class OneOf:
    """Any one of these texts (exact case)."""

    texts: Tuple[str, ...]

    def __str__(self) -> str:
        return "one of " + " | ".join(repr(t) for t in self.texts)

    def found(self, reply: str) -> List[str]:
        return [t for t in self.texts if t in reply]

    def met(self, reply: str) -> bool:
        return bool(self.found(reply))


@dataclass(frozen=True)
class Titles:
    """At least `at_least` of these job titles, as whole words in any case, a plural too
    ("Welders", "also: welder"; "mechanical engineer" is not in "mechanical engineering technician")."""

    titles: Tuple[str, ...]
    at_least: int = 1

    def __str__(self) -> str:
        return f"{self.at_least} of {', '.join(self.titles)}"

    def found(self, reply: str) -> List[str]:
        return [t for t in self.titles if re.search(rf"\b{re.escape(t)}s?\b", reply, re.IGNORECASE)]

    def met(self, reply: str) -> bool:
        return len(self.found(reply)) >= self.at_least


Text = Union[str, Check]

#: Keys whose texts may be in lower case in the reply: a long list names the rest of an
#: industry's jobs in a sentence; related jobs are named by their summary's first sentence.
CASELESS = {"sector_roles", "related"}


def _by_id(items, ident):
    return next(x for x in items if x.id == ident)


def no_degree_roles(kb) -> list:
    """Roles the bot lists as needing no college degree: the bot's own test (bot/render.py entry_level)."""
    return [r for r in kb.roles if entry_level(r) == 0]


def bachelor_roles(kb) -> list:
    """Roles whose typical entry is a bachelor's degree: never in a no-degree answer."""
    return [r for r in kb.roles if r.education.typical_entry.lower().startswith("bachelor")]


#: A no-degree answer names at least this many of the no-degree jobs.
NO_DEGREE_NAMED = 3


def needed(kb, expect: dict) -> List[Text]:
    """The texts the reply must contain for this knowledge expectation."""
    ((kind, value),) = expect.items()

    def role():
        return _by_id(kb.roles, value)

    if kind == "pay":
        r = role()
        return [r.title, pay_line(kb, r.median_pay)]
    if kind == "about":
        return [role().summary]
    if kind == "education":
        return [role().education.typical_entry]
    if kind == "outlook":  # a job without a sourced outlook says so (bot/answers/roles.py _outlook)
        r = role()
        if not r.outlook:
            return [r.title, "I don't have a job outlook figure"]
        # The outlook on its own, or weighed against all jobs ("is that a growing field?").
        weighed = f"{r.title}: {signed_percent(r.outlook.percent_change)} for {period(r.outlook.period)}"
        return [OneOf((outlook_line(kb, r.outlook), f"{weighed} {outlook_cite(kb, r.outlook)}"))]
    if kind == "skills":
        return [role().skills[0]]
    if kind == "certifications":
        r = role()  # a job without one says so (bot/answers/roles.py _certifications)
        return [r.certifications[0].name] if r.certifications else [r.title, "no one certification is expected"]
    if kind == "related":
        return [_by_id(kb.roles, r).title for r in role().related_roles]
    if kind == "compare":
        return [money(_by_id(kb.roles, r).median_pay.annual_usd) for r in value]
    if kind == "sector":
        return [_by_id(kb.sectors, value).summary]
    if kind == "sector_roles":
        sector = _by_id(kb.sectors, value)
        return [f"Jobs in {sector.name.lower()}"] + [_by_id(kb.roles, r).title for r in sector.roles[:6]]
    if kind == "sectors":
        return ["Manufacturing industries I can tell you about"] + [s.name for s in kb.sectors]
    if kind == "pathway":
        return [_by_id(kb.pathways, value).summary]
    if kind == "pathways":
        return [p.name for p in kb.pathways]
    if kind == "cluster":
        return [kb.cluster.summary]
    if kind == "all_roles":
        return ["Here are the manufacturing jobs I know about"] + [r.title for r in kb.roles]
    if kind == "no_degree":
        return [Titles(tuple(r.title for r in no_degree_roles(kb)), NO_DEGREE_NAMED)]
    if kind == "technology":
        return [_by_id(kb.innovation.technologies, value).summary]
    if kind == "automation":
        return [kb.innovation.summary]
    if kind == "economy":
        return [_by_id(kb.economy, value).statement]
    if kind == "training":
        route = _by_id(kb.training, value)
        return [OneOf((route.summary, route.name))]
    if kind == "glossary":
        return [_by_id(kb.glossary, value).definition]
    if kind == "unknown":
        return ["I don't have that job"] + [_by_id(kb.roles, r).title for r in value]
    if kind == "other_cluster":
        return [f"part of the {value} career cluster"]
    if kind == "phrase":
        return []
    raise ValueError(f"unknown expectation {kind!r}")


def forbidden(kb, row: dict) -> List[Text]:
    """The texts the reply must not contain for this row."""
    ((kind, _),) = row["expect"].items()
    banned: List[Text] = list(row.get("not", []))
    if kind in ("unknown", "other_cluster"):
        banned.append("$")  # never another job's facts
    if kind == "no_degree":
        banned.append(Titles(tuple(r.title for r in bachelor_roles(kb))))
    return banned


def judge(reply: str, wanted: Sequence[Text], banned: Sequence[Text], caseless: bool = False) -> Tuple[list, list]:
    """(what is missing from the reply, what is in it but must not be)."""

    def has(text: Text) -> bool:
        if isinstance(text, str):
            return text in reply or (caseless and text.lower() in reply.lower())
        return text.met(reply)

    missing = [t for t in wanted if not has(t)]
    present = [t if isinstance(t, str) else t.found(reply) for t in banned if has(t)]
    return missing, present


def as_student(bot, text: str, n: int, sender: Optional[str] = None) -> str:
    """One message as the n-th student would send it: its own conversation (or `sender`'s) and an
    address of its own (through the trusted-proxy header, from loopback), so the per-address rate
    limit of a school (bot/channels/rate_limits.py) sees many students, not one script."""
    resp = requests.post(
        f"{bot.base}/webhooks/rest/webhook",
        json={"sender": sender or uuid.uuid4().hex, "message": text},
        headers={"X-Forwarded-For": f"127.0.{3 + n // 250}.{1 + n % 250}"},
        timeout=30,
    )
    assert resp.status_code == 200, resp.text
    return "\n\n".join(m.get("text", "") for m in resp.json())


#: Students asking at once: each is its own conversation from its own address, so they are
#: independent; a few in flight keep both servers busy without queueing behind one another.
IN_FLIGHT = 4


def as_students(bot, texts: Sequence[str]) -> List[str]:
    """Each text as the n-th student sends it (as_student), IN_FLIGHT at a time; replies in order."""
    with ThreadPoolExecutor(IN_FLIGHT) as pool:
        return list(pool.map(lambda n: as_student(bot, texts[n], n), range(len(texts))))


def converse(bot, row: dict, n: int) -> str:
    """Send the row's earlier messages, then its question, in one conversation; the last reply."""
    me = uuid.uuid4().hex
    for earlier in row.get("before", []):
        as_student(bot, earlier, n, me)
    return as_student(bot, row["q"], n, me)


def check(bot, kb, row: dict, n: int = 0) -> Optional[str]:
    """None if the reply to a knowledge row is right, else why not."""
    reply = converse(bot, row, n)
    ((kind, _),) = row["expect"].items()
    wanted = needed(kb, row["expect"]) + ([row["phrase"]] if "phrase" in row else [])
    missing, present = judge(reply, wanted, forbidden(kb, row), caseless=kind in CASELESS)
    if not missing and not present:
        return None
    return f"{row['q']!r} (expect {row['expect']}): missing {missing} forbidden {present}\n    reply: {reply[:300]!r}"
