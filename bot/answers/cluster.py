"""Answers about the cluster, its pathways, its sectors and its list of roles."""

from __future__ import annotations

from bot.answers import explore, roles
from bot.answers.loaded_knowledge import Knowledge
from bot.knowledge.model import Pathway, Sector
from bot.phrases import say
from bot.render import Answer, Button, bullets, fact_line, in_sentence, join_names, payload


def describe_cluster(k: Knowledge) -> Answer:
    c, lang = k.kb.cluster, k.language
    names = [p.name for p in k.kb.pathways]
    text = say(lang, "cluster.cluster", name=c.name, summary=c.summary, count=len(names), pathways=bullets(names))
    if c.framework_note:
        text += f"\n\n{c.framework_note}"
    buttons = [
        Button(say(lang, "cluster.button_pathways"), payload("ask_pathways")),
        Button(say(lang, "cluster.button_industries"), payload("ask_sectors")),
        Button(say(lang, "cluster.button_jobs"), payload("ask_roles")),
    ]
    return Answer(text, buttons, list(c.sources))


def list_pathways(k: Knowledge) -> Answer:
    items = [f"{p.name}: {p.summary}" for p in k.kb.pathways]
    buttons = [Button(p.name, payload("ask_about", pathway=p.id)) for p in k.kb.pathways[:6]]
    text = say(k.language, "cluster.pathways", count=len(items), pathways=bullets(items))
    return Answer(text, buttons, list(k.kb.cluster.sources))


def describe_pathway(k: Knowledge, pathway: Pathway) -> Answer:
    titles = [k.title(r) for r in pathway.roles]
    text = say(k.language, "cluster.pathway", name=pathway.name, summary=pathway.summary, jobs=bullets(titles))
    buttons = [Button(k.title(r), payload("ask_about", role=r)) for r in pathway.roles[:3]]
    return Answer(text, buttons, list(k.kb.cluster.sources), {"pathway": pathway.id, "last_aspect": "overview"})


def list_sectors(k: Knowledge) -> Answer:
    items = [f"{s.name}: {s.summary.split('. ')[0].rstrip('.')}." for s in k.kb.sectors]
    buttons = [Button(s.name, payload("ask_about", sector=s.id)) for s in k.kb.sectors[:5]]
    return Answer(say(k.language, "cluster.sectors", sectors=bullets(items)), buttons)


#: Jobs named in an industry's description; the rest are one button away.
SECTOR_JOBS_NAMED = 6


def describe_sector(k: Knowledge, sector: Sector) -> Answer:
    lang = k.language
    named = [k.title(r) for r in sector.roles[:SECTOR_JOBS_NAMED]]
    rest = len(sector.roles) - len(named)
    products, jobs = join_names(sector.products, lang), join_names(named, lang)
    text = say(lang, "cluster.sector", name=sector.name, summary=sector.summary, products=products, jobs=jobs)
    text += say(lang, "cluster.sector_more", count=rest) if rest else "."
    if sector.facts:
        text += "\n\n" + "\n".join(fact_line(k.kb, f, lang) for f in sector.facts)
    else:
        text += "\n\n" + say(lang, "cluster.sector_no_figure")
    buttons = [Button(k.title(r), payload("ask_about", role=r)) for r in sector.roles[:3]]
    if rest:
        more = say(lang, "cluster.button_all_jobs", count=len(sector.roles))
        buttons.append(Button(more, payload("explore_roles", sector=sector.id)))
    # The job discussed before is forgotten: "what jobs are there" now means this industry's.
    slots = {"sector": sector.id, "role": None, "last_aspect": "overview"}
    return Answer(text, buttons, [f.source for f in sector.facts], slots)


def list_roles(k: Knowledge) -> Answer:
    lines = [f"{p.name}: {join_names([k.title(r) for r in p.roles], k.language)}" for p in k.kb.pathways]
    buttons = [Button(r.title, payload("ask_about", role=r.id)) for r in k.kb.roles[:5]]
    return Answer(say(k.language, "cluster.roles", lines=bullets(lines)), buttons)


def pathways(turn) -> Answer:
    """'What pathways are there?', or one pathway when the message names it, or the pathway of
    the job it names ("what pathway is welding in")."""
    k = turn.knowledge
    named = [p for p in turn.mentioned("pathway") if p in k.pathways]
    if not named:
        named = [k.roles[r].pathway for r in roles.named(turn) if k.roles[r].pathway in k.pathways]
        if named and turn.asks("pay"):
            answer = roles.answer_named(turn)
            assert answer is not None  # a job is named
            return answer
    return describe_pathway(k, k.pathways[named[0]]) if named else list_pathways(k)


def sectors(turn) -> Answer:
    """'Which industries?', or one industry when the message names it. A message that names a
    job instead is about that job ("how much does an industrial engineering technician make"):
    its pay when asked, else the industries it works in. A list only when nothing is named."""
    k = turn.knowledge
    named = [s for s in turn.mentioned("sector") if s in k.sectors]
    if named:
        return describe_sector(k, k.sectors[named[0]])
    jobs = roles.named(turn)
    # "where" read outside the names: "industrial" in a title asks nothing.
    if jobs and "where" in turn.reading.cues_outside_names and not turn.asks("pay"):
        return sectors_of_role(k, jobs[0])  # "what industries hire welders"
    if jobs:
        answer = roles.answer_named(turn)
        assert answer is not None  # a job is named
        return answer
    pathway = next((p for p in turn.mentioned("pathway") if p in k.pathways), None)
    if pathway:
        return describe_pathway(k, k.pathways[pathway])
    return list_sectors(k)


def sectors_of_role(k: Knowledge, role_id: str) -> Answer:
    role = k.roles[role_id]
    where = [k.sectors[s] for s in role.sectors if s in k.sectors] or [s for s in k.kb.sectors if role_id in s.roles]
    if not where:
        return list_sectors(k)
    lang = k.language
    text = say(lang, "cluster.role_sectors", title=role.title, sectors=join_names([s.name for s in where], lang))
    buttons = [Button(s.name, payload("ask_about", sector=s.id)) for s in where[:3]]
    about = say(lang, "cluster.button_about", job=in_sentence(role.title))
    buttons.append(Button(about, payload("ask_about", role=role_id)))
    return Answer(text, buttons, slots={"role": role_id, "last_aspect": "overview"})


def roles_list(turn) -> Answer:
    """'What jobs are there?': all jobs, or the jobs of the industry or pathway the message names
    ("what jobs are there in electronics manufacturing"), or the job it names."""
    k = turn.knowledge
    if any(s in k.sectors for s in turn.mentioned("sector")) or any(p in k.pathways for p in turn.mentioned("pathway")):
        return explore.explore(turn)
    if explore.in_discussed_industry(turn) is not turn:  # "what jobs are there" after an industry
        return explore.explore(turn)
    return roles.answer_named(turn) or list_roles(k)
