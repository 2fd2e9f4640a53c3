"""Leaving high school for work (#25): the jobs quickest to start without a degree, with a
first-steps plan; whether a job needs a certificate to get hired; apprenticeships.

Training times are BLS's typical on-the-job training per job (knowledge file, with the year of
the handbook edition they were read on); the plan is the knowledge file's `first_steps`.
Parents get answers about their child (bot/answers/audience.py). Worded in the conversation's
language (data/phrases/<lang>/leaving.yml).
"""

from __future__ import annotations

from typing import List, Optional

from bot.answers.audience import Reader, reader_of
from bot.answers.turn import Turn
from bot.knowledge.model import Certification, KnowledgeBase, Role, Training
from bot.phrases import say
from bot.render import (
    Answer,
    Button,
    a_an,
    bullets,
    cite,
    entry_level,
    fact_line,
    in_sentence,
    join_names,
    money,
    no_degree_button,
    pay_cite,
    payload,
)

#: BLS's training categories in plain words (bls_ep_education_categories), quickest first.
_TIME_PHRASES = {"short": "leaving.time_short", "moderate": "leaving.time_moderate", "long": "leaving.time_long"}
_ORDER = list(_TIME_PHRASES)
#: The same in English words ("a month or less").
TRAINING_TIME = {category: say("en", key) for category, key in _TIME_PHRASES.items()}


def no_degree_roles(kb: KnowledgeBase) -> List[Role]:
    return [r for r in kb.roles if entry_level(r) == 0]


def by_time_to_start(kb: KnowledgeBase) -> List[Role]:
    """No-degree jobs with a BLS training time, quickest first (higher pay first on a tie)."""
    timed = [r for r in no_degree_roles(kb) if r.on_the_job_training]
    return sorted(
        timed,
        key=lambda r: (
            _ORDER.index(r.on_the_job_training.category),  # type: ignore[union-attr]
            -(r.median_pay.annual_usd if r.median_pay else 0),
        ),
    )


def _time_line(kb: KnowledgeBase, role: Role, lang: str) -> str:
    ojt = role.on_the_job_training
    assert ojt is not None
    time = say(lang, _TIME_PHRASES[ojt.category])
    line = say(lang, "leaving.time_line", title=role.title, time=time, cite=cite(kb, ojt.source, str(ojt.year), lang))
    if role.median_pay:
        pay = role.median_pay
        line += say(lang, "leaving.time_pay", money=money(pay.annual_usd), cite=pay_cite(kb, pay, lang))
    return line


def _apprenticeship(kb: KnowledgeBase) -> Optional[Training]:
    return next((t for t in kb.training if t.id == "apprenticeship"), None)


def quick_start(turn: Turn) -> Answer:
    """'Quickest way to start earning?': no-degree jobs by time to start, then a short plan."""
    kb, lang = turn.kb, turn.language
    who = reader_of(turn.reading.family, lang)
    timed = by_time_to_start(kb)
    rest = [in_sentence(r.title) for r in no_degree_roles(kb) if r not in timed]
    lines = [
        who.phrase("leaving.quick_lead_student", "leaving.quick_lead_parent"),
        bullets(_time_line(kb, r, lang) for r in timed),
    ]
    if rest:
        lines.append(say(lang, "leaving.also_open", jobs=join_names(rest, lang)))
    steps = list(kb.leaving_school.first_steps)
    route = _apprenticeship(kb)
    if route and route.url:
        steps[-1] = f"{steps[-1].rstrip('.')}: {route.url}"
    lines += [who.phrase("leaving.steps_lead_student", "leaving.steps_lead_parent"), bullets(steps)]
    sources = list(dict.fromkeys(s for r in timed for s in _role_sources(r)))
    buttons = [
        Button(say(lang, "leaving.button_apprenticeships"), payload("ask_training", training="apprenticeship")),
        no_degree_button(lang),  # words the no-degree filter reads, in the conversation's language
        Button(say(lang, "leaving.button_safety"), payload("ask_safety")),
    ]
    return Answer("\n".join(lines), buttons, sources + ["bls_ep_education_categories"], {"last_aspect": "training"})


def _role_sources(role: Role) -> List[str]:
    ojt = [role.on_the_job_training.source] if role.on_the_job_training else []
    return ojt + ([role.median_pay.source] if role.median_pay else [])


def asks_if_credential_needed(turn: Turn) -> bool:
    """'Do I need a certification to become a welder?', whichever aspect the classifier chose
    (the cues `needed` and `credential`, data/lexicon/<lang>/cues.yml)."""
    return turn.asks("needed") and turn.asks("credential")


def certificate_needed(turn: Turn, role: Role) -> Answer:
    """'Do I need a certificate to get hired as X?': yes / no / it depends first, then the
    credentials, those to start with apart from those for later."""
    kb, lang = turn.kb, turn.language
    who = reader_of(turn.reading.family, lang)
    first = [c for c in role.certifications if c.stage in ("required", "first")]
    later = [c for c in role.certifications if c.stage == "later"]
    other = [c for c in role.certifications if c.stage is None]
    required = [c for c in role.certifications if c.stage == "required"]
    job = in_sentence(role.title)
    edu = role.education
    where = f" {cite(kb, edu.source, language=lang)}" if edu.source else ""
    fields = {"job": job, "a_job": a_an(job, lang), "entry": edu.typical_entry.lower(), "where": where}
    # Whether BLS gives one entry is read in English words ("Varies ...").
    varies = turn.knowledge.english.roles[role.id].education.typical_entry.lower().startswith("varies")
    if required:
        verdict = who.phrase("leaving.cert_required_student", "leaving.cert_required_parent", **fields)
    elif entry_level(role) > 0 and not varies:
        verdict = say(lang, "leaving.cert_degree", **fields)
    elif role.certifications:
        verdict = who.phrase("leaving.cert_depends_student", "leaving.cert_depends_parent", **fields)
    else:
        verdict = say(lang, "leaving.cert_none", **fields)
    parts = [verdict]
    if required:
        parts.append(_listed(lang, required))
        first = [c for c in first if c not in required]
    if first:
        parts.append(f"{say(lang, 'leaving.first_credentials')}\n{_listed(lang, first)}")
    if later:
        parts.append(f"{say(lang, 'leaving.later_credentials')}\n{_listed(lang, later)}")
    if other:
        title = "leaving.other_credentials" if (first or later or required) else "leaving.credentials"
        parts.append(f"{say(lang, title)}\n{_listed(lang, other)}")
    buttons = [
        Button(say(lang, "leaving.button_education"), payload("ask_education", role=role.id)),
        Button(say(lang, "leaving.button_pay"), payload("ask_pay", role=role.id)),
        Button(say(lang, "leaving.button_quick_start"), payload("ask_quick_start")),
    ]
    sources = [edu.source] if edu.source else []
    return Answer("\n".join(parts), buttons, sources, {"role": role.id, "last_aspect": "certifications"})


def _listed(lang: str, certifications: List[Certification]) -> str:
    return bullets(say(lang, "roles.certification_item", name=c.name, issuer=c.issuer) for c in certifications)


def apprenticeship(turn: Turn) -> Answer:
    """Apprenticeships: paid or not, how long, what you end up with, where to find one."""
    kb, k, lang = turn.kb, turn.knowledge, turn.language
    who = reader_of(turn.reading.family, lang)
    route = _apprenticeship(kb)
    if route is None:  # a knowledge file without the route: say so, and offer the others
        ways = Button(say(lang, "leaving.button_ways"), payload("ask_training"))
        return Answer(say(lang, "leaving.no_apprenticeship"), [ways])
    lines = [f"{route.name}{for_child(who)}\n{route.summary}"]
    lines += [fact_line(kb, f, lang) for f in route.facts]
    # Which jobs are learned this way is read in English words ("apprenticeship" in a route).
    english = k.english.kb.roles
    learned = [r.id for r in english if any("apprentice" in x.lower() for x in r.education.routes)]
    if learned:
        lines.append(
            say(lang, "leaving.apprentice_jobs", jobs=join_names([in_sentence(k.title(r)) for r in learned], lang))
        )
    if route.url:
        lines.append(say(lang, "leaving.find_one", url=route.url))
    buttons = [
        Button(say(lang, "leaving.button_quick_start"), payload("ask_quick_start")),
        Button(say(lang, "leaving.button_costs"), payload("ask_cost")),
        Button(say(lang, "leaving.button_counselor"), payload("ask_counselor")),
    ]
    sources = list(dict.fromkeys([f.source for f in route.facts] + list(route.sources)))
    return Answer("\n".join(lines), buttons, sources, {"last_aspect": "training"})


def for_child(who: Reader) -> str:
    """What follows a heading when a parent asks about their child (", for your daughter")."""
    return say(who.language, "leaving.for_child", child=who.child) if who.parent else ""
