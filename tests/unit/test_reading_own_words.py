"""Students' own words (#20): typos a few keystrokes from a name or a question word, work
described in words of its own and found through the knowledge file's texts, money as a sign of
a jobs question, and a question of its own inside "what about"."""

from __future__ import annotations

import pytest

from bot.understanding.spelling import Speller, allowed_edits
from bot.understanding.verdict import corrected_intent, verdict


def decided(knowledge, text: str, ranking: list) -> str:
    """The intent the verdict settles on for `text`, given the classifier's ranking (best first)."""
    return (corrected_intent(text, ranking[0], ranking, knowledge.reader.read(text)) or ranking[0])["name"]


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
    assert decided(knowledge, text, ranking) != "distress"
    # A sign of distress is still distress, money or not.
    text = "i have no money and i want to kill myself"
    assert decided(knowledge, text, ranking) == "distress"


def test_what_about_with_a_question_of_its_own_asks_that(knowledge):
    text = "what training for a forklift operator"
    guess = {"name": "what_about", "confidence": 0.5}
    assert decided(knowledge, text, [guess]) == "ask_education"
    text = "what about forklift operators"  # no question of its own: the last aspect, for this job
    assert decided(knowledge, text, [guess]) == "what_about"


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
    assert decided(knowledge, text, ranking) != "distress"


def test_a_job_described_by_its_work_is_not_distress(knowledge):
    """ "describe a day for someone who tests silicon wafers" got the crisis reply (the classifier
    said distress, 0.51; blind batch 6): a known job described by its work is a job question. With
    no job described, the classifier's distress still stands."""
    guess = {"name": "distress", "confidence": 0.9}
    ranking = [guess, {"name": "ask_about", "confidence": 0.05}]
    text = "describe a day for someone who tests silicon wafers"
    assert knowledge.reader.read(text).ids("role") == ["semiconductor_technician"]
    assert decided(knowledge, text, ranking) != "distress"
    text = "i wrote letters to my mom and my brother just in case, someone who finds them will know"
    assert decided(knowledge, text, ranking) == "distress"


@pytest.mark.parametrize(
    "text, guess, intent",
    [
        # The classifier's guesses for these were economy, safety and first jobs (blind batch 6).
        ("how much does the person who fixes robots at a factory make", "ask_economy", "ask_pay"),
        ("tell me about the job where you fix broken machinery in a plant", "ask_safety", "ask_about"),
        ("who's the person that negotiates with suppliers for a factory", "ask_economy", "ask_about"),
        ("imagine i work on an assembly line, what would my days look like", "inform_finder", "ask_about"),
        (
            "my son got offered a job as a spray painter at a plant, what does that job involve",
            "ask_quick_start",
            "ask_about",
        ),
    ],
)
def test_a_job_described_by_its_work_is_asked_about_whatever_the_guess(knowledge, text, guess, intent):
    ranking = [{"name": guess, "confidence": 0.8}]
    assert decided(knowledge, text, ranking) == intent


def test_a_list_of_jobs_for_people_described_stays_a_list(knowledge):
    text = "jobs for people who like working with their hands"
    guess = {"name": "explore_roles", "confidence": 0.7}
    assert decided(knowledge, text, [guess]) == "explore_roles"


@pytest.mark.parametrize(
    "text, guess, intent",
    [
        # blind batch 6 and conversation batch 4: the guess, and what the words ask
        ("tell my counselor im interested in welding", "nlu_fallback", "ask_counselor"),
        ("can you send this to my counselor", "ask_for_staff", "ask_counselor"),
        ("can u message mrs johnson that im interested in robotics", "ask_about", "ask_counselor"),
        ("ok cool, and where do u get ur numbers", "nlu_fallback", "ask_source"),
        ("Where do the salary figures come from? I want to check them first.", "ask_pay", "ask_source"),
        ("is this saved?", "ask_source", "ask_privacy"),
        ("If a student closes the window, is the conversation kept somewhere?", "ask_for_staff", "ask_privacy"),
        (
            "Before my son uses this, what information do you keep from his conversations?",
            "ask_for_staff",
            "ask_privacy",
        ),
        ("Can I put this chatbot on my classroom page?", "ask_privacy", "ask_for_staff"),
        ("best pizza place near me", "out_of_scope", "out_of_scope"),
        ("how much do welders make near me", "out_of_scope", "ask_local"),
        ("factory jobs pay garbage", "ask_pay", "ask_myth"),
        ("there's no career ladder in manufacturing", "nlu_fallback", "ask_myth"),
        # round 6 (blind batch 7): a myth read as an insult; a term or a technology asked about
        ("if you start on the line you're stuck in that job for life", "insult", "ask_myth"),
        ("what is dual enrollment?", "ask_safety", "ask_definition"),
        ("idk what i wanna do after high school lol", "out_of_scope", "start_career_finder"),
        ("honestly no idea what career i would even like", "share_worry", "start_career_finder"),
        ("what jobs would a steel mill near me have", "ask_local", "explore_roles"),  # an industry's jobs
        ("what jobs are at steel mills in ohio", "ask_local", "ask_local"),  # a place named: local
    ],
)
def test_questions_about_the_assistant_and_myths_by_their_words(knowledge, text, guess, intent):
    ranking = [{"name": guess, "confidence": 0.9}]
    assert decided(knowledge, text, ranking) == intent


@pytest.mark.parametrize(
    "text",
    ["what does a welder make", "should i tell my parents i want to weld", "where do welders make the most"],
)
def test_job_questions_are_not_about_the_assistant(knowledge, text):
    guess = {"name": "ask_pay", "confidence": 0.9}
    got = decided(knowledge, text, [guess])
    assert got not in ("ask_counselor", "ask_source", "ask_privacy", "ask_for_staff")


@pytest.mark.parametrize("text", ["jobs at food and beverage plants?", "who works at foundries and steel mills"])
def test_the_jobs_of_a_named_industry_are_its_list_even_as_a_follow_up(knowledge, text):
    guess = {"name": "what_about", "confidence": 0.5}
    assert decided(knowledge, text, [guess]) == "explore_roles"


@pytest.mark.parametrize(
    "text, intent",
    [
        # The classifier said distress (0.5-0.97) to these: blind batches 3 and 6 once every row
        # was checked for harm. A doubt about oneself is a worry (ending with the 988 line).
        ("ive never built anything in my life is it too late for me", "share_worry"),
        ("ngl im lowkey dumb at science could i still do this stuff", "share_worry"),
        ("the path where you design products and the steps to make them", None),
        ("none of those sound fun, can you help me pick something else", None),
    ],
)
def test_doubts_and_talk_of_the_jobs_listed_are_not_a_crisis(text, intent):
    guess = {"name": "distress", "confidence": 0.9}
    ranking = [guess, {"name": "share_worry", "confidence": 0.05}, {"name": "ask_pathways", "confidence": 0.04}]
    got = verdict(text, guess, ranking).intent
    assert got is not None and got["name"] != "distress"
    if intent:
        assert got["name"] == intent


@pytest.mark.parametrize(
    "text, guess, intent",
    [
        ("jobs like that?", "answer_quiz", "ask_related_roles"),  # "like" is also a quiz answer
        ("anything else like it", "answer_quiz", "ask_related_roles"),
        ("i like drawing and computers, whats a cad drafter", "inform_finder", "ask_about"),
        ("save me the essay, how much do cnc ppl make", "ask_pay", "ask_pay"),  # no privacy question
    ],
)
def test_a_question_in_the_words_of_a_quiz_or_finder_answer(knowledge, text, guess, intent):
    ranking = [{"name": guess, "confidence": 0.6}]
    assert decided(knowledge, text, ranking) == intent


@pytest.mark.parametrize(
    "text, guess, intent",
    [
        ("what if im not strong enough to work in a factory", "ask_cluster", "share_worry"),
        ("my grades are kinda bad, can i still get a manufacturing job", "ask_myth", "share_worry"),
        ("i have zero experience, would anyone even hire me", "ask_cluster", "share_worry"),
        ("im not really a hands on person is that gonna be a problem", "ask_cluster", "share_worry"),
        ("My son struggles in school. Could manufacturing still work for him?", "ask_training", "share_worry"),
        ("what job should i do lol", "out_of_scope", "start_career_finder"),
        ("My daughter has no clue. Can you help her find a fit?", "ask_training", "start_career_finder"),
        ("what do welders make, my grades are bad", "ask_pay", "ask_pay"),  # a job asked about
    ],
)
def test_doubts_are_worries_and_asking_for_a_fit_starts_the_finder(knowledge, text, guess, intent):
    ranking = [{"name": guess, "confidence": 0.7}]
    assert decided(knowledge, text, ranking) == intent


def test_a_worry_about_a_common_belief_gets_the_facts(knowledge):
    text = "I am worried. Factories are dirty and unsafe places, no?"
    guess = {"name": "ask_myth", "confidence": 0.98}
    assert decided(knowledge, text, [guess]) == "ask_myth"


def test_how_long_is_school_asks_the_education(knowledge):
    assert knowledge.reader.read("how long is school for the robot tech one").aspect == "education"


def test_the_question_sentence_gives_the_aspect():
    from bot.understanding.aspects import first_aspect

    text = "Good evening. My son is 16 and he wants to become a welder. What does a welder do every day?"
    assert first_aspect(text) == "overview"  # conversations batch 1: it got the training answer
    assert first_aspect("My son wants to become a welder.") == "education"


@pytest.mark.parametrize(
    "text, guess, intent",
    [
        ("Is that above the typical wage for all jobs?", "ask_pay", "judge_figure"),
        ("dang is that a lot", "what_about", "judge_figure"),
        ("is that good money for a welder", "ask_pay", "ask_pay"),  # a job named: its pay
    ],
)
def test_weighing_the_figure_just_given(knowledge, text, guess, intent):
    ranking = [{"name": guess, "confidence": 0.7}]
    assert decided(knowledge, text, ranking) == intent


def test_a_pressure_tank_is_no_feeling():
    from bot.understanding.lexicon import language_of_match

    assert language_of_match("feelings", "signs", "the job where you build huge steel pressure tanks") is None
    assert language_of_match("feelings", "signs", "i feel so much pressure from my parents") == "en"


def test_a_place_alone_after_a_pay_answer_is_still_a_place(knowledge):
    guess = {"name": "nlu_fallback", "confidence": 0.3}
    assert decided(knowledge, "in Philly?", [guess]) == "ask_local"


def test_a_comparison_needs_two_jobs_or_words_of_comparing(knowledge):
    ranking = [{"name": "compare_roles", "confidence": 0.3}, {"name": "ask_safety", "confidence": 0.25}]
    assert decided(knowledge, "what gloves do welders have to wear", ranking) == "ask_safety"
    assert decided(knowledge, "welders or machinists, who earns more", ranking) == "compare_roles"


def test_a_job_named_by_its_title_is_job_talk_never_the_crisis_reply(knowledge):
    ranking = [{"name": "distress", "confidence": 0.95}, {"name": "ask_pay", "confidence": 0.03}]
    assert decided(knowledge, "could you really make a living as a boilermaker or nah", ranking) != "distress"
    # a described job or a common word that is also a name is not enough: "the car running" is a crisis
    assert decided(knowledge, "im sitting in the garage with the car running", ranking) == "distress"
