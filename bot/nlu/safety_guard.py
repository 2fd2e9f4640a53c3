"""Rasa NLU component, last in the pipeline: it has the final word on three things.

1. Explicit distress (bot.safety.shows_distress) is `distress`, whatever the classifier thought,
   so the safety reply comes before anything else.
2. The classifier's `distress` counts only with high confidence *and* a word of the distress
   vocabulary (bot.safety.has_distress_words). Otherwise the message is an ordinary worry that
   merely sounded like distress ("my parents want me to go to college and i can't tell them"),
   and a crisis line would be a failure of trust: it becomes `share_worry` when that intent is
   among the next few the classifier ranked, else the next intent in the ranking.
3. A job question about a place ("what do welders earn in ohio", "cnc jobs in my town") is
   `ask_local`, so it is never answered with a national figure as if it were a local one; an
   unsure `ask_local` without any place word goes to the next intent in the ranking.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.answers.local import find_place
from bot.safety import has_distress_words, shows_distress

DISTRESS_INTENT = "distress"
WORRY_INTENT = "share_worry"
LOCAL_INTENT = "ask_local"
#: The classifier's confidence in `distress` needed (with distress words) for the crisis reply.
DISTRESS_MIN_CONFIDENCE = 0.5
#: How far down the ranking `share_worry` may be and still be preferred to the next intent.
WORRY_RANK = 3
#: Below this, `ask_local` needs a place word (a confident guess is kept: a small town's name
#: is not in any list, "welders in smallville").
LOCAL_MIN_CONFIDENCE = 0.5
#: Intents whose question changes meaning with a place: pay, jobs, outlook, industries, ways in.
PLACE_INTENTS = {
    "ask_pay",
    "ask_outlook",
    "ask_roles",
    "explore_roles",
    "ask_about",
    "what_about",
    "ask_economy",
    "ask_sectors",
    "ask_training",
    "compare_roles",
    "ask_cluster",
    "out_of_scope",
    "nlu_fallback",
    LOCAL_INTENT,
}


def corrected_intent(
    text: str, intent: Optional[Dict[str, Any]], ranking: List[Dict[str, Any]]
) -> Optional[Dict[str, Any]]:
    """The intent this message should have, or None to keep the classifier's."""
    if shows_distress(text):
        return {"name": DISTRESS_INTENT, "confidence": 1.0}
    name = (intent or {}).get("name")
    confidence = (intent or {}).get("confidence") or 0.0
    if name == DISTRESS_INTENT:
        if confidence >= DISTRESS_MIN_CONFIDENCE and has_distress_words(text):
            return None
        return _instead_of_distress(ranking)
    place = find_place(text)
    if name in PLACE_INTENTS and name != LOCAL_INTENT and place:
        return {"name": LOCAL_INTENT, "confidence": confidence}
    if name == LOCAL_INTENT and not place and confidence < LOCAL_MIN_CONFIDENCE:
        # An unsure place guess with no place word ("jobs in the electronics industry").
        others = [r for r in ranking if r.get("name") not in (LOCAL_INTENT, DISTRESS_INTENT, None)]
        if others:
            return {"name": others[0]["name"], "confidence": others[0].get("confidence", 0.0)}
    return None


def _instead_of_distress(ranking: List[Dict[str, Any]]) -> Dict[str, Any]:
    others = [r for r in ranking if r.get("name") not in (DISTRESS_INTENT, None)]
    worry = next((r for r in others[:WORRY_RANK] if r.get("name") == WORRY_INTENT), None)
    chosen = worry or (others[0] if others else {"name": WORRY_INTENT, "confidence": 0.0})
    return {"name": chosen["name"], "confidence": chosen.get("confidence", 0.0)}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class SafetyGuard(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "SafetyGuard":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not isinstance(text, str) or text.startswith("/"):
                continue  # button payloads say exactly what they mean
            new = corrected_intent(text, message.get(INTENT), message.get(INTENT_RANKING_KEY) or [])
            if new is not None:
                message.set(INTENT, new, add_to_output=True)
        return messages
