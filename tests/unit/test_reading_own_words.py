"""Students' own words (#20): typos a few keystrokes from a name or a question word, work
described in words of its own and found through the knowledge file's texts, money as a sign of
a jobs question, and a question of its own inside "what about"."""

from __future__ import annotations

import pytest

from bot.understanding.spelling import Speller, allowed_edits
from bot.understanding.verdict import corrected_intent


def roles(knowledge, text):
    return knowledge.reader.read(text).ids("role")


@pytest.mark.parametrize(
    "text, role",
    [
        ("wages for a weldor", "welder"),  # one letter from "welder": ratio 83, below the cutoff
        ("logistition job", "logistician"),  # two letters in a long word
        ("what do machinests do", "machinist"),
    ],
)
def test_a_typo_a_few_keystrokes_away_is_the_name(knowledge, text, role):
    assert roles(knowledge, text) == [role]


@pytest.mark.parametrize("text", ["i wonder about jobs", "my plan is a job", "what is a model"])
def test_short_real_words_are_not_corrected_into_names(knowledge, text):
    assert roles(knowledge, text) == []


def test_misspelt_question_words_still_ask(knowledge):
    reading = knowledge.reader.read("machinist salery")
    assert reading.asks("pay") and reading.aspect == "pay"
    assert knowledge.reader.read("job outlok for machinists").aspect == "outlook"


def test_the_speller_only_changes_a_word_into_one_clear_word():
    speller = Speller(frozenset({"salary", "outlook", "grade", "grace"}))
    assert speller.correct("whats the salery") == "whats the salary"
    assert speller.correct("outlok please") == "outlook please"
    assert speller.correct("grame") == "grame"  # one letter from two words: left alone
    assert speller.correct("sal") == "sal" and allowed_edits("sal") == 0


@pytest.mark.parametrize(
    "text, role",
    [
        ("the job where you sit at a computer drawing plans for parts, what does it pay", "cad_drafter"),
        ("the guys who drive the little lift trucks around the warehouse", "forklift_operator"),
    ],
)
def test_work_described_in_own_words_is_found_by_the_knowledge_texts(knowledge, text, role):
    assert role in roles(knowledge, text)


@pytest.mark.parametrize(
    "text",
    [
        "what do the people who work there do",  # no words of any job
        "what do the people who work at the plant all day earn",  # words of every job
        "how much do the people who make things make",
    ],
)
def test_a_description_needs_words_that_point_to_one_job(knowledge, text):
    assert knowledge.reader.read(text).ids("role") == []


def test_an_industry_described_in_own_words(knowledge):
    assert knowledge.reader.read("what jobs are at a company that makes pills and vaccines").ids("sector") == [
        "pharmaceuticals"
    ]


def test_money_makes_a_message_about_jobs_not_distress(knowledge):
    """The classifier once took "is 57k decent for someone my age" for distress (a crisis reply
    to a pay question). A figure or a word of pay is a word about jobs."""
    text = "is 60k ok for somebody my age"
    guess = {"name": "distress", "confidence": 0.55}
    ranking = [guess, {"name": "judge_figure", "confidence": 0.2}]
    assert (corrected_intent(text, guess, ranking, knowledge.reader.read(text)) or guess)["name"] != "distress"
    # A sign of distress is still distress, money or not.
    text = "i have no money and i want to kill myself"
    assert (corrected_intent(text, guess, ranking, knowledge.reader.read(text)) or guess)["name"] == "distress"


def test_what_about_with_a_question_of_its_own_asks_that(knowledge):
    text = "what training for a forklift operator"
    guess = {"name": "what_about", "confidence": 0.5}
    assert (corrected_intent(text, guess, [guess], knowledge.reader.read(text)) or guess)["name"] == "ask_education"
    text = "what about forklift operators"  # no question of its own: the last aspect, for this job
    assert (corrected_intent(text, guess, [guess], knowledge.reader.read(text)) or guess)["name"] == "what_about"


@pytest.mark.parametrize(
    "text, unknown",
    [
        ("Is it a secure career for the future?", []),  # formal words are no job we lack
        ("How do the two compare, especially in pay?", []),
        ("how much do barbers make", ["barbers"]),  # a job's shape
        ("what about a locksmith", ["locksmith"]),
        ("i want to be an interior designer", ["interior", "designer"]),  # a word before a job word
    ],
)
def test_only_words_shaped_like_jobs_are_jobs_we_lack(knowledge, text, unknown):
    assert knowledge.reader.linker.link(text).unknown_words == unknown


@pytest.mark.parametrize(
    "text, aspect",
    [
        ("production worker job duties", "overview"),
        ("if i was a cnc operator what would i be doing every day", "overview"),  # not "dying"
        ("whats close to being a semiconductor technician", "related"),
    ],
)
def test_what_the_job_is_and_similar_jobs_are_aspects_too(knowledge, text, aspect):
    assert knowledge.reader.read(text).aspect == aspect


def test_a_job_we_do_not_cover_named_gets_its_closest_listed_job(knowledge):
    """A role's near_names: "supply chain manager" is not the logistician (another BLS
    occupation); the logistician is suggested, never answered for."""
    reading = knowledge.reader.read("what does a supply chain manager do")
    assert reading.ids("role") == [] and reading.unknown_jobs == 1 and reading.closest[0] == "logistician"


@pytest.mark.parametrize(
    "text, roles, aspect",
    [
        ("not machinists, i mean cnc operators, what's the pay", ["cnc_operator"], "pay"),
        ("i don't mean welders, how much do boilermakers make", ["boilermaker"], "pay"),
        ("not the pay, is woodworking growing", ["woodworker"], "outlook"),
        ("welder or machinist, which pays more", ["welder", "machinist"], "pay"),  # nothing set aside
        ("not welding exactly but something close to it", ["welder"], "related"),  # only one: kept
    ],
)
def test_a_job_or_question_set_aside_is_not_the_one_asked(knowledge, text, roles, aspect):
    reading = knowledge.reader.read(text)
    assert reading.ids("role") == roles and reading.aspect == aspect


def test_a_job_we_do_not_cover_gets_the_closest_and_its_related_jobs(knowledge, kb):
    reading = knowledge.reader.read("how much do upholsterers make")
    sewer = next(r for r in kb.roles if r.id == "sewer")
    assert list(reading.closest) == ["sewer", *sewer.related_roles][:3]


@pytest.mark.parametrize(
    "text",
    [
        "i dropped out of dual enrollment last semester, does that mess up my chances",
        "i deleted my common app account lol is that dumb if i wanna do this instead",
        "idk what i wanna do tbh i just like taking my bike apart and putting it back",
        "My caseload is 450 kids and it's murder this time of year, so quickly: what's a digital twin?",
    ],
)
def test_school_plans_are_not_distress(knowledge, text):
    """The classifier took these for distress with 0.8-0.93 (blind conversation batch 2): a crisis
    reply to a question about school is harm. Words of school plans are words about jobs."""
    guess = {"name": "distress", "confidence": 0.93}
    ranking = [guess, {"name": "ask_privacy", "confidence": 0.02}]
    assert (corrected_intent(text, guess, ranking, knowledge.reader.read(text)) or guess)["name"] != "distress"
