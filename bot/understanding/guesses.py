"""Words over guesses (rule 5 of bot/understanding/verdict.py): what the words of a message name
and ask, read once (bot/understanding/reading.py), overrule a general or unsure guess of the
classifier.

A message that names a job and asks its pay in any wording ("if I worked
as a welder, how much would I take home") is `ask_pay`, and so on for the job's education,
skills, outlook and certifications (the aspect asked first: bot/understanding/reading.py);
one that asks for jobs without a degree and names no job ("jobs where i can skip college") is
`explore_roles` (the no-degree list), two jobs named side by side ("welder vs machinist") are
`compare_roles`, and the jobs asked for in a named industry or pathway are `explore_roles`,
whatever the classifier thought (LEXICAL_INTENTS says which guesses words overrule);
a job described by its work and not named ("the guy who is in charge of the whole factory,
how much does he make", "tell me about the job where you fix broken machinery") is that
aspect of the job, or what the job is, whatever else the classifier guessed (its guesses for
such words were economy, safety, first jobs: KEPT_FOR_A_DESCRIBED_JOB), unless the message
asks for a list of jobs ("jobs for people who like working with their hands");
a common belief about manufacturing with no job named ("factory jobs don't pay", "it all went
to China": the myth_<id> cues) is `ask_myth`;
an explicit request for English or Spanish ("¿hablas español?") is `switch_language`.
"""

from __future__ import annotations

from typing import Any, Dict, Optional

from bot import kinds
from bot.understanding import forget
from bot.understanding.aspects import aspects_set_aside
from bot.understanding.distress import has_distress_words
from bot.understanding.language import requested_language
from bot.understanding.lexicon import language_of_match
from bot.understanding.reading import (
    MYTH_CUE_PREFIX,
    PATHWAY,
    ROLE,
    SECTOR,
    TECHNOLOGY,
    TRAINING,
    Reading,
)

WORRY_INTENT = "share_worry"
QUIZ_ANSWER_INTENT = "answer_quiz"
FINDER_INTENT = "start_career_finder"
JUDGE_INTENT = "judge_figure"
MYTH_INTENT = "ask_myth"
PRIVACY_INTENT = "ask_privacy"
FALLBACK_INTENT = "nlu_fallback"
#: A guess the words overrule is given at least this confidence (also: below it, a clear
#: command to delete wins over the classifier's other guess).
SURE = 0.8
#: Guesses that the words of a message overrule (rule 5): general or unsure ones. A specific
#: aspect ("what education does a welder need to get paid more") or a comparison keeps its intent.
LEXICAL_INTENTS = {
    "ask_about",
    "ask_roles",
    "ask_sectors",
    "ask_pathways",
    "ask_cluster",
    "ask_definition",
    "ask_education",
    "ask_training",
    "share_worry",
    "out_of_scope",
    "inform_finder",
    "ask_quick_start",
    "ask_cost",
    "ask_safety",
    FALLBACK_INTENT,
}
#: Questions that name a job and words of training or safety by nature ("what does it cost to
#: become a welder"): only pay words overrule them ("can you get rich as an engineer").
PAY_ONLY_INTENTS = {"ask_quick_start", "ask_cost", "ask_safety"}
#: The cue (data/lexicon/<lang>/cues.yml) of the words a guess of these needs beside a named job
#: and an aspect asked, outside the job's name ("robot tech money lowkey good or nah" is no
#: automation question, "what are the skills for a boilermaker? our welding students ask" no
#: question about using the assistant with a class).
OWN_WORDS = {
    "ask_safety": "safety",
    "ask_cost": "cost",
    "ask_quick_start": "quick_start",
    "ask_automation": "automation",
    "ask_for_staff": "for_staff",
}
COUNSELOR_INTENT = "ask_counselor"
SOURCE_INTENT = "ask_source"
STAFF_INTENT = "ask_for_staff"
TRAINING_INTENT = "ask_training"
#: Questions about the assistant itself, which the words of a sources question do not overrule.
ASSISTANT_INTENTS = {COUNSELOR_INTENT, SOURCE_INTENT, STAFF_INTENT, PRIVACY_INTENT, "ask_capabilities", "bot_challenge"}
#: Guesses that what training costs, asked in so many words, overrules (a job's education, the routes).
COST_GUESSES = LEXICAL_INTENTS | {"ask_education", TRAINING_INTENT, "what_about", MYTH_INTENT}
#: Guesses that what to do while still in high school overrules (any aspect: no job is named).
HIGH_SCHOOL_GUESSES = LEXICAL_INTENTS | {STAFF_INTENT, MYTH_INTENT, *kinds.ASPECT_INTENTS.values()}
#: Guesses that a common belief stated with no job named overrules ("factory jobs pay garbage"
#: read as a pay question): the general ones, pay or outlook asked of no job, and an insult
#: ("once you're on the line you're stuck there forever" insults nobody here).
MYTH_GUESSES = (LEXICAL_INTENTS - PAY_ONLY_INTENTS) | {"ask_pay", "ask_outlook", "insult"}
#: General guesses that a feeling or a doubt about oneself with no job asked about turns into a
#: worry ("my grades are kinda bad, can i still get a manufacturing job" read as a myth).
FELT_GUESSES = (LEXICAL_INTENTS - {WORRY_INTENT}) | {MYTH_INTENT, "ask_economy"}
#: Guesses that weighing the figure just given ("is that good money", with nothing named) turns
#: into weighing it: the classifier read some as the same pay question again.
JUDGED_GUESSES = LEXICAL_INTENTS | {"ask_pay", "ask_outlook", "what_about"}
#: Guesses a job described by its work keeps (rule 5): an aspect of a job, a comparison, a
#: follow-up; every other guess is overruled.
KEPT_FOR_A_DESCRIBED_JOB = {*kinds.ASPECT_INTENTS.values(), "compare_roles", "what_about", WORRY_INTENT}
#: Guesses that an aspect asked with nothing named turns into that aspect of the job discussed.
FOLLOW_UP_INTENTS = {"ask_about", "what_about", FALLBACK_INTENT}
#: Guesses that two named jobs with words of comparison ("or", "vs", "which is better") overrule too.
COMPARABLE_INTENTS = {*kinds.ASPECT_INTENTS.values(), "explore_roles", "what_about"}


def words_over_guesses(text: str, chosen: Dict[str, Any], reading: Reading) -> Dict[str, Any]:
    """Rule 5: a named job with a pay word is a pay question; no job named and "without a degree"
    is the no-degree list. Only general or unsure guesses are overruled (LEXICAL_INTENTS), and a
    word question ("what does median pay mean") stays a definition."""
    confidence = max(chosen["confidence"], SURE)  # of any guess the words overrule
    if requested_language(text):  # "¿hablas español?", "switch to English": always a request
        return {"name": "switch_language", "confidence": confidence}
    about_assistant = _about_the_assistant(text, chosen, reading)
    if about_assistant:
        return {"name": about_assistant, "confidence": confidence}
    if reading.place or reading.asks("where_most"):
        return chosen
    comparable = chosen["name"] in LEXICAL_INTENTS | COMPARABLE_INTENTS or _without_its_words(chosen, reading)
    if comparable and len(reading.ids(ROLE)) >= 2 and reading.asks("compare"):  # "welder vs machinist"
        return {"name": "compare_roles", "confidence": confidence}
    if comparable and len(reading.ids(ROLE)) == 1 and reading.asks("compares_with_discussed"):
        return {"name": "compare_roles", "confidence": confidence}  # "how does that stack up against welders"
    guessed = kinds.BY_INTENT[chosen["name"]].aspect if chosen["name"] in kinds.BY_INTENT else None
    if guessed and reading.aspect and reading.aspect != guessed and guessed in aspects_set_aside(text):
        # "I'm not asking about pay, what do welders do" read as pay: the aspect asked instead.
        return {"name": kinds.ASPECT_INTENTS[reading.aspect], "confidence": confidence}
    if chosen["name"] == "what_about" and reading.ids(ROLE) and reading.aspect:
        # "what degree for a welder": a question of its own, not the last aspect for another job.
        return {"name": kinds.ASPECT_INTENTS[reading.aspect], "confidence": confidence}
    if chosen["name"] in LEXICAL_INTENTS | {"what_about"} and jobs_in_a_named_industry(reading):
        return {"name": "explore_roles", "confidence": confidence}  # "jobs at food plants?"
    if not reading.ids(ROLE) and chosen["name"] in MYTH_GUESSES and _states_a_myth(reading):
        return {"name": MYTH_INTENT, "confidence": confidence}  # "factory jobs pay garbage"
    asked_other = reading.aspect and guessed and guessed != reading.aspect  # "jobs similar to [a job described]"
    if _describes_a_job(reading) and (chosen["name"] not in KEPT_FOR_A_DESCRIBED_JOB or asked_other):
        return {
            "name": kinds.ASPECT_INTENTS[reading.aspect or "overview"],
            "confidence": confidence,
        }
    topic = _topic_asked(chosen, reading)
    if topic:
        return {"name": topic, "confidence": confidence}
    if _asks_cost(chosen, reading):
        return {"name": "ask_cost", "confidence": confidence}  # "cuanto nos va a costar la escuela"
    if _asks_about_high_school(text, chosen, reading):
        return {"name": TRAINING_INTENT, "confidence": confidence}  # "im a junior, what can i do this year"
    if chosen["name"] == QUIZ_ANSWER_INTENT and reading.aspect:
        # "jobs like that?" read as a quiz answer ("Like"): a question, quiz or no quiz.
        return {"name": kinds.ASPECT_INTENTS[reading.aspect], "confidence": confidence}
    weighs = reading.asks("judges_figure") or (reading.amount is not None and reading.asks("judges_amount"))
    if chosen["name"] in JUDGED_GUESSES and weighs and not reading.mentions:
        return {"name": JUDGE_INTENT, "confidence": confidence}  # "is that above the typical wage?"
    overrulable = chosen["name"] in LEXICAL_INTENTS or _without_its_words(chosen, reading)
    if overrulable and reading.asks("wants_a_fit") and not reading.ids(ROLE):
        return {"name": FINDER_INTENT, "confidence": confidence}  # "what job should i do lol"
    felt = feels(text) and not reading.aspect and not reading.ids(ROLE) and not _states_a_myth(reading)
    if chosen["name"] in FELT_GUESSES and felt:
        # "what if im not strong enough to work in a factory" read as the cluster: a worry.
        return {"name": WORRY_INTENT, "confidence": confidence}
    if reading.asks("national") and not reading.mentions and chosen["name"] in FOLLOW_UP_INTENTS | {"ask_local"}:
        # "ok, and nationally?" after a local figure: the national pay of the job discussed.
        return {"name": kinds.ASPECT_INTENTS["pay"], "confidence": confidence}
    if _lacks_own_words(chosen, reading):  # "robot tech money lowkey good or nah" read as automation
        return {"name": kinds.ASPECT_INTENTS[reading.aspect or "overview"], "confidence": confidence}
    if chosen["name"] not in LEXICAL_INTENTS or (chosen["name"] == WORRY_INTENT and feels(text)):
        # A worry with a feeling stays a worry ("my parents want me to go to college but i want to weld").
        return chosen
    if chosen["name"] == "ask_definition" and reading.asks("word_meaning"):
        return chosen
    if chosen["name"] in PAY_ONLY_INTENTS and reading.aspect != "pay" and not _lacks_own_words(chosen, reading):
        return chosen  # "how much does it cost to become a welder" is about cost, not education
    if reading.ids(ROLE) and reading.aspect:  # the aspect asked first, in any wording
        return {"name": kinds.ASPECT_INTENTS[reading.aspect], "confidence": confidence}
    if reading.ids(ROLE) and reading.asks("meaning"):  # "i like drawing, whats a cad drafter"
        return {"name": kinds.ASPECT_INTENTS["overview"], "confidence": confidence}
    if not reading.ids(ROLE) and reading.asks("no_degree") and not feels(text):
        return {"name": "explore_roles", "confidence": confidence}
    if reading.aspect and not reading.mentions and chosen["name"] in FOLLOW_UP_INTENTS and not reading.asks("jobs_in"):
        # "how long is the training" after a job was discussed: that aspect of the same job.
        return {"name": kinds.ASPECT_INTENTS[reading.aspect], "confidence": confidence}
    return chosen


def _asks_cost(chosen: Dict[str, Any], reading: Reading) -> bool:
    """What training costs, asked in so many words, with a general guess or one about a job's
    education or the routes ("how much would welding school cost", "hay becas pa estudiar un
    oficio?"), and no pay asked ("how much do welders make" is pay)."""
    general = chosen["name"] in COST_GUESSES
    return general and reading.asks("asks_cost") and not reading.asks("pay")


def _asks_about_high_school(text: str, chosen: Dict[str, Any], reading: Reading) -> bool:
    """What to do while still in high school, no job named and no feeling said ("can i get
    certified before i graduate", "im 15, is there anything i can do now"): the ways to start
    in high school (an ask_training answer, bot/answers/in_school.py)."""
    general = chosen["name"] in HIGH_SCHOOL_GUESSES
    return general and reading.asks("in_high_school") and not reading.ids(ROLE) and not feels(text)


def _lacks_own_words(chosen: Dict[str, Any], reading: Reading) -> bool:
    """A guess of OWN_WORDS for a message with none of its words, naming a job and asking an
    aspect of it ("what do people that repair the machines at a factory do", "my son got offered
    a job as a spray painter, what does that job involve")."""
    if not _without_its_words(chosen, reading):
        return False
    named = reading.ids(ROLE) or reading.ambiguous  # "my daughter wants to be a technician"
    # A job named with nothing asked of it is its overview ("safety specialist at a plant, whats
    # the vibe"), but not for a staff guess: "i teach welding, how can i use this" is about us.
    asked = reading.aspect or reading.asks("describes_job") or chosen["name"] != STAFF_INTENT
    return bool(named and asked)


#: What a named topic asked about with no job named is ("what is OSHA 10?", "cobots?? whats that").
TOPIC_INTENTS = {"term": "ask_definition", TECHNOLOGY: "ask_automation"}


def _topic_asked(chosen: Dict[str, Any], reading: Reading) -> Optional[str]:
    """A glossary term asked what it is, with a general guess, or a technology named, with an
    unsure guess or one about the assistant; no job named."""
    if reading.ids(ROLE) or reading.ambiguous:
        return None
    guess = chosen["name"]
    if guess in OWN_WORDS and not _without_its_words(chosen, reading):
        return None  # "what is osha 10 and do i need it" read as safety, with safety's words: it stands
    # "what is the production pathway" names a pathway, "what is an apprenticeship" a training
    # route of the same name: the term inside is not what is asked ("what is OSHA 10?" is).
    named = reading.ids(PATHWAY) or reading.ids(SECTOR) or reading.term in reading.ids(TRAINING)
    if reading.term and reading.asks("meaning") and guess in LEXICAL_INTENTS | ASSISTANT_INTENTS and not named:
        return TOPIC_INTENTS["term"]
    unsure = chosen["confidence"] < SURE and guess in LEXICAL_INTENTS | ASSISTANT_INTENTS
    # Asked what it is, not liked ("i'm really into robots" answers the finder) nor feared ("i'm
    # scared ai will take the job i want" is a worry).
    asked = (reading.asks("meaning") or reading.asks("asks_about_it")) and guess not in (
        TOPIC_INTENTS["term"],
        WORRY_INTENT,
    )
    if reading.ids(TECHNOLOGY) and unsure and asked:
        return TOPIC_INTENTS[TECHNOLOGY]
    return None


def _without_its_words(chosen: Dict[str, Any], reading: Reading) -> bool:
    """A guess of OWN_WORDS with none of its words outside the names ("safety specialist" is a job)."""
    own = OWN_WORDS.get(chosen["name"])
    return bool(own and own not in reading.cues_outside_names)


def _about_the_assistant(text: str, chosen: Dict[str, Any], reading: Reading) -> Optional[str]:
    """Questions about the assistant itself, by their words, whatever the guess: passing a message
    on ("tell my counselor im interested in welding"), where its figures come from ("where do u get
    ur numbers"), what is kept of a chat ("is this saved?") asked in a counselor's words, and
    putting it on a site ("can I put this chatbot on my classroom page?") asked in privacy's."""
    if reading.asks("pass_on"):
        return COUNSELOR_INTENT
    kept = forget.about_this_chat(text)
    if reading.asks("sources") and (
        chosen["name"] not in ASSISTANT_INTENTS or (chosen["name"] == PRIVACY_INTENT and not kept)
    ):  # "de donde salen esos datos": the figures' data, not the student's
        return SOURCE_INTENT
    if chosen["name"] in (STAFF_INTENT, SOURCE_INTENT, "ask_safety") and kept:  # "is it safe to put my email here"
        return PRIVACY_INTENT
    if chosen["name"] == PRIVACY_INTENT and reading.asks("for_staff") and not kept:
        return STAFF_INTENT
    if chosen["name"] == PRIVACY_INTENT and kept:
        return PRIVACY_INTENT  # "does my counselor get to read this": about this chat, never a worry
    return None


def about_work(reading: Reading) -> bool:
    """Whether a message names or asks anything of ours: a job, an industry, a pathway, or words
    of jobs or pay ("jobs in ohio", "how much around here")."""
    named = reading.ids(ROLE) or reading.ids(SECTOR) or reading.ids(PATHWAY)
    return bool(named or reading.asks("jobs_in") or reading.asks("pay") or reading.asks("openings"))


def jobs_in_a_named_industry(reading: Reading) -> bool:
    """The jobs of a named industry or pathway, and no job named ("who works at foundries")."""
    return not reading.ids(ROLE) and bool(reading.ids(SECTOR) or reading.ids(PATHWAY)) and reading.asks("jobs_in")


def _describes_a_job(reading: Reading) -> bool:
    """One job found by a description of its work (no job named), in a message that does not
    ask for a list of jobs."""
    return len(reading.described(ROLE)) == 1 and len(reading.ids(ROLE)) == 1 and not reading.asks("list_jobs")


def _states_a_myth(reading: Reading) -> bool:
    """A common belief about manufacturing (the myth_<id> cues of data/lexicon/<lang>/cues.yml)."""
    return any(cue.startswith(MYTH_CUE_PREFIX) for cue in reading.cues)


def feels(text: str) -> bool:
    """A feeling or a personal concern; words of distress are feelings too."""
    return language_of_match("feelings", "signs", text) is not None or has_distress_words(text)
