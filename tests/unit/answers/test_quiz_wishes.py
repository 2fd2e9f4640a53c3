"""The quiz's results narrowed by what the student told the career finder or said in the chat
(bot/answers/quiz_wishes.py, docs/quiz.md "Narrowing"): known answer patterns with known wishes."""

from __future__ import annotations

import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.finder import ValidateCareerFinderForm
from actions.quiz import ActionQuizStep
from bot import ROOT
from bot import interest_quiz as iq
from bot.answers import quiz
from bot.answers.finder import TRAINING_LEVEL
from bot.answers.quiz_wishes import MIN_LEFT, NARROWING_TRAINING, Wishes, from_finder, from_slots, narrow
from bot.render import entry_level
from bot.understanding.wishes import INDUSTRY_ENTITY, TRAINING_CUES, TRAINING_ENTITY, wishes
from tests.conftest import role

N = len(iq.quiz().items)


def pattern(liked):
    return "".join(iq.LIKE if i.area in liked else iq.DISLIKE for i in iq.quiz().items)


def results(knowledge, liked, wishes):
    turn = quiz.Turn(
        knowledge, "start_quiz", "what fits me", slots={quiz.ANSWERS_SLOT: pattern(liked), quiz.FINISHED_SLOT: True}
    )
    return quiz.start(turn, wishes)


def shown(kb, reply):
    titles = {r.title: r for r in kb.roles}
    lines = [line[2:].split(":")[0] for line in reply.text.splitlines() if "(O*NET code" in line]
    return [titles[t] for t in lines]


def wish(knowledge, text):
    return dict(wishes(knowledge.reader.read(text)))


def test_what_a_message_wishes(knowledge):
    assert wish(knowledge, "i don't want to go to college") == {TRAINING_ENTITY: "short"}
    assert wish(knowledge, "jobs with just a high school diploma") == {TRAINING_ENTITY: "short"}
    assert wish(knowledge, "what about a two year degree") == {TRAINING_ENTITY: "two_year"}
    assert wish(knowledge, "what jobs are there in aerospace") == {INDUSTRY_ENTITY: "aerospace"}
    # A question about one job's degree, or an industry without asking for its jobs, is no wish.
    assert wish(knowledge, "do welders need a college degree") == {}
    assert wish(knowledge, "what is aerospace") == {}
    assert wish(knowledge, "i like fixing bikes") == {}


def test_the_wishes_are_the_finders_answers():
    """A message and the career finder set the same slot, with the same values."""
    assert {w for w, _ in TRAINING_CUES} == NARROWING_TRAINING <= set(TRAINING_LEVEL)
    assert from_finder("finder_training", "short") == {TRAINING_ENTITY: "short"}
    assert from_finder("finder_training", "four_year") == {TRAINING_ENTITY: "four_year"}  # a later wish wins
    assert from_finder("finder_industry", "any") == {INDUSTRY_ENTITY: None}
    assert from_slots({TRAINING_ENTITY: "short", INDUSTRY_ENTITY: "metals"}) == Wishes("short", "metals")
    assert from_slots({}) == Wishes()
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    for name in (TRAINING_ENTITY, INDUSTRY_ENTITY):
        assert name in domain["entities"]
        assert domain["slots"][name]["mappings"] == [{"type": "from_entity", "entity": name}]


def test_a_finder_answer_sets_the_wish(knowledge):
    form = ValidateCareerFinderForm()
    message = {"text": "no college", "intent": {"name": "inform_finder", "confidence": 0.9}}
    tracker = Tracker("u", {}, message, [], False, None, {"name": "career_finder_form"}, "action_listen")
    got = form.validate_finder_training("no college", CollectingDispatcher(), tracker, {})
    assert got == {"finder_training": "short", "finder_asides": None, TRAINING_ENTITY: "short"}
    anything = form.validate_finder_training("any", CollectingDispatcher(), tracker, {})
    assert anything == {"finder_training": "any", "finder_asides": None, TRAINING_ENTITY: None}


def test_no_college_keeps_to_jobs_that_start_after_high_school(knowledge, kb):
    plain = shown(kb, results(knowledge, "RC", Wishes()))
    reply = results(knowledge, "RC", Wishes("short"))
    picks = shown(kb, reply)
    assert 3 <= len(picks) <= 5 and all(entry_level(r) == 0 for r in picks)
    assert "As you asked, these are jobs you can start soon after high school." in reply.text
    # Sewing machine operators' entry "varies" (BLS has no page), so it is never promised as quick.
    assert role(kb, "sewer") in plain and role(kb, "sewer") not in picks
    assert "Want jobs you can start soon after high school" in results(knowledge, "RC", Wishes()).text
    assert "Want jobs" not in reply.text


def test_an_industry_keeps_to_its_jobs(knowledge, kb):
    reply = results(knowledge, "IR", Wishes(None, "aerospace"))
    picks = shown(kb, reply)
    assert 3 <= len(picks) <= 5 and all(r.id in knowledge.sectors["aerospace"].roles for r in picks)
    assert "these are jobs in aerospace." in reply.text


def test_both_wishes_and_too_few_jobs_let_the_industry_go(knowledge, kb):
    both = results(knowledge, "A", Wishes("two_year", "electronics"))
    picks = shown(kb, both)
    assert all(entry_level(r) <= 1 and r.id in knowledge.sectors["electronics"].roles for r in picks)
    assert len(picks) >= MIN_LEFT
    few = results(knowledge, "RC", Wishes("short", "pharmaceuticals"))
    picks = shown(kb, few)
    assert len(picks) >= MIN_LEFT and all(entry_level(r) == 0 for r in picks)
    assert any(r.id not in knowledge.sectors["pharmaceuticals"].roles for r in picks)
    assert "I know only 2 jobs in pharmaceuticals you can start soon after high school" in few.text
    assert "so these come from every industry" in few.text


def test_four_years_or_an_unknown_industry_narrow_nothing(knowledge, kb):
    plain = results(knowledge, "RC", Wishes())
    for said in (Wishes("four_year"), Wishes(None, "no_such_industry")):
        assert shown(kb, results(knowledge, "RC", said)) == shown(kb, plain)
    narrowed = narrow(knowledge, kb.roles, Wishes("four_year"))
    assert not narrowed.kept and not narrowed.let_go and len(narrowed.roles) == len(kb.roles)


def test_the_action_reads_the_wish_slots(knowledge, kb):
    """As the action server runs it: the last answer, with the wishes kept in the slots."""
    answers = pattern("RC")[:-1]
    message = {
        "text": "/answer_quiz",
        "intent": {"name": "answer_quiz"},
        "entities": [
            {"entity": "quiz_choice", "value": pattern("RC")[-1]},
            {"entity": "quiz_item", "value": str(N - 1)},
        ],
    }
    slots = {quiz.ANSWERS_SLOT: answers, INDUSTRY_ENTITY: "metals", TRAINING_ENTITY: "short"}
    tracker = Tracker("u", slots, message, [], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    ActionQuizStep().run(dispatcher, tracker, {})
    (reply,) = dispatcher.messages
    assert "As you asked, these are jobs in metals you can start soon after high school." in reply["text"]
    titles = [line[2:].split(":")[0] for line in reply["text"].splitlines() if "(O*NET code" in line]
    picks = [r for r in kb.roles if r.title in titles]
    assert len(picks) == len(titles) >= MIN_LEFT
    assert all(entry_level(r) == 0 and r.id in knowledge.sectors["metals"].roles for r in picks)
