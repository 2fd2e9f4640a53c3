"""'How much does training cost?' (#25): each way of training in plain words, apprenticeships
paid, and federal aid (Pell Grants), every figure with its year and source (knowledge file,
leaving_school). No price is shown that the file does not hold with a source."""

from __future__ import annotations

from bot.answers.audience import reader_of
from bot.answers.turn import Turn
from bot.render import Answer, Button, bullets, cite, payload


def cost(turn: Turn) -> Answer:
    kb = turn.kb
    who = reader_of(turn.reading.family)
    ls = kb.leaving_school
    lines = []
    for c in ls.costs:
        line = f"{c.route}: {c.cost}"
        if c.fact:
            line += f" {c.fact.statement} {cite(kb, c.fact.source, str(c.fact.year))}"
        lines.append(line)
    aid = [f"{f.statement} {cite(kb, f.source, str(f.year))}" for f in ls.aid]
    lead = "What training costs" + ("" if not who.parent else f" for {who.child}") + ":"
    text = f"{lead}\n{bullets(lines)}"
    if aid:
        text += f"\n\nHelp paying for it:\n{bullets(aid)}"
    text += "\n\nGrants and scholarships can lower what a college costs, so ask each one for its price after aid."
    sources = [c.fact.source for c in ls.costs if c.fact] + [f.source for f in ls.aid]
    buttons = [
        Button("Apprenticeships", payload("ask_training", training="apprenticeship")),
        Button("What is a Pell Grant?", "what is a pell grant"),
        Button("Start in high school", "can i start in high school"),
    ]
    return Answer(text, buttons, list(dict.fromkeys(sources)), {"last_aspect": "training"})
