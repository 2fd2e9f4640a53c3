"""The "What fits me?" quiz in the chat (bot/answers/quiz.py): one item per message with its
buttons, typed answers, skipping, resuming, restarting, stopping, and the results."""

from __future__ import annotations

from bot import interest_quiz as iq
from bot.answers import quiz
from bot.answers.turn import Turn
from bot.phrases import say

N = len(iq.quiz().items)


def start(knowledge, text="what fits me", **kw):
    return quiz.start(Turn(knowledge, "start_quiz", text, **kw))


def tap(knowledge, answers, choice, item=None, text="/answer_quiz"):
    item = str(len(answers)) if item is None else item
    entities = {"quiz_choice": choice, "quiz_item": item} if choice else {}
    return quiz.step(Turn(knowledge, "answer_quiz", text, entities=entities, slots={quiz.ANSWERS_SLOT: answers}))


def run(knowledge, answers):
    """Tap through the quiz; the last reply (the results)."""
    state = ""
    for choice in answers:
        reply = tap(knowledge, state, choice)
        state = reply.slots[quiz.ANSWERS_SLOT]
    return reply


def pattern(liked):
    return "".join(iq.LIKE if i.area in liked else iq.DISLIKE for i in iq.quiz().items)


def test_start_says_what_it_is_and_asks_the_first_item(knowledge):
    reply = start(knowledge)
    assert "not a test" in reply.text and quiz.PROFILER in reply.text and "stop" in reply.text
    assert reply.text.endswith(quiz.item_text(0))
    assert [b.title for b in reply.buttons] == ["Like", "Not sure", "Dislike"]
    assert reply.buttons[0].payload == '/answer_quiz{"quiz_choice": "l", "quiz_item": "0"}'
    assert reply.slots == {quiz.ANSWERS_SLOT: "", quiz.FINISHED_SLOT: None}


def test_each_answer_asks_the_next_item(knowledge):
    reply = tap(knowledge, "", iq.LIKE)
    assert reply.text == quiz.item_text(1) and reply.slots[quiz.ANSWERS_SLOT] == "l"
    typed = tap(knowledge, "l", None, text="not sure")
    assert typed.slots[quiz.ANSWERS_SLOT] == "ln" and typed.text == quiz.item_text(2)
    skipped = tap(knowledge, "ln", None, text="skip")
    assert skipped.slots[quiz.ANSWERS_SLOT] == "lns"


def test_an_unclear_answer_or_an_old_button_asks_again(knowledge):
    unclear = tap(knowledge, "ll", None, text="what's for lunch")
    assert unclear.text.startswith("Sorry") and unclear.slots[quiz.ANSWERS_SLOT] == "ll"
    old = tap(knowledge, "ll", iq.LIKE, item="0")
    assert "earlier question" in old.text and old.slots[quiz.ANSWERS_SLOT] == "ll"
    assert old.text.endswith(quiz.item_text(2))


def test_resume_restart_and_stop(knowledge):
    slots = {quiz.ANSWERS_SLOT: "lld"}
    resumed = start(knowledge, "continue the quiz", slots=slots)
    assert resumed.text.startswith("Welcome back") and resumed.text.endswith(quiz.item_text(3))
    assert resumed.slots[quiz.ANSWERS_SLOT] == "lld"
    again = start(knowledge, "restart the quiz", slots=slots)
    assert again.slots[quiz.ANSWERS_SLOT] == "" and again.text.endswith(quiz.item_text(0))
    button = start(knowledge, "/start_quiz", slots=slots, entities={"quiz_choice": "restart"})
    assert button.slots[quiz.ANSWERS_SLOT] == ""
    stopped = quiz.stop(Turn(knowledge, "stop_finder", "stop", slots=slots))
    assert "stopped the quiz" in stopped.text and quiz.ANSWERS_SLOT not in stopped.slots
    finder = quiz.stop(Turn(knowledge, "stop_finder", "stop"))
    assert finder.text == say("en", "quiz.stopped_finder")
    finished = {quiz.ANSWERS_SLOT: "l" * N, quiz.FINISHED_SLOT: True}
    again = start(knowledge, slots=finished)  # "what fits me" after the results: the results again
    assert again.slots[quiz.ANSWERS_SLOT] == "l" * N and "Thanks for finishing" in again.text
    assert start(knowledge, "restart the quiz", slots=finished).slots[quiz.ANSWERS_SLOT] == ""  # a new quiz
    assert quiz.stop(Turn(knowledge, "stop_finder", "stop", slots=finished)).text == say("en", "quiz.stopped_finder")


def test_an_answer_without_a_quiz_offers_one(knowledge):
    reply = tap(knowledge, None, iq.LIKE, item="0")
    assert "no quiz" in reply.text and reply.buttons[0].payload == "/start_quiz"
    assert quiz.ANSWERS_SLOT not in reply.slots


def test_results_top_areas_roles_and_buttons(knowledge, kb):
    reply = run(knowledge, pattern("RC"))
    assert reply.slots[quiz.FINISHED_SLOT] is True and reply.slots[quiz.ANSWERS_SLOT] == pattern("RC")
    lines = reply.text.splitlines()
    assert lines[1].startswith("• Hands-on work: ") and lines[2].startswith("• Organizing and details: ")
    roles = [line for line in lines[3:] if line.startswith("• ")]
    assert 3 <= len(roles) <= 5
    assert all("(O*NET code RC" in line and "strong fit" in line for line in roles)
    assert "O*NET 29.3 Database" in reply.text and "CC BY 4.0" in reply.text and quiz.PROFILER in reply.text
    titles = [b.title for b in reply.buttons]
    assert sum(t.startswith("About: ") for t in titles) == len(roles)
    assert sum(t.startswith("Pay: ") for t in titles) == len(roles)
    assert any(t.startswith("Compare: ") for t in titles) and titles[-1] == "Start the quiz over"
    assert reply.slots["role"] in {r.id for r in kb.roles}


def test_flat_and_few_answers_get_an_honest_answer_and_the_counselor(knowledge):
    for answers in (iq.LIKE * N, iq.DISLIKE * N, iq.SKIP * (N - 3) + "lll"):
        reply = run(knowledge, answers)
        assert "counselor" in reply.text and "Fit:" not in reply.text and "fit." not in reply.text
        assert reply.buttons[0].payload == "/ask_counselor"
        assert reply.slots[quiz.FINISHED_SLOT] is True


def test_no_social_roles_is_said_plainly(knowledge):
    reply = run(knowledge, pattern("S"))
    assert "None of the jobs I know is mostly about helping people" in reply.text
    assert "counselor" in reply.text


def test_a_tie_is_told(knowledge):
    answers = "".join(
        iq.LIKE if i.area == "R" else iq.UNSURE if i.area in "IA" else iq.DISLIKE for i in iq.quiz().items
    )
    reply = run(knowledge, answers)
    assert "came out even" in reply.text and "counselor" in reply.text
