"""Which figures a page may show, so that no small number can be worked out from shown ones.

The unit is a school-week: one school's (or, in the district, the traffic naming no school) student
messages in one week, Monday to Sunday. Every page is a sum of units (whole weeks: bot.insights.
figures.date_range), and

1. a unit from fewer than MIN conversations is left out of every figure;
2. inside a unit, an item (a job, an industry, a pathway, a kind of question) from 1 to MIN - 1
   conversations is hidden; the kinds add up to the unit's messages, so when one is hidden the
   smallest shown kind is hidden with it (two unknowns, together from at least MIN conversations);
   "not covered" is the week's "not answered", so when it is hidden so are the week's answered and
   not answered figures, and the other way round;
3. a page adds up, for each item, only the units that show it; what the units hide is counted
   together, without names ("Other kinds"); an item no unit shows is never named. A week's
   answered / not answered figures are shown only when every unit of that week shows them.

So every shown number is a sum of unit figures that a one-school, one-week page shows too:
subtracting pages (overlapping ranges, the district minus its schools) gives nothing a page does
not already show, except sums of hidden items, without their names. The price: a job or kind is
counted only in the school-weeks where it came from at least MIN conversations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Set, Tuple

from bot.settings import INSIGHTS_MIN_CONVERSATIONS as MIN_CONVERSATIONS

NOT_COVERED = "not covered"
Unit = Tuple[str, object]  # (school, week)
Figure = Tuple[int, int]  # (messages, distinct conversations)


def small(conversations: int) -> bool:
    return 0 < conversations < MIN_CONVERSATIONS


@dataclass
class UnitFigures:
    conversations: int
    messages: int
    answered: Figure
    unanswered: Figure


def hidden_items(items: Dict[str, Figure]) -> Set[str]:
    """Rule 2 for items with no total (jobs, industries, pathways)."""
    return {name for name, (_, conv) in items.items() if small(conv)}


def hidden_kinds(kinds: Dict[str, Figure], unit: UnitFigures) -> Set[str]:
    """Rule 2 for the kinds of question of one unit (they add up to its messages)."""
    hidden = hidden_items(kinds)
    if NOT_COVERED in kinds and (small(unit.answered[1]) or small(unit.unanswered[1])):
        hidden.add(NOT_COVERED)  # answered + not answered = messages: one small means both hidden
    shown = [k for k in kinds if k not in hidden]
    if hidden and shown:  # the complement: another kind, so the hidden ones add up to >= MIN conversations
        hidden.add(min(shown, key=lambda k: (kinds[k][0], kinds[k][1], k)))
    return hidden


@dataclass
class PageItems:
    """An item list of a page: shown items with their sums, and whether some are hidden (unnamed)."""

    shown: List[Tuple[str, Figure]] = field(default_factory=list)
    hidden_messages: int = 0
    hidden_conversations: int = 0
    any_hidden: bool = False


def page_items(per_unit: Dict[Unit, Dict[str, Figure]], hidden: Dict[Unit, Set[str]]) -> PageItems:
    """Rule 3: each item summed over the units that show it; the rest together, unnamed."""
    sums: Dict[str, List[int]] = {}
    out = PageItems()
    for unit, items in per_unit.items():
        off = hidden.get(unit, set())
        for name, (messages, conv) in items.items():
            if name in off:
                out.hidden_messages += messages
                out.hidden_conversations += conv
                out.any_hidden = True
            else:
                s = sums.setdefault(name, [0, 0])
                s[0] += messages
                s[1] += conv
    out.shown = sorted(((n, (m, c)) for n, (m, c) in sums.items()), key=lambda item: (-item[1][0], item[0]))
    return out


def answers_hidden(units: Iterable[Unit], kinds_hidden: Dict[Unit, Set[str]]) -> bool:
    """Whether a week's answered / not answered figures are hidden (rule 2, through "not covered")."""
    return any(NOT_COVERED in kinds_hidden.get(u, ()) for u in units)
