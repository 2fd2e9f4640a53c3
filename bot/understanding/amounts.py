"""Money a message states ("is 65k a year good pay?", "$22 an hour"), as a yearly figure.

The number is read here; what it counts (dollars, thousands, per hour, per year) comes from
data/lexicon/<lang>/amounts.yml. A number counts as money only with one of those words or a
dollar sign, so "in 2030" or "i'm 16" is none. A yearly figure from an hourly wage is 2,080
hours of it, a full year as BLS counts one (40 hours, 52 weeks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from bot.understanding import lexicon

HOURS_PER_YEAR = 2080
#: A wage without "an hour" or "a year": per hour below this, per year from YEARLY_FROM.
HOURLY_BELOW = 200
YEARLY_FROM = 1000
VOCABULARY = "amounts"
_NUMBER = re.compile(r"(\$\s?)?(?<![\w.,])(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d{1,2})?)(?![\d.,]\d)")


@dataclass(frozen=True)
class Amount:
    yearly: int
    #: The hourly wage the message stated, when it stated one.
    hourly: Optional[float] = None


def amount_in(text: str) -> Optional[Amount]:
    """The first wage the text states, or None."""
    folded = lexicon.fold(text or "")
    for found in _NUMBER.finditer(folded):
        value = _value(found.group(2))
        after = folded[found.end() :]
        money = bool(found.group(1))
        thousands = _unit("thousands", after)
        if thousands:
            value, after, money = value * 1000, after[thousands:], True
        currency = _unit("currency", after)
        if currency:
            after, money = after[currency:], True
        hourly, yearly = _unit("per_hour", after), _unit("per_year", after)
        if not (money or hourly or yearly):
            continue
        if value < HOURLY_BELOW and not yearly:
            return Amount(round(value * HOURS_PER_YEAR), value)
        if value >= YEARLY_FROM and not hourly:
            return Amount(round(value))
    return None


def _value(digits: str) -> float:
    """'47,000' and '47.000' (thousands) -> 47000; '22.50' and '22,50' -> 22.5."""
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
        return float(re.sub(r"[.,]", "", digits))
    return float(digits.replace(",", "."))


def _unit(section: str, after: str) -> int:
    """The length of this kind of word right after the number (0 when there is none)."""
    for language in lexicon.LANGUAGES:
        pattern = lexicon.sections(VOCABULARY, language).get(section)
        found = pattern.match(after) if pattern else None
        if found:
            return found.end()
    return 0


__all__ = ["Amount", "amount_in", "HOURS_PER_YEAR"]
