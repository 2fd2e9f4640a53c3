"""'Which job do you mean?': buttons to choose a role for an aspect. Shared by the role answers and
the figures' comparisons (which role answers build on), so it sits below both."""

from __future__ import annotations

from typing import List

from bot.answers.aspects import ASPECT_INTENTS
from bot.answers.loaded_knowledge import Knowledge
from bot.phrases import say
from bot.render import Answer, Button, payload


def ask_which(k: Knowledge, role_ids: List[str], aspect: str, question: str, limit: int = 6) -> Answer:
    intent = ASPECT_INTENTS[aspect]
    buttons = [Button(k.title(r), payload(intent, role=r)) for r in role_ids[:limit]]
    if len(role_ids) > limit:
        buttons.append(Button(say(k.language, "roles.all_roles"), payload("ask_roles")))
    return Answer(question, buttons, slots={"last_aspect": aspect})
