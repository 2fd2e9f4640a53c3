"""'Delete my conversation': the store removes every stored event of it (bot/retention.py)."""

from __future__ import annotations

from bot.answers.turn import Turn
from bot.render import Answer, Button, payload

DELETED = (
    "Done. I've deleted this conversation from the assistant's server, so nothing you typed "
    "here is kept. To clear it from your screen too, close this tab. You can start again "
    "with a new question any time."
)


def delete_conversation(turn: Turn) -> Answer:
    return Answer(DELETED, [Button("Jobs in manufacturing", payload("ask_roles"))])
