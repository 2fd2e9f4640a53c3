"""A job or an industry described instead of named (#20), asked over REST end to end: the
description is read inside Rasa and the answer is the described entry's."""

from __future__ import annotations

import pytest

from bot.render import pay_line
from tests.conftest import role


def test_pay_of_a_job_described_by_what_it_does(bot, kb):
    reply = bot.text("how much does someone who designs medical equipment make")
    assert pay_line(kb, role(kb, "biomedical_engineer").median_pay) in reply


@pytest.mark.parametrize(
    "question",
    ["jobs in making furniture", "what jobs are there in building tables and chairs"],  # the second names no alias
)
def test_jobs_of_an_industry_described_by_its_activity(bot, kb, question):
    furniture = next(s for s in kb.sectors if s.id == "furniture_wood")
    reply = bot.text(question)
    assert all(role(kb, r).title in reply for r in furniture.roles)
    others = {r.id for r in kb.roles} - set(furniture.roles)
    assert not [r for r in others if role(kb, r).title in reply]


def test_a_repair_job_described_with_other_words(bot, kb):
    reply = bot.text("what do people that repair the machines at a factory do")
    assert role(kb, "maintenance_mechanic").summary in reply
