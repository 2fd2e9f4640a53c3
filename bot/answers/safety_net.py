"""The 988 line that ends a reply when the message sounded like distress but was not clearly so
(bot/understanding/verdict.py sets the `safety_net` entity): a worry the classifier took for distress,
or "lol this helmet is so ugly i want to die" in a question about gear. The student gets the
answer they asked for, and still a way to get help if it was more. The line is the phrasebook's
"scope.safety_net", in the conversation's language (in Spanish, 988's Spanish options)."""

from __future__ import annotations

from dataclasses import replace

from bot.answers.turn import Turn
from bot.phrases import say
from bot.render import Answer

ENTITY = "safety_net"


def with_safety_net(turn: Turn, answer: Answer) -> Answer:
    """The answer, ending with the 988 line when the guard asked for it."""
    line = say(turn.language, "scope.safety_net")
    if not turn.entities.get(ENTITY) or line in answer.text:
        return answer
    return replace(answer, text=f"{answer.text}\n\n{line}")
