"""The names a message may use in every language of the knowledge file, for reading.

The reader links names of the English knowledge file; this adds to each entry the names of its
texts in the other languages (data/knowledge/es/, docs/spanish.md), without accents too ("tecnico"
is "técnico", bot/text.py), and for jobs the plural and gender forms Spanish makes of them ("soldadoras",
"técnicas en robótica", "electricistas industriales"), so the files list only the usual ones.
Only the reading changes: answers are written from the knowledge in the conversation's language.
"""

from __future__ import annotations

from typing import Dict, Iterable, List, Set, Tuple

from bot.knowledge.model import KnowledgeBase
from bot.knowledge.texts import TEXT_LANGUAGES, load_localised
from bot.text import normalise

#: Words that end a Spanish job's noun and its adjectives: "técnico | en robótica".
_PREPOSITIONS = frozenset({"de", "del", "en", "para", "con", "y", "e", "o", "u", "a", "al"})
_VOWELS = "aeiou"


def _inflect(word: str, feminine: bool, plural: bool) -> str:
    """One noun or adjective of a job name: "soldador" -> "soldadoras", "mecánico" -> "mecánicas"."""
    if feminine and word.endswith("or"):
        word += "a"
    elif feminine and word.endswith("o"):
        word = word[:-1] + "a"
    if not plural or word.endswith(("s", "x")):
        return word
    if word.endswith("z"):
        return word[:-1] + "ces"
    return word + ("s" if word[-1] in _VOWELS else "es")  # "industrial" -> "industriales"


def job_forms(name: str) -> Set[str]:
    """A Spanish job name in the masculine and feminine, singular and plural, in the form names
    are compared in (bot/text.py: no accents). The words before the first preposition agree;
    the rest stay."""
    words = normalise(name).split()  # without accents: messages are read without them too
    cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS), len(words))
    head, rest = words[:cut], words[cut:]
    return {
        " ".join([*(_inflect(w, feminine, plural) for w in head), *rest])
        for feminine in (False, True)
        for plural in (False, True)
    }


def _plain_forms(name: str) -> Set[str]:
    return {normalise(name)}


def _add(aliases: List[str], known: Set[str], new: Iterable[str]) -> List[str]:
    extra = [n for n in dict.fromkeys(new) if n and n not in known]
    known.update(extra)
    return [*aliases, *extra]


def with_other_languages(kb: KnowledgeBase) -> Tuple[KnowledgeBase, Dict[str, Tuple[str, ...]]]:
    """`kb` (English) whose entries also answer to their names in the other languages, and the
    head words of those languages' job names (-> the jobs each can mean)."""
    heads: Dict[str, List[str]] = {}
    for language in TEXT_LANGUAGES:
        other = load_localised(kb, language)
        _add_heads(heads, kb, other)
        kb = _with_names(kb, other)
    single = {normalise(n) for r in kb.roles for n in [r.title, *r.aliases] if len(normalise(n).split()) == 1}
    # Only a head shared by several jobs is a choice to offer ("técnico"); "jefe" alone is no job.
    return kb, {word: tuple(roles) for word, roles in heads.items() if word not in single and len(roles) > 1}


def _add_heads(heads: Dict[str, List[str]], kb: KnowledgeBase, other: KnowledgeBase) -> None:
    """The noun that starts a Spanish job name of several words ("ingeniero" in "ingeniero
    mecánico"), in its forms: a bare "ingenieras" is offered as a choice, like "engineers"."""
    for english, localised in zip(kb.roles, other.roles, strict=True):
        known = {normalise(n) for n in [english.title, *english.aliases]}
        for name in [localised.title, *localised.aliases]:
            words = normalise(name).split()
            if normalise(name) in known or len(words) < 2 or words[0] in _PREPOSITIONS:
                continue
            for form in job_forms(words[0]):
                ids = heads.setdefault(form, [])
                if english.id not in ids:
                    ids.append(english.id)


def _with_names(kb: KnowledgeBase, other: KnowledgeBase) -> KnowledgeBase:
    # A form that is already another entry's name is left out (that entry keeps it). Glossary
    # words are their own list: one may also name a route or a technology (references.py).
    taken: Dict[str, str] = {}
    for entry in _named(kb):
        for n in [_name(entry), *entry.aliases]:
            taken.setdefault(normalise(n), _key(entry))

    def more(english, localised, forms, check: bool = True):
        known = {normalise(n) for n in [_name(english), *english.aliases]}
        new = (f for n in [_name(localised), *localised.aliases] for f in forms(n))
        kept = (f for f in new if not check or taken.get(f, _key(english)) == _key(english))
        return english.copy(update={"aliases": _add(list(english.aliases), known, kept)})

    def section(english: list, localised: list, forms=_plain_forms, check: bool = True) -> list:
        return [more(e, o, forms, check) for e, o in zip(english, localised, strict=True)]

    technologies = section(kb.innovation.technologies, other.innovation.technologies)
    return kb.copy(
        update={
            "roles": section(kb.roles, other.roles, job_forms),
            "sectors": section(kb.sectors, other.sectors),
            "pathways": section(kb.pathways, other.pathways),
            "economy": section(kb.economy, other.economy),
            "training": section(kb.training, other.training),
            "other_careers": section(kb.other_careers, other.other_careers, job_forms),
            "glossary": section(kb.glossary, other.glossary, check=False),
            "innovation": kb.innovation.copy(update={"technologies": technologies}),
        }
    )


def _named(kb: KnowledgeBase) -> Iterable:
    yield from kb.roles
    yield from kb.sectors
    yield from kb.pathways
    yield from kb.economy
    yield from kb.training
    yield from kb.other_careers
    yield from kb.innovation.technologies


def _name(entry) -> str:
    for attribute in ("title", "name", "topic", "term"):
        value = getattr(entry, attribute, None)
        if isinstance(value, str):
            return value
    raise AttributeError(f"{type(entry).__name__} has no name")


def _key(entry) -> str:
    return f"{type(entry).__name__}:{getattr(entry, 'id', None) or _name(entry)}"


def role_heads(kb: KnowledgeBase, nlp) -> Dict[str, Tuple[str, ...]]:
    """The last word of each multi-word role name ("engineer", "technician") -> the roles it
    can mean, so a bare "engineer" is offered as a choice instead of guessed."""
    heads: Dict[str, List[str]] = {}
    for r in kb.roles:
        for name in [r.title, *r.aliases]:
            doc = nlp(normalise(name))
            if len(doc) > 1:
                ids = heads.setdefault(doc[-1].lemma_, [])
                if r.id not in ids:
                    ids.append(r.id)
    return {head: tuple(ids) for head, ids in heads.items()}
