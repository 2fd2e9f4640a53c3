"""O*NET occupational interest profiles (RIASEC) of the knowledge file's roles.

data/knowledge/interest_profiles.yml holds, per O*NET-SOC code, the six occupational interest
scores (scale 1-7) and the high-point code from the O*NET database's Interests file, with the
release and the credit line O*NET asks for (written by bot/tools/onet_interests.py). It is a
file of its own so the knowledge file stays readable; `make validate` checks that every role
has a profile (`missing`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Union

import yaml
from pydantic import BaseModel, Field, ValidationError, validator

from bot.knowledge.model import KnowledgeBase
from bot.knowledge.problems import KnowledgeError, Problem

#: The six interest areas in O*NET's order (its high-point numbers 1-6).
AREAS = ("R", "I", "A", "S", "E", "C")
DEFAULT_PATH = Path("data") / "knowledge" / "interest_profiles.yml"


def credit_line(release: str) -> str:
    """O*NET's attribution, in the form its database licence asks for."""
    return (
        f"This page includes information from the O*NET {release} Database by the U.S. Department of Labor, "
        "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
        "O*NET® is a trademark of USDOL/ETA. The project has modified all or some of this information; "
        "USDOL/ETA has not approved, endorsed, or tested these modifications."
    )


class Profile(BaseModel):
    scores: Dict[str, float]
    high_point: str = Field(regex=r"^[RIASEC]{1,3}$")

    @validator("scores")
    def six_scores(cls, scores):
        if set(scores) != set(AREAS):
            raise ValueError(f"needs exactly the six areas {', '.join(AREAS)}")
        if any(not 1.0 <= v <= 7.0 for v in scores.values()):
            raise ValueError("each score is on O*NET's 1-7 scale")
        return scores

    def vector(self) -> List[float]:
        return [self.scores[a] for a in AREAS]


class Meta(BaseModel):
    title: str
    release: str
    published: str
    publisher: str
    url: str
    license: str
    credit: str
    obtained: str
    sha256: str = Field(regex=r"^[0-9a-f]{64}$")
    scale: str


class Profiles(BaseModel):
    meta: Meta
    profiles: Dict[str, Profile]


def load(path: Union[str, Path, None] = None) -> Profiles:
    from bot import ROOT

    path = Path(path) if path else ROOT / DEFAULT_PATH
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Profiles.parse_obj(data)
    except (OSError, yaml.YAMLError) as error:
        raise KnowledgeError(path, [Problem("interest_profiles", "", str(error))]) from error
    except ValidationError as error:
        problems = [
            Problem(".".join(str(p) for p in e["loc"][:2]), ".".join(str(p) for p in e["loc"][2:]), e["msg"])
            for e in error.errors()
        ]
        raise KnowledgeError(path, problems) from error


@lru_cache(maxsize=1)
def shared() -> Profiles:
    return load()


def missing(kb: KnowledgeBase, profiles: Profiles) -> List[Problem]:
    """A problem for each role whose O*NET code has no interest profile."""
    return [
        Problem(f"roles[{r.id}]", "onet_code", f"no O*NET interest profile for {r.onet_code} in {DEFAULT_PATH}")
        for r in kb.roles
        if r.onet_code not in profiles.profiles
    ]
