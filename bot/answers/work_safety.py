"""'Is manufacturing dangerous?' (#25): the injury rate of manufacturing next to other
industries (BLS injury and illness survey, one year), what OSHA 10-hour training is, and what
can hurt people in some jobs. A job named in the message gets its own risks first. Worded in the
conversation's language (data/phrases/<lang>/leaving.yml)."""

from __future__ import annotations

from bot.answers.audience import reader_of
from bot.answers.first_job import for_child
from bot.answers.turn import Turn
from bot.phrases import say
from bot.render import Answer, Button, bullets, cite, in_sentence, join_names, payload


def safety(turn: Turn) -> Answer:
    kb, k, lang = turn.kb, turn.knowledge, turn.language
    who = reader_of(turn.reading.family, lang)
    s = kb.leaving_school.safety
    mfg, others = s.injury_rates[0], s.injury_rates[1:]
    compared = join_names([f"{r.industry.lower()} {r.cases_per_100:.1f}" for r in others], lang)
    rates = say(
        lang,
        "leaving.injury_rates",
        year=mfg.year,
        industry=mfg.industry.lower(),
        rate=f"{mfg.cases_per_100:.1f}",
        others=compared,
        cite=cite(kb, mfg.source, str(mfg.year), lang),
    )
    named = [r for r in turn.mentioned("role") if r in k.roles]
    discussed = turn.slot("role")
    if not named and discussed in k.roles and turn.reading.aspect == "safety" and turn.asks("that_job"):
        named = [discussed]  # "and is that one safe?" after a job: its risks
    risks = [x for x in s.risks if not named or set(x.roles) & set(named)]
    risk_lines = [
        f"{join_names([k.title(r) for r in x.roles], lang)}: {x.hazards} {cite(kb, x.source, language=lang)}"
        for x in risks
    ]
    training = f"{s.training} {cite(kb, s.training_source, language=lang)}"
    text = f"{say(lang, 'leaving.safety_lead')}{for_child(who)}\n{rates}\n\n{training}"
    if risk_lines:
        text += f"\n\n{say(lang, 'leaving.watch_out')}\n" + bullets(risk_lines)
    elif named:
        text += "\n\n" + say(lang, "leaving.no_safety_notes", job=in_sentence(k.title(named[0])))
    sources = [mfg.source, s.training_source] + [x.source for x in risks]
    buttons = [
        Button(say(lang, "leaving.button_safety_specialist"), payload("ask_about", role="safety_specialist")),
        Button(say(lang, "leaving.button_quick_start"), payload("ask_quick_start")),
        Button(say(lang, "leaving.button_jobs"), payload("ask_roles")),
    ]
    slots = {"last_aspect": "safety", **({"role": named[0]} if named else {})}  # "what training would he need?" next
    return Answer(text, buttons, list(dict.fromkeys(sources)), slots)
