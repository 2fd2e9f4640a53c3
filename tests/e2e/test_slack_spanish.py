"""Slack in Spanish (#21): a teacher who asks in Spanish gets the answer in Spanish, in the thread,
with the same figures and sources as in English; a follow-up in the thread stays in Spanish."""

from __future__ import annotations

from bot.phrases import say
from bot.render import money
from tests.conftest import role
from tests.e2e.slack_requests import dm, event


def test_a_question_in_spanish_is_answered_in_spanish_in_the_thread(bot, kb, slack):
    msg = dm("¿cuánto gana un soldador?", user="U900")
    event(bot, msg)
    (answer,) = slack.wait_for(msg["channel"], msg["ts"])
    pay = money(role(kb, "welder").median_pay.annual_usd)
    assert say("es", "render.pay_line", money=pay, cite="(BLS, mayo de 2024)") in answer["text"], answer["text"]
    assert "a year" not in answer["text"]
    follow = {**dm("¿y qué estudios necesita?", user="U900", channel=msg["channel"]), "thread_ts": msg["ts"]}
    event(bot, follow)
    _, second = slack.wait_for(msg["channel"], msg["ts"], count=2)
    assert second["text"].startswith("Soldador\nEstudios para empezar:"), second["text"]
