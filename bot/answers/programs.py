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
from bot.answers.aspects import button_title
from bot.answers.counselor import school_contact
from bot.answers.turn import Turn
from bot.phrases import say
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
#: Kind -> its phrase (data/phrases/<language>/programs.yml).
KIND_PHRASES = {
    "cte_course": "programs.kind_cte_course",
    "dual_enrollment": "programs.kind_dual_enrollment",
    "community_college": "programs.kind_community_college",
    "apprenticeship": "programs.kind_apprenticeship",
    "event": "programs.kind_event",
}


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
    lang = turn.knowledge.language
    if not school.programs:
        before = _routes(turn, role_id)
        lead = say(lang, "programs.not_listed", school=school.name)
        return replace(before, text=f"{lead}\n\n{before.text}")
    group = None if role_id else _group(turn)
    if group is not None:  # "any robotics classes near me?": the programs for that group's jobs
        name, group_roles = group
        leading = [p for p in school.programs if set(p.roles) & group_roles]
        general = [p for p in school.programs if not p.roles]
        if leading:
            heading = say(lang, "programs.for_group", school=school.name, group=name)
            return _listed(turn, school, leading, heading, None, general)
        heading = say(lang, "programs.none_for_group", school=school.name, group=name)
        return _listed(turn, school, school.programs, heading, None)
    if role_id is None:
        return _listed(turn, school, school.programs, say(lang, "programs.all", school=school.name), None)
    title = in_sentence(turn.knowledge.roles[role_id].title)
    leading = for_role(school.programs, role_id)
    if not leading:
        before = _routes(turn, role_id)
        lead = say(lang, "programs.none_for_job", school=school.name, title=title)
        names = "; ".join(p.name for p in school.programs)
        others = "\n\n" + say(lang, "programs.listed_names", school=school.name, names=names)
        slots = {**before.slots, SHOWN_SLOT: [p.key for p in school.programs]}
        return replace(before, text=f"{lead}\n\n{before.text}{others}", slots=slots)
    general = [p for p in school.programs if not p.roles]
    heading = say(lang, "programs.for_job", school=school.name, title=title)
    return _listed(turn, school, leading, heading, role_id, general)


def with_school_programs(turn: Turn, answer: Answer) -> Answer:
    """A job's description or education, then "At <school>: <its programs for that job>."."""
    role_id = answer.slots.get("role")
    if answer.slots.get("last_aspect") not in LINE_ASPECTS or not role_id or SHOWN_SLOT in answer.slots:
        return answer
    school = school_of(turn)
    leading = for_role(school.programs, role_id) if school else []
    if school is None or not leading:
        return answer
    lang = turn.knowledge.language
    named = "; ".join(f"{p.name} ({say(lang, KIND_PHRASES[p.kind])})" for p in leading[:LINE_MAX])
    if len(leading) > LINE_MAX:
        named = say(lang, "programs.and_more", programs=named, count=len(leading) - LINE_MAX)
    title = say(lang, "programs.button_programs", school=school.name)[:64]
    button = Button(title, payload("ask_training", role=role_id, training=SCHOOL_ROUTE))
    return replace(
        answer,
        text=f"{answer.text}\n\n" + say(lang, "programs.at_school", school=school.name, programs=named),
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
    lang = turn.knowledge.language
    parts = [f"{heading}\n{bullets(_line(lang, p) for p in programs)}"]
    if general:
        parts.append(say(lang, "programs.open_to_all") + "\n" + bullets(_line(lang, p) for p in general))
    counselor = school_contact(turn.metadata).name or say(lang, "programs.your_counselor")
    parts.append(say(lang, "programs.sign_up", school=school.name, counselor=counselor))
    buttons = [Button(say(lang, "programs.button_counselor"), payload("ask_counselor"))]
    if role_id:
        buttons.insert(0, Button(button_title(lang, "education"), payload("ask_education", role=role_id)))
    else:
        buttons.append(Button(say(lang, "scope.button_jobs"), payload("ask_roles")))
    shown = [p.key for p in [*programs, *(general or [])]]
    slots = {"last_aspect": "training", SHOWN_SLOT: shown, **({"role": role_id} if role_id else {})}
    return Answer("\n\n".join(parts), buttons, [], slots)


def _line(lang: str, p: Program) -> str:
    return f"{p.name} ({say(lang, KIND_PHRASES[p.kind])}): {p.description}" + (f" {p.link}" if p.link else "")


def _routes(turn: Turn, role_id: Optional[str]) -> Answer:
    """The national ways to start: the job's own when one is meant, else every way in."""
    return topics.next_steps(turn, role_id) if role_id else topics.training(turn)


def _as_before(turn: Turn, role_id: Optional[str]) -> Answer:
    """No school known: what the question got before schools had programs ("near me" is the
    local answer, which asks for the state or city)."""
    if turn.reading.where is not None and turn.reading.where.kind == "near":
        return local_answers.answer(turn)
    return _routes(turn, role_id)
