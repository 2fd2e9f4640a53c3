"""Question cues (data/lexicon/*/cues.yml, read by bot/understanding/reading.py): pay asked in
other words is a pay question."""

from __future__ import annotations

import pytest

from bot.understanding.reading import cues_in


def asks_pay(text: str) -> bool:
    return "pay" in cues_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "what's the median wage for welders",
        "typical income",
        "what are the earnings",
        "hourly rate",
        "how much money is it",
        "salary range",
        "what's the paycheck like",
        "how much do they make",
        "what does a welder earn",
        "is the pay good",
    ],
)
def test_pay_words(text):
    assert asks_pay(text)


@pytest.mark.parametrize(
    "text",
    [
        "what does a welder do",
        "how much school do i need",
        "what industries are there",
        "how much training does it take",
        "tell me about aerospace",
    ],
)
def test_not_pay_words(text):
    assert not asks_pay(text)
