"""Answers about manufacturing's economy, innovation and automation, training routes, and sources."""

from __future__ import annotations

from bot.answers import first_job, in_school
from bot.answers.audience import reader_of
from bot.answers.counselor import school_contact
from bot.answers.loaded_knowledge import Knowledge
from bot.answers.turn import Turn
from bot.knowledge import local_pay
from bot.knowledge.model import Technology, Training
from bot.phrases import say
from bot.render import (
    Answer,
    Button,
    a_an,
    bullets,
    degree_note,
    fact_line,
    in_sentence,
    join_names,
    long_date,
    payload,
)
from bot.understanding.reading import ECONOMY, ROLE, TECHNOLOGY, TRAINING


def economy(turn: Turn) -> Answer:
    k, lang = turn.knowledge, turn.language
    wanted = turn.mentioned(ECONOMY)
    facts = [e for e in k.kb.economy if e.id in wanted] or k.kb.economy
    lines = [fact_line(k.kb, e, lang) for e in facts]
    lead = say(lang, "topics.economy_lead") if len(facts) > 1 else ""
    buttons = [
        Button(say(lang, "topics.button_automation"), payload("ask_automation")),
        Button(say(lang, "topics.button_jobs"), payload("ask_roles")),
    ]
    text = f"{lead}\n{bullets(lines)}".strip() if lead else lines[0]
    return Answer(text, buttons, list(dict.fromkeys(e.source for e in facts)), {"last_aspect": "economy"})


def automation(turn: Turn) -> Answer:
    k, lang = turn.knowledge, turn.language
    techs = [t for t in k.kb.innovation.technologies if t.id in turn.mentioned(TECHNOLOGY)]
    if techs and not turn.asks("jobs_impact"):
        return _technology(k, techs[0])
    inno = k.kb.innovation
    text = say(lang, "topics.automation", summary=inno.summary, technologies=bullets(t.name for t in inno.technologies))
    if inno.emerging_roles:
        emerging = bullets(f"{e.title}: {e.summary}" for e in inno.emerging_roles)
        text += f"\n\n{say(lang, 'topics.new_jobs')}\n{emerging}"
    if inno.facts:
        text += "\n\n" + "\n".join(fact_line(k.kb, f, lang) for f in inno.facts)
    buttons = [Button(t.name, payload("ask_automation", technology=t.id)) for t in inno.technologies[:3]]
    return Answer(text, buttons, [f.source for f in inno.facts], {"last_aspect": "automation"})


def _technology(k: Knowledge, tech: Technology) -> Answer:
    text = f"{tech.name}\n{tech.summary}"
    if tech.roles:
        jobs = join_names([k.title(r) for r in tech.roles], k.language)
        text += "\n\n" + say(k.language, "topics.technology_jobs", jobs=jobs)
    buttons = [Button(k.title(r), payload("ask_about", role=r)) for r in tech.roles[:3]]
    return Answer(text, buttons, slots={"last_aspect": "automation"})


def training(turn: Turn) -> Answer:
    """Ways into manufacturing; 'how do I become a welder?' is that role's education."""
    k = turn.knowledge
    named_roles = [r for r in turn.mentioned(ROLE) if r in k.roles]
    if named_roles:
        return next_steps(turn, named_roles[0])
    routes = [t for t in k.kb.training if t.id in turn.mentioned(TRAINING)]
    if routes and routes[0].id == "apprenticeship":
        return first_job.apprenticeship(turn)  # paid or not, how long, which jobs, where
    if routes:
        return _route(k, routes[0])
    if in_school.asks_about_high_school(turn):
        return in_school.high_school(turn)
    lines = [f"{t.name}: {t.summary.split('. ')[0].rstrip('.')}." for t in k.kb.training]
    buttons = [Button(t.name, payload("ask_training", training=t.id)) for t in k.kb.training[:3]]
    text = say(k.language, "topics.routes", routes=bullets(lines))
    return Answer(text, buttons, slots={"last_aspect": "training"})


def next_steps(turn: Turn, role_id: str) -> Answer:
    """Where to start for one role: the role's own routes, then what every student can do now."""
    k, lang = turn.knowledge, turn.language
    role = k.roles[role_id]
    by_id = {t.id: t for t in k.kb.training}
    steps = list(role.education.routes)
    if "student_orgs" in by_id:
        steps.append(say(lang, "topics.student_orgs_step"))
    if "apprenticeship" in by_id and by_id["apprenticeship"].url:
        steps.append(say(lang, "topics.apprenticeship_step", url=by_id["apprenticeship"].url))
    reader = reader_of(turn.reading.family, lang)  # a parent asking about their child's school (#25)
    who = school_contact(turn.metadata).name or reader.counselor()
    steps.append(say(lang, "topics.school_step", who=who, their=reader.their))
    job = a_an(in_sentence(role.title), lang)
    text = say(lang, "topics.next_steps", job=job, entry=role.education.typical_entry, steps=bullets(steps))
    note = degree_note(" ".join([role.education.typical_entry, *role.education.routes]), lang)
    if note:
        text += f" {note}"
    buttons = [
        Button(say(lang, "topics.button_pay"), payload("ask_pay", role=role_id)),
        Button(say(lang, "topics.button_skills"), payload("ask_skills", role=role_id)),
        Button(say(lang, "topics.button_counselor"), payload("ask_counselor")),
    ]
    sources = [role.education.source] if role.education.source else []
    return Answer(text, buttons, sources, {"role": role_id, "last_aspect": "education"})


def _route(k: Knowledge, route: Training) -> Answer:
    lang = k.language
    text = f"{route.name}\n{route.summary}"
    text += "".join(f"\n{fact_line(k.kb, f, lang)}" for f in route.facts)
    if route.url:
        text += "\n" + say(lang, "topics.more", url=route.url)
    sources = [f.source for f in route.facts] + list(route.sources)
    buttons = [
        Button(say(lang, "topics.button_other_routes"), payload("ask_training")),
        Button(say(lang, "topics.button_jobs"), payload("ask_roles")),
    ]
    return Answer(text, buttons, list(dict.fromkeys(sources)), {"last_aspect": "training"})


def sources(turn: Turn) -> Answer:
    """Provenance of the previous answer, plus the O*NET attribution its license asks for."""
    k, lang = turn.knowledge, turn.language
    local = local_pay.load().source
    known = {i: (s.title, s.published, str(s.url)) for i, s in k.kb.meta.sources.items()}
    known[local.id] = (local.title, local.published, local.url)
    used = [s for s in (turn.slot("last_sources") or []) if s in known]
    if used:
        lines = [f"{known[s][0]}, {known[s][1]}: {known[s][2]}" for s in used]
        text = say(lang, "topics.sources_used", sources=bullets(lines))
    else:
        text = say(lang, "topics.sources_none")
    date = long_date(k.kb.meta.last_reviewed, lang)
    text += "\n\n" + say(lang, "topics.about_data", attribution=k.kb.meta.attribution, date=date)
    buttons = [
        Button(say(lang, "topics.button_jobs"), payload("ask_roles")),
        Button(say(lang, "topics.button_started"), payload("ask_training")),  # a way forward
    ]
    return Answer(text, buttons, used)
