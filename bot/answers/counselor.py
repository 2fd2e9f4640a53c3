"""'Can I talk to a counselor?': the school's counselor contact, when the widget supplied one."""
from __future__ import annotations

from typing import NamedTuple

from bot.answers.turn import Turn
from bot.privacy import EMAIL
from bot.render import Answer, Button, payload


class SchoolContact(NamedTuple):
    school: str
    name: str
    email: str  # only a well-formed address
    url: str  # only http(s)


def school_contact(metadata: dict) -> SchoolContact:
    """The school settings the web widget sends with each message, checked and trimmed."""
    school = metadata.get("school") if isinstance(metadata.get("school"), dict) else {}
    counselor = school.get("counselor") if isinstance(school.get("counselor"), dict) else {}
    email, url = _text(counselor.get("email")), _text(counselor.get("url"))
    return SchoolContact(_text(school.get("name")), _text(counselor.get("name")),
                         email if EMAIL.fullmatch(email) else "",
                         url if url.startswith(("https://", "http://")) else "")


def contact(turn: Turn) -> Answer:
    c = school_contact(turn.metadata)
    name = c.name or "your school counselor"
    where = f" at {c.school}" if c.school else ""
    ways = ([f"email {c.email}"] if c.email else []) + ([f"visit {c.url}"] if c.url else [])
    if ways:
        text = (f"For personal advice about your plans, talk to {name}{where}: {' or '.join(ways)}. "
                "I'm a bot, so I can't pass messages on.")
    else:
        text = ("Your school counselor is the best person for advice about your own plans. I don't have "
                "your school's contact details here, so ask at your school's counseling office. "
                "I'm a bot, so I can't pass messages on.")
    buttons = [Button("How do I get started?", payload("ask_training")),
               Button("Jobs in manufacturing", payload("ask_roles"))]
    return Answer(text, buttons)


def _text(value) -> str:
    return value.strip()[:120] if isinstance(value, str) else ""
