"""Check the knowledge file and the school registry; print every problem with its file, entry and field.

    python -m bot.tools.validate [knowledge-file [schools-file]]

Without arguments: KNOWLEDGE_FILE (or data/knowledge/manufacturing.yml) and SCHOOLS_FILE
(or data/schools.yml), the files the servers would load.
"""

from __future__ import annotations

import os
import sys

from bot import schools
from bot.knowledge import interest_profiles
from bot.knowledge.loader import DEFAULT_PATH, load
from bot.knowledge.problems import KnowledgeError
from bot.knowledge.references import unused_sources


def check_knowledge(path) -> bool:
    try:
        kb = load(path)
    except KnowledgeError as error:
        print(error, file=sys.stderr)
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
    print(
        f"{path}: OK ({len(kb.roles)} roles, {len(kb.sectors)} sectors, {len(kb.pathways)} pathways, "
        f"{len(kb.economy)} economy facts, {len(kb.meta.sources)} sources, every role with its O*NET interest profile)"
    )
    return True


def check_schools(path) -> bool:
    try:
        registry = schools.load(path)
    except schools.SchoolsError as error:
        print(error, file=sys.stderr)
        return False
    print(
        f"{path}: OK ({len(registry.schools)} school(s): {', '.join(registry.ids) or 'none'}; "
        f"{len(registry.origins())} allowed site origin(s))"
    )
    return True


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    knowledge_path = args[0] if args else (os.environ.get("KNOWLEDGE_FILE") or DEFAULT_PATH)
    schools_path = args[1] if len(args) > 1 else schools.registry_path()
    ok = check_knowledge(knowledge_path)
    ok = check_schools(schools_path) and ok  # both files are always checked
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
