"""Worries and feelings about school, money, family, math, the future: a short, kind reply
that connects to true facts from the knowledge file and to the school counselor.

The topic is picked from the words (first match in `TOPICS`); anything else gets the general
reply. Facts come from the knowledge file only, and a figure always carries its source.
Plain words on purpose: short sentences a 14-year-old reads easily.
"""

from __future__ import annotations

import re
from typing import Callable, Dict, List, Tuple

from bot.answers.audience import reader_of
from bot.answers.counselor import school_contact
from bot.answers.turn import Turn
from bot.render import Answer, Button, bullets, cite, in_sentence, join_names, payload

#: Topic -> the words that point to it, checked in this order ("my parents say college costs
#: too much" is about family first).
TOPICS: List[Tuple[str, re.Pattern]] = [
    (name, re.compile(words, re.IGNORECASE))
    for name, words in [
        ("family", r"\b(parents?|mom|mum|mother|dad|father|family|grand(ma|pa|parents?)|step\w+|expect\w*)\b"),
        ("cost", r"\b(afford|cost\w*|expensive|money|loans?|debt|tuition|broke|poor|pay\s+for\s+(college|school))\b"),
        ("math", r"\b(math\w*|algebra|geometry|calculus|numbers)\b"),
        ("girl", r"\b(girls?|wom[ae]n|female|gender|sexis\w*|guys)\b"),
        ("robots", r"\b(robots?|automat\w*|ai|machines\s+(will\s+)?(take|replace))\b"),
        (
            "grades",
            r"\b(grades?|gpa|fail\w*|smart|dumb|stupid|good\s+student|learning\s+disabilit\w*|"
            r"report\s+card|test\s+scores?|behind)\b",
        ),
        (
            "undecided",
            r"\b(don'?t\s+know\s+what|no\s+idea|not\s+sure\s+what|confus\w*|decid\w*|choos\w*|"
            r"choice|pick\w*|figure\s+(it\s+)?out|lost)\b",
        ),
        ("safety", r"\b(hurt|injur\w*|dangerous|accidents?|safe|safety)\b"),
    ]
]


def topic_of(text: str) -> str:
    text = (text or "").replace("’", "'")
    return next((name for name, words in TOPICS if words.search(text)), "general")


#: Ends a worry that sounded like distress to the classifier (bot/understanding/verdict.py): kind to
#: a worry, and still a way to get help if it was more.
SAFETY_NET = (
    "If it ever feels like more than stress, or you don't feel safe, you can call or text 988 any time, day or night."
)


def answer(turn: Turn) -> Answer:
    topic = topic_of(turn.text)
    text, buttons, sources = _REPLIES[topic](turn)
    return Answer(
        f"{text}\n\n{_counselor_line(turn)}",
        buttons + [Button("Talk to a counselor", payload("ask_counselor"))],
        sources,
    )


def _counselor_line(turn: Turn) -> str:
    c = school_contact(turn.metadata)
    reader = reader_of(turn.reading.family)
    together = "you make a plan" if not reader.parent else f"you and {reader.child} make a plan"
    if not c.name and not c.email:
        return f"{reader.counselor()[0].upper()}{reader.counselor()[1:]} can help {together}, too."
    who = c.name or reader.counselor()
    how = f", email {c.email}" if c.email else ""
    return f"You can talk about it with {who}{how}. They can help {together}."


def _training(turn: Turn, ident: str):
    return next((t for t in turn.kb.training if t.id == ident), None)


def _no_degree_jobs(turn: Turn, count: int = 4) -> str:
    titles = [
        in_sentence(r.title) for r in turn.kb.roles if r.education.typical_entry.lower().startswith("high school")
    ]
    return join_names(titles[:count])


def _apprenticeship_line(turn: Turn) -> str:
    route = _training(turn, "apprenticeship")
    more = f" Find one at {route.url}" if route and route.url else ""
    return (
        "Registered apprenticeships are paid jobs with training. You learn from skilled workers, "
        f"take classes, and finish with a credential that counts across the country.{more}"
    )


_NO_DEGREE = Button("Jobs without a degree", "jobs without a college degree")


def _family(turn: Turn):
    lines = [
        _apprenticeship_line(turn),
        "Community and technical colleges have one- and two-year programs. Their credits can often "
        "move to a bachelor's degree later. So hands-on work does not close the door to college.",
        f"Many jobs start with a high school diploma and training, like {_no_degree_jobs(turn)}.",
    ]
    reader = reader_of(turn.reading.family)
    if reader.parent:  # a parent asking about their child's choice (#25)
        text = (
            f"It's natural to want the best for {reader.child}. Hands-on paths can lead to good jobs, "
            f"and they keep college open. Facts you can look at together:\n{bullets(lines)}"
        )
    else:
        text = (
            "It's hard when your family hopes for one path and you want another. Their worry often comes "
            f"from caring about you. Here are facts you can share with them:\n{bullets(lines)}"
        )
    return text, [Button("Apprenticeships", payload("ask_training", training="apprenticeship")), _NO_DEGREE], []


def _cost(turn: Turn):
    lines = [
        _apprenticeship_line(turn),
        "Dual enrollment lets you earn college credit or an industry credential while still in high school.",
        "Community and technical colleges offer shorter programs of one or two years.",
    ]
    text = f"Money worries are real. There are ways in that don't start with big loans:\n{bullets(lines)}"
    return (
        text,
        [
            Button("Apprenticeships", payload("ask_training", training="apprenticeship")),
            Button("CTE and dual enrollment", payload("ask_training", training="cte")),
        ],
        [],
    )


def _math(turn: Turn):
    # Jobs you can start after high school first: their math is the everyday, practical kind.
    roles = sorted(turn.kb.roles, key=lambda r: not r.education.typical_entry.lower().startswith("high school"))
    skills = list(dict.fromkeys(s for r in roles for s in r.skills if "math" in s.lower()))
    text = (
        "Lots of people feel that way about math. On the job, math is mostly practical: measuring, "
        "reading drawings and checking parts. You practise it by doing real work, in CTE classes and "
        f"in apprenticeship classes.\nMath skills that jobs list:\n{bullets(skills[:3])}"
    )
    return (
        text,
        [
            Button("Skills: machinist", payload("ask_skills", role="machinist")),
            Button("CTE classes", payload("ask_training", training="cte")),
        ],
        [],
    )


def _girl(turn: Turn):
    gap = next((e for e in turn.kb.economy if e.id == "skills_gap"), None)
    need = f"\nEmployers need people: {gap.statement} {cite(turn.kb, gap.source, str(gap.year))}" if gap else ""
    reader = reader_of(turn.reading.family)
    unfair = (
        "If anyone treats you unfairly because you're a girl, that's not OK. Tell an adult at school."
        if not reader.parent
        else f"If anyone treats {reader.them} unfairly, that's not OK. Talk with {reader.their} school."
    )
    text = (
        "Manufacturing jobs are for anyone who likes the work. The skills, training and safety rules are "
        f"the same for everyone.{need}\nSkillsUSA contests and FIRST Robotics teams are good places to try "
        f"it and meet people in the field. {unfair}"
    )
    return (
        text,
        [
            Button("Student groups", payload("ask_training", training="student_orgs")),
            Button("Jobs in manufacturing", payload("ask_roles")),
        ],
        [gap.source] if gap else [],
    )


def _grades(turn: Turn):
    reader = reader_of(turn.reading.family)
    strengths = "what you're good at" if not reader.parent else "what someone is good at"
    text = (
        f"Grades don't decide what {reader.they} can do. People are smart in different ways, like fixing, "
        "building and solving problems with their hands. Many jobs start with a high school diploma and "
        f"training on the job, like {_no_degree_jobs(turn)}. Hands-on CTE classes are a good way to find "
        f"{strengths}."
    )
    return text, [_NO_DEGREE, Button("CTE classes", payload("ask_training", training="cte"))], []


def _robots(turn: Turn):
    inno = turn.kb.innovation
    new = join_names([e.title.lower() for e in inno.emerging_roles])
    text = f"It makes sense to wonder about that. {inno.summary}" + (
        f"\nNew kinds of jobs are appearing, like {new}." if new else ""
    )
    return (
        text,
        [
            Button("Automation and new jobs", payload("ask_automation")),
            Button("Robotics technician", payload("ask_about", role="robotics_technician")),
        ],
        [],
    )


def _undecided(turn: Turn):
    steps = [
        "Try the career finder: answer three questions and I'll suggest jobs to look at.",
        "Visit a plant on Manufacturing Day, each October.",
        "Take a CTE class to try hands-on work.",
    ]
    age = "people your age" if not reader_of(turn.reading.family).parent else "teens"
    text = (
        f"That's normal. Lots of {age} don't know yet, and there's no need to decide today. "
        f"Small steps help:\n{bullets(steps)}"
    )
    return (
        text,
        [
            Button("Career finder", payload("start_career_finder")),
            Button("Jobs in manufacturing", payload("ask_roles")),
        ],
        [],
    )


def _safety(turn: Turn):
    cert = _training(turn, "certifications")
    osha = " Many workers take OSHA 10-hour safety training." if cert and "OSHA" in cert.summary else ""
    text = (
        "It's smart to think about safety. Following safety procedures is a skill employers look for."
        f"{osha} Some people even make safety their job: safety specialists keep workers from getting "
        "hurt or sick."
    )
    return (
        text,
        [
            Button("Safety specialist", payload("ask_about", role="safety_specialist")),
            Button("Certifications", payload("ask_training", training="certifications")),
        ],
        [],
    )


def _general(turn: Turn):
    text = (
        "Feeling unsure or stressed about the future is really common. You don't have to figure it all "
        "out at once. Pick one small step: look at a few jobs, try a CTE class, or talk with someone "
        "you trust."
    )
    return (
        text,
        [
            Button("Career finder", payload("start_career_finder")),
            Button("How do I get started?", payload("ask_training")),
        ],
        [],
    )


_REPLIES: Dict[str, Callable[[Turn], Tuple[str, List[Button], List[str]]]] = {
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
