"""'Can I talk to a counselor?': the school's counselor contact, when the widget supplied one."""
from __future__ import annotations

import re

from bot.answers.turn import Turn
from bot.render import Answer, Button, payload

_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")


def contact(turn: Turn) -> Answer:
    school = turn.metadata.get("school") if isinstance(turn.metadata.get("school"), dict) else {}
    counselor = school.get("counselor") if isinstance(school.get("counselor"), dict) else {}
    name = _text(counselor.get("name")) or "your school counselor"
    where = f" at {_text(school.get('name'))}" if _text(school.get("name")) else ""
    ways = []
    email = _text(counselor.get("email"))
    if email and _EMAIL.match(email):
        ways.append(f"email {email}")
    url = _text(counselor.get("url"))
    if url.startswith(("https://", "http://")):
        ways.append(f"visit {url}")
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
