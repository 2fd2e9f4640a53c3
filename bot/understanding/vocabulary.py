"""Ordinary question words ("pay", "salary", "jobs"), read from the NLU training data.

The linker treats a word it cannot link as a possibly unknown job ("astronauts") only when
it is not one of these, so the bot never answers for the previous role when the user named
a different one. Reading them from the training data keeps the list in step with it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, List

from bot import ROOT
from bot.understanding import lexicon

NLU_DIR = ROOT / "data" / "nlu"
#: Intents whose examples name things outside the assistant's knowledge on purpose, or talk
#: about a life rather than ask about jobs (their words are not question words).
_EXCLUDED_INTENTS = {"out_of_scope", "distress"}
_WORD = re.compile(r"[a-z]+")


def intent_examples(path: Path) -> Dict[str, List[str]]:
    """Intent -> example texts of NLU training data (a file or a folder), read by Rasa's own
    loader, so entity annotations and every format Rasa accepts are handled as Rasa does."""
    from rasa.shared.nlu.training_data.loading import load_data  # rasa.shared only: no TensorFlow

    examples: Dict[str, List[str]] = {}
    for message in load_data(str(path)).intent_examples:
        examples.setdefault(message.get("intent"), []).append(message.get("text"))
    return examples


@lru_cache(maxsize=1)
def question_words(nlu_dir: Path = NLU_DIR) -> FrozenSet[str]:
    words = set()
    for intent, texts in intent_examples(nlu_dir).items():
        if intent not in _EXCLUDED_INTENTS:
            for text in texts:
                words.update(_WORD.findall(text.lower()))
    return frozenset(words | PAY_WORDS | JOB_MODIFIERS | chat_words())


def chat_words() -> FrozenSet[str]:
    """Fillers and texting words that are never a job (data/lexicon/<lang>/chat_words.yml)."""
    return frozenset().union(*(lexicon.word_list("chat_words", language) for language in lexicon.LANGUAGES))


#: Ways to ask about pay that are ordinary question words even when the training data lacks
#: them, so "what's the paycheck like?" about the job being discussed is not an unknown job.
PAY_WORDS: FrozenSet[str] = frozenset(
    {
        "pay",
        "paid",
        "paycheck",
        "paychecks",
        "salary",
        "salaries",
        "wage",
        "wages",
        "earn",
        "earns",
        "earning",
        "earnings",
        "income",
        "hourly",
        "rate",
        "range",
        "median",
        "average",
        "typical",
        "typically",
        "annual",
        "annually",
        "yearly",
        "starting",
        "money",
        "compensation",
        "bucks",
    }
)


#: Words that describe the level of a job we know rather than name another job: "entry level
#: engineers" are still engineers, while "software engineers" are not (bot/understanding/linking.py).
JOB_MODIFIERS: FrozenSet[str] = frozenset(
    {
        "entry",
        "level",
        "senior",
        "junior",
        "lead",
        "chief",
        "head",
        "assistant",
        "beginner",
        "experienced",
        "certified",
        "licensed",
        "skilled",
        "trainee",
        "young",
        "female",
        "male",
        "women",
        "new",
        "starting",
    }
)

#: spaCy stop words that are the very action of a job description ("makes prosthetics", "moves
#: pallets", "puts parts together"): in a `described_as` phrase they count as content words.
DESCRIPTION_VERBS: FrozenSet[str] = frozenset({"make", "move", "put", "keep", "take", "give", "show", "part"})

#: Words that look alike but mean different things. Fuzzy matching for typos never turns one
#: of them into a name with a different word ("automotive engineer" is not "automation
#: engineer"; "automation industry" is not the "automotive industry").
LOOK_ALIKE_WORDS: FrozenSet[str] = frozenset(
    {
        "auto",
        "automotive",
        "automation",
        "automated",
        "automate",
        "automates",
        "automating",
        "automatic",
        "automatically",
        "autonomous",
        "automaton",
        "automobile",
        "music",  # not the Spanish "música" (a musician, another cluster's job)
        "costaria",  # "¿cuánto costaría…?": not "costurera" (a sewing machine operator)
        "fabrica",  # "una fábrica" is a factory, not "fabric" (the textiles industry)
        "fabricas",
        "costarian",
        "costara",
        "costar",
        "car",  # not "cad" ("car designer" is no CAD designer)
        "rocket",  # not "robot" ("rocket technician" is no robotics technician)
    }
)
