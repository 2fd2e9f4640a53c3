"""How figures, citations, lists and buttons are written. Every answer goes through here,
so a figure is never shown without its year and source."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional

from bot.knowledge.model import Fact, KnowledgeBase, MedianPay, Outlook, Role

BULLET = "•"


@dataclass(frozen=True)
class Button:
    title: str
    payload: str

    def as_dict(self) -> Dict[str, str]:
        return {"title": self.title, "payload": self.payload}


@dataclass
class Answer:
    """What the assistant says, which sources it used, and what it remembers for next turn."""

    text: str
    buttons: List[Button] = field(default_factory=list)
    sources: List[str] = field(default_factory=list)
    slots: Dict[str, Any] = field(default_factory=dict)


def payload(intent: str, **entities: str) -> str:
    """A button payload Rasa reads directly, e.g. /ask_pay{"role": "welder"}."""
    ents = {k: v for k, v in entities.items() if v}
    return f"/{intent}{json.dumps(ents)}" if ents else f"/{intent}"


def money(amount: int) -> str:
    return f"${amount:,}"


def period(text: str) -> str:
    """'2024-2034' or '2024-34' -> '2024–34'."""
    match = re.fullmatch(r"(\d{4})[–-](\d{2,4})", text.replace(" ", ""))
    if not match:
        return text
    start, end = match.groups()
    return f"{start}–{end[-2:]}"


def signed_percent(value: float) -> str:
    number = f"{abs(value):g}%"
    if value > 0:
        return f"+{number}"
    if value < 0:
        return f"−{number}"  # a real minus sign reads better than a hyphen
    return number


def cite(kb: KnowledgeBase, source_id: str, when: Optional[str] = None) -> str:
    """'(BLS, May 2024)': publisher and the date the figure describes."""
    publisher = kb.meta.sources[source_id].publisher
    return f"({publisher}, {when})" if when else f"({publisher})"


def pay_cite(kb: KnowledgeBase, pay: MedianPay) -> str:
    """'(BLS, May 2024)': the survey month when the source gives one, else the year."""
    return cite(kb, pay.source, pay.as_of or str(pay.year))


def outlook_cite(kb: KnowledgeBase, outlook: Outlook) -> str:
    return f"({kb.meta.sources[outlook.source].publisher} projections)"


def pay_line(kb: KnowledgeBase, pay: MedianPay) -> str:
    return f"Median pay: {money(pay.annual_usd)} a year {pay_cite(kb, pay)}"


def outlook_line(kb: KnowledgeBase, outlook: Outlook) -> str:
    change = signed_percent(outlook.percent_change)
    return f"Job outlook: {change} for {period(outlook.period)} {outlook_cite(kb, outlook)}"


def figure_sources(roles: Iterable[Role]) -> List[str]:
    """Source ids of these roles' pay and outlook figures, each once, in order."""
    return list(
        dict.fromkeys(
            s for r in roles for s in ((r.median_pay and r.median_pay.source), (r.outlook and r.outlook.source)) if s
        )
    )


def entry_level(role: Role) -> int:
    entry = role.education.typical_entry.lower()
    if entry.startswith(("high school", "no formal")):
        return 0
    if entry.startswith("associate"):
        return 1
    return 2  # bachelor's, or "varies" (treated as the longest, so we never under-promise)


def short_entry(role: Role) -> str:
    """'high school diploma or equivalent': the first clause of the typical entry, for lists."""
    return role.education.typical_entry.split(";")[0].split(",")[0].lower()


def fact_line(kb: KnowledgeBase, fact: Fact) -> str:
    return f"{fact.statement} {cite(kb, fact.source, str(fact.year))}"


def in_sentence(title: str) -> str:
    """A job title inside a sentence: 'Welder' -> 'welder', but 'CNC operator' stays."""
    return title if title[:2].isupper() else title[:1].lower() + title[1:]


def a_an(noun: str) -> str:
    """'a welder', 'an industrial maintenance mechanic'."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


#: What a degree named in an answer means, said once, in plain words.
DEGREE_NOTES = (
    ("associate", "An associate degree usually takes two years."),
    ("bachelor", "A bachelor's degree usually takes four years."),
)


def degree_note(text: str) -> str:
    """'An associate degree usually takes two years.' for each kind of degree `text` names."""
    return " ".join(note for word, note in DEGREE_NOTES if word in text.lower())


def bullets(items: Iterable[str]) -> str:
    return "\n".join(f"{BULLET} {item}" for item in items)


def join_names(names: List[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + f" and {names[-1]}"
