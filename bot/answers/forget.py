"""Deleting a conversation, and what is kept: asked by students, parents and counselors.

Deleting cannot be undone, so a request to delete is answered with a question and two buttons;
the store deletes every stored event of the conversation only when `action_delete_conversation`
runs, which only the confirmation leads to (data/rules.yml, bot/stores/retention.py). Questions about
storage get the facts of docs/privacy.md instead. The words are the phrasebook's "privacy" book
(data/phrases/<language>/privacy.yml); the facts (how many days) come from the settings.
"""

from __future__ import annotations

from bot import settings
from bot.answers.turn import Turn
from bot.phrases import say
from bot.render import Answer, Button, bullets, payload

#: The facts of the privacy answer, in order (the retention days are filled in from the settings).
_FACTS = ("privacy.no_accounts", "privacy.redacted", "privacy.kept_days", "privacy.counselors", "privacy.how_to_delete")


def confirm_delete(turn: Turn) -> Answer:
    lang = turn.language
    return Answer(
        say(lang, "privacy.confirm"),
        [
            Button(say(lang, "privacy.button_yes"), payload("confirm_delete")),
            Button(say(lang, "privacy.button_no"), payload("keep_conversation")),
        ],
    )


def delete_conversation(turn: Turn) -> Answer:
    lang = turn.language
    return Answer(say(lang, "privacy.deleted"), [Button(say(lang, "scope.button_jobs"), payload("ask_roles"))])


def privacy(turn: Turn) -> Answer:
    """What happens to what is typed here: short and true (docs/privacy.md is the long form)."""
    lang, days = turn.language, settings.retention_days()
    facts = [say(lang, key, days=days) if key == "privacy.kept_days" else say(lang, key) for key in _FACTS]
    return Answer(
        f"{say(lang, 'privacy.intro')}\n{bullets(facts)}\n\n{say(lang, 'privacy.no_personal')}",
        [
            Button(say(lang, "privacy.button_delete"), payload("delete_conversation")),
            Button(say(lang, "scope.button_jobs"), payload("ask_roles")),
        ],
    )
