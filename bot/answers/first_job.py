"""Leaving high school for work (#25): the jobs quickest to start without a degree, with a
first-steps plan; whether a job needs a certificate to get hired; apprenticeships.

Training times are BLS's typical on-the-job training per job (knowledge file, with the year of
the handbook edition they were read on); the plan is the knowledge file's `first_steps`.
Parents get answers about their child (bot/answers/audience.py).
"""

from __future__ import annotations

from typing import List, Optional

from bot.answers.audience import Reader, reader_of
from bot.answers.turn import Turn
from bot.knowledge.model import KnowledgeBase, Role, Training
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
    pay_cite,
    payload,
)

#: BLS's training categories in plain words (bls_ep_education_categories), quickest first.
TRAINING_TIME = {
    "short": "a month or less",
    "moderate": "1 to 12 months",
    "long": "more than a year",
}
_ORDER = list(TRAINING_TIME)
_NO_DEGREE = Button("Jobs without a degree", "jobs without a college degree")


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


def _time_line(kb: KnowledgeBase, role: Role) -> str:
    ojt = role.on_the_job_training
    assert ojt is not None
    line = f"{role.title}: {TRAINING_TIME[ojt.category]} of training on the job {cite(kb, ojt.source, str(ojt.year))}"
    if role.median_pay:
        line += f"; median pay {money(role.median_pay.annual_usd)} a year {pay_cite(kb, role.median_pay)}"
    return line


def _apprenticeship(kb: KnowledgeBase) -> Optional[Training]:
    return next((t for t in kb.training if t.id == "apprenticeship"), None)


def quick_start(turn: Turn) -> Answer:
    """'Quickest way to start earning?': no-degree jobs by time to start, then a short plan."""
    kb = turn.kb
    who = reader_of(turn.reading.family)
    timed = by_time_to_start(kb)
    rest = [in_sentence(r.title) for r in no_degree_roles(kb) if r not in timed]
    subject = "you" if not who.parent else who.child
    lines = [
        f"Jobs {subject} can start with a high school diploma, quickest to learn first:",
        bullets(_time_line(kb, r) for r in timed),
    ]
    if rest:
        lines.append(f"Also open without a college degree: {join_names(rest)}.")
    steps = list(kb.leaving_school.first_steps)
    route = _apprenticeship(kb)
    if route and route.url:
        steps[-1] = f"{steps[-1].rstrip('.')}: {route.url}"
    lead = "First steps:" if not who.parent else f"First steps {who.child} can take:"
    lines += [lead, bullets(steps)]
    sources = list(dict.fromkeys(s for r in timed for s in _role_sources(r)))
    buttons = [
        Button("Apprenticeships", payload("ask_training", training="apprenticeship")),
        _NO_DEGREE,
        Button("Safety at work", payload("ask_safety")),
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
    kb = turn.kb
    who = reader_of(turn.reading.family)
    first = [c for c in role.certifications if c.stage in ("required", "first")]
    later = [c for c in role.certifications if c.stage == "later"]
    other = [c for c in role.certifications if c.stage is None]
    required = [c for c in role.certifications if c.stage == "required"]
    job = in_sentence(role.title)
    edu = role.education
    where = f" {cite(kb, edu.source)}" if edu.source else ""
    if required:
        verdict = f"Yes. To work as {a_an(job)}, {who.they} must have this first:"
    elif entry_level(role) > 0 and not edu.typical_entry.lower().startswith("varies"):
        verdict = (
            f"Not a certificate, but a degree: most {job}s start with this education: "
            f"{edu.typical_entry.lower()}{where}. Certifications come later."
        )
    elif role.certifications:
        verdict = (
            f"It depends on the employer. Most {job}s start with: {edu.typical_entry.lower()}{where}. "
            f"A credential is not always asked for, but it shows an employer what {who.they} can do."
        )
    else:
        verdict = (
            f"No. No one certification is expected for this job. Most {job}s start with: "
            f"{edu.typical_entry.lower()}{where}."
        )
    parts = [verdict]
    if required:
        parts.append(bullets(f"{c.name}, from {c.issuer}" for c in required))
        first = [c for c in first if c not in required]
    if first:
        parts.append("Good ones to start with:\n" + bullets(f"{c.name}, from {c.issuer}" for c in first))
    if later:
        parts.append("Later, with experience:\n" + bullets(f"{c.name}, from {c.issuer}" for c in later))
    if other:
        title = "Other credentials in this job:" if (first or later or required) else "Credentials in this job:"
        parts.append(title + "\n" + bullets(f"{c.name}, from {c.issuer}" for c in other))
    buttons = [
        Button("Education needed", payload("ask_education", role=role.id)),
        Button("Pay", payload("ask_pay", role=role.id)),
        Button("Quickest jobs to start", payload("ask_quick_start")),
    ]
    sources = [edu.source] if edu.source else []
    return Answer("\n".join(parts), buttons, sources, {"role": role.id, "last_aspect": "certifications"})


def apprenticeship(turn: Turn) -> Answer:
    """Apprenticeships: paid or not, how long, what you end up with, where to find one."""
    kb = turn.kb
    who = reader_of(turn.reading.family)
    route = _apprenticeship(kb)
    if route is None:  # a knowledge file without the route: say so, and offer the others
        return Answer("I have no facts about apprenticeships yet.", [Button("Ways to start", payload("ask_training"))])
    lines = [f"{route.name}{_for(who)}\n{route.summary}"]
    lines += [fact_line(kb, f) for f in route.facts]
    trades = [in_sentence(r.title) for r in kb.roles if any("apprentice" in x.lower() for x in r.education.routes)]
    if trades:
        lines.append(f"Jobs you can learn this way: {join_names(trades)}.")
    if route.url:
        lines.append(f"Find one near you: {route.url}")
    buttons = [
        Button("Quickest jobs to start", payload("ask_quick_start")),
        Button("What training costs", payload("ask_cost")),
        Button("Talk to a counselor", payload("ask_counselor")),
    ]
    sources = list(dict.fromkeys([f.source for f in route.facts] + list(route.sources)))
    return Answer("\n".join(lines), buttons, sources, {"last_aspect": "training"})


def _for(who: Reader) -> str:
    return "" if not who.parent else f", for {who.child}"
