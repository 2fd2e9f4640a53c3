"""Spanish answer check against the real servers (docs/spanish.md): questions in Spanish, with
follow-ups and a language switch mid-conversation, and what the reply must say, taken from the
Spanish knowledge texts (load_localised) and the Spanish phrasebook (bot/phrases.py) with the
English file's figures. At least 95% of rows must pass; every failure is printed."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import List, Optional

import requests
import yaml

from bot.phrases import say
from bot.render import entry_level, money, outlook_line, pay_line
from tests.e2e.expectations import OneOf, Text, Titles, judge

TABLE = Path(__file__).with_name("spanish_answer_check.yml")
PASS_RATE = 0.95


def rows() -> list:
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))["rows"]


def _role(kb, ident):
    return next(r for r in kb.roles if r.id == ident)


def needed(es, kb, expect: dict) -> List[Text]:
    ((kind, value),) = expect.items()
    if kind == "pay":
        return [_role(es, value).title, pay_line(es, _role(es, value).median_pay, "es")]
    if kind == "english_pay":
        return [_role(kb, value).title, pay_line(kb, _role(kb, value).median_pay)]
    if kind == "about":
        return [_role(es, value).summary, "Qué hacen:"]
    if kind == "education":
        return [_role(es, value).education.typical_entry, "Estudios para empezar:"]
    if kind == "outlook":
        return [outlook_line(es, _role(es, value).outlook, "es")]
    if kind == "skills":
        return [_role(es, value).skills[0]]
    if kind == "certifications":
        return [_role(es, value).certifications[0].name]
    if kind == "related":  # each related job by its title or its summary's first words (plural)
        related = (_role(es, i) for i in _role(es, value).related_roles)
        found: List[Text] = [OneOf((r.title, r.summary[:30])) for r in related]
        return found
    if kind == "compare":
        figures: List[Text] = [money(_role(es, r).median_pay.annual_usd) for r in value]
        return [*figures, "Estudios para empezar:"]
    if kind == "no_degree":
        return [Titles(tuple(r.title for r in es.roles if entry_level(r) == 0), 3), "sin título universitario"]
    if kind == "unknown":
        return ["Ese trabajo no está en mi lista de manufactura"]
    if kind in LEAVING:
        return LEAVING[kind](es, value)
    if kind == "phrase":
        return []
    raise ValueError(f"unknown expectation {kind!r}")


def _apprenticeship(es):
    return next(t for t in es.training if t.id == "apprenticeship")


def _certificate(es, role_id) -> List[Text]:
    """The first credential, as the certificate answer lists it (not the certifications list)."""
    first = _role(es, role_id).certifications[0]
    return [say("es", "roles.certification_item", name=first.name, issuer=first.issuer)]


def _safety(es, value) -> List[Text]:
    safety = es.leaving_school.safety
    risks = [r.hazards for r in safety.risks if value in r.roles][:1]
    return [say("es", "leaving.safety_lead"), safety.training, *risks]


#: The leaving-school answers (bot/answers/costs.py, work_safety.py, first_job.py, in_school.py):
#: expect <kind>: all, or for safety and certificate a role id.
LEAVING = {
    "cost": lambda es, _: [say("es", "leaving.cost_advice"), es.leaving_school.aid[0].statement],
    "safety": _safety,
    "quick_start": lambda es, _: [es.leaving_school.first_steps[0], say("es", "leaving.time_moderate")],
    "certificate": _certificate,
    "apprenticeship": lambda es, _: [
        _apprenticeship(es).facts[0].statement,
        say("es", "leaving.find_one", url=_apprenticeship(es).url),
    ],
    "in_school": lambda es, _: [say("es", "leaving.summer"), next(t.name for t in es.training if t.id == "cte")],
}


def forbidden(row: dict) -> List[Text]:
    ((kind, _),) = row["expect"].items()
    banned: List[Text] = list(row.get("not", []))
    if kind == "unknown":
        banned.append("$")  # never another job's facts
    if kind != "english_pay":
        # English sentences of the answers converted so far must not show in a Spanish reply.
        banned += [say("en", k) for k in ("roles.more_jobs", "scope.not_understood", "scope.outside")]
        banned += ["Median pay:", "What they do:", "Education to start:", "I don't have that job"]
        banned += [say("en", f"leaving.{k}") for k in ("cost_advice", "summer", "watch_out", "first_credentials")]
    if kind == "certificate":  # "do I need one?" is answered yes, no or it depends, not with the list
        banned.append("Certificaciones para trabajar como")
    return banned


def _ask(bot, text: str, sender: str, lang: Optional[str], n: int) -> str:
    body: dict = {"sender": sender, "message": text}
    if lang:
        body["metadata"] = {"lang": lang}
    resp = requests.post(
        f"{bot.base}/webhooks/rest/webhook",
        json=body,
        headers={"X-Forwarded-For": f"127.0.{40 + n // 250}.{1 + n % 250}"},
        timeout=30,
    )
    assert resp.status_code == 200, resp.text
    return "\n\n".join(m.get("text", "") for m in resp.json())


def check(bot, es, kb, row: dict, n: int) -> Optional[str]:
    me = uuid.uuid4().hex
    for earlier in row.get("before", []):
        _ask(bot, earlier, me, row.get("lang"), n)
    reply = _ask(bot, row["q"], me, row.get("lang"), n)
    ((kind, _),) = row["expect"].items()
    wanted = needed(es, kb, row["expect"]) + ([row["phrase"]] if "phrase" in row else [])
    missing, present = judge(reply, wanted, forbidden(row), caseless=kind == "related")
    if not missing and not present:
        return None
    return f"{row['q']!r} (expect {row['expect']}): missing {missing} forbidden {present}\n    reply: {reply[:300]!r}"


def test_table_is_large_enough():
    table = rows()
    assert len(table) >= 40
    assert any(r.get("before") for r in table) and any("english_pay" in r["expect"] for r in table)


def test_spanish_answers_are_about_what_was_asked(bot, kb, es):
    table = rows()
    failures = [f for f in (check(bot, es, kb, row, n) for n, row in enumerate(table)) if f]
    passed = len(table) - len(failures)
    print(f"\nSpanish answer check: {passed}/{len(table)} passed ({passed / len(table):.1%})")
    for failure in failures:
        print("  FAIL", failure)
    assert passed / len(table) >= PASS_RATE, "\n".join(failures)
