"""Content audit of the knowledge file: the ids the project promises, complete and sourced."""

from __future__ import annotations

import pytest

from bot.knowledge.references import unused_sources

ROLES = [
    "manufacturing_engineer",
    "production_worker",
    "factory_manager",
    "robotics_technician",
    "automation_engineer",
    "data_analyst",
    "machinist",
    "welder",
    "cnc_operator",
    "maintenance_mechanic",
    "quality_inspector",
    "logistician",
    "safety_specialist",
    "cad_drafter",
    "industrial_engineering_technician",
    # added for breadth, each its own BLS occupation group
    "mechanical_engineer",
    "chemical_engineer",
    "materials_engineer",
    "aerospace_engineer",
    "computer_hardware_engineer",
    "biomedical_engineer",
    "health_safety_engineer",
    "industrial_designer",
    "electrical_engineering_technician",
    "mechanical_engineering_technician",
    "aerospace_engineering_technician",
    "semiconductor_technician",
    "chemical_technician",
    "food_processing_worker",
    "painting_coating_worker",
    "woodworker",
    "sewer",
    "boilermaker",
    "purchasing_agent",
    "forklift_operator",
]
#: Roles with no common certification (listing one that does not really exist would mislead).
#: The audit fails if the list is out of date in either direction.
ROLES_WITHOUT_A_COMMON_CERTIFICATION = {"industrial_designer", "semiconductor_technician", "sewer"}
#: Roles whose BLS occupation has no Occupational Outlook Handbook page: pay comes from the
#: OEWS survey, and no projection or typical education could be checked against BLS yet.
ROLES_WITHOUT_AN_OOH_PAGE = {"sewer"}
SECTORS = [
    "automotive",
    "aerospace",
    "electronics",
    "textiles",
    "food_processing",
    "chemicals",
    "pharmaceuticals",
    "metals",
]
PATHWAYS = [
    "production",
    "process_development",
    "maintenance_installation_repair",
    "quality_assurance",
    "logistics_inventory",
    "health_safety_environment",
]
TRAINING = ["apprenticeship", "cte", "community_college", "certifications", "student_orgs", "manufacturing_day"]
#: Sectors still without a verified figure. An entry leaves this list when a sourced figure is
#: added; the audit fails if the list is out of date in either direction.
SECTORS_AWAITING_A_FIGURE: set = set()


def by_id(items):
    return {i.id: i for i in items}


@pytest.mark.parametrize("role_id", ROLES)
def test_role_is_complete_and_sourced(kb, role_id):
    role = by_id(kb.roles)[role_id]
    assert role.aliases and role.summary and role.sectors and role.bls_group
    assert len(role.tasks) >= 4 and len(role.skills) >= 4 and len(role.education.routes) >= 2
    assert len(role.related_roles) >= 2 and role.interests
    assert bool(role.certifications) == (role_id not in ROLES_WITHOUT_A_COMMON_CERTIFICATION)
    assert role.median_pay and role.median_pay.year == 2024 and role.median_pay.as_of == "May 2024"
    assert kb.meta.sources[role.median_pay.source].publisher == "BLS"
    assert "onet" in role.sources
    if role_id in ROLES_WITHOUT_AN_OOH_PAGE:
        assert role.outlook is None and role.education.source is None
        return
    assert role.outlook and role.outlook.period == "2024–34"
    assert role.outlook.source == role.median_pay.source == role.education.source  # one OOH page for all three
    assert kb.meta.sources[role.median_pay.source].url.startswith("https://www.bls.gov/ooh/")


def test_the_file_has_every_promised_role_and_no_more(kb):
    assert sorted(r.id for r in kb.roles) == sorted(ROLES)


def test_every_role_is_listed_in_its_pathway(kb):
    pathways = by_id(kb.pathways)
    for role in kb.roles:
        assert role.id in pathways[role.pathway].roles, role.id


@pytest.mark.parametrize("sector_id", SECTORS)
def test_sector_is_complete(kb, sector_id):
    sector = by_id(kb.sectors)[sector_id]
    assert sector.aliases and sector.summary and sector.products and sector.roles
    assert bool(sector.facts) == (sector_id not in SECTORS_AWAITING_A_FIGURE)


def test_pathways_are_the_six_of_the_cluster(kb):
    assert [p.id for p in kb.pathways] == PATHWAYS
    assert all(p.roles for p in kb.pathways)


def test_economy_innovation_training(kb):
    assert len(kb.economy) >= 6
    assert len(kb.innovation.technologies) >= 5 and kb.innovation.emerging_roles
    assert set(TRAINING) <= {t.id for t in kb.training}


def test_every_source_is_https_dated_and_used(kb):
    for source_id, source in kb.meta.sources.items():
        assert source.url.startswith("https://"), source_id
        assert source.published[:4].isdigit(), source_id
    assert unused_sources(kb) == []


def test_attribution_names_onet_license(kb):
    assert "O*NET" in kb.meta.attribution and "CC BY 4.0" in kb.meta.attribution
