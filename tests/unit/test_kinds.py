"""bot/kinds.py, the one declaration of every kind of question, agrees with domain.yml and
data/rules.yml: a kind of question cannot be half-added."""

from __future__ import annotations

import yaml

from bot import ROOT, kinds

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
RULES = yaml.safe_load((ROOT / "data" / "rules.yml").read_text(encoding="utf-8"))["rules"]


def one_step_rules() -> dict:
    """Intent -> first action of the rules that start with that intent and have no condition."""
    found: dict = {}
    for rule in RULES:
        steps = rule["steps"]
        if "condition" not in rule and "intent" in steps[0] and "action" in steps[1]:
            found.setdefault(steps[0]["intent"], set()).add(steps[1]["action"])
    return found


def test_every_intent_of_the_domain_is_declared_once_and_nothing_else():
    declared = [k.intent for k in kinds.KINDS]
    assert len(declared) == len(set(declared))
    assert set(declared) == set(DOMAIN["intents"]) | {"nlu_fallback"}


def test_the_rule_for_each_intent_runs_the_declared_action():
    rules = one_step_rules()
    for kind in kinds.KINDS:
        assert rules.get(kind.intent) == {kind.action}, kind.intent


def test_every_declared_action_exists_in_the_domain():
    for kind in kinds.KINDS:
        if kind.action.startswith("utter_"):
            assert kind.action in DOMAIN["responses"], kind.action
            assert kind.answer is None, kind.intent
        else:
            assert kind.action in DOMAIN["actions"], kind.action


def test_each_custom_action_has_one_answer_function_and_a_class():
    from actions.actions import ANSWERS

    for kind in kinds.KINDS:
        if kind.answer:
            assert kinds.ANSWERS[kind.action] == kind.answer
            assert ANSWERS[kind.action].__qualname__ == kind.answer.split(".")[-1]
    assert set(kinds.ANSWERS) <= set(ANSWERS)


def test_what_is_derived_from_it():
    from bot.answers.about import suggestions
    from bot.answers.aspects import ASPECT_INTENTS
    from bot.insights.table import KINDS as INSIGHT_KINDS
    from bot.understanding.verdict import PLACE_INTENTS

    assert INSIGHT_KINDS["share_worry"] == "worries" and INSIGHT_KINDS["ask_privacy"] == "privacy"
    assert "other" not in {INSIGHT_KINDS[i] for i in DOMAIN["intents"]}
    assert suggestions("en")["ask_pay"] == ("Pay for a job", "/ask_pay")
    assert suggestions("en")["explore_roles"] == ("Jobs without a degree", "jobs without a college degree")
    assert ASPECT_INTENTS["pay"] == "ask_pay" and ASPECT_INTENTS["overview"] == "ask_about"
    assert "ask_pay" in PLACE_INTENTS and "ask_skills" not in PLACE_INTENTS


def test_every_reply_but_goodbye_offers_a_way_forward(knowledge):
    """No dead ends (#25): every response and every kind of answer ends with buttons."""
    from actions.actions import ANSWERS
    from tests.unit.test_readability import _generic, turns

    dead = [name for name, variants in DOMAIN["responses"].items() if not all(v.get("buttons") for v in variants)]
    assert dead == ["utter_goodbye"]
    variants = turns(knowledge)
    for action, answer in ANSWERS.items():
        for label, turn in variants.get(action) or _generic(knowledge):
            assert answer(turn).buttons, f"{action} ({label}) has no way forward"
