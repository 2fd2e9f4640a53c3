"""'Can I talk to a counselor?': the school's counselor contact, looked up in the school registry.

The widget and the channels send only the school's id (metadata {"school": "lincoln-high"}); the
name, email and page come from data/schools.yml (bot.schools), never from the message itself.
The sentences around them are the `counselor` phrasebook's.
"""

from __future__ import annotations

from typing import Any, Mapping, NamedTuple

from bot import schools
from bot.answers.turn import Turn
from bot.phrases import say
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
    c, lang = school_contact(turn.metadata), turn.language
    ways = ([say(lang, "counselor.email", email=c.email)] if c.email else []) + (
        [say(lang, "counselor.visit", url=c.url)] if c.url else []
    )
    if ways:
        text = say(
            lang,
            "counselor.talk_to",
            name=c.name or say(lang, "counselor.your_counselor"),
            at_school=say(lang, "counselor.at_school", school=c.school) if c.school else "",
            ways=f" {say(lang, 'counselor.or')} ".join(ways),
        )
    else:
        text = say(lang, "counselor.no_contact")
    buttons = [
        Button(say(lang, "topics.button_started"), payload("ask_training")),
        Button(say(lang, "topics.button_jobs"), payload("ask_roles")),
    ]
    return Answer(f"{text} {say(lang, 'counselor.only_a_bot')}", buttons)
