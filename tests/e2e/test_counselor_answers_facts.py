"""Against the real bot over REST: figures in context, definitions, and interests in
the student's own words. The reported examples first, then many more of each kind."""

from __future__ import annotations

import uuid

import pytest

ASKS_AGAIN = "what do you enjoy most"
CONFUSED = "not sure what you mean"
WRONG_JOB = "I don't have that job"


def term(kb, term_id):
    return next(t for t in kb.glossary if t.id == term_id)


def suggests_or_moves_on(reply: str) -> bool:
    """Suggestions from what was said, or the finder's next question: never asked again."""
    return "These jobs could fit you" in reply or "How long do you want to train" in reply


# --- reported examples ---------------------------------------------------------------
def test_reported_repairing_bikes_is_not_asked_again(bot, kb):
    reply = bot.text("I really enjoy repairing bikes, which job suits me?")
    assert ASKS_AGAIN not in reply and suggests_or_moves_on(reply), reply
    if "These jobs could fit you" in reply:
        assert next(r.title for r in kb.roles if r.id == "maintenance_mechanic") in reply


def test_reported_sketching_gets_jobs_not_confusion(bot, kb):
    reply = bot.text("i like sketching and making designs, are there factory jobs for me")
    assert CONFUSED not in reply and suggests_or_moves_on(reply), reply
    if "These jobs could fit you" in reply:
        assert next(r.title for r in kb.roles if r.id == "cad_drafter") in reply


@pytest.mark.parametrize("follow_up", ["is that decent pay?", "is that much?"])
def test_reported_is_that_decent_pay_after_welder_pay(bot, follow_up):
    me = uuid.uuid4().hex
    assert "Median pay" in bot.text("what do welders make", me)
    reply = bot.text(follow_up, me)
    assert reply.startswith("Welder: median pay $51,000 a year (BLS, May 2024).") and "Among related jobs" in reply, (
        reply
    )
    assert WRONG_JOB not in reply and "came from" not in reply


@pytest.mark.parametrize(
    "question, term_id",
    [("What does advanced manufacturing mean", "advanced_manufacturing"), ("what is a median salary", "median_pay")],
)
def test_reported_definitions(bot, kb, question, term_id):
    reply = bot.text(question)
    assert term(kb, term_id).definition in reply and "manager" not in reply.lower(), reply
    assert not reply.startswith("Which job")


# --- many more of each kind --------------------------------------------------------------
@pytest.mark.parametrize(
    "question, term_id",
    [
        ("what's CTE", "cte"),
        ("what does cte stand for", "cte"),
        ("what does median mean", "median_pay"),
        ("what does job outlook mean", "job_outlook"),
        ("what does ojt mean", "on_the_job_training"),
        ("whats an associates degree", "associate_degree"),
        ("what's a bachelor's degree", "bachelors_degree"),
        ("define apprenticeship", "apprenticeship"),
        ("what does certification mean", "certification"),
        ("what is the meaning of career pathway", "career_pathway"),
        ("i don't know what median means", "median_pay"),
        ("what does on the job training mean", "on_the_job_training"),
        ("what does median pay mean", "median_pay"),
    ],
)
def test_definitions(bot, kb, question, term_id):
    reply = bot.text(question)
    assert term(kb, term_id).definition in reply, reply


@pytest.mark.parametrize(
    "pay_question, follow_up, role_id",
    [
        ("how much do machinists make", "is that good pay", "machinist"),
        ("what's the salary of a logistician", "is that a lot of money", "logistician"),
        ("how much does a cnc operator earn", "is that good money", "cnc_operator"),
        ("what do quality inspectors get paid", "is that high", "quality_inspector"),
        ("pay for a welder", "is that a good salary", "welder"),
    ],
)
def test_judge_pay_after_a_pay_answer(bot, kb, pay_question, follow_up, role_id):
    title = next(r.title for r in kb.roles if r.id == role_id)
    me = uuid.uuid4().hex
    bot.text(pay_question, me)
    reply = bot.text(follow_up, me)
    assert reply.startswith(f"{title}: median pay $") and "(BLS, May 2024)" in reply, reply
    assert "Median pay of related jobs (BLS, May 2024):" in reply and WRONG_JOB not in reply


@pytest.mark.parametrize(
    "outlook_question, follow_up, word",
    [
        ("are welders in demand", "is that growing fast?", "slower than"),
        ("what's the job outlook for logisticians", "is that good?", "faster than"),
        ("are data analysts in demand", "is that fast growth", "faster than"),
    ],
)
def test_judge_outlook_compares_with_all_jobs(bot, outlook_question, follow_up, word):
    me = uuid.uuid4().hex
    first = bot.text(outlook_question, me)
    assert f"That is {word} the +3.1% BLS expects for all U.S. jobs in 2024–34" in first, first
    reply = bot.text(follow_up, me)
    assert f"{word} the +3.1%" in reply and "openings come up" in reply and WRONG_JOB not in reply, reply


def test_judge_without_a_role_asks_which(bot):
    messages = bot.ask("is that good pay?")
    assert messages[0]["text"].startswith("Which job do you mean?") and len(messages[0]["buttons"]) >= 3


@pytest.mark.parametrize(
    "text",
    [
        "i love fixing cars",
        "i'm good at math",
        "i like helping people",
        "i love drawing",
        "i'm really into robots",
        "i like building things with legos",
        "i enjoy science and experiments",
        "i like being outside",
        "i'm good with my hands",
        "i love video games and computers",
    ],
)
def test_own_words_get_two_or_three_fitting_roles(bot, text):
    messages = bot.ask(text)
    reply = "\n".join(m.get("text", "") for m in messages)
    assert suggests_or_moves_on(reply) and ASKS_AGAIN not in reply and CONFUSED not in reply, reply
    if "These jobs could fit you" in reply:
        assert 2 <= reply.count("\u2022 ") <= 3 and reply.count("(BLS, May 2024)") >= 2
        assert any(b["title"] == "Narrow it down" for m in messages for b in m.get("buttons", []))


def test_narrow_it_down_skips_the_question_already_answered(bot):
    me = uuid.uuid4().hex
    messages = bot.ask("i love fixing cars", me)
    button = next((b for m in messages for b in m.get("buttons", []) if b["title"] == "Narrow it down"), None)
    if button is None:  # the finder already started from the message itself
        return
    reply = bot.text(button["payload"], me)
    assert reply.startswith("You like hands-on work, so I'll use that.") and ASKS_AGAIN not in reply, reply
    assert "How long do you want to train" in reply
    bot.text("up to two years of training", me)
    final = bot.text("any industry", me)
    assert "Based on your answers" in final, final


def test_finder_started_with_an_interest_asks_the_next_question(bot):
    reply = bot.text('/start_career_finder{"interest": "technology"}')
    assert reply.startswith("You like technology, so I'll use that.") and ASKS_AGAIN not in reply


def test_plain_finder_start_still_asks_the_first_question(bot):
    assert ASKS_AGAIN in bot.text("help me find a career")
