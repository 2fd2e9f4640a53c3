"""The knowledge base in another language: the English file's entries and figures with the words
of a texts file (bot/knowledge/texts.py loads and checks it first; docs/spanish.md).

Names and aliases are the other language's first, then the English ones, so "qué hace un
machinist" still finds the machinist.
"""

from __future__ import annotations

import unicodedata
from typing import List, Optional, Sequence

from bot.knowledge.model import Certification, Fact, KnowledgeBase, LeavingSchool
from bot.knowledge.texts_model import CertificationText, FactText, KnowledgeTexts, LeavingSchoolText
from bot.text import normalise


def name_key(name: str) -> str:
    """The form names are compared in, accents optional ("tecnico" is "técnico")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return normalise("".join(c for c in decomposed if not unicodedata.combining(c)))


def _merged(first: Sequence[str], then: Sequence[str]) -> List[str]:
    """Names in this language first, then the English ones not already there."""
    seen = {name_key(n) for n in first}
    return [*first, *(n for n in then if name_key(n) not in seen)]


def _certification(c: Certification, t: Optional[CertificationText]) -> Certification:
    if t is None:
        return c
    return c.copy(update={"name": t.name or c.name, "issuer": t.issuer or c.issuer})


def _with_facts(facts: Sequence[Fact], texts: Sequence[FactText]) -> List[Fact]:
    return [f.copy(update={"statement": t.statement, "value": t.value}) for f, t in zip(facts, texts, strict=False)]


def _leaving_school(ls: LeavingSchool, t: LeavingSchoolText) -> LeavingSchool:
    """Costs, aid, safety and first steps in words of `t`, with the English figures and sources."""
    costs = [
        c.copy(
            update={
                "route": ct.route,
                "cost": ct.cost,
                # Both or neither (texts.py checks it); a file that breaks it keeps the English fact.
                "fact": _with_facts([c.fact], [ct.fact])[0] if c.fact and ct.fact else c.fact,
            }
        )
        for c, ct in zip(ls.costs, t.costs, strict=False)
    ]
    s, st = ls.safety, t.safety
    safety = s.copy(
        update={
            "injury_rates": [
                r.copy(update={"industry": rt.industry}) for r, rt in zip(s.injury_rates, st.injury_rates, strict=False)
            ],
            "training": st.training,
            "risks": [r.copy(update={"hazards": rt.hazards}) for r, rt in zip(s.risks, st.risks, strict=False)],
        }
    )
    aid = _with_facts(ls.aid, t.aid)
    return ls.copy(update={"costs": costs, "aid": aid, "safety": safety, "first_steps": list(t.first_steps)})


def localised(kb: KnowledgeBase, texts: KnowledgeTexts) -> KnowledgeBase:
    """The knowledge base with the texts of `texts` (checked by `load_texts`) and the figures of `kb`."""
    c = texts.cluster
    cluster = kb.cluster.copy(update={"name": c.name, "summary": c.summary, "framework_note": c.framework_note})

    def named(entry, t, name_field="name"):
        english = [getattr(entry, name_field), *entry.aliases]
        return {name_field: t.name, "aliases": _merged([t.name, *t.aliases], english)[1:], "summary": t.summary}

    pathways = [p.copy(update=named(p, texts.pathways[p.id])) for p in kb.pathways]
    sectors = [
        s.copy(
            update={
                **named(s, texts.sectors[s.id]),
                "products": texts.sectors[s.id].products,
                "facts": _with_facts(s.facts, texts.sectors[s.id].facts),
            }
        )
        for s in kb.sectors
    ]
    roles = []
    for r in kb.roles:
        t = texts.roles[r.id]
        certs = t.certifications or [None] * len(r.certifications)
        roles.append(
            r.copy(
                update={
                    "title": t.title,
                    "aliases": _merged([t.title, *t.aliases], [r.title, *r.aliases])[1:],
                    "summary": t.summary,
                    "tasks": t.tasks,
                    "skills": t.skills,
                    "education": r.education.copy(update=t.education.dict()),
                    "certifications": [_certification(a, b) for a, b in zip(r.certifications, certs, strict=False)],
                }
            )
        )
    economy = []
    for e in kb.economy:
        et = texts.economy[e.id]
        aliases = _merged([et.topic, *et.aliases], [e.topic, *e.aliases])[1:]
        economy.append(
            e.copy(update={"topic": et.topic, "aliases": aliases, "statement": et.statement, "value": et.value})
        )
    ti = texts.innovation
    innovation = kb.innovation.copy(
        update={
            "summary": ti.summary,
            "technologies": [t.copy(update=named(t, ti.technologies[t.id])) for t in kb.innovation.technologies],
            "emerging_roles": [
                e.copy(update={"title": t.title, "summary": t.summary})
                for e, t in zip(kb.innovation.emerging_roles, ti.emerging_roles, strict=False)
            ],
            "facts": _with_facts(kb.innovation.facts, ti.facts),
        }
    )
    training = [
        t.copy(update={**named(t, texts.training[t.id]), "facts": _with_facts(t.facts, texts.training[t.id].facts)})
        for t in kb.training
    ]
    glossary = []
    for g in kb.glossary:
        gt = texts.glossary[g.id]
        aliases = _merged([gt.term, *gt.aliases], [g.term, *g.aliases])[1:]
        glossary.append(g.copy(update={"term": gt.term, "aliases": aliases, "definition": gt.definition}))
    myths = [m.copy(update=texts.myths[m.id].dict()) for m in kb.myths]
    others = []
    for o in kb.other_careers:
        ot = texts.other_careers[o.name]
        aliases = _merged([ot.name, *ot.aliases], [o.name, *o.aliases])[1:]
        others.append(o.copy(update={"name": ot.name, "aliases": aliases, "cluster": ot.cluster}))
    meta = kb.meta.copy(update={"attribution": texts.attribution}) if texts.attribution else kb.meta
    return kb.copy(
        update={
            "meta": meta,
            "cluster": cluster,
            "pathways": pathways,
            "sectors": sectors,
            "roles": roles,
            "economy": economy,
            "innovation": innovation,
            "training": training,
            "glossary": glossary,
            "myths": myths,
            "other_careers": others,
            "leaving_school": _leaving_school(kb.leaving_school, texts.leaving_school),
        }
    )
