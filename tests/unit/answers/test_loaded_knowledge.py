"""The loaded knowledge (bot/answers/loaded_knowledge.py): lookups by id, built from any knowledge file."""

from __future__ import annotations

from bot.answers import roles
from bot.answers.loaded_knowledge import build
from tests.conftest import raw_role


def test_lookups_by_id_hold_every_entry_in_file_order(knowledge, kb):
    assert list(knowledge.roles) == [r.id for r in kb.roles]
    assert list(knowledge.sectors) == [s.id for s in kb.sectors]
    assert list(knowledge.pathways) == [p.id for p in kb.pathways]
    assert knowledge.roles["welder"].title == knowledge.title("welder") == "Welder"


def test_build_reads_the_file_it_is_given(raw_knowledge, write_knowledge, nlp):
    welder = raw_role(raw_knowledge, "welder")
    welder["median_pay"]["annual_usd"] = 12345
    k = build(write_knowledge(raw_knowledge), nlp)
    pay = k.roles["welder"].median_pay
    assert pay is not None and pay.annual_usd == 12345
    assert "$12,345" in roles.render(k, ["welder"], "pay").text
