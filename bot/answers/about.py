"""'Tell me about X' and 'what about X?': the kind of thing named decides the answer."""

from __future__ import annotations

from functools import lru_cache
from typing import Dict, Tuple

from bot.answers import cluster, explore, glossary, local, roles, scope, topics, work_safety
from bot.answers.turn import Turn
from bot.kinds import SUGGESTIONS
from bot.phrases import say
from bot.render import Answer, Button, payload
from bot.understanding.reading import ECONOMY, OTHER, PATHWAY, ROLE, SECTOR, TECHNOLOGY, TRAINING

#: Aspects that belong to the whole cluster rather than to one role.
_TOPIC_ANSWERS = {"economy": topics.economy, "automation": topics.automation, "training": topics.training}


def about(turn: Turn) -> Answer:
    """Describe whatever the message names first; with nothing named, the thing being discussed."""
    k = turn.knowledge
    for kind in (ROLE, SECTOR, PATHWAY):  # a button payload names exactly one thing
        given = turn.entities.get(kind)
        if given:
            return _describe(turn, kind, given)
    # "what's the paycheck like for a welder"; not "what does X do all day and do they get paid good"
    if roles.named(turn) and turn.asks("pay") and turn.reading.aspect in (None, "pay"):
        answer = roles.answer_named(turn)
        assert answer is not None  # a job is named
        return answer
    first = turn.links.mentions[0] if turn.links.mentions else None
    jobs = [m for m in turn.links.mentions if m.kind == ROLE]
    if jobs and turn.asks("asks_overview"):  # "she's into quality control. what does an inspector do?"
        first = jobs[0]
    if first:
        return _describe(turn, first.kind, first.id)
    if turn.links.ambiguous:
        return roles.ask_which(k, list(turn.links.ambiguous[0]), "overview", say(k.language, "roles.which_job"))
    if turn.reading.unknown_jobs:
        if turn.reading.closest:
            return scope.unknown_role(k, None, "overview", turn.reading.closest)
        return scope.explain(k, "scope.no_information")
    role = turn.slot("role")
    if role in k.roles:  # "and the paycheck?" about the job being discussed
        here = local.pay_here(turn, [role]) if turn.asks("pay") else None
        return here or roles.render(k, [role], "pay" if turn.asks("pay") else "overview")
    return cluster.describe_cluster(k)


def outside_scope(turn: Turn) -> Answer:
    """The classifier found the message off-topic; a job we know named in it still wins
    ("how much does a metallurgist make" is a question about materials engineers)."""
    if turn.links.ids(ROLE):
        return about(turn)
    return scope.out_of_scope(turn)


def what_about(turn: Turn) -> Answer:
    """Keep the question, change the subject: 'how much do machinists make?' ... 'what about welders?'"""
    aspect = turn.slot("last_aspect") or "overview"
    named_roles = [r for r in turn.mentioned(ROLE) if r in turn.knowledge.roles]
    if named_roles:
        if aspect == "safety":  # "and for welders?" after a safety answer: their risks
            return work_safety.safety(turn)
        if aspect in _TOPIC_ANSWERS or aspect not in roles.RENDERED_ASPECTS:
            aspect = "overview"
        if turn.asks("pay"):  # "and what's the paycheck like for welders?"
            aspect = "pay"
        here = local.pay_here(turn, named_roles[: explore.MAX_COMPARED]) if aspect == "pay" else None
        return here or roles.render(turn.knowledge, named_roles, aspect)
    if aspect in _TOPIC_ANSWERS and turn.links.mentions:
        return _TOPIC_ANSWERS[aspect](turn)
    return about(turn)


@lru_cache(maxsize=None)
def suggestions(language: str) -> Dict[str, Tuple[str, str]]:
    """What to offer when NLU is unsure: intent -> (button title, payload), the likeliest intents
    as buttons a student understands (bot/kinds.py), worded in `language`. A payload that is no
    "/intent" is typed words, said in the language too."""
    return {
        intent: (say(language, title), said if said.startswith("/") else say(language, said))
        for intent, (title, said) in SUGGESTIONS.items()
    }


def cluster_question(turn: Turn) -> Answer:
    """'What is manufacturing?' describes the cluster; a message that names something more
    specific ("the gdp thing for manufacturing") gets that instead."""
    if not turn.entities:  # "which sectors does the cluster include": the list asked for
        if turn.asks("list_sectors"):
            return cluster.sectors(turn)
        if turn.asks("list_pathways"):
            return cluster.pathways(turn)
        if turn.asks("list_jobs"):
            return cluster.roles_list(turn)
    if turn.reading.term:  # "what is advanced manufacturing": a definition
        return define(turn)
    if turn.links.mentions or turn.entities:
        return about(turn)
    return cluster.describe_cluster(turn.knowledge)


def define(turn: Turn) -> Answer:
    """'What does X mean?': the term's definition (bot/answers/glossary.py); a role or topic named
    instead of a term gets its description, a misread question the unsure answer."""
    k = turn.knowledge
    term = next((t for t in k.kb.glossary if t.id == turn.reading.term), None)
    if term is not None and turn.asks("pay") and not turn.asks("word_meaning"):
        named = roles.answer_named(turn)  # "what's the median pay for quality control inspectors": their pay
        if named is not None:
            return named
    if term is None:
        if turn.links.mentions or turn.entities:
            return about(turn)
        if not turn.asks("meaning"):  # "what jobs don't need a degree": not a definition
            return low_confidence(turn)
        return glossary.not_in_list(k)
    return glossary.definition(k, term)


def what_next(turn: Turn) -> Answer:
    """A plain yes or no with no question before it: what the student could ask next."""
    lang = turn.language
    buttons = [
        Button(say(lang, "scope.button_jobs"), payload("ask_roles")),
        Button(say(lang, "scope.button_no_degree"), payload("explore_roles")),
        Button(say(lang, "scope.button_get_started"), payload("ask_training")),
    ]
    return Answer(say(lang, "scope.what_next"), buttons)


def low_confidence(turn: Turn) -> Answer:
    """NLU was unsure. A named thing is described; otherwise the first miss offers the two or
    three likeliest topics, and a second miss in a row says plainly what the assistant covers.
    Never guesses a role: only pay "of that job" goes to the job being discussed."""
    if turn.links.mentions or turn.entities:
        return about(turn)
    current = turn.slot("role")
    if (
        current in turn.knowledge.roles
        and turn.asks("pay")
        and turn.asks("that_job")
        and not turn.reading.unknown_jobs
        and not turn.links.ambiguous
    ):
        return roles.render(turn.knowledge, [current], "pay")  # "how much money is that job"
    if turn.previous_intent == "nlu_fallback":
        return scope.explain(turn.knowledge, "scope.still_not_understood")
    offered = suggestions(turn.language)
    options = [offered[r["name"]] for r in turn.intent_ranking if r.get("name") in offered]
    options = list(dict.fromkeys(options))[:3]
    if not options:
        return scope.explain(turn.knowledge)
    return Answer(say(turn.language, "scope.not_sure"), [Button(title, said) for title, said in options])


def _describe(turn: Turn, kind: str, ident: str) -> Answer:
    k = turn.knowledge
    if kind == ROLE and ident in k.roles:
        return roles.render(k, [ident], "overview")
    if kind == SECTOR and ident in k.sectors:
        return cluster.describe_sector(k, k.sectors[ident])
    if kind == PATHWAY and ident in k.pathways:
        return cluster.describe_pathway(k, k.pathways[ident])
    if kind == OTHER:
        return scope.other_cluster(k, ident)
    if kind == ECONOMY:
        return topics.economy(turn)
    if kind == TECHNOLOGY:
        return topics.automation(turn)
    if kind == TRAINING:
        return topics.training(turn)
    return scope.explain(k)
