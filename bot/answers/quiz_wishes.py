"""What the student told us they want, used to narrow the quiz's results (docs/quiz.md, "Narrowing").

Two wishes, each kept in a slot, the latest winning: the training they want ("no college", "two
years", the finder's "start soon after high school") and an industry (the finder's answer, or jobs
in a named industry asked for). Messages set them through Rasa's reader
(bot/understanding/wishes.py); the career finder's answers through its validation
(actions/finder.py, `from_finder`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

from bot.answers.finder import ANY, TRAINING_LEVEL
from bot.answers.loaded_knowledge import Knowledge
from bot.knowledge.model import Role
from bot.render import entry_level
from bot.understanding.wishes import INDUSTRY_ENTITY, TRAINING_ENTITY

#: Fewer roles than this left by both wishes and the industry is let go (then the training): the
#: results always name at least this many (bot/interest_quiz.py shows up to MATCHES).
MIN_LEFT = 3
TRAINING_SLOT, INDUSTRY_SLOT = "finder_training", "finder_industry"


@dataclass(frozen=True)
class Wishes:
    training: Optional[str] = None  # a key of finder.TRAINING_LEVEL
    sector: Optional[str] = None  # a sector id

    def __bool__(self) -> bool:
        return bool(self.training or self.sector)


NO_WISHES = Wishes()


@dataclass(frozen=True)
class Narrowed:
    roles: List[Role]
    kept: Wishes  # the wishes the roles meet
    let_go: Wishes  # the wishes too few roles met, so not applied
    meeting_all: int  # how many roles met every wish


def from_slots(slots: Dict[str, Any]) -> Wishes:
    """The wishes kept in the conversation's slots (`wish_training`, `wish_industry`)."""
    training, sector = slots.get(TRAINING_ENTITY), slots.get(INDUSTRY_ENTITY)
    return Wishes(str(training) if training else None, str(sector) if sector else None)


def from_finder(slot: str, answer: Optional[str]) -> Dict[str, Optional[str]]:
    """The wish slot a career finder answer sets: its training or industry, or none for "any"."""
    name = TRAINING_ENTITY if slot == TRAINING_SLOT else INDUSTRY_ENTITY
    return {name: None if answer in (None, ANY) else answer}


#: The training wishes that narrow: every role can be reached with the longest one.
NARROWING_TRAINING = {t for t, level in TRAINING_LEVEL.items() if level < max(TRAINING_LEVEL.values())}


def _meets_training(role: Role, training: Optional[str]) -> bool:
    return training is None or entry_level(role) <= TRAINING_LEVEL[training]


def narrow(k: Knowledge, roles: Sequence[Role], wishes: Wishes) -> Narrowed:
    """The roles that meet the wishes; when fewer than MIN_LEFT do, the industry is let go first
    (training decides more of a student's next years), then the training."""
    sector = k.sectors.get(wishes.sector) if wishes.sector else None
    wishes = Wishes(
        wishes.training if wishes.training in NARROWING_TRAINING else None, wishes.sector if sector else None
    )
    trained = [r for r in roles if _meets_training(r, wishes.training)]
    both = [r for r in trained if sector is None or r.id in sector.roles]
    tries: Tuple[Tuple[List[Role], Wishes], ...] = (
        (both, wishes),
        (trained, Wishes(wishes.training)),
    )
    for kept_roles, kept in tries:
        if len(kept_roles) >= MIN_LEFT:
            let_go = Wishes(None, wishes.sector if kept.sector is None else None)
            return Narrowed(list(kept_roles), kept, let_go, len(both))
    return Narrowed(list(roles), Wishes(), wishes, len(both))
