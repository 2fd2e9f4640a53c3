"""'Is manufacturing dangerous?' (#25): the injury rate of manufacturing next to other
industries (BLS injury and illness survey, one year), what OSHA 10-hour training is, and what
can hurt people in some jobs. A job named in the message gets its own risks first."""

from __future__ import annotations

from bot.answers.audience import reader_of
from bot.answers.turn import Turn
from bot.render import Answer, Button, bullets, cite, in_sentence, join_names, payload


def safety(turn: Turn) -> Answer:
    kb = turn.kb
    k = turn.knowledge
    who = reader_of(turn.reading.family)
    s = kb.leaving_school.safety
    mfg, others = s.injury_rates[0], s.injury_rates[1:]
    compared = join_names([f"{r.industry.lower()} {r.cases_per_100:.1f}" for r in others])
    rates = (
        f"In {mfg.year}, {mfg.industry.lower()} had {mfg.cases_per_100:.1f} injuries and illnesses for every "
        f"100 full-time workers. Some other industries: {compared} {cite(kb, mfg.source, str(mfg.year))}."
    )
    named = [r for r in turn.mentioned("role") if r in k.roles]
    risks = [x for x in s.risks if not named or set(x.roles) & set(named)]
    risk_lines = [f"{join_names([k.title(r) for r in x.roles])}: {x.hazards} {cite(kb, x.source)}" for x in risks]
    lead = "Safety at work" + ("" if not who.parent else f", for {who.child}")
    text = f"{lead}\n{rates}\n\n{s.training} {cite(kb, s.training_source)}"
    if risk_lines:
        text += "\n\nWhat to watch out for in some jobs:\n" + bullets(risk_lines)
    elif named:
        text += f"\n\nI have no safety notes for {in_sentence(k.title(named[0]))} yet."
    sources = [mfg.source, s.training_source] + [x.source for x in risks]
    buttons = [
        Button("Safety specialist", payload("ask_about", role="safety_specialist")),
        Button("Quickest jobs to start", payload("ask_quick_start")),
        Button("Jobs in manufacturing", payload("ask_roles")),
    ]
    return Answer(text, buttons, list(dict.fromkeys(sources)), {"last_aspect": "safety"})
