"""How figures, citations, lists and buttons are written. Every answer goes through here,
so a figure is never shown without its year and source."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Union

from bot.knowledge.model import EconomyFact, Fact, KnowledgeBase, MedianPay, Outlook, Role
from bot.phrases import say, words

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


def cite(kb: KnowledgeBase, source_id: str, when: Optional[str] = None, language: str = "en") -> str:
    """'(BLS, May 2024)': publisher (as published, in every language) and the date the figure describes."""
    publisher = kb.meta.sources[source_id].publisher
    if not when:
        return say(language, "render.cite_publisher", publisher=publisher)
    return say(language, "render.cite", publisher=publisher, when=month_year(when, language))


_MONTH_YEAR = re.compile(r"([A-Z][a-z]+) (\d{4})")


def month_year(when: str, language: str) -> str:
    """'May 2024' in the answer's language ('mayo de 2024'); a year alone stays as it is (also a
    BLS release, bot/answers/local_figures.py)."""
    match = _MONTH_YEAR.fullmatch(when)
    english = words("en", "render.months")
    if not match or match.group(1) not in english:
        return when
    month = words(language, "render.months")[english.index(match.group(1))]
    return say(language, "render.month_year", month=month, year=match.group(2))


def long_date(day: dt.date, language: str = "en") -> str:
    """'December 7, 2026' in the answer's language ('7 de diciembre de 2026')."""
    month = words(language, "render.months")[day.month - 1]
    return say(language, "render.date", month=month, day=day.day, year=day.year)


def pay_cite(kb: KnowledgeBase, pay: MedianPay, language: str = "en") -> str:
    """'(BLS, May 2024)': the survey month when the source gives one, else the year."""
    return cite(kb, pay.source, pay.as_of or str(pay.year), language)


def outlook_cite(kb: KnowledgeBase, outlook: Outlook, language: str = "en") -> str:
    return say(language, "render.projections", publisher=kb.meta.sources[outlook.source].publisher)


def pay_line(kb: KnowledgeBase, pay: MedianPay, language: str = "en") -> str:
    return say(language, "render.pay_line", money=money(pay.annual_usd), cite=pay_cite(kb, pay, language))


def outlook_line(kb: KnowledgeBase, outlook: Outlook, language: str = "en") -> str:
    return say(
        language,
        "render.outlook_line",
        change=signed_percent(outlook.percent_change),
        period=period(outlook.period),
        cite=outlook_cite(kb, outlook, language),
    )


def figure_sources(roles: Iterable[Role]) -> List[str]:
    """Source ids of these roles' pay and outlook figures, each once, in order."""
    return list(
        dict.fromkeys(
            s for r in roles for s in ((r.median_pay and r.median_pay.source), (r.outlook and r.outlook.source)) if s
        )
    )


#: How a typical entry begins, in each language of the knowledge file, for the entries that need
#: no college degree (0) or a two-year degree (1); the rest is 2.
_ENTRY_STARTS = (
    (0, ("high school", "no formal", "diploma de preparatoria", "no se pide ningún estudio")),
    (1, ("associate", "título de asociado")),
)


def entry_level(role: Role) -> int:
    entry = role.education.typical_entry.lower()
    for level, starts in _ENTRY_STARTS:
        if entry.startswith(starts):
            return level
    return 2  # bachelor's, or "varies" (treated as the longest, so we never under-promise)


def short_entry(role: Role) -> str:
    """'high school diploma or equivalent': the first clause of the typical entry, for lists."""
    return role.education.typical_entry.split(";")[0].split(",")[0].lower()


def fact_line(kb: KnowledgeBase, fact: Union[Fact, EconomyFact], language: str = "en") -> str:
    return f"{fact.statement} {cite(kb, fact.source, str(fact.year), language)}"


def in_sentence(title: str) -> str:
    """A job title inside a sentence: 'Welder' -> 'welder', but 'CNC operator' stays."""
    return title if title[:2].isupper() else title[:1].lower() + title[1:]


def a_an(noun: str, language: str = "en") -> str:
    """'a welder', 'an industrial maintenance mechanic'. Other languages' phrases are worded so
    that the job needs no article ("trabajar como soldador"): the noun as it is."""
    if language != "en":
        return noun
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def no_degree_button(language: str, title: str = "render.button_no_degree") -> Button:
    """The button many answers offer for the jobs without a college degree. It sends typed words,
    not a payload, so the list is read as a question, and in the conversation's language: English
    words would switch a Spanish conversation to English."""
    return Button(say(language, title), say(language, "render.no_degree_message"))


#: What a degree named in an answer means, said once, in plain words: (words that name it, note).
DEGREE_NOTES = (
    (("associate", "asociado"), "render.associate_note"),
    (("bachelor", "licenciatura"), "render.bachelor_note"),
)


def degree_note(text: str, language: str = "en") -> str:
    """'An associate degree usually takes two years.' for each kind of degree `text` names."""
    lowered = text.lower()
    return " ".join(say(language, note) for names, note in DEGREE_NOTES if any(n in lowered for n in names))


def bullets(items: Iterable[str]) -> str:
    return "\n".join(f"{BULLET} {item}" for item in items)


def join_names(names: List[str], language: str = "en") -> str:
    word = say(language, "render.and")
    if len(names) <= 2:
        return f" {word} ".join(names)
    return ", ".join(names[:-1]) + f" {word} {names[-1]}"
