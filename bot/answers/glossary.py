"""'What does X mean?': a term from the knowledge file's glossary, in plain words, with its source.

The term named is found while the message is read (bot/understanding/terms.py), from the
knowledge file, so a term added there needs no retraining; bot/answers/about.py `define` routes.
The definitions are the knowledge texts' (Spanish in a Spanish conversation); the words around
them are the `glossary` phrasebook's.
"""

from __future__ import annotations

from typing import List

from bot.answers.loaded_knowledge import Knowledge
from bot.knowledge.model import Term
from bot.phrases import say
from bot.render import Answer, Button, cite, payload

#: Terms offered as buttons when the word asked about is not in the glossary.
_OFFERED = ("median_pay", "job_outlook", "apprenticeship", "cte")


def definition(k: Knowledge, term: Term) -> Answer:
    """The term's definition in plain words, with its source and the question it usually leads to."""
    text = f"{_short(term)}: {term.definition} {cite(k.kb, term.source, language=k.language)}"
    return Answer(text, _follow_ups(k, term), [term.source])


def not_in_list(k: Knowledge) -> Answer:
    """A word asked about that the glossary lacks: the words it can explain."""
    buttons = [_define_button(k, t) for t in k.kb.glossary if t.id in _OFFERED]
    return Answer(say(k.language, "glossary.not_in_list"), buttons)


def _short(term: Term) -> str:
    """'CTE (career and technical education)' stays whole in the answer; buttons use 'CTE'."""
    return term.term.split(" (")[0]


def _define_button(k: Knowledge, term: Term) -> Button:
    """Typed words, read as a question in the conversation's language (English words would switch
    a Spanish conversation to English)."""
    return Button(_short(term), say(k.language, "glossary.define_message", term=_short(term).lower()))


#: What to offer after a definition: the question the word usually leads to (its phrase, intent).
_NEXT = {
    "median_pay": ("glossary.next_pay", "ask_pay"),
    "job_outlook": ("glossary.next_outlook", "ask_outlook"),
    "apprenticeship": ("glossary.next_started", "ask_training"),
    "cte": ("glossary.next_started", "ask_training"),
    "career_pathway": ("glossary.next_pathways", "ask_pathways"),
    "certification": ("glossary.next_certifications", "ask_certifications"),
    "advanced_manufacturing": ("glossary.next_automation", "ask_automation"),
}


def _follow_ups(k: Knowledge, term: Term) -> List[Button]:
    buttons = []
    if term.id in _NEXT:
        title, intent = _NEXT[term.id]
        buttons.append(Button(say(k.language, title), payload(intent)))
    buttons += [_define_button(k, t) for t in k.kb.glossary if t.id in _OFFERED and t.id != term.id][:2]
    return buttons
