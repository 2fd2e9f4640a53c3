"""'How much does training cost?' (#25): each way of training in plain words, apprenticeships
paid, and federal aid (Pell Grants), every figure with its year and source (knowledge file,
leaving_school). No price is shown that the file does not hold with a source. Worded in the
conversation's language (data/phrases/<lang>/leaving.yml)."""

from __future__ import annotations

from bot.answers.audience import reader_of
from bot.answers.turn import Turn
from bot.phrases import say
from bot.render import Answer, Button, bullets, cite, payload


def cost(turn: Turn) -> Answer:
    kb, lang = turn.kb, turn.language
    who = reader_of(turn.reading.family, lang)
    ls = kb.leaving_school
    lines = []
    for c in ls.costs:
        line = f"{c.route}: {c.cost}"
        if c.fact:
            line += f" {c.fact.statement} {cite(kb, c.fact.source, str(c.fact.year), lang)}"
        lines.append(line)
    aid = [f"{f.statement} {cite(kb, f.source, str(f.year), lang)}" for f in ls.aid]
    text = f"{who.phrase('leaving.cost_lead_student', 'leaving.cost_lead_parent')}\n{bullets(lines)}"
    if aid:
        text += f"\n\n{say(lang, 'leaving.aid_lead')}\n{bullets(aid)}"
    text += "\n\n" + say(lang, "leaving.cost_advice")
    sources = [c.fact.source for c in ls.costs if c.fact] + [f.source for f in ls.aid]
    buttons = [
        Button(say(lang, "leaving.button_apprenticeships"), payload("ask_training", training="apprenticeship")),
        # Words, not a payload: the glossary and the high-school answer read them. In the
        # conversation's language, so that sending them never switches it.
        Button(say(lang, "leaving.button_pell"), say(lang, "leaving.pell_message")),
        Button(say(lang, "leaving.button_in_school"), say(lang, "leaving.in_school_message")),
    ]
    return Answer(text, buttons, list(dict.fromkeys(sources)), {"last_aspect": "training"})
