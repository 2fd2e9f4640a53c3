"""Checks that need the whole knowledge file: unique ids and aliases,
cross-references between entries, and sources that resolve."""

from __future__ import annotations

from typing import Dict, Iterable, Iterator, List, Tuple

from bot.knowledge.model import KnowledgeBase
from bot.knowledge.problems import Problem
from bot.text import normalise


def find_problems(kb: KnowledgeBase) -> List[Problem]:
    return [
        *_duplicate_ids(kb),
        *_dangling_references(kb),
        *_unknown_sources(kb),
        *_shared_names(kb),
        *_shared_descriptions(kb),
        *_glossary_names(kb),
        *_benchmark_periods(kb),
        *_injury_rate_years(kb),
    ]


def _sections(kb: KnowledgeBase) -> Iterator[Tuple[str, list]]:
    yield "pathways", kb.pathways
    yield "sectors", kb.sectors
    yield "roles", kb.roles
    yield "economy", kb.economy
    yield "innovation.technologies", kb.innovation.technologies
    yield "training", kb.training
    yield "glossary", kb.glossary


def _duplicate_ids(kb: KnowledgeBase) -> Iterator[Problem]:
    for section, entries in _sections(kb):
        seen = set()
        for entry in entries:
            if entry.id in seen:
                yield Problem(f"{section}[{entry.id}]", "id", f"id '{entry.id}' is used twice in {section}")
            seen.add(entry.id)


def _dangling_references(kb: KnowledgeBase) -> Iterator[Problem]:
    roles = {r.id for r in kb.roles}
    sectors = {s.id for s in kb.sectors}
    pathways = {p.id for p in kb.pathways}

    def check(entry: str, field: str, ids: Iterable[str], known: set, kind: str) -> Iterator[Problem]:
        for ref in ids:
            if ref not in known:
                yield Problem(entry, field, f"unknown {kind} id '{ref}'")

    for p in kb.pathways:
        yield from check(f"pathways[{p.id}]", "roles", p.roles, roles, "role")
    for s in kb.sectors:
        yield from check(f"sectors[{s.id}]", "roles", s.roles, roles, "role")
    for r in kb.roles:
        entry = f"roles[{r.id}]"
        yield from check(entry, "pathway", [r.pathway], pathways, "pathway")
        yield from check(entry, "sectors", r.sectors, sectors, "sector")
        yield from check(entry, "related_roles", r.related_roles, roles, "role")
        if r.id in r.related_roles:
            yield Problem(entry, "related_roles", "a role cannot be related to itself")
    for t in kb.innovation.technologies:
        yield from check(f"innovation.technologies[{t.id}]", "roles", t.roles, roles, "role")
    for i, e in enumerate(kb.innovation.emerging_roles):
        if e.role:
            yield from check(f"innovation.emerging_roles[{i}]", "role", [e.role], roles, "role")
    for i, risk in enumerate(kb.leaving_school.safety.risks):
        yield from check(f"leaving_school.safety.risks[{i}]", "roles", risk.roles, roles, "role")
    economy = {e.id for e in kb.economy}
    for m in kb.myths:
        yield from check(f"myths[{m.id}]", "roles", m.roles, roles, "role")
        yield from check(f"myths[{m.id}]", "economy", m.economy, economy, "economy")


def _cited_sources(kb: KnowledgeBase) -> Iterator[Tuple[str, str, str]]:
    """Every (entry, field, source id) the file cites."""
    for i, src in enumerate(kb.cluster.sources):
        yield "cluster", f"sources[{i}]", src
    for s in kb.sectors:
        for i, f in enumerate(s.facts):
            yield f"sectors[{s.id}]", f"facts[{i}].source", f.source
    for r in kb.roles:
        if r.median_pay:
            yield f"roles[{r.id}]", "median_pay.source", r.median_pay.source
        if r.outlook:
            yield f"roles[{r.id}]", "outlook.source", r.outlook.source
        if r.education.source:
            yield f"roles[{r.id}]", "education.source", r.education.source
        for i, src in enumerate(r.sources):
            yield f"roles[{r.id}]", f"sources[{i}]", src
        if r.on_the_job_training:
            yield f"roles[{r.id}]", "on_the_job_training.source", r.on_the_job_training.source
    for e in kb.economy:
        yield f"economy[{e.id}]", "source", e.source
    for i, f in enumerate(kb.innovation.facts):
        yield "innovation", f"facts[{i}].source", f.source
    for t in kb.training:
        for i, f in enumerate(t.facts):
            yield f"training[{t.id}]", f"facts[{i}].source", f.source
        for i, src in enumerate(t.sources):
            yield f"training[{t.id}]", f"sources[{i}]", src
    b = kb.benchmarks
    if b.median_pay:
        yield "benchmarks", "median_pay.source", b.median_pay.source
    if b.outlook:
        yield "benchmarks", "outlook.source", b.outlook.source
    for g in kb.glossary:
        yield f"glossary[{g.id}]", "source", g.source
    yield from _leaving_school_sources(kb)


def _leaving_school_sources(kb: KnowledgeBase) -> Iterator[Tuple[str, str, str]]:
    ls = kb.leaving_school
    for i, c in enumerate(ls.costs):
        if c.fact:
            yield "leaving_school", f"costs[{i}].fact.source", c.fact.source
    for i, f in enumerate(ls.aid):
        yield "leaving_school", f"aid[{i}].source", f.source
    for i, rate in enumerate(ls.safety.injury_rates):
        yield "leaving_school", f"safety.injury_rates[{i}].source", rate.source
    yield "leaving_school", "safety.training_source", ls.safety.training_source
    for i, risk in enumerate(ls.safety.risks):
        yield "leaving_school", f"safety.risks[{i}].source", risk.source


def _unknown_sources(kb: KnowledgeBase) -> Iterator[Problem]:
    known = kb.meta.sources
    for entry, field, src in _cited_sources(kb):
        if src not in known:
            yield Problem(entry, field, f"unknown source id '{src}' (add it to meta.sources)")


def unused_sources(kb: KnowledgeBase) -> List[str]:
    used = {src for _, _, src in _cited_sources(kb)}
    return sorted(set(kb.meta.sources) - used)


def _shared_names(kb: KnowledgeBase) -> Iterator[Problem]:
    """A name or alias must point to one entry, or the linker could not choose."""
    owner: Dict[str, str] = {}
    for entry, names in named_entries(kb):
        for name in names:
            key = normalise(name)
            if key in owner and owner[key] != entry:
                yield Problem(entry, "aliases", f"'{name}' is also a name of {owner[key]}")
            owner.setdefault(key, entry)


#: Sections whose entries users mention by name, by the kind of thing they hold.
NAMED_SECTIONS = {
    "pathway": "pathways",
    "sector": "sectors",
    "role": "roles",
    "economy": "economy",
    "technology": "innovation.technologies",
    "training": "training",
    "other_career": "other_careers",
    "near_role": "roles",
}


def names_of_entries(kb: KnowledgeBase) -> Iterator[Tuple[str, str, List[str]]]:
    """(kind, id, title and aliases) of every entry users can mention by name: what the
    linker matches (bot/understanding/linking.py) and what must be unique."""
    for p in kb.pathways:
        yield "pathway", p.id, [p.name, *p.aliases]
    for s in kb.sectors:
        yield "sector", s.id, [s.name, *s.aliases]
    for r in kb.roles:
        yield "role", r.id, [r.title, *r.aliases]
    for r in kb.roles:
        if r.near_names:
            yield "near_role", r.id, list(r.near_names)
    for e in kb.economy:
        yield "economy", e.id, [e.topic, *e.aliases]
    for t in kb.innovation.technologies:
        yield "technology", t.id, [t.name, *t.aliases]
    for tr in kb.training:
        yield "training", tr.id, [tr.name, *tr.aliases]
    for i, o in enumerate(kb.other_careers):
        yield "other_career", str(i), [o.name, *o.aliases]


def descriptions_of_entries(kb: KnowledgeBase) -> Iterator[Tuple[str, str, List[str]]]:
    """(kind, id, everyday phrases) of the jobs and industries users describe without naming."""
    for s in kb.sectors:
        yield "sector", s.id, s.described_as
    for r in kb.roles:
        yield "role", r.id, r.described_as


def _shared_descriptions(kb: KnowledgeBase) -> Iterator[Problem]:
    """A description must point to one entry and be more than one word (one word is an alias).
    The same words in another order are the same description to the linker: "fix machines"
    and "machines fix" would both be found in "fixing the machines"."""
    names = {normalise(n): entry for entry, ns in named_entries(kb) for n in ns}
    owner: Dict[Tuple[str, ...], str] = {}
    for kind, ident, phrases in descriptions_of_entries(kb):
        entry = f"{NAMED_SECTIONS[kind]}[{ident}]"
        for phrase in phrases:
            text = normalise(phrase)
            key = tuple(sorted(set(text.split())))
            if len(text.split()) < 2:
                yield Problem(entry, "described_as", f"'{phrase}' is one word: make it an alias")
            elif text in names and names[text] != entry:
                yield Problem(entry, "described_as", f"'{phrase}' is a name of {names[text]}")
            elif key in owner and owner[key] != entry:
                yield Problem(entry, "described_as", f"'{phrase}' also describes {owner[key]}")
            owner.setdefault(key, entry)


def named_entries(kb: KnowledgeBase) -> Iterator[Tuple[str, List[str]]]:
    """(entry as in problem reports, e.g. "roles[welder]", its names)."""
    for kind, ident, names in names_of_entries(kb):
        yield f"{NAMED_SECTIONS[kind]}[{ident}]", names


def _glossary_names(kb: KnowledgeBase) -> Iterator[Problem]:
    """A glossary word must explain one term. (It may also name a training route or a
    technology: "apprenticeship" is both defined and described, by different questions.)"""
    owner: Dict[str, str] = {}
    for g in kb.glossary:
        for name in [g.term, *g.aliases]:
            key = normalise(name)
            if key in owner and owner[key] != g.id:
                yield Problem(f"glossary[{g.id}]", "aliases", f"'{name}' is also a name of glossary[{owner[key]}]")
            owner.setdefault(key, g.id)


def _benchmark_periods(kb: KnowledgeBase) -> Iterator[Problem]:
    """A role is compared with all occupations only for the same survey year or projection
    period; a mismatch would compare figures from different years."""
    b = kb.benchmarks
    for r in kb.roles:
        if b.median_pay and r.median_pay and r.median_pay.year != b.median_pay.year:
            yield Problem(
                f"roles[{r.id}]",
                "median_pay.year",
                f"year {r.median_pay.year} differs from benchmarks.median_pay.year {b.median_pay.year}, "
                "so the two cannot be compared; update one of them",
            )
        if b.outlook and r.outlook and r.outlook.period != b.outlook.period:
            yield Problem(
                f"roles[{r.id}]",
                "outlook.period",
                f"period {r.outlook.period} differs from benchmarks.outlook.period {b.outlook.period}, "
                "so the two cannot be compared; update one of them",
            )


def _injury_rate_years(kb: KnowledgeBase) -> Iterator[Problem]:
    """Injury rates are compared with each other, so they must describe the same year."""
    rates = kb.leaving_school.safety.injury_rates
    for i, rate in enumerate(rates[1:], start=1):
        if rate.year != rates[0].year:
            yield Problem(
                "leaving_school",
                f"safety.injury_rates[{i}].year",
                f"year {rate.year} differs from {rates[0].industry}'s year {rates[0].year}, "
                "so the two cannot be compared; use the same year's table",
            )
