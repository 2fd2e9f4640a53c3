"""What the assistant covers, and kind answers for what it does not."""

from __future__ import annotations

from typing import Optional, Sequence

from bot.answers.aspects import ASPECT_INTENTS, button_title
from bot.answers.loaded_knowledge import Knowledge
from bot.phrases import say
from bot.render import Answer, Button, join_names, payload


def covers(language: str = "en") -> str:
    """What the assistant can talk about, in a few sentences."""
    return say(language, "scope.covers")


def menu_buttons(language: str = "en") -> list:
    return [
        Button(say(language, "scope.button_jobs"), payload("ask_roles")),
        Button(say(language, "scope.button_industries"), payload("ask_sectors")),
        Button(say(language, "scope.button_pathways"), payload("ask_pathways")),
    ]


def explain(k: Knowledge, lead: str = "scope.not_understood") -> Answer:
    """`lead` (a phrase key: "sorry, I didn't understand") and what the assistant covers."""
    return Answer(f"{say(k.language, lead)} {covers(k.language)}", menu_buttons(k.language))


def other_cluster(k: Knowledge, other_id: str) -> Answer:
    other = k.kb.other_careers[int(other_id)]
    return Answer(say(k.language, "scope.other_cluster", cluster=other.cluster), menu_buttons(k.language))


def unknown_role(k: Knowledge, current: Optional[str], aspect: str, closest: Sequence[str] = ()) -> Answer:
    """The user named a job we do not know: never answer with another role's facts. Offer the
    known jobs closest to it (by its words, or the industry named: the reading's `closest`), or
    else the full list."""
    closest = [r for r in closest if r in k.roles]
    intent = ASPECT_INTENTS[aspect]
    if closest:
        titles = join_names([k.title(r) for r in closest], k.language)
        text = say(k.language, "scope.unknown_with_closest", titles=titles)
        buttons = [Button(k.title(r), payload(intent, role=r)) for r in closest]
    else:
        text = say(k.language, "scope.unknown")
        buttons = []
    if current in k.roles and current not in closest:
        title = f"{button_title(k.language, aspect)}: {k.title(current)}"
        buttons.append(Button(title, payload(intent, role=current)))
    buttons.append(Button(say(k.language, "roles.all_roles"), payload("ask_roles")))
    return Answer(text, buttons, slots={"last_aspect": aspect})


def out_of_scope(turn) -> Answer:
    """A question outside the assistant's subject; a career from another cluster gets a pointer."""
    others = turn.links.ids("other_career")
    if others:
        return other_cluster(turn.knowledge, others[0])
    return explain(turn.knowledge, "scope.outside")
