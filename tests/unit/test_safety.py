"""Distress is always recognised; ordinary manufacturing talk never is."""
from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.safety_guard import SafetyGuard
from bot.safety import shows_distress


@pytest.mark.parametrize("text", [
    "I want to kill myself", "i’m thinking about suicide", "sometimes I hurt myself", "i wanna die",
    "I don't want to live anymore", "i just want to end it all", "I'm so depressed",
    "everyone would be better off if i was dead, better off dead", "I'm being bullied every day",
    "how much do welders make? also i want to kill myself",
])
def test_distress_is_recognised(text):
    assert shows_distress(text)


@pytest.mark.parametrize("text", [
    "what does a tool and die maker do", "die casting jobs", "this homework is killing me",
    "how do robots cut metal", "I'm so excited about welding", "what kills a career in manufacturing",
    "the machine will end its cycle", "how much do welders make",
])
def test_ordinary_messages_are_not(text):
    assert not shows_distress(text)


def test_guard_overrides_the_classifier():
    guard = SafetyGuard()
    msg = Message({"text": "how much do welders make, i want to die", "intent": {"name": "ask_pay", "confidence": 0.9}})
    ok = Message({"text": "how much do welders make", "intent": {"name": "ask_pay", "confidence": 0.9}})
    guard.process([msg, ok])
    assert msg.get("intent")["name"] == "distress" and ok.get("intent")["name"] == "ask_pay"
