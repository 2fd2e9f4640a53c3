"""The cluster, its industries, pathways and jobs (bot/answers/cluster.py): a list only when
nothing is named; a message that names an industry, pathway or job is answered about it."""

from __future__ import annotations

from bot.answers import cluster, explore
from bot.render import in_sentence
from tests.conftest import role

from .conftest import turn


def test_sector_list_only_when_nothing_is_named(knowledge, kb):
    assert all(
        s.name in cluster.sectors(turn(knowledge, "ask_sectors", "what industries are there")).text for s in kb.sectors
    )
    named = cluster.sectors(turn(knowledge, "ask_sectors", "what industries hire welders"))
    assert named.text.startswith("Welder: industries I know that hire them")
    assert "Aerospace" in named.text and "Food Processing" not in named.text


def test_jobs_in_an_industry(knowledge, kb):
    electronics = next(s for s in kb.sectors if s.id == "electronics")
    for answer, intent in ((explore.explore, "explore_roles"), (cluster.roles_list, "ask_roles")):
        reply = answer(turn(knowledge, intent, "what jobs are there in electronics manufacturing"))
        assert reply.text.startswith("Jobs in electronics and semiconductors")
        assert all(in_sentence(role(kb, r).title) in reply.text.lower() for r in electronics.roles)
        assert "Welder" not in reply.text
    assert (
        "Here are the manufacturing jobs I know about"
        in cluster.roles_list(turn(knowledge, "ask_roles", "what jobs are there")).text
    )


def test_role_pathway(knowledge, kb):
    production = next(p for p in kb.pathways if p.id == "production")
    assert production.summary in cluster.pathways(turn(knowledge, "ask_pathways", "what pathway is welding in")).text


def test_a_title_word_that_looks_like_an_industry_word_is_not_an_industry_question(knowledge, kb):
    reply = cluster.sectors(turn(knowledge, "ask_sectors", "what does an industrial engineering technician do"))
    assert role(kb, "industrial_engineering_technician").summary in reply.text


def test_what_jobs_after_an_industry_are_that_industrys(knowledge):
    """After "tell me about the chemical industry", "what jobs are there" lists its jobs; once a
    job was asked about after it, the question is about all jobs again."""
    described = cluster.describe_sector(knowledge, knowledge.sectors["chemicals"])
    assert described.slots["role"] is None  # the job discussed before is forgotten
    after = turn(knowledge, "ask_roles", "what jobs are there", slots={"sector": "chemicals"})
    assert cluster.roles_list(after).text.startswith("Jobs in chemicals")
    later = turn(knowledge, "ask_roles", "what jobs are there", slots={"sector": "chemicals", "role": "welder"})
    assert "Here are the manufacturing jobs I know about" in cluster.roles_list(later).text


def test_the_cluster_its_pathways_and_industries_in_spanish(knowledge):
    es = knowledge.in_language("es").kb
    spanish = {"slots": {"language": "es"}}
    cluster_reply = cluster.describe_cluster(knowledge.in_language("es"))
    assert cluster_reply.text.startswith(f"Grupo de carreras de {es.cluster.name}\n{es.cluster.summary}")
    assert [b.title for b in cluster_reply.buttons] == ["Rutas", "Industrias", "Trabajos"]
    paths = cluster.pathways(turn(knowledge, "ask_pathways", "cuáles son las rutas", **spanish))
    assert paths.text.startswith(f"La manufactura tiene {len(es.pathways)} rutas de carrera.")
    assert all(p.summary in paths.text for p in es.pathways)
    automotive = next(s for s in es.sectors if s.id == "automotive")
    sector = cluster.describe_sector(knowledge.in_language("es"), automotive)
    assert sector.text.startswith(f"{automotive.name}\n{automotive.summary}\n\nQué hace:")
    assert "(BLS, 2024)" in sector.text or "BLS" in sector.text  # the same sourced figures
    assert "Jobs there include" not in sector.text and "What it makes" not in sector.text
    listed = cluster.sectors(turn(knowledge, "ask_sectors", "qué industrias hay", **spanish))
    assert listed.text.startswith("Industrias de manufactura de las que te puedo contar:")
    assert all(s.name in listed.text for s in es.sectors)
