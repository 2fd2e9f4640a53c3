"""The school's own programs (data/schools.yml `programs:`, bot/school_programs.py).

"where can I learn welding around here?", "what classes at my school help with that?", "does my
school have anything for machining": the programs of the student's school that lead to that job
(or all of them when no job is meant), with their links. The school is the one the widget or
channel names (metadata {"school": id}); nothing is said about a school that listed none, beyond
that: it gets the national ways to start, as a student without a school does. After a job's
description or education, one line names the school's programs for it (with_school_programs).

Which programs were shown goes in the `programs_shown` slot (their keys, never the student's
words), so the counselor insights can count them (bot/insights/table.py).
"""

from __future__ import annotations

from dataclasses import replace
from typing import List, Optional, Set, Tuple

from bot import schools
from bot.answers import local as local_answers
from bot.answers import topics
from bot.answers.counselor import school_contact
from bot.answers.turn import Turn
from bot.render import Answer, Button, bullets, in_sentence, payload
from bot.school_programs import Program, for_role
from bot.understanding.reading import PATHWAY, ROLE, SECTOR, TECHNOLOGY

#: The slot that carries the keys of the programs an answer showed (for insights only).
SHOWN_SLOT = "programs_shown"
#: A button's `training` entity that asks for the school's programs (the reading of a payload is empty).
SCHOOL_ROUTE = "school"
#: Answers after which the "At <school>: ..." line is added: what a job is and how to get there.
LINE_ASPECTS = ("overview", "education")
#: Programs named in that line (the full list is one button away).
LINE_MAX = 3


def training(turn: Turn) -> Answer:
    """ask_training: the school's programs when the words ask what the school offers or where to
    learn nearby (bot/understanding/verdict.py, rule 7), else the ways to start (topics.training)."""
    if asked(turn):
        return answer(turn)
    return topics.training(turn)


def local(turn: Turn) -> Answer:
    """ask_local: "where can I learn welding around here?" from a school's page is about its
    programs; every other place question (and any without a school) is the local answer."""
    if _learn_nearby(turn) and school_of(turn) is not None:
        return answer(turn)
    return local_answers.answer(turn)


def asked(turn: Turn) -> bool:
    return turn.entities.get("training") == SCHOOL_ROUTE or turn.asks("my_school") or _learn_nearby(turn)


def _learn_nearby(turn: Turn) -> bool:
    """ "welding classes near me", "where can I learn CNC around here" (no pay question)."""
    near = turn.reading.where is not None and turn.reading.where.kind == "near"
    return near and (turn.asks("training") or turn.asks("learn")) and not turn.asks("pay")


def school_of(turn: Turn) -> Optional[schools.School]:
    metadata = turn.metadata if isinstance(turn.metadata, dict) else {}
    return schools.lookup(metadata.get("school"))


def answer(turn: Turn) -> Answer:
    school = school_of(turn)
    role_id = _role(turn)
    if school is None:
        return _as_before(turn, role_id)
    if not school.programs:
        before = _routes(turn, role_id)
        lead = f"{school.name} has not listed its programs with me, so I can't say what it offers."
        return replace(before, text=f"{lead}\n\n{before.text}")
    group = None if role_id else _group(turn)
    if group is not None:  # "any robotics classes near me?": the programs for that group's jobs
        name, group_roles = group
        leading = [p for p in school.programs if set(p.roles) & group_roles]
        general = [p for p in school.programs if not p.roles]
        if leading:
            return _listed(turn, school, leading, f"Programs at {school.name} for {name}:", None, general)
        heading = f"{school.name} has not listed a program for {name}. All its programs:"
        return _listed(turn, school, school.programs, heading, None)
    if role_id is None:
        return _listed(turn, school, school.programs, f"Programs at {school.name}:", None)
    title = in_sentence(turn.knowledge.roles[role_id].title)
    leading = for_role(school.programs, role_id)
    if not leading:
        before = _routes(turn, role_id)
        lead = f"{school.name} has not listed a program that leads to {title} jobs. Usual ways to start:"
        others = f"\n\nPrograms {school.name} has listed: {'; '.join(p.name for p in school.programs)}."
        slots = {**before.slots, SHOWN_SLOT: [p.key for p in school.programs]}
        return replace(before, text=f"{lead}\n\n{before.text}{others}", slots=slots)
    general = [p for p in school.programs if not p.roles]
    return _listed(turn, school, leading, f"Programs at {school.name} that lead to {title} jobs:", role_id, general)


def with_school_programs(turn: Turn, answer: Answer) -> Answer:
    """A job's description or education, then "At <school>: <its programs for that job>."."""
    role_id = answer.slots.get("role")
    if answer.slots.get("last_aspect") not in LINE_ASPECTS or not role_id or SHOWN_SLOT in answer.slots:
        return answer
    school = school_of(turn)
    leading = for_role(school.programs, role_id) if school else []
    if school is None or not leading:
        return answer
    named = "; ".join(f"{p.name} ({p.kind_name})" for p in leading[:LINE_MAX])
    more = f" and {len(leading) - LINE_MAX} more" if len(leading) > LINE_MAX else ""
    button = Button(f"Programs at {school.name}"[:64], payload("ask_training", role=role_id, training=SCHOOL_ROUTE))
    return replace(
        answer,
        text=f"{answer.text}\n\nAt {school.name}: {named}{more}.",
        buttons=[button, *answer.buttons][:4],
        slots={**answer.slots, SHOWN_SLOT: [p.key for p in leading[:LINE_MAX]]},
    )


def _role(turn: Turn) -> Optional[str]:
    """The job named, else the one being discussed when the words point back ("help with that")."""
    k = turn.knowledge
    named = [r for r in turn.mentioned(ROLE) if r in k.roles]
    if named:
        return named[0]
    current = turn.slot("role")
    return current if current in k.roles and turn.asks("that_job") else None


def _group(turn: Turn) -> Optional[Tuple[str, Set[str]]]:
    """An industry, pathway or technology named instead of a job: its name and its jobs."""
    k = turn.knowledge
    for sector in turn.mentioned(SECTOR):
        if sector in k.sectors:
            return in_sentence(k.sectors[sector].name), set(k.sectors[sector].roles)
    for pathway in turn.mentioned(PATHWAY):
        if pathway in k.pathways:
            return in_sentence(k.pathways[pathway].name), set(k.pathways[pathway].roles)
    named = set(turn.mentioned(TECHNOLOGY))
    for tech in k.kb.innovation.technologies:
        if tech.id in named and tech.roles:
            return in_sentence(tech.name), set(tech.roles)
    return None


def _listed(
    turn: Turn,
    school: schools.School,
    programs: List[Program],
    heading: str,
    role_id: Optional[str],
    general: Optional[List[Program]] = None,
) -> Answer:
    parts = [f"{heading}\n{bullets(_line(p) for p in programs)}"]
    if general:
        parts.append(f"Open to every student curious about manufacturing:\n{bullets(_line(p) for p in general)}")
    counselor = school_contact(turn.metadata).name or "your school counselor"
    parts.append(f"These are the programs {school.name} has listed. Ask {counselor} how to sign up.")
    buttons = [Button("Talk to a counselor", payload("ask_counselor"))]
    if role_id:
        buttons.insert(0, Button("Education needed", payload("ask_education", role=role_id)))
    else:
        buttons.append(Button("Jobs in manufacturing", payload("ask_roles")))
    shown = [p.key for p in [*programs, *(general or [])]]
    slots = {"last_aspect": "training", SHOWN_SLOT: shown, **({"role": role_id} if role_id else {})}
    return Answer("\n\n".join(parts), buttons, [], slots)


def _line(p: Program) -> str:
    return f"{p.name} ({p.kind_name}): {p.description}" + (f" {p.link}" if p.link else "")


def _routes(turn: Turn, role_id: Optional[str]) -> Answer:
    """The national ways to start: the job's own when one is meant, else every way in."""
    return topics.next_steps(turn, role_id) if role_id else topics.training(turn)


def _as_before(turn: Turn, role_id: Optional[str]) -> Answer:
    """No school known: what the question got before schools had programs ("near me" is the
    local answer, which asks for the state or city)."""
    if turn.reading.where is not None and turn.reading.where.kind == "near":
        return local_answers.answer(turn)
    return _routes(turn, role_id)
