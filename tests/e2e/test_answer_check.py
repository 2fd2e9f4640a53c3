"""Held-out answer check: questions a student might ask, each with what the reply must be about.

The table (tests/e2e/answer_check.yml) names the role, industry, pathway or topic a question is
about and the fact that must be in the reply; the check is run against the real servers. At least
97% of rows must pass; every failure is printed (question, what was expected, the reply).
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import List, Optional

import yaml

from bot.render import money, outlook_line, pay_line

TABLE = Path(__file__).with_name("answer_check.yml")
PASS_RATE = 0.97


def rows() -> list:
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))["rows"]


def _by_id(items, ident):
    return next(x for x in items if x.id == ident)


def needed(kb, expect: dict) -> List[str]:
    """The texts the reply must contain for this expectation."""
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
    if kind == "outlook":
        return [outlook_line(kb, role().outlook)]
    if kind == "skills":
        return [role().skills[0]]
    if kind == "certifications":
        return [role().certifications[0].name]
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
    if kind == "technology":
        return [_by_id(kb.innovation.technologies, value).summary]
    if kind == "automation":
        return [kb.innovation.summary]
    if kind == "economy":
        return [_by_id(kb.economy, value).statement]
    if kind == "unknown":
        return ["I don't have that job"] + [_by_id(kb.roles, r).title for r in value]
    if kind == "other_cluster":
        return [f"part of the {value} career cluster"]
    if kind == "phrase":
        return []
    raise ValueError(f"unknown expectation {kind!r}")


def forbidden(kb, row: dict) -> List[str]:
    ((kind, _),) = row["expect"].items()
    banned = list(row.get("not", []))
    if kind in ("unknown", "other_cluster"):
        banned.append("$")  # never another job's facts
    return banned


def check(bot, kb, row: dict) -> Optional[str]:
    """None if the reply is right, else why not."""
    me = uuid.uuid4().hex
    for earlier in row.get("before", []):
        bot.text(earlier, me)
    reply = bot.text(row["q"], me)
    caseless = "sector_roles" in row["expect"]  # a long list names the rest in a sentence, lower case
    wanted = needed(kb, row["expect"]) + ([row["phrase"]] if "phrase" in row else [])
    missing = [t for t in wanted if t not in reply and not (caseless and t.lower() in reply.lower())]
    present = [t for t in forbidden(kb, row) if t in reply]
    if not missing and not present:
        return None
    return f"{row['q']!r} (expect {row['expect']}): missing {missing} forbidden {present}\n    reply: {reply[:300]!r}"


def test_table_is_large_enough():
    assert len(rows()) >= 60


def test_answers_are_about_what_was_asked(bot, kb):
    table = rows()
    failures = [f for f in (check(bot, kb, row) for row in table) if f]
    passed = len(table) - len(failures)
    print(f"\nanswer check: {passed}/{len(table)} passed ({passed / len(table):.1%})")
    for failure in failures:
        print("  FAIL", failure)
    assert passed / len(table) >= PASS_RATE, "\n".join(failures)
