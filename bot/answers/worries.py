"""Worries and feelings about school, money, family, math, the future: a short, kind reply
that connects to true facts from the knowledge file and to the school counselor.

The topic is picked from the words (data/lexicon/<language>/worries.yml: the first topic that
matches, in the English file's order, in any language); anything else gets the general reply.
The sentences are the phrasebook's "worries" book, so a Spanish conversation gets the same reply
in Spanish. Facts come from the knowledge file only (in the conversation's language, with the
English file's figures), and a figure always carries its source. Which jobs and skills are shown
is decided on the English texts, so both languages show the same ones.
Plain words on purpose: short sentences a 14-year-old reads easily.
"""

from __future__ import annotations

from typing import Callable, Dict, List, Tuple

from bot.answers.audience import Reader, reader_of
from bot.answers.counselor import school_contact
from bot.answers.turn import Turn
from bot.phrases import say
from bot.render import Answer, Button, bullets, cite, in_sentence, join_names, no_degree_button, payload
from bot.understanding.lexicon import LANGUAGES, fold, search, sections

VOCABULARY = "worries"
Reply = Tuple[str, List[Button], List[str]]


def topic_of(text: str) -> str:
    folded = fold(text or "")
    topics = sections(VOCABULARY, LANGUAGES[0])  # the English file says the order
    return next((t for t in topics if any(search(VOCABULARY, t, folded, lang) for lang in LANGUAGES)), "general")


def answer(turn: Turn) -> Answer:
    text, buttons, sources = _REPLIES[topic_of(turn.text)](turn)
    lang = turn.language
    return Answer(
        f"{text}\n\n{_counselor_line(turn)}",
        buttons + [Button(say(lang, "worries.button_counselor"), payload("ask_counselor"))],
        sources,
    )


def _reader(turn: Turn) -> Reader:
    return reader_of(turn.reading.family, turn.language)


def _counselor_line(turn: Turn) -> str:
    c, reader, lang = school_contact(turn.metadata), _reader(turn), turn.language
    together = (
        say(lang, "worries.together_parent", child=reader.child)
        if reader.parent
        else say(lang, "worries.together_student")
    )
    if not c.name and not c.email:
        line = say(lang, "worries.counselor_can_help", counselor=reader.counselor(), together=together)
        return line[0].upper() + line[1:]
    who = c.name or reader.counselor()
    if c.email:
        return say(lang, "worries.talk_with_email", who=who, email=c.email, together=together)
    return say(lang, "worries.talk_with", who=who, together=together)


def _training(turn: Turn, ident: str):
    return next((t for t in turn.kb.training if t.id == ident), None)


def _starts_after_high_school(turn: Turn) -> List[str]:
    """Ids of the jobs that start with a high school diploma, in the knowledge file's order."""
    english = turn.knowledge.english.kb
    return [r.id for r in english.roles if r.education.typical_entry.lower().startswith("high school")]


def _no_degree_jobs(turn: Turn, count: int = 4) -> str:
    titles = {r.id: r.title for r in turn.kb.roles}
    return join_names([in_sentence(titles[i]) for i in _starts_after_high_school(turn)[:count]], turn.language)


def _apprenticeship_line(turn: Turn) -> str:
    route = _training(turn, "apprenticeship")
    line = say(turn.language, "worries.apprenticeship")
    return f"{line} {say(turn.language, 'worries.find_one', url=route.url)}" if route and route.url else line


def _button(turn: Turn, key: str, intent: str, **entities: str) -> Button:
    return Button(say(turn.language, key), payload(intent, **entities))


def _family(turn: Turn) -> Reply:
    lang, reader = turn.language, _reader(turn)
    lines = [
        _apprenticeship_line(turn),
        say(lang, "worries.colleges"),
        say(lang, "worries.diploma_jobs", jobs=_no_degree_jobs(turn)),
    ]
    if reader.parent:  # a parent asking about their child's choice (#25)
        lead = say(lang, "worries.family_parent", child=reader.child)
    else:
        lead = say(lang, "worries.family_student")
    apprenticeships = _button(turn, "worries.button_apprenticeships", "ask_training", training="apprenticeship")
    return f"{lead}\n{bullets(lines)}", [apprenticeships, no_degree_button(turn.language)], []


def _cost(turn: Turn) -> Reply:
    lang = turn.language
    lines = [_apprenticeship_line(turn), say(lang, "worries.dual_enrollment"), say(lang, "worries.shorter_programs")]
    return (
        f"{say(lang, 'worries.cost_lead')}\n{bullets(lines)}",
        [
            _button(turn, "worries.button_apprenticeships", "ask_training", training="apprenticeship"),
            _button(turn, "worries.button_cte_dual", "ask_training", training="cte"),
        ],
        [],
    )


def _math(turn: Turn) -> Reply:
    # Jobs you can start after high school first: their math is the everyday, practical kind. The
    # skills are picked on the English words and shown in the conversation's (one for one).
    first = set(_starts_after_high_school(turn))
    english = sorted(turn.knowledge.english.kb.roles, key=lambda r: r.id not in first)
    shown = {r.id: r.skills for r in turn.kb.roles}
    picked = [shown[r.id][i] for r in english for i, s in enumerate(r.skills) if "math" in s.lower()]
    skills = list(dict.fromkeys(picked))
    lang = turn.language
    return (
        f"{say(lang, 'worries.math')}\n{say(lang, 'worries.math_skills')}\n{bullets(skills[:3])}",
        [
            _button(turn, "worries.button_machinist_skills", "ask_skills", role="machinist"),
            _button(turn, "worries.button_cte", "ask_training", training="cte"),
        ],
        [],
    )


def _girl(turn: Turn) -> Reply:
    lang, reader = turn.language, _reader(turn)
    gap = next((e for e in turn.kb.economy if e.id == "skills_gap"), None)
    fact = f"{gap.statement} {cite(turn.kb, gap.source, str(gap.year), lang)}" if gap else ""
    need = "\n" + say(lang, "worries.employers_need", fact=fact) if gap else ""
    if reader.parent:
        unfair = say(lang, "worries.unfair_parent", them=reader.them, their=reader.their)
    else:
        unfair = say(lang, "worries.unfair_student")
    text = f"{say(lang, 'worries.girl_open')}{need}\n{say(lang, 'worries.girl_try')} {unfair}"
    return (
        text,
        [
            _button(turn, "worries.button_student_groups", "ask_training", training="student_orgs"),
            Button(say(lang, "scope.button_jobs"), payload("ask_roles")),
        ],
        [gap.source] if gap else [],
    )


def _grades(turn: Turn) -> Reply:
    lang, reader = turn.language, _reader(turn)
    if reader.parent:
        decide = say(lang, "worries.grades_parent", they=reader.they)
    else:
        decide = say(lang, "worries.grades_student")
    strengths = say(lang, "worries.strengths_parent" if reader.parent else "worries.strengths_student")
    text = f"{decide} {say(lang, 'worries.grades_body', jobs=_no_degree_jobs(turn))} {strengths}"
    return (
        text,
        [no_degree_button(turn.language), _button(turn, "worries.button_cte", "ask_training", training="cte")],
        [],
    )


def _robots(turn: Turn) -> Reply:
    lang, inno = turn.language, turn.kb.innovation
    new = join_names([e.title.lower() for e in inno.emerging_roles], lang)
    text = say(lang, "worries.robots", summary=inno.summary) + (
        "\n" + say(lang, "worries.new_jobs", jobs=new) if new else ""
    )
    return (
        text,
        [
            _button(turn, "worries.button_automation", "ask_automation"),
            _button(turn, "worries.button_robotics", "ask_about", role="robotics_technician"),
        ],
        [],
    )


def _undecided(turn: Turn) -> Reply:
    lang = turn.language
    steps = [say(lang, "worries.try_finder"), say(lang, "worries.visit_plant"), say(lang, "worries.take_cte")]
    age = say(lang, "worries.age_parent" if _reader(turn).parent else "worries.age_student")
    return (
        f"{say(lang, 'worries.undecided', age=age)}\n{bullets(steps)}",
        [
            _button(turn, "worries.button_finder", "start_career_finder"),
            Button(say(lang, "scope.button_jobs"), payload("ask_roles")),
        ],
        [],
    )


def _safety(turn: Turn) -> Reply:
    lang = turn.language
    cert = next((t for t in turn.knowledge.english.kb.training if t.id == "certifications"), None)
    osha = [say(lang, "worries.osha")] if cert and "OSHA" in cert.summary else []
    text = " ".join([say(lang, "worries.safety_open"), *osha, say(lang, "worries.safety_job")])
    return (
        text,
        [
            _button(turn, "worries.button_safety_specialist", "ask_about", role="safety_specialist"),
            _button(turn, "worries.button_certifications", "ask_training", training="certifications"),
        ],
        [],
    )


def _general(turn: Turn) -> Reply:
    return (
        say(turn.language, "worries.general"),
        [
            _button(turn, "worries.button_finder", "start_career_finder"),
            _button(turn, "worries.button_get_started", "ask_training"),
        ],
        [],
    )


_REPLIES: Dict[str, Callable[[Turn], Reply]] = {
    "family": _family,
    "cost": _cost,
    "math": _math,
    "girl": _girl,
    "robots": _robots,
    "grades": _grades,
    "undecided": _undecided,
    "safety": _safety,
    "general": _general,
}
