"""Common beliefs about manufacturing ("factory jobs don't pay", "it all went to China") answered
from the knowledge file's `myths`: the project's reply, then the figures of this file that back
it, each with its source. The belief asked is found by its words (the myth_<id> cues). The reply
and the facts are the knowledge texts of the conversation's language; the lines around the
figures are the `myths` phrasebook's."""

from __future__ import annotations

from typing import List, Optional

from bot.answers.turn import Turn
from bot.knowledge.model import KnowledgeBase, Myth
from bot.phrases import say
from bot.render import Answer, Button, bullets, cite, fact_line, money, no_degree_button, pay_cite, payload, short_entry
from bot.understanding.reading import MYTH_CUE_PREFIX


def asked(turn: Turn) -> Optional[Myth]:
    """The belief the message states (the first of the file's myths whose words it has)."""
    return next((m for m in turn.kb.myths if turn.asks(MYTH_CUE_PREFIX + m.id)), None)


def answer(turn: Turn) -> Answer:
    return reply(turn, asked(turn) or _default(turn.kb))


def reply(turn: Turn, myth: Myth) -> Answer:
    """The reply to one belief, with its figures and sources."""
    lines = _figures(turn.kb, myth, turn.language)
    buttons = [Button(turn.knowledge.title(r), payload("ask_about", role=r)) for r in myth.roles[:2]]
    buttons.append(no_degree_button(turn.language))
    return Answer(f"{myth.reply}\n{bullets(lines)}", buttons, _sources(turn.kb, myth))


def _default(kb: KnowledgeBase) -> Myth:
    """A belief the words do not name: the one about jobs going away, the most often heard."""
    return next((m for m in kb.myths if m.id == "going_away"), kb.myths[0])


def _figures(kb: KnowledgeBase, myth: Myth, lang: str) -> List[str]:
    lines: List[str] = []
    roles = {r.id: r for r in kb.roles}
    for role_id in myth.roles:
        role = roles[role_id]
        if role.median_pay:
            pay = role.median_pay
            lines.append(
                say(
                    lang,
                    "myths.role_pay",
                    title=role.title,
                    money=money(pay.annual_usd),
                    cite=pay_cite(kb, pay, lang),
                    entry=short_entry(role),
                )
            )
    if myth.all_jobs_pay and kb.benchmarks.median_pay:
        pay = kb.benchmarks.median_pay
        lines.append(say(lang, "myths.all_jobs_pay", money=money(pay.annual_usd), cite=pay_cite(kb, pay, lang)))
    economy = {e.id: e for e in kb.economy}
    lines += [fact_line(kb, economy[e], lang) for e in myth.economy]
    if myth.injury_rates:
        lines += [
            say(
                lang,
                "myths.injury_rate",
                industry=r.industry,
                rate=f"{r.cases_per_100:g}",
                cite=cite(kb, r.source, str(r.year), lang),
            )
            for r in kb.leaving_school.safety.injury_rates
        ]
    return lines


def _sources(kb: KnowledgeBase, myth: Myth) -> List[str]:
    roles = {r.id: r for r in kb.roles}
    economy = {e.id: e for e in kb.economy}
    found = [pay.source for pay in (roles[r].median_pay for r in myth.roles) if pay]
    found += [economy[e].source for e in myth.economy]
    if myth.all_jobs_pay and kb.benchmarks.median_pay:
        found.append(kb.benchmarks.median_pay.source)
    if myth.injury_rates:
        found += [r.source for r in kb.leaving_school.safety.injury_rates]
    return list(dict.fromkeys(found))
