"""What a message says the student wants from a job, beyond their interests: a training wish and
an industry. Emitted by Rasa's reader (bot/nlu/reader.py) as entities, so the `wish_training` and
`wish_industry` slots keep the latest one said anywhere in the conversation; the quiz narrows its
results with them (bot/answers/quiz_wishes.py, docs/quiz.md "Narrowing")."""

from __future__ import annotations

from typing import List, Tuple

from bot.understanding.reading import ROLE, SECTOR, Reading

TRAINING_ENTITY, INDUSTRY_ENTITY = "wish_training", "wish_industry"
#: Training wish -> the cues that say it, checked in order. The wishes are the career finder's own
#: answers (bot/answers/finder.py TRAINING_LEVEL; a test holds them to it), so both set one slot.
TRAINING_CUES: Tuple[Tuple[str, Tuple[str, ...]], ...] = (
    ("short", ("no_degree", "just_diploma")),
    ("two_year", ("two_year",)),
)


def wishes(reading: Reading) -> List[Tuple[str, str]]:
    """(entity, value) for each wish the message states. A message naming a job asks about that
    job ("do welders need a degree?"), so it states no wish; an industry is a wish when its jobs
    are asked for ("what jobs are there in aerospace"), not when it is only named."""
    if reading.ids(ROLE):
        return []
    found = []
    training = next((wish for wish, cues in TRAINING_CUES if any(reading.asks(c) for c in cues)), None)
    if training:
        found.append((TRAINING_ENTITY, training))
    sector = reading.links.first(SECTOR) if reading.asks("jobs_in") else None
    if sector:
        found.append((INDUSTRY_ENTITY, sector))
    return found
