"""The offline spaCy pipeline: blank English plus the lookup lemmatizer.

Official spaCy models download from GitHub, which these machines cannot reach, so set-up
builds this small pipeline from spacy-lookups-data and installs it as the package
PIPELINE_NAME. Rasa's config names that package; the linker loads the same one.
"""

from __future__ import annotations

from functools import lru_cache
from typing import FrozenSet

from bot import settings
from bot.text import normalise

PIPELINE_NAME = "en_manufacturing_lookup"
PIPELINE_VERSION = "1.0.0"


def build():
    """A fresh pipeline, made without any download."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.meta.update(
        {
            "name": PIPELINE_NAME.removeprefix("en_"),
            "version": PIPELINE_VERSION,
            "description": "Blank English with the spacy-lookups-data lemmatizer (built offline)",
        }
    )
    return nlp


@lru_cache(maxsize=1)
def load():
    """The installed pipeline; SPACY_MODEL names another (e.g. en_core_web_md) if you have one."""
    import spacy

    return spacy.load(settings.SPACY_MODEL.get() or PIPELINE_NAME, exclude=["parser", "ner"])


@lru_cache(maxsize=1)
def spanish_stop_words() -> FrozenSet[str]:
    """spaCy's Spanish stop words (they ship with spaCy, no model), without accents as messages
    are read (bot/text.py): the pipeline is English, and students write Spanish too."""
    from spacy.lang.es.stop_words import STOP_WORDS

    return frozenset(normalise(w) for w in STOP_WORDS)
