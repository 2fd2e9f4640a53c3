"""Answers about one role: overview, pay, education, skills, outlook, certifications, related roles."""

from __future__ import annotations

from typing import Callable, Dict, List, Optional, Tuple, Union

from bot.answers import explore, figures, first_job, local, scope
from bot.answers.aspects import ASPECT_INTENTS, BUTTON_TITLES, INTENT_ASPECTS, button_title  # noqa: F401 (re-exported)
from bot.answers.choices import ask_which
from bot.answers.loaded_knowledge import Knowledge
from bot.answers.turn import Turn
from bot.knowledge.model import Role
from bot.phrases import say
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
    current = turn.slot("role")
    sibling = _sibling(k, current, links.ambiguous[0]) if links.ambiguous and current in k.roles else None
    if sibling:  # "the tech one" after the mechanical engineer: the mechanical engineering technician
        return [sibling]
    if links.ambiguous:  # "automotive engineer": the engineers of that industry first
        group = _group_mentioned(turn)
        choices = list(links.ambiguous[0])
        if group:
            in_group = group[1]
            choices.sort(key=lambda r: r not in in_group)
        return ask_which(k, choices, aspect, say(k.language, "roles.which_job"))
    group = _group_mentioned(turn)
    if group:
        name, role_ids = group
        return ask_which(k, role_ids, aspect, say(k.language, "roles.which_group_job", group=name))
    if turn.reading.unknown_jobs:
        return scope.unknown_role(k, current, aspect, turn.reading.closest)
    if current in k.roles:
        return [current]
    return ask_which(k, [r.id for r in k.kb.roles], aspect, say(k.language, "roles.which_job_at_all"))


def _sibling(k: Knowledge, current: str, choices) -> Optional[str]:
    """The one choice of a bare job word ("technician", "engineer") whose title shares the
    field word of the job being discussed ("mechanical" engineer -> mechanical engineering
    technician), or None when none or several do."""
    field = normalise(k.roles[current].title).split()[0]
    same = [r for r in choices if r != current and normalise(k.roles[r].title).startswith(field[:5])]
    return same[0] if len(same) == 1 else None


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
    return [Button(button_title(k.language, a), payload(ASPECT_INTENTS[a], role=role_id)) for a in others[:count]]


def _group_note(k: Knowledge, role: Role) -> str:
    """Say which BLS group the figures describe when it is not the role itself (the group's
    name is BLS's, in English; it is compared with the English title)."""
    title = normalise(k.english.roles[role.id].title)
    if role.bls_group and normalise(role.bls_group) not in (title, title + "s"):
        return "\n" + say(k.language, "roles.group_note", group=role.bls_group)
    return ""


#: Tasks shown in a role's first answer; skills, pay and training are behind its buttons.
OVERVIEW_TASKS = 3


def _overview(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    pathway = k.pathways[role.pathway].name
    text = say(
        k.language,
        "roles.overview",
        title=role.title,
        summary=role.summary,
        tasks=bullets(role.tasks[:OVERVIEW_TASKS]),
        pathway=pathway,
    )
    return text, list(role.sources)


def _pay(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    if not role.median_pay:
        return say(k.language, "roles.pay_missing", title=role.title), []
    line = pay_line(k.kb, role.median_pay, k.language)
    text = say(k.language, "roles.pay", title=role.title, pay_line=line) + _group_note(k, role)
    context, compared = figures.pay_context(k, role)  # what the number means (bot/answers/figures.py)
    return text + (f"\n{context}" if context else ""), [role.median_pay.source, *compared]


def _outlook(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    if not role.outlook:
        return say(k.language, "roles.outlook_missing", title=role.title), []
    change = role.outlook.percent_change
    trend = say(
        k.language, "roles.more_jobs" if change > 0 else "roles.fewer_jobs" if change < 0 else "roles.same_jobs"
    )
    line = outlook_line(k.kb, role.outlook, k.language)
    text = say(k.language, "roles.outlook", title=role.title, outlook_line=line, trend=trend) + _group_note(k, role)
    context, compared = figures.outlook_context(k, role)  # compared with all U.S. jobs
    return text + (f"\n{context}" if context else ""), [role.outlook.source, *compared]


def _education(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    edu = role.education
    where = f" {cite(k.kb, edu.source, language=k.language)}" if edu.source else ""
    text = say(
        k.language,
        "roles.education",
        title=role.title,
        entry=edu.typical_entry,
        where=where,
        routes=bullets(edu.routes),
    )
    note = degree_note(" ".join([edu.typical_entry, *edu.routes]), k.language)
    if note:
        text += f"\n\n{note}"
    return text, [edu.source] if edu.source else []


def _skills(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    a_job = a_an(in_sentence(role.title), k.language)
    return say(k.language, "roles.skills", a_job=a_job, skills=bullets(role.skills)), list(role.sources)


def _certifications(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    if not role.certifications:
        return say(k.language, "roles.no_certification", title=role.title), []
    items = [say(k.language, "roles.certification_item", name=c.name, issuer=c.issuer) for c in role.certifications]
    a_job = a_an(in_sentence(role.title), k.language)
    return say(k.language, "roles.certifications", a_job=a_job, items=bullets(items)), []


def _related(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    if not role.related_roles:
        return say(k.language, "roles.no_related", job=in_sentence(role.title)), []
    items = [_first_sentence(k.roles[r]) for r in role.related_roles]
    return say(k.language, "roles.related", a_job=a_an(in_sentence(role.title), k.language), items=bullets(items)), []


def _first_sentence(role: Role) -> str:
    """'Welders join metal parts with heat.': the summary's first sentence, which names the job
    (in its first two words: "Los soldadores unen..."); the title goes first when it does not
    ('Occupational health and safety specialist: Safety ...')."""
    sentence = role.summary.split(". ")[0].rstrip(".") + "."
    stem = normalise(role.title).split()[0][:5]
    if any(word.startswith(stem) for word in normalise(sentence).split()[:2]):
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
#: The aspects a role's own answer writes (safety is answered by bot/answers/work_safety.py).
RENDERED_ASPECTS = frozenset(_RENDERERS)


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
