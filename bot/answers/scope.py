"""What the assistant covers, and kind answers for what it does not."""

from __future__ import annotations

from typing import Optional, Sequence

from bot.answers.aspects import ASPECT_INTENTS, BUTTON_TITLES
from bot.answers.loaded_knowledge import Knowledge
from bot.render import Answer, Button, join_names, payload

COVERS = (
    "I can tell you about manufacturing careers. I know what jobs like welder, machinist or "
    "robotics technician are like. I know the skills and training they need, and their pay and "
    "job outlook. I can also tell you about industries like aerospace, career pathways, "
    "how robots are changing factory work, and ways to get started."
)


def menu_buttons() -> list:
    return [
        Button("Jobs in manufacturing", payload("ask_roles")),
        Button("Industries", payload("ask_sectors")),
        Button("Career pathways", payload("ask_pathways")),
    ]


def explain(k: Knowledge, lead: str = "Sorry, I didn't understand that.") -> Answer:
    return Answer(f"{lead} {COVERS}", menu_buttons())


def other_cluster(k: Knowledge, other_id: str) -> Answer:
    other = k.kb.other_careers[int(other_id)]
    text = (
        f"That job is part of the {other.cluster} career cluster. I only cover the Manufacturing "
        f"cluster. Your school counselor can help you explore it, and so can CareerOneStop "
        f"(https://www.careeronestop.org/). Want to see some manufacturing jobs?"
    )
    return Answer(text, menu_buttons())


def unknown_role(k: Knowledge, current: Optional[str], aspect: str, closest: Sequence[str] = ()) -> Answer:
    """The user named a job we do not know: never answer with another role's facts. Offer the
    known jobs closest to it (by its words, or the industry named: the reading's `closest`), or
    else the full list."""
    closest = [r for r in closest if r in k.roles]
    intent = ASPECT_INTENTS[aspect]
    if closest:
        titles = join_names([k.title(r) for r in closest])
        text = (
            f"I don't have that job on my manufacturing list, so I can't give you facts about it. "
            f"The closest jobs I know are: {titles}."
        )
        buttons = [Button(k.title(r), payload(intent, role=r)) for r in closest]
    else:
        text = (
            "I don't have that job on my manufacturing list, so I can't give you facts about it. "
            "Here are jobs I do know about."
        )
        buttons = []
    if current in k.roles and current not in closest:
        title = f"{BUTTON_TITLES[aspect]}: {k.title(current)}"
        buttons.append(Button(title, payload(intent, role=current)))
    buttons.append(Button("All roles", payload("ask_roles")))
    return Answer(text, buttons, slots={"last_aspect": aspect})


def out_of_scope(turn) -> Answer:
    """A question outside the assistant's subject; a career from another cluster gets a pointer."""
    others = turn.links.ids("other_career")
    if others:
        return other_cluster(turn.knowledge, others[0])
    return explain(turn.knowledge, "That's outside what I can help with.")
