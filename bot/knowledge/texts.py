"""The knowledge file in another language: load its texts, check them against the English file
(`make validate`), and build the knowledge base in that language (docs/spanish.md).

`load_localised(kb, "es")` is the English knowledge base with every text a user reads replaced
by its Spanish version (bot/knowledge/localise.py); figures, years, sources and ids are the
English file's own objects.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

from pydantic import ValidationError

from bot.knowledge.loader import DEFAULT_PATH, _message, read_yaml_mapping
from bot.knowledge.localise import localised, name_key
from bot.knowledge.model import Fact, KnowledgeBase
from bot.knowledge.problems import KnowledgeError, Problem
from bot.knowledge.references import named_entries
from bot.knowledge.texts_model import FactText, KnowledgeTexts

#: Languages with a texts file, besides English (the knowledge file's own language).
TEXT_LANGUAGES: Tuple[str, ...] = ("es",)


def texts_path(language: str, english: Union[str, Path] = DEFAULT_PATH) -> Path:
    """data/knowledge/manufacturing.yml -> data/knowledge/es/manufacturing.yml."""
    english = Path(english)
    return english.parent / language / english.name


def load_texts(kb: KnowledgeBase, language: str, path: Union[str, Path, None] = None) -> KnowledgeTexts:
    """Parse a texts file and check it against `kb`. Raises KnowledgeError naming every problem."""
    path = Path(path) if path else texts_path(language)
    raw = read_yaml_mapping(path, KnowledgeError)
    try:
        texts = KnowledgeTexts.parse_obj(raw)
    except ValidationError as error:
        raise KnowledgeError(path, [_text_problem(e) for e in error.errors()]) from None
    problems = find_text_problems(kb, texts)
    if problems:
        raise KnowledgeError(path, problems)
    return texts


#: Sections keyed by id: a problem's entry is "roles[welder]", as in the English file's reports.
_KEYED = {"pathways", "sectors", "roles", "economy", "training", "glossary", "myths", "other_careers", "technologies"}


def _text_problem(error: Mapping[str, Any]) -> Problem:
    parts = [str(p) for p in error["loc"]]
    entry: List[str] = []
    while parts:
        part = parts.pop(0)
        if part in _KEYED and parts:
            entry.append(f"{part}[{parts.pop(0)}]")
            break
        entry.append(part)
    if len(entry) == 1 and not entry[0].endswith("]") and parts == [] and len(error["loc"]) == 1:
        return Problem("(top level)", entry[0], _message(error))
    return Problem(".".join(entry), ".".join(parts), _message(error))


def find_text_problems(kb: KnowledgeBase, texts: KnowledgeTexts) -> List[Problem]:
    return [*_ids(kb, texts), *_pairs(kb, texts), *_myths(kb, texts), *_shared_names(kb, texts)]


def _sections(kb: KnowledgeBase, texts: KnowledgeTexts) -> Iterator[Tuple[str, List[str], Dict]]:
    yield "pathways", [p.id for p in kb.pathways], texts.pathways
    yield "sectors", [s.id for s in kb.sectors], texts.sectors
    yield "roles", [r.id for r in kb.roles], texts.roles
    yield "economy", [e.id for e in kb.economy], texts.economy
    yield "innovation.technologies", [t.id for t in kb.innovation.technologies], texts.innovation.technologies
    yield "training", [t.id for t in kb.training], texts.training
    yield "glossary", [g.id for g in kb.glossary], texts.glossary
    yield "myths", [m.id for m in kb.myths], texts.myths
    yield "other_careers", [o.name for o in kb.other_careers], texts.other_careers


def _ids(kb: KnowledgeBase, texts: KnowledgeTexts) -> Iterator[Problem]:
    for section, ids, translated in _sections(kb, texts):
        for ident in ids:
            if ident not in translated:
                yield Problem(f"{section}[{ident}]", "", "no text in this language (add the entry with the same id)")
        for ident in translated:
            if ident not in ids:
                yield Problem(f"{section}[{ident}]", "", "no entry with this id in the English knowledge file")


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _present(entry: str, field: str, english: object, text: object, what: str = "text") -> Iterator[Problem]:
    """Both or neither: a text (or fact) in one language only is a problem."""
    if english and not text:
        yield Problem(entry, field, "missing in this language (the English file has it)")
    elif text and not english:
        yield Problem(entry, field, f"the English file has no such {what}")


def _pair(entry: str, field: str, english: Optional[str], text: Optional[str]) -> Iterator[Problem]:
    """One text and its translation: both present, and the same figures (the digits)."""
    yield from _present(entry, field, english, text)
    if english and text:
        ours, theirs = sorted(_NUMBER.findall(text)), sorted(_NUMBER.findall(english))
        if ours != theirs:
            yield Problem(entry, field, f"figures {ours} differ from the English text's {theirs}")


def _counted(entry: str, field: str, english: Sequence, texts: Sequence) -> Problem:
    """A list of another length is one problem (its items are not paired)."""
    return Problem(entry, field, f"{len(texts)} item(s), the English file has {len(english)} (one for one, same order)")


def _lists(entry: str, field: str, english: Sequence[str], texts: Sequence[str]) -> Iterator[Problem]:
    if len(english) != len(texts):
        yield _counted(entry, field, english, texts)
        return
    for i, (a, b) in enumerate(zip(english, texts, strict=False)):
        yield from _pair(entry, f"{field}[{i}]", a, b)


def _fact(entry: str, field: str, english: Optional[Fact], text: Optional[FactText]) -> Iterator[Problem]:
    yield from _present(entry, field, english, text, "fact")
    if english and text:
        yield from _pair(entry, f"{field}.statement", english.statement, text.statement)
        yield from _pair(entry, f"{field}.value", english.value, text.value)


def _items(entry: str, field: str, english: Sequence, texts: Sequence, attrs: Sequence[str]) -> Iterator[Problem]:
    """Entries paired one for one, each text `attr` with its own ("safety.risks[1].hazards")."""
    if len(english) != len(texts):
        yield _counted(entry, field, english, texts)
        return
    for i, (a, b) in enumerate(zip(english, texts, strict=False)):
        for attr in attrs:
            check = _fact if attr == "fact" else _pair
            yield from check(entry, f"{field}[{i}].{attr}", getattr(a, attr), getattr(b, attr))


def _facts(entry: str, english: Sequence[Fact], texts: Sequence[FactText], field: str = "facts") -> Iterator[Problem]:
    if len(english) != len(texts):
        yield Problem(entry, field, f"{len(texts)} fact(s), the English file has {len(english)}")
        return
    for i, (a, b) in enumerate(zip(english, texts, strict=False)):
        yield from _fact(entry, f"{field}[{i}]", a, b)


def _pairs(kb: KnowledgeBase, texts: KnowledgeTexts) -> Iterator[Problem]:
    yield from _pair("cluster", "summary", kb.cluster.summary, texts.cluster.summary)
    yield from _pair("cluster", "framework_note", kb.cluster.framework_note, texts.cluster.framework_note)
    for p in kb.pathways:
        if p.id in texts.pathways:
            yield from _pair(f"pathways[{p.id}]", "summary", p.summary, texts.pathways[p.id].summary)
    for s in kb.sectors:
        if s.id in texts.sectors:
            t = texts.sectors[s.id]
            entry = f"sectors[{s.id}]"
            yield from _pair(entry, "summary", s.summary, t.summary)
            yield from _lists(entry, "products", s.products, t.products)
            yield from _facts(entry, s.facts, t.facts)
    for r in kb.roles:
        if r.id in texts.roles:
            rt = texts.roles[r.id]
            entry = f"roles[{r.id}]"
            yield from _pair(entry, "summary", r.summary, rt.summary)
            yield from _lists(entry, "tasks", r.tasks, rt.tasks)
            yield from _lists(entry, "skills", r.skills, rt.skills)
            yield from _pair(entry, "education.typical_entry", r.education.typical_entry, rt.education.typical_entry)
            yield from _lists(entry, "education.routes", r.education.routes, rt.education.routes)
            if rt.certifications and len(rt.certifications) != len(r.certifications):
                yield Problem(entry, "certifications", "one item per English certification (null keeps the English)")
            for i, (c, ct) in enumerate(zip(r.certifications, rt.certifications, strict=False)):
                if ct and ct.name:
                    yield from _pair(entry, f"certifications[{i}].name", c.name, ct.name)
    for e in kb.economy:
        if e.id in texts.economy:
            yield from _pair(f"economy[{e.id}]", "statement", e.statement, texts.economy[e.id].statement)
            yield from _pair(f"economy[{e.id}]", "value", e.value, texts.economy[e.id].value)
    inn, tinn = kb.innovation, texts.innovation
    yield from _pair("innovation", "summary", inn.summary, tinn.summary)
    yield from _facts("innovation", inn.facts, tinn.facts)
    if len(inn.emerging_roles) != len(tinn.emerging_roles):
        yield Problem("innovation", "emerging_roles", "one item per English emerging role, same order")
    for tr in kb.training:
        if tr.id in texts.training:
            yield from _pair(f"training[{tr.id}]", "summary", tr.summary, texts.training[tr.id].summary)
            yield from _facts(f"training[{tr.id}]", tr.facts, texts.training[tr.id].facts)
    for g in kb.glossary:
        if g.id in texts.glossary:
            yield from _pair(f"glossary[{g.id}]", "definition", g.definition, texts.glossary[g.id].definition)
    yield from _leaving_school(kb, texts)


def _leaving_school(kb: KnowledgeBase, texts: KnowledgeTexts) -> Iterator[Problem]:
    ls, t, entry = kb.leaving_school, texts.leaving_school, "leaving_school"
    yield from _items(entry, "costs", ls.costs, t.costs, ("route", "cost", "fact"))
    yield from _facts(entry, ls.aid, t.aid, "aid")
    yield from _items(entry, "safety.injury_rates", ls.safety.injury_rates, t.safety.injury_rates, ("industry",))
    yield from _pair(entry, "safety.training", ls.safety.training, t.safety.training)
    yield from _items(entry, "safety.risks", ls.safety.risks, t.safety.risks, ("hazards",))
    yield from _lists(entry, "first_steps", ls.first_steps, t.first_steps)


def _myths(kb: KnowledgeBase, texts: KnowledgeTexts) -> Iterator[Problem]:
    """A belief's claim and reply, with the English texts' figures: none, as the figures shown
    after a reply are those of the entries it names."""
    for m in kb.myths:
        if m.id in texts.myths:
            yield from _pair(f"myths[{m.id}]", "claim", m.claim, texts.myths[m.id].claim)
            yield from _pair(f"myths[{m.id}]", "reply", m.reply, texts.myths[m.id].reply)


def _names(kb: KnowledgeBase, texts: KnowledgeTexts) -> Iterator[Tuple[str, List[str]]]:
    """(entry, every name it answers to in this language and in English)."""
    yield from named_entries(localised(kb, texts))  # what the linker matches


def _shared_names(kb: KnowledgeBase, texts: KnowledgeTexts) -> Iterator[Problem]:
    """A Spanish name must point to one entry, as English names do (bot/knowledge/references.py);
    glossary words are checked among themselves (they may also name a route or a technology)."""
    if any(True for _ in _ids(kb, texts)):
        return  # localising needs every entry; the missing ones are already reported
    yield from _unique(_names(kb, texts))
    glossary = ((g.id, texts.glossary[g.id]) for g in kb.glossary)
    yield from _unique((f"glossary[{i}]", [t.term, *t.aliases]) for i, t in glossary)


def _unique(named: Iterable[Tuple[str, List[str]]]) -> Iterator[Problem]:
    owner: Dict[str, str] = {}
    for entry, names in named:
        for name in names:
            key = name_key(name)
            if key in owner and owner[key] != entry:
                yield Problem(entry, "aliases", f"'{name}' is also a name of {owner[key]}")
            owner.setdefault(key, entry)


def load_localised(kb: KnowledgeBase, language: str, path: Union[str, Path, None] = None) -> KnowledgeBase:
    """`kb` in `language` ("en": `kb` itself). Raises KnowledgeError for a broken texts file."""
    if language == "en":
        return kb
    return localised(kb, load_texts(kb, language, path))
