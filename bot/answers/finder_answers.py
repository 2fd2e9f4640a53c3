"""The career finder's answers, typed or tapped, in English and Spanish: what the student enjoys,
how long they want to train, which industry. Normalised here (bot/text.py: no accents), so the
form's validation (actions/finder.py) and the ranking (bot/answers/finder.py) share one
vocabulary. A button sends its title as if typed ("hands-on work", "hasta dos años", "saltar"):
each title of data/phrases/<language>/finder.yml is read here (tests/unit/answers/
test_finder_spanish.py holds them to it). Both languages' words are read in every conversation,
as the quiz reads its answers: a student may answer in either."""

from __future__ import annotations

import re
from typing import Optional

from bot.answers.interests import own_words
from bot.text import normalise
from bot.understanding.reading import SECTOR, Reading

ANY = "any"
INTEREST_WORDS = {
    "hands_on": r"hands?|build\w*|fix\w*|make things|making things|tools?|weld\w*|outdoor|physical"
    r"|manos|construir|arregl\w*|repar\w*|herramientas?|soldar|soldadura|afuera|trabajo fisico|hacer cosas",
    "technology": r"tech\w*|computer\w*|robot\w*|program\w*|coding|code|machines?|electronic\w*|automat\w*"
    r"|tecnolog\w*|computadoras?|compu|maquinas?",
    "people": r"people|lead\w*|team\w*|help\w*|organi[sz]\w*|manag\w*|talk\w*"
    r"|gente|personas|ayudar\w*|equipos?|dirigir|liderar|lider\w*|platicar|hablar con",
    "data": r"data|numbers?|math\w*|analy\w*|stat\w*|puzzles?|problem solving"
    r"|datos|numeros?|matematicas?|mates|analizar|estadistic\w*|rompecabezas|resolver problemas",
}
TRAINING_WORDS = [  # checked in order: "no college" must win over "college"
    (
        "short",
        r"right away|short|months?|no college|without college|skip college|not (?:going to )?college"
        r"|don t want (?:to go to )?college|high school|on the job|asap|quick\w*|1 year|one year|work now"
        r"|meses|poco tiempo|rapido|pronto|luego luego|sin universidad|no quiero (?:ir a la )?universidad"
        r"|al salir|solo la prepa|nomas la prepa|un ano|1 ano|en el trabajo|trabajar ya",
    ),
    (
        "two_year",
        r"two|2|associate\w*|community college|technical college|trade school"
        r"|dos|asociado|colegio comunitario|escuela tecnica",
    ),
    ("four_year", r"four|4|bachelor\w*|universit\w*|college|degree|long|cuatro|licenciatura|universidad"),
]
_SKIP = re.compile(
    r"\b(skip|not sure|no idea|dont know|don t know|idk|any|anything|whatever|no preference|doesnt matter"
    r"|saltar|saltala|salta|no se|ni idea|cualquiera|cualquier|lo que sea|da igual|no importa)\b"
)
#: How long each training answer allows, on the scale of `entry_level` (0 = high school, 2 = a degree).
TRAINING_LEVEL = {"short": 0, "two_year": 1, "four_year": 2}


def parse_interest(text: str) -> Optional[str]:
    t = normalise(text)
    if _SKIP.search(t):
        return ANY
    for interest, words in INTEREST_WORDS.items():
        if re.search(rf"\b({words})\b", t):
            return interest
    said = own_words(text)  # "i like sketching" answers the question too
    return said[0].interest if said else None


def parse_training(text: str) -> Optional[str]:
    t = normalise(text)
    if _SKIP.search(t):
        return ANY
    for level, words in TRAINING_WORDS:
        if re.search(rf"\b({words})\b", t):
            return level
    return None


def parse_industry(text: str, reading: Reading) -> Optional[str]:
    """The industry answered: "any", or the first industry the message's reading names."""
    if _SKIP.search(normalise(text)):
        return ANY
    return reading.links.first(SECTOR)
