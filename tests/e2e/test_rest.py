"""Questions of every kind, asked over REST as a student would, answered with the knowledge file's facts."""

from __future__ import annotations

import uuid

import pytest

from bot.render import money, outlook_line, pay_line
from tests.conftest import role


def test_greeting_capabilities_bot_thanks_goodbye(bot):
    assert "Manufacturing Careers assistant" in bot.text("hiya")
    assert "pay and job outlook" in bot.text("what can u do?")
    assert "I'm a bot" in bot.text("r u a real person")
    assert "You're welcome" in bot.text("thx!")
    assert "Bye" in bot.text("ok bye")


def test_role_overview(bot, kb):
    reply = bot.text("what does a machinst do")
    assert role(kb, "machinist").summary in reply and role(kb, "machinist").tasks[0] in reply


@pytest.mark.parametrize(
    "question, role_id",
    [
        ("how much do weldrs make", "welder"),
        ("whats the salary for a plant manager", "factory_manager"),
        ("how much does a robotics tech earn", "robotics_technician"),
    ],
)
def test_pay_with_year_and_source(bot, kb, question, role_id):
    assert pay_line(kb, role(kb, role_id).median_pay) in bot.text(question)


def test_education_skills_outlook_certifications(bot, kb):
    welder = role(kb, "welder")
    assert welder.education.typical_entry in bot.text("what education do i need to be a welder")
    assert welder.skills[0] in bot.text("what skills does a welder need")
    assert outlook_line(kb, welder.outlook) in bot.text("are welders in demand")
    assert welder.certifications[0].name in bot.text("what certifications do welders need")


def test_context_follow_ups_and_switch(bot, kb):
    me = uuid.uuid4().hex
    assert money(role(kb, "cnc_operator").median_pay.annual_usd) in bot.text("how much do cnc operators make", me)
    assert role(kb, "cnc_operator").education.typical_entry in bot.text("what education do they need?", me)
    switched = bot.text("what about logisticians?", me)
    assert role(kb, "logistician").education.typical_entry in switched
    assert "https://www.bls.gov/ooh/business-and-financial/logisticians.htm" in bot.text("source?", me)


def test_question_without_role_asks_which_with_buttons(bot):
    messages = bot.ask("how much do they make?")
    assert messages[0]["text"] == "Which job would you like to know about?"
    assert len(messages[0]["buttons"]) >= 3


def test_button_payload(bot, kb):
    assert pay_line(kb, role(kb, "logistician").median_pay) in bot.text('/ask_pay{"role": "logistician"}')


def test_sector_and_sector_list(bot, kb):
    aerospace = next(s for s in kb.sectors if s.id == "aerospace")
    reply = bot.text("tell me about the aerospace industry")
    assert aerospace.summary in reply and aerospace.facts[0].statement in reply
    listing = bot.text("what industries are there")
    assert all(s.name in listing for s in kb.sectors)


def test_cluster_and_pathways(bot, kb):
    assert kb.cluster.summary in bot.text("what is the manufacturing career cluster")
    listing = bot.text("what are the pathways")
    assert all(p.name in listing for p in kb.pathways)
    qa = next(p for p in kb.pathways if p.id == "quality_assurance")
    assert qa.summary in bot.text("tell me about the quality assurance pathway")


def test_economy(bot, kb):
    reply = bot.text("how important is manufacturing for the economy")
    for fact in kb.economy:
        assert fact.statement in reply
    assert "$2.69" in bot.text("whats the multiplier effect of manufacturing")


def test_automation(bot, kb):
    reply = bot.text("will robots take factory jobs?")
    assert kb.innovation.summary in reply
    assert "3D printing" in bot.text("what is 3d printing")


def test_training(bot, kb):
    reply = bot.text("how do i get started in manufacturing")
    assert all(t.name in reply for t in kb.training)
    assert "paid job with structured training" in bot.text("what is an apprenticeship")


def test_out_of_scope_and_other_clusters(bot):
    assert "I can tell you about manufacturing careers" in bot.text("what's the weather today")
    assert "Health Science" in bot.text("how much do nurses make")


def test_unknown_role_gets_no_other_roles_facts(bot, kb):
    me = uuid.uuid4().hex
    bot.text("how much do welders make", me)
    reply = bot.text("how much do astronauts make", me)
    assert "$" not in reply and "don't have that job" in reply


def test_distress_gets_the_safety_reply_first(bot):
    reply = bot.text("how much do welders make? honestly i want to kill myself")
    assert "988" in reply and "trusted adult" in reply and "Median pay" not in reply


def test_compare_and_filter(bot, kb):
    reply = bot.text("who makes more, a cnc operator or a quality inspector?")
    assert reply.startswith("CNC operator vs Quality control inspector")
    assert money(role(kb, "cnc_operator").median_pay.annual_usd) in reply
    listing = bot.text("which jobs can i get without a college degree")
    assert "without a college degree" in listing and "Manufacturing engineer" not in listing


def test_career_finder_completed_skipped_and_stopped(bot, kb):
    me = uuid.uuid4().hex
    first = bot.ask("help me find a career", me)
    assert "what do you enjoy most?" in first[0]["text"]
    assert [b["title"] for b in first[0]["buttons"]][:2] == ["Hands-on work", "Technology"]
    assert "How long do you want to train" in bot.text("I like building things", me)
    industry = bot.ask("start soon after high school", me)
    assert "Aerospace" in [b["title"] for b in industry[0]["buttons"]]
    suggestions = bot.text("aerospace", me)
    assert suggestions.startswith("Based on your answers, three jobs to look at:")
    assert suggestions.count("• ") == 3 and "aerospace employs them" in suggestions
    assert "mynextmove.org/explore/ip" in suggestions

    other = uuid.uuid4().hex
    bot.text("which job is right for me", other)
    assert "didn't catch that" in bot.text("purple", other)  # an answer it can't use is asked again
    assert "stopped the career finder" in bot.text("stop", other)
    assert "Median pay" in bot.text("how much do welders make", other)  # back to normal questions

    # A question of another kind while the finder waits: answered, then the finder asks again.
    third = uuid.uuid4().hex
    bot.text("which job is right for me", third)
    replies = bot.text("what does a semiconductor technician do", third)
    assert role(kb, "semiconductor_technician").summary.split(".")[0] in replies
    assert "Now, back to the career finder." in replies and "didn't catch that" not in replies
    assert "what do you enjoy most?" in replies  # the finder's own question, asked again


def test_context_holds_deep_into_a_long_chat(bot, kb):
    """Rasa gets only the newest turns (bot/stores/compaction.py); slots, follow-ups and the two-stage
    fallback must still work after many more events than it keeps. (Faster than a student: past
    the conversation's burst of messages, it waits as the rate limit's 429 says.)"""
    me = uuid.uuid4().hex
    for _ in range(6):
        for question in ("how much do welders make", "what skills do they need", "tell me about aerospace"):
            assert bot.text(question, me, patient=True)
    assert role(kb, "welder").education.typical_entry in bot.text("what education do welders need?", me, patient=True)
    assert money(role(kb, "machinist").median_pay.annual_usd) in bot.text(
        "and machinists? how much do they make", me, patient=True
    )
    assert role(kb, "machinist").education.typical_entry in bot.text("what education do they need?", me, patient=True)
    first = bot.text("zxqv blorp wuggle", me, patient=True)
    second = bot.text("zxqv blorp wuggle", me, patient=True)
    assert "Sorry, I still didn't understand." in second and "Sorry, I still didn't understand." not in first
