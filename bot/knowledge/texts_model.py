"""Schema of a knowledge file's texts in another language (data/knowledge/<lang>/manufacturing.yml).

Only words a user can read, keyed by the same ids as the English file. Figures (pay, outlook,
years, sources, ids, links) live only in the English file; a statement that states a figure
repeats the same digits, which `texts.py` checks. Lists (tasks, skills, routes, products,
facts, certifications, and leaving_school's costs, aid, injury rates, risks and first steps)
are in the English file's order, one item for one item.
"""

from __future__ import annotations

from typing import Dict, List, Optional

from pydantic import Field

from bot.knowledge.model import Id, Strict, Text


class Named(Strict):
    name: Text
    aliases: List[Text] = []
    summary: Text


class FactText(Strict):
    statement: Text
    value: Optional[Text] = None


class ClusterText(Strict):
    name: Text
    summary: Text
    framework_note: Optional[Text] = None


class SectorText(Named):
    products: List[Text] = Field(..., min_items=1)
    facts: List[FactText] = []


class EducationText(Strict):
    typical_entry: Text
    routes: List[Text] = Field(..., min_items=1)


class CertificationText(Strict):
    """A certification's Spanish name or issuer, where it has one; a missing field (or a null
    item) keeps the English, as for proper names ("AWS Certified Welder")."""

    name: Optional[Text] = None
    issuer: Optional[Text] = None


class RoleText(Strict):
    title: Text
    aliases: List[Text] = []
    summary: Text
    tasks: List[Text] = Field(..., min_items=1)
    skills: List[Text] = Field(..., min_items=1)
    education: EducationText
    certifications: List[Optional[CertificationText]] = []


class EconomyText(Strict):
    topic: Text
    aliases: List[Text] = []
    statement: Text
    value: Text


class EmergingRoleText(Strict):
    title: Text
    summary: Text


class InnovationText(Strict):
    summary: Text
    technologies: Dict[Id, Named]
    emerging_roles: List[EmergingRoleText] = []
    facts: List[FactText] = []


class TrainingText(Named):
    facts: List[FactText] = []


class TermText(Strict):
    term: Text
    aliases: List[Text] = []
    definition: Text


class MythText(Strict):
    claim: Text  # the belief as people say it in this language (for reviewers and the cues)
    reply: Text


class OtherCareerText(Strict):
    name: Text
    aliases: List[Text] = []
    cluster: Text


class CostText(Strict):
    route: Text
    cost: Text
    fact: Optional[FactText] = None  # where the English cost has one


class InjuryRateText(Strict):
    industry: Text


class RiskText(Strict):
    hazards: Text


class SafetyText(Strict):
    injury_rates: List[InjuryRateText] = Field(..., min_items=2)
    training: Text
    risks: List[RiskText] = []


class LeavingSchoolText(Strict):
    """The words of leaving_school (costs, aid, safety, first steps), item for item."""

    costs: List[CostText] = Field(..., min_items=1)
    aid: List[FactText] = []
    safety: SafetyText
    first_steps: List[Text] = Field(..., min_items=1)


class KnowledgeTexts(Strict):
    attribution: Optional[Text] = None
    cluster: ClusterText
    pathways: Dict[Id, Named]
    sectors: Dict[Id, SectorText]
    roles: Dict[Id, RoleText]
    economy: Dict[Id, EconomyText]
    innovation: InnovationText
    training: Dict[Id, TrainingText]
    glossary: Dict[Id, TermText] = {}
    myths: Dict[Id, MythText] = {}
    #: Keyed by the English name ("nurse"): these entries have no id.
    other_careers: Dict[Text, OtherCareerText] = {}
    leaving_school: LeavingSchoolText
