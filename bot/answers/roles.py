"""Answers about one role: overview, pay, education, skills, outlook, certifications, related roles."""
from __future__ import annotations

from typing import Callable, Dict, List, Tuple, Union

from bot.answers.context import Knowledge
from bot.answers.turn import Turn
from bot.answers import explore, scope
from bot.answers.aspects import ASPECT_INTENTS, BUTTON_TITLES, INTENT_ASPECTS  # noqa: F401 (re-exported)
from bot.knowledge.model import Role
from bot.linking import OTHER, PATHWAY, SECTOR
from bot.render import Answer, Button, bullets, cite, outlook_line, pay_line, payload
from bot.text import normalise

MAX_ROLES_PER_ANSWER = 3


def answer(turn: Turn, aspect: str) -> Answer:
    """Answer `aspect` for the role(s) the user means, or ask which role they mean."""
    chosen = resolve_roles(turn, aspect)
    if isinstance(chosen, Answer):
        return chosen
    if len(chosen) > 1 and aspect in ("pay", "outlook"):  # "who makes more, a welder or ...?"
        return explore.side_by_side(turn.knowledge, chosen[:explore.MAX_COMPARED])
    return render(turn.knowledge, chosen, aspect)


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
    named = turn.mentioned("role")
    if named:
        return named
    links, k = turn.links, turn.knowledge
    if links.ids(OTHER):
        return scope.other_cluster(k, links.ids(OTHER)[0])
    if links.ambiguous:
        return ask_which(k, list(links.ambiguous[0]), aspect, "Which of these jobs do you mean?")
    group = _group_mentioned(turn)
    if group:
        name, role_ids = group
        return ask_which(k, role_ids, aspect, f"Which {name} job do you mean?")
    current = turn.slot("role")
    if links.unknown_words:
        return scope.unknown_role(k, current, aspect)
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


def ask_which(k: Knowledge, role_ids: List[str], aspect: str, question: str, limit: int = 6) -> Answer:
    intent = ASPECT_INTENTS[aspect]
    buttons = [Button(k.title(r), payload(intent, role=r)) for r in role_ids[:limit]]
    if len(role_ids) > limit:
        buttons.append(Button("All roles", payload("ask_roles")))
    return Answer(question, buttons, slots={"last_aspect": aspect})


def follow_ups(k: Knowledge, role_id: str, aspect: str, count: int = 3) -> List[Button]:
    others = [a for a in ("pay", "education", "outlook", "skills", "related", "certifications", "overview")
              if a != aspect]
    return [Button(BUTTON_TITLES[a], payload(ASPECT_INTENTS[a], role=role_id)) for a in others[:count]]


def _group_note(role: Role) -> str:
    """Say which BLS group the figures describe when it is not the role itself."""
    if role.bls_group and normalise(role.bls_group) not in (normalise(role.title), normalise(role.title) + "s"):
        return f"\nThese figures are for the BLS occupation group \u201c{role.bls_group}\u201d."
    return ""


def _overview(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    pathway = k.pathways[role.pathway].name
    text = (f"{role.title}\n{role.summary}\n\nTypical tasks:\n{bullets(role.tasks[:5])}\n\n"
            f"Pathway: {pathway}")
    return text, list(role.sources)


def _pay(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    if not role.median_pay:
        return (f"{role.title}: I don't have a sourced pay figure for this job yet, so I won't guess. "
                f"BLS's Occupational Outlook Handbook is a good place to check."), []
    text = (f"{role.title}\n{pay_line(k.kb, role.median_pay)}\n"
            "Median means half of workers earn more and half earn less; pay varies with "
            f"experience, region and employer.{_group_note(role)}")
    return text, [role.median_pay.source]


def _outlook(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    if not role.outlook:
        return f"{role.title}: I don't have a sourced job-outlook figure for this job yet.", []
    text = (f"{role.title}\n{outlook_line(k.kb, role.outlook)}\n"
            f"That is the projected change in the number of jobs.{_group_note(role)}")
    return text, [role.outlook.source]


def _education(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    edu = role.education
    where = f" {cite(k.kb, edu.source)}" if edu.source else ""
    text = f"{role.title}\nTypical entry: {edu.typical_entry}{where}\n\nWays in:\n{bullets(edu.routes)}"
    return text, [edu.source] if edu.source else []


def _skills(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    return f"Skills that help a {role.title.lower()}:\n{bullets(role.skills)}", list(role.sources)


def _certifications(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    if not role.certifications:
        return (f"{role.title}: no single certification is expected for this job; "
                "employers mostly look at training and experience."), []
    items = [f"{c.name} ({c.issuer})" for c in role.certifications]
    return f"Certifications for a {role.title.lower()}:\n{bullets(items)}", []


def _related(k: Knowledge, role: Role) -> Tuple[str, List[str]]:
    if not role.related_roles:
        return f"I don't have related roles listed for {role.title.lower()}.", []
    items = [f"{k.title(r)}: {k.roles[r].summary.split('. ')[0].rstrip('.')}." for r in role.related_roles]
    return f"Jobs related to {role.title.lower()}:\n{bullets(items)}", []


_RENDERERS: Dict[str, Callable[[Knowledge, Role], Tuple[str, List[str]]]] = {
    "overview": _overview, "pay": _pay, "education": _education, "outlook": _outlook,
    "skills": _skills, "certifications": _certifications, "related": _related,
}
