"""'Can I talk to a counselor?': the school's counselor contact, looked up in the school registry.

The widget and the channels send only the school's id (metadata {"school": "lincoln-high"}); the
name, email and page come from data/schools.yml (bot.schools), never from the message itself.
"""

from __future__ import annotations

from typing import Any, Mapping, NamedTuple

from bot import schools
from bot.answers.turn import Turn
from bot.render import Answer, Button, payload


class SchoolContact(NamedTuple):
    school: str
    name: str
    email: str
    url: str


NO_CONTACT = SchoolContact("", "", "", "")


def school_contact(metadata: Any) -> SchoolContact:
    """The registered contact of the school whose id is metadata["school"]; empty for anything else."""
    school_id = metadata.get("school") if isinstance(metadata, Mapping) else None
    school = schools.lookup(school_id)
    if school is None:
        return NO_CONTACT
    c = school.counselor
    return SchoolContact(school.name, c.name or "", c.email or "", c.url or "")


def contact(turn: Turn) -> Answer:
    c = school_contact(turn.metadata)
    name = c.name or "your school counselor"
    where = f" at {c.school}" if c.school else ""
    ways = ([f"email {c.email}"] if c.email else []) + ([f"visit {c.url}"] if c.url else [])
    if ways:
        text = (
            f"For advice about your own plans, talk to {name}{where}: {' or '.join(ways)}. "
            "I'm a bot, so I can't pass on messages."
        )
    else:
        text = (
            "Your school counselor is the best person to help with your own plans. I don't have "
            "your school's contact details, so ask at your school's counseling office. "
            "I'm a bot, so I can't pass on messages."
        )
    buttons = [
        Button("How do I get started?", payload("ask_training")),
        Button("Jobs in manufacturing", payload("ask_roles")),
    ]
    return Answer(text, buttons)
