"""The knowledge files `make bench-roles` measures are valid, and their made-up roles are found."""

from __future__ import annotations

import yaml

from bot.knowledge.loader import DEFAULT_PATH, load
from bot.understanding.reader import Reader
from harness.bench_roles import ORIGINAL_ROLES, generated, keep_first


def test_the_first_15_roles_make_a_valid_file(write_knowledge):
    kb = load(write_knowledge(keep_first(yaml.safe_load(DEFAULT_PATH.read_text()), ORIGINAL_ROLES)))
    assert [r.id for r in kb.roles] == [r["id"] for r in yaml.safe_load(DEFAULT_PATH.read_text())["roles"][:15]]


def test_a_generated_file_of_300_roles_is_valid_and_linked(write_knowledge, nlp):
    data = generated(yaml.safe_load(DEFAULT_PATH.read_text()), 300)
    kb = load(write_knowledge(data))  # every name unique, every reference known
    assert len(kb.roles) == 300
    made_up = kb.roles[-1]
    reader = Reader(kb, nlp)
    assert reader.linker.link(f"how much does a {made_up.title.lower()} make").ids("role") == [made_up.id]
    assert reader.linker.link("how much do welders make").ids("role") == ["welder"]
    sector = next(s for s in kb.sectors if made_up.sectors[0] == s.id)
    assert made_up.id in sector.roles
