"""'Can I start in high school?' (#25): CTE classes and dual enrollment, student groups and
contests, summer programs, plant tours on Manufacturing Day. From the knowledge file's
training routes; parents get the answer about their child (bot/answers/audience.py). Worded in
the conversation's language (data/phrases/<lang>/leaving.yml)."""

from __future__ import annotations

from typing import List

from bot.answers.audience import reader_of
from bot.answers.counselor import school_contact
from bot.answers.turn import Turn
from bot.phrases import say
from bot.render import Answer, Button, bullets, fact_line, payload

#: The routes a student can take while still in high school, in the order they are listed.
IN_SCHOOL_ROUTES = ("cte", "student_orgs", "manufacturing_day")


def asks_about_high_school(turn: Turn) -> bool:
    """ "what can i do in high school", "todavía estoy en la prepa": now, not after high school
    (the cue `in_high_school`, data/lexicon/<lang>/cues.yml)."""
    return turn.asks("in_high_school")


def high_school(turn: Turn) -> Answer:
    kb, lang = turn.kb, turn.language
    who = reader_of(turn.reading.family, lang)
    routes = {t.id: t for t in kb.training}
    lines: List[str] = []
    sources: List[str] = []
    for ident in IN_SCHOOL_ROUTES:
        route = routes.get(ident)
        if route is None:
            continue
        item = f"{route.name}: {route.summary}"
        item += "".join(f" {fact_line(kb, f, lang)}" for f in route.facts)
        lines.append(item)
        sources += [f.source for f in route.facts] + list(route.sources)
    lines.append(say(lang, "leaving.summer"))
    contact = school_contact(turn.metadata).name or who.counselor()
    lead = who.phrase("leaving.in_school_student", "leaving.in_school_parent")
    ask = say(lang, "leaving.ask_school", contact=contact, their=who.their)
    text = f"{lead}\n{bullets(lines)}\n\n{ask}"
    buttons = [
        Button(say(lang, "leaving.button_cte"), payload("ask_training", training="cte")),
        Button(say(lang, "leaving.button_student_groups"), payload("ask_training", training="student_orgs")),
        Button(say(lang, "leaving.button_mfg_day"), payload("ask_training", training="manufacturing_day")),
    ]
    return Answer(text, buttons, list(dict.fromkeys(sources)), {"last_aspect": "training"})
