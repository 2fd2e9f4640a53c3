"""Check the knowledge file (and its texts in other languages) and the school registry.

Prints every problem with its file, entry and field.

    python -m bot.tools.validate [knowledge-file [schools-file]]

Without arguments: KNOWLEDGE_FILE (or data/knowledge/manufacturing.yml) and SCHOOLS_FILE
(or data/schools.yml), the files the servers would load.
"""

from __future__ import annotations

import sys

from bot import school_programs, schools, settings
from bot.knowledge import interest_profiles, local_pay
from bot.knowledge.loader import DEFAULT_PATH, load
from bot.knowledge.problems import KnowledgeError
from bot.knowledge.references import unused_sources
from bot.knowledge.texts import TEXT_LANGUAGES, load_texts, texts_path


def check_knowledge(path) -> bool:
    try:
        kb = load(path)
    except KnowledgeError as error:
        print(error, file=sys.stderr)
        return False
    missing = local_pay_missing(kb)
    if missing:
        print(
            f"{local_pay.LOCAL_DIR}: no local pay for roles {', '.join(missing)}: run `make oews`",
            file=sys.stderr,
        )
        return False
    try:  # every role needs its O*NET interest profile (the "what fits me" quiz matches on it)
        gaps = interest_profiles.missing(kb, interest_profiles.load())
    except KnowledgeError as error:
        print(error, file=sys.stderr)
        return False
    if gaps:
        print(KnowledgeError(interest_profiles.DEFAULT_PATH, gaps), file=sys.stderr)
        return False
    unused = unused_sources(kb)
    if unused:
        print(f"{path}: entry meta.sources: sources never cited: {', '.join(unused)}", file=sys.stderr)
        return False
    ok = True
    for language in TEXT_LANGUAGES:  # the same entries in every language (docs/spanish.md)
        try:
            load_texts(kb, language, texts_path(language, path))
        except KnowledgeError as error:
            print(error, file=sys.stderr)
            ok = False
    if not ok:
        return False
    print(
        f"{path}: OK, with texts in {', '.join(TEXT_LANGUAGES)} "
        f"({len(kb.roles)} roles, {len(kb.sectors)} sectors, {len(kb.pathways)} pathways, "
        f"{len(kb.economy)} economy facts, {len(kb.meta.sources)} sources, every role with its O*NET interest profile)"
    )
    return True


def local_pay_missing(kb) -> list:
    """Roles the local pay extract (data/local/) has no national median for."""
    table = local_pay.load()
    missing = []
    for role in kb.roles:
        occupation = table.occupation(role.id)
        national = table.figures(occupation.soc, local_pay.NATION) if occupation else None
        if national is None or national.get("a50") is None:
            missing.append(role.id)
    return missing


def check_schools(path, knowledge_path=None) -> bool:
    try:  # programs' roles are checked against the knowledge file checked with it
        registry = schools.load(path, school_programs.known_role_ids(knowledge_path))
    except schools.SchoolsError as error:
        print(error, file=sys.stderr)
        return False
    print(
        f"{path}: OK ({len(registry.schools)} school(s): {', '.join(registry.ids) or 'none'}; "
        f"{len(registry.origins())} allowed site origin(s), "
        f"{sum(len(s.programs) for s in registry.schools)} program(s))"
    )
    return True


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    knowledge_path = args[0] if args else (settings.KNOWLEDGE_FILE.get() or DEFAULT_PATH)
    schools_path = args[1] if len(args) > 1 else schools.registry_path()
    ok = check_knowledge(knowledge_path)
    ok = check_schools(schools_path, knowledge_path) and ok  # both files are always checked
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
