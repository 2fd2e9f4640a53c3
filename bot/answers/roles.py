"""Answers about one role: overview, pay, education, skills, outlook, certifications, related roles."""

from __future__ import annotations

from typing import Callable, Dict, List, Tuple, Union

from bot.answers import explore, figures, first_job, local, scope
from bot.answers.aspects import ASPECT_INTENTS, BUTTON_TITLES, INTENT_ASPECTS  # noqa: F401 (re-exported)
from bot.answers.choices import ask_which
from bot.answers.loaded_knowledge import Knowledge
from bot.answers.turn import Turn
from bot.knowledge.model import Role
from bot.render import Answer, Button, a_an, bullets, cite, degree_note, in_sentence, outlook_line, pay_line, payload
from bot.text import normalise
from bot.understanding.reading import OTHER, PATHWAY, SECTOR

MAX_ROLES_PER_ANSWER = 3


def answer(turn: Turn, aspect: str) -> Answer:
    """Answer `aspect` for the role(s) the user means, or ask which role they mean."""
    chosen = resolve_roles(turn, aspect)
    if isinstance(chosen, Answer):
        return chosen
    here = local.pay_here(turn, chosen[: explore.MAX_COMPARED]) if aspect == "pay" else None
    if here is not None:  # a place was named earlier ("I live in Ohio"): its figures
        return here
    if len(chosen) > 1 and aspect in ("pay", "outlook"):  # "who makes more, a welder or ...?"
        return explore.side_by_side(turn.knowledge, chosen[: explore.MAX_COMPARED])
    if len(chosen) == 1 and (
        (aspect == "certifications" and turn.asks("needed"))
        or (aspect == "education" and first_job.asks_if_credential_needed(turn))
    ):  # "do I need a certificate to be a welder?": yes / no / it depends first
        return first_job.certificate_needed(turn, turn.knowledge.roles[chosen[0]])
    return render(turn.knowledge, chosen, aspect)


def answer_for_intent(turn: Turn) -> Answer:
    """The role question the intent names ("ask_salary" -> pay); an overview otherwise."""
    return answer(turn, INTENT_ASPECTS.get(turn.intent, "overview"))


def render(k: Knowledge, role_ids: List[str], aspect: str) -> Answer:
    parts, sources = [], []
    for role_id in role_ids[:MAX_ROLES_PER_ANSWER]:
        text, used = _RENDERERS[aspect](k, k.roles[role_id])
        parts.append(text)
        sources += [s for s in used if s not in sources]
    last = role_ids[:MAX_ROLES_PER_ANSWER][-1]
    if aspect == "related":
        buttons = [Button(k.title(r), payload("ask_about", role=r)) for r in k.roles[last].related_roles[:3]]
    else:
        buttons = follow_ups(k, last, aspect)
    return Answer("\n\n".join(parts), buttons, sources, {"role": last, "last_aspect": aspect})


def resolve_roles(turn: Turn, aspect: str) -> Union[List[str], Answer]:
    """The roles a question is about: named now, or the one being discussed, else a question back."""
    links, k = turn.links, turn.knowledge
    named = [r for r in turn.mentioned("role") if r in k.roles]
    if named:
        return named
    if links.ids(OTHER):
        return scope.other_cluster(k, links.ids(OTHER)[0])
    if links.ambiguous:  # "automotive engineer": the engineers of that industry first
        group = _group_mentioned(turn)
        choices = list(links.ambiguous[0])
        if group:
            in_group = group[1]
            choices.sort(key=lambda r: r not in in_group)
        return ask_which(k, choices, aspect, "Which of these jobs do you mean?")
    group = _group_mentioned(turn)
    if group:
        name, role_ids = group
        return ask_which(k, role_ids, aspect, f"Which {name} job do you mean?")
    current = turn.slot("role")
    if turn.reading.unknown_jobs:
        return scope.unknown_role(k, current, aspect, turn.reading.closest)
    if current in k.roles:
        return [current]
    return ask_which(k, [r.id for r in k.kb.roles], aspect, "Which job would you like to know about?")


def _group_mentioned(turn: Turn) -> Union[Tuple[str, List[str]], None]:
    k = turn.knowledge
    sector = (turn.mentioned(SECTOR) or [None])[0]
    if sector in k.sectors:
        return k.sectors[sector].name.lower(), k.sectors[sector].roles
    pathway = (turn.mentioned(PATHWAY) or [None])[0]
    if pathway in k.pathways:
        return k.pathways[pathway].name, k.pathways[pathway].roles
    return None


def follow_ups(k: Knowledge, role_id: str, aspect: str, count: int = 3) -> List[Button]:
    others = [
        a for a in ("pay", "education", "outlook", "skills", "related", "certifications", "overview") if a != aspect
    ]
    return [Button(BUTTON_TITLES[a], payload(ASPECT_INTENTS[a], role=role_id)) for a in others[:count]]


def _group_note(role: Role) -> str:
    """Say which BLS group the figures describe when it is not the role itself."""
    if role.bls_group and normalise(role.bls_group) not in (normalise(role.title), normalise(role.title) + "s"):
        return f"\nThese numbers are for a wider BLS job group: \u201c{role.bls_group}\u201d."
    return ""


#: Tasks shown in a role's first answer; skills, pay and training are behind its buttons.
OVERVIEW_TASKS = 3


def _overview(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    pathway = k.pathways[role.pathway].name
    text = (
        f"{role.title}\n{role.summary}\n\nWhat they do:\n{bullets(role.tasks[:OVERVIEW_TASKS])}\n\n"
        f"Career pathway: {pathway}"
    )
    return text, list(role.sources)


def _pay(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    if not role.median_pay:
        return (
            f"{role.title}: I don't have a pay figure with a source for this job yet, so I won't guess. "
            f"You can check the BLS Occupational Outlook Handbook."
        ), []
    text = (
        f"{role.title}\n{pay_line(k.kb, role.median_pay)}\n"
        "Median means the middle: half of workers earn more and half earn less. "
        f"Pay depends on your experience, where you live and who you work for.{_group_note(role)}"
    )
    context, compared = figures.pay_context(k, role)  # what the number means (bot/answers/figures.py)
    return text + (f"\n{context}" if context else ""), [role.median_pay.source, *compared]


def _outlook(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    if not role.outlook:
        return f"{role.title}: I don't have a job outlook figure with a source for this job yet.", []
    change = role.outlook.percent_change
    trend = (
        "More jobs are expected."
        if change > 0
        else "Fewer jobs are expected."
        if change < 0
        else "About the same number of jobs is expected."
    )
    text = (
        f"{role.title}\n{outlook_line(k.kb, role.outlook)}\n"
        f"This is the expected change in the number of these jobs. {trend}{_group_note(role)}"
    )
    context, compared = figures.outlook_context(k, role)  # compared with all U.S. jobs
    return text + (f"\n{context}" if context else ""), [role.outlook.source, *compared]


def _education(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    edu = role.education
    where = f" {cite(k.kb, edu.source)}" if edu.source else ""
    text = f"{role.title}\nEducation to start: {edu.typical_entry}{where}\n\nWays to get there:\n{bullets(edu.routes)}"
    note = degree_note(" ".join([edu.typical_entry, *edu.routes]))
    if note:
        text += f"\n\n{note}"
    return text, [edu.source] if edu.source else []


def _skills(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    return f"Skills that help {a_an(in_sentence(role.title))}:\n{bullets(role.skills)}", list(role.sources)


def _certifications(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    if not role.certifications:
        return (
            f"{role.title}: no one certification is expected for this job. "
            "Employers mostly look at your training and experience."
        ), []
    items = [f"{c.name}, from {c.issuer}" for c in role.certifications]
    return (
        f"Certifications for {a_an(in_sentence(role.title))}:\n{bullets(items)}\n"
        "A certification shows employers that you have a skill."
    ), []


def _related(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    if not role.related_roles:
        return f"I don't have related jobs listed for {in_sentence(role.title)}.", []
    items = [_first_sentence(k.roles[r]) for r in role.related_roles]
    return f"Jobs related to being {a_an(in_sentence(role.title))}:\n{bullets(items)}", []


def _first_sentence(role: Role) -> str:
    """'Welders join metal parts with heat.': the summary's first sentence, which names the job;
    the title goes first when it does not ('Occupational health and safety specialist: Safety ...')."""
    sentence = role.summary.split(". ")[0].rstrip(".") + "."
    if normalise(sentence).startswith(normalise(role.title).split()[0]):
        return sentence
    return f"{role.title}: {sentence}"


_RENDERERS: Dict[str, Callable[[Knowledge, Role], Tuple[str, List[str]]]] = {
    "overview": _overview,
    "pay": _pay,
    "education": _education,
    "outlook": _outlook,
    "skills": _skills,
    "certifications": _certifications,
    "related": _related,
}


def named(turn: Turn) -> List[str]:
    """Known roles the message names (or a button gives)."""
    return [r for r in turn.mentioned("role") if r in turn.knowledge.roles]


def answer_named(turn: Turn, aspect: str = "overview") -> Union[Answer, None]:
    """When the intent picked a list or a topic but the message names a job: answer about that
    job, its pay when the words ask for pay ("median wage", "paycheck"). None if no job is named."""
    chosen = named(turn)
    if not chosen:
        return None
    if turn.asks("pay"):
        aspect = "pay"
        here = local.pay_here(turn, chosen[: explore.MAX_COMPARED])
        if here is not None:
            return here
    if len(chosen) > 1 and aspect in ("pay", "outlook"):
        return explore.side_by_side(turn.knowledge, chosen[: explore.MAX_COMPARED])
    return render(turn.knowledge, chosen, aspect)
