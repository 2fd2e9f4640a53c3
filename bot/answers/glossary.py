"""'What does X mean?': a term from the knowledge file's glossary, in plain words, with its source.

The term named is found while the message is read (bot/understanding/terms.py), from the
knowledge file, so a term added there needs no retraining; bot/answers/about.py `define` routes.
"""

from __future__ import annotations

from typing import List

from bot.answers.loaded_knowledge import Knowledge
from bot.knowledge.model import Term
from bot.render import Answer, Button, cite, payload

#: Terms offered as buttons when the word asked about is not in the glossary.
_OFFERED = ("median_pay", "job_outlook", "apprenticeship", "cte")


def definition(k: Knowledge, term: Term) -> Answer:
    """The term's definition in plain words, with its source and the question it usually leads to."""
    text = f"{_short(term)}: {term.definition} {cite(k.kb, term.source)}"
    return Answer(text, _follow_ups(k, term), [term.source])


def not_in_list(k: Knowledge) -> Answer:
    """A word asked about that the glossary lacks: the words it can explain."""
    buttons = [Button(_short(t), _define_payload(t)) for t in k.kb.glossary if t.id in _OFFERED]
    return Answer(
        "I don't have that word in my list yet. Here are some words I can explain. "
        "You can also ask your school counselor.",
        buttons,
    )


def _short(term: Term) -> str:
    """'CTE (career and technical education)' stays whole in the answer; buttons use 'CTE'."""
    return term.term.split(" (")[0]


def _define_payload(term: Term) -> str:
    return f"what does {_short(term).lower()} mean"


#: What to offer after a definition: the question the word usually leads to.
_NEXT = {
    "median_pay": ("Pay for a job", "ask_pay"),
    "job_outlook": ("Job outlook for a job", "ask_outlook"),
    "apprenticeship": ("Ways to get started", "ask_training"),
    "cte": ("Ways to get started", "ask_training"),
    "career_pathway": ("Career pathways", "ask_pathways"),
    "certification": ("Certifications", "ask_certifications"),
    "advanced_manufacturing": ("Robots and new technology", "ask_automation"),
}


def _follow_ups(k: Knowledge, term: Term) -> List[Button]:
    buttons = []
    if term.id in _NEXT:
        title, intent = _NEXT[term.id]
        buttons.append(Button(title, payload(intent)))
    buttons += [Button(_short(t), _define_payload(t)) for t in k.kb.glossary if t.id in _OFFERED and t.id != term.id][
        :2
    ]
    return buttons
