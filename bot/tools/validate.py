"""Check the knowledge file and print every problem with its file, entry and field.

    python -m bot.tools.validate [path]
"""
from __future__ import annotations

import sys

from bot.knowledge.loader import DEFAULT_PATH, load
from bot.knowledge.problems import KnowledgeError
from bot.knowledge.references import unused_sources


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = args[0] if args else DEFAULT_PATH
    try:
        kb = load(path)
    except KnowledgeError as error:
        print(error, file=sys.stderr)
        return 1
    unused = unused_sources(kb)
    if unused:
        print(f"{path}: entry meta.sources: sources never cited: {', '.join(unused)}", file=sys.stderr)
        return 1
    print(f"{path}: OK ({len(kb.roles)} roles, {len(kb.sectors)} sectors, {len(kb.pathways)} pathways, "
          f"{len(kb.economy)} economy facts, {len(kb.meta.sources)} sources)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
