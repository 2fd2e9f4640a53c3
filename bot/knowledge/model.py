"""Schema of the knowledge file, as pydantic models.

Pydantic checks types and required fields and reports every problem with its
location; `references.py` adds the checks that need the whole file (ids,
cross-references, sources, aliases).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Dict, List, Literal, Optional

from pydantic import BaseModel, Extra, Field, HttpUrl, conint, constr, root_validator, validator

if TYPE_CHECKING:
    # Pydantic 1's constr()/conint() build classes at run time, which a type checker cannot use as
    # types; to it they are plain str and int (what the validated values are).
    Id = str
    Text = str
    Period = str
    Year = int
    PositiveInt = int
    OnetCode = str
else:
    Id = constr(regex=r"^[a-z][a-z0-9_]*$", strip_whitespace=True)
    Text = constr(min_length=1, strip_whitespace=True)
    # "2024–34" or "2024-2034": the period a projection covers.
    Period = constr(regex=r"^\d{4}\s*[–-]\s*\d{2,4}$", strip_whitespace=True)
    Year = conint(ge=1990, le=2100)
    PositiveInt = conint(gt=0)
    OnetCode = constr(regex=r"^\d{2}-\d{4}\.\d{2}$")


class Strict(BaseModel):
    class Config:
        extra = Extra.forbid  # a misspelled field name is an error, not silently ignored
        anystr_strip_whitespace = True


class Source(Strict):
    title: Text
    url: HttpUrl
    published: Text  # "2025-09" or "2024": as precise as the publisher states
    publisher: Text  # short name shown in citations, e.g. "BLS"


class Meta(Strict):
    title: Text
    last_reviewed: dt.date
    attribution: Text
    sources: Dict[Id, Source]


class Cluster(Strict):
    name: Text
    summary: Text
    framework_note: Optional[Text] = None
    sources: List[Id] = []


class Pathway(Strict):
    id: Id
    name: Text
    aliases: List[Text] = []
    summary: Text
    roles: List[Id]


class Fact(Strict):
    statement: Text
    value: Optional[Text] = None
    year: Year
    source: Id


class Sector(Strict):
    id: Id
    name: Text
    aliases: List[Text] = []
    #: Everyday phrases for the industry without its name ("making furniture"): docs/knowledge.md.
    described_as: List[Text] = []
    summary: Text
    products: List[Text] = Field(..., min_items=1)
    roles: List[Id]
    facts: List[Fact] = []


class MedianPay(Strict):
    annual_usd: PositiveInt
    year: Year
    as_of: Optional[Text] = None  # "May 2024": the survey month, when the source gives one
    source: Id


class Outlook(Strict):
    percent_change: float
    period: Period
    source: Id

    @validator("period")
    def _dash(cls, value: str) -> str:
        return value.replace(" ", "")


class Education(Strict):
    typical_entry: Text
    routes: List[Text] = Field(..., min_items=1)
    source: Optional[Id] = None


class Certification(Strict):
    name: Text
    issuer: Text
    #: "required" by law or the employer to do the job at all; a "first" credential someone new
    #: can earn; one for "later", with experience. Left out when unsure.
    stage: Optional[Literal["required", "first", "later"]] = None


Interest = Literal["hands_on", "technology", "people", "data"]

#: BLS's typical on-the-job training to become good at a job: short-term (a month or less),
#: moderate-term (more than a month, up to a year), long-term (more than a year).
TrainingTime = Literal["short", "moderate", "long"]


class JobTraining(Strict):
    category: TrainingTime
    year: Year  # the edition of the handbook page it was read on
    source: Id


class Role(Strict):
    id: Id
    title: Text
    aliases: List[Text] = []
    #: Jobs this file does not cover for which this is the closest listed job ("supply chain
    #: manager" for the logistician): named, they get "I don't have that job" and this one
    #: suggested, never this job's facts as if they were theirs (docs/knowledge.md).
    near_names: List[Text] = []
    #: Everyday phrases for the job without its title ("fixes the machines"): docs/knowledge.md.
    described_as: List[Text] = []
    interests: List[Interest] = []  # what someone who likes this work enjoys (career finder)
    onet_code: OnetCode
    bls_group: Optional[Text] = None
    pathway: Id
    sectors: List[Id]
    summary: Text
    tasks: List[Text] = Field(..., min_items=1)
    skills: List[Text] = Field(..., min_items=1)
    education: Education
    median_pay: Optional[MedianPay] = None  # left out when no source supports a figure
    outlook: Optional[Outlook] = None
    certifications: List[Certification] = []
    on_the_job_training: Optional[JobTraining] = None  # left out until a source confirms it
    sources: List[Id] = []  # where the summary, tasks and skills were informed from
    related_roles: List[Id] = []


class EconomyFact(Strict):
    id: Id
    topic: Text
    aliases: List[Text] = []
    statement: Text
    value: Text
    year: Year
    source: Id


class Technology(Strict):
    id: Id
    name: Text
    aliases: List[Text] = []
    summary: Text
    roles: List[Id] = []


class EmergingRole(Strict):
    title: Text
    summary: Text
    role: Optional[Id] = None  # the catalogue role closest to it, if any


class Innovation(Strict):
    summary: Text
    technologies: List[Technology] = Field(..., min_items=1)
    emerging_roles: List[EmergingRole] = []
    facts: List[Fact] = []


class Training(Strict):
    id: Id
    name: Text
    aliases: List[Text] = []
    summary: Text
    url: Optional[HttpUrl] = None
    facts: List[Fact] = []
    sources: List[Id] = []


class OtherCareer(Strict):
    """A career outside manufacturing that students often ask about."""

    name: Text
    aliases: List[Text] = []
    cluster: Text


class Benchmarks(Strict):
    """Figures for all U.S. occupations, so a role's pay and outlook can be put in context
    ("is that good pay?"). Each is optional: leave it out until a source confirms it."""

    median_pay: Optional[MedianPay] = None
    outlook: Optional[Outlook] = None


class Term(Strict):
    """A word students meet in answers ("median pay", "CTE"), explained in plain words."""

    id: Id
    term: Text
    aliases: List[Text] = []
    definition: Text
    source: Id


class InjuryRate(Strict):
    industry: Text
    cases_per_100: float = Field(..., gt=0)  # injury and illness cases per 100 full-time workers
    year: Year
    source: Id


class Risk(Strict):
    """What can hurt people in some jobs, and how they stay safe."""

    roles: List[Id] = Field(..., min_items=1)
    hazards: Text
    source: Id


class Safety(Strict):
    #: Manufacturing first, then other industries from the same table and year.
    injury_rates: List[InjuryRate] = Field(..., min_items=2)
    training: Text  # what OSHA 10-hour training is
    training_source: Id
    risks: List[Risk] = []


class Cost(Strict):
    """What one way of training costs, in words; a figure only with its own fact."""

    route: Text
    cost: Text
    fact: Optional[Fact] = None


class LeavingSchool(Strict):
    """For students leaving high school and their families: costs, aid and safety."""

    costs: List[Cost] = Field(..., min_items=1)
    aid: List[Fact] = []
    safety: Safety
    #: A short plan for someone who wants to start working soon after high school.
    first_steps: List[Text] = Field(..., min_items=1)


class Myth(Strict):
    """A common belief about manufacturing work and the project's answer, backed only by figures
    of this file (shown with their sources), never by a figure of its own."""

    id: Id
    claim: Text  # the belief, as people say it (for reviewers; the words that find it: cues.yml)
    reply: Text
    roles: List[Id] = []  # their median pay is shown
    economy: List[Id] = []  # these statements are shown
    all_jobs_pay: bool = False  # the median pay of all U.S. jobs is shown
    injury_rates: bool = False  # manufacturing's injury rate beside other industries' is shown

    @root_validator(skip_on_failure=True)
    def _backed_by_a_figure(cls, values):  # noqa: N805 (pydantic)
        if not (
            values.get("roles") or values.get("economy") or values.get("all_jobs_pay") or values.get("injury_rates")
        ):
            raise ValueError("a myth's reply is backed by at least one figure of this file")
        return values


class KnowledgeBase(Strict):
    meta: Meta
    cluster: Cluster
    pathways: List[Pathway] = Field(..., min_items=1)
    sectors: List[Sector] = Field(..., min_items=1)
    roles: List[Role] = Field(..., min_items=1)
    economy: List[EconomyFact] = Field(..., min_items=1)
    innovation: Innovation
    training: List[Training] = Field(..., min_items=1)
    other_careers: List[OtherCareer] = []
    benchmarks: Benchmarks = Benchmarks()
    glossary: List[Term] = []
    leaving_school: LeavingSchool
    myths: List[Myth] = []
