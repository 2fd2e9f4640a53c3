"""INFLESZ (Szigriszt-Pazos, textstat) of Spanish answers as they read, for the readability tests."""

from __future__ import annotations

import re
from typing import Iterable, List

import textstat


def inflesz(text: str) -> float:
    """INFLESZ of an answer as it reads: sources in brackets, figures, bullets and placeholders
    out; each line a sentence (a bullet or heading is read on its own). textstat's language must
    be Spanish (spanish_scores sets it)."""
    text = re.sub(r"\([^)]*\)|[$+−]?\d[\d,.–]*%?|•|“[^”]*”|\{[a-z_]+\}", " ", text)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return textstat.szigriszt_pazos(
        "\n".join(line if line.endswith((".", "?", "!", ":")) else line + "." for line in lines)
    )


def spanish_scores(texts: Iterable[str]) -> List[float]:
    """INFLESZ of each text, with textstat set to Spanish only while they are scored."""
    textstat.set_lang("es")
    try:
        return [inflesz(t) for t in texts]
    finally:
        textstat.set_lang("en_US")
