"""Deleting a conversation, and what is kept: asked by students, parents and counselors.

Deleting cannot be undone, so a request to delete is answered with a question and two buttons;
the store deletes every stored event of the conversation only when `action_delete_conversation`
runs, which only the confirmation leads to (data/rules.yml, bot/stores/retention.py). Questions about
storage get the facts of docs/privacy.md instead.
"""

from __future__ import annotations

from bot import settings
from bot.answers.turn import Turn
from bot.render import Answer, Button, bullets, payload

CONFIRM = "Do you want me to delete this conversation from the assistant's server? This can't be undone."
YES, NO = "Yes, delete it", "No, keep it"

DELETED = (
    "Done. I've deleted this conversation from the assistant's server, so nothing you typed "
    "here is kept. To clear it from your screen too, close this tab. You can start again "
    "with a new question any time."
)


def confirm_delete(turn: Turn) -> Answer:
    return Answer(CONFIRM, [Button(YES, payload("confirm_delete")), Button(NO, payload("keep_conversation"))])


def delete_conversation(turn: Turn) -> Answer:
    return Answer(DELETED, [Button("Jobs in manufacturing", payload("ask_roles"))])


def privacy(turn: Turn) -> Answer:
    """What happens to what is typed here: short and true (docs/privacy.md is the long form)."""
    days = settings.retention_days()
    facts = [
        "No accounts and no tracking: nobody signs in, and I never ask for your name or anything personal.",
        "Personal details it can spot (email addresses, phone numbers, names, street addresses, ID "
        "numbers) are removed before anything is saved.",
        f"The conversation is kept on the server that runs this assistant for {days} days, then deleted.",
        "Counselors see only summaries (for example, how many students asked about pay), "
        "never a whole conversation or who wrote it.",
        'You can delete this conversation now: say "delete my conversation".',
    ]
    return Answer(
        "Here's what happens to what you type here:\n"
        + bullets(facts)
        + "\n\nPlease don't type personal details like your name, address or phone number.",
        [
            Button("Delete my conversation", payload("delete_conversation")),
            Button("Jobs in manufacturing", payload("ask_roles")),
        ],
    )
