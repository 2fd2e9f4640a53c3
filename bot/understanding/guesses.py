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
from bot.understanding.aspects import ASPECT_CUES, aspects_set_aside
from bot.understanding.assistant_questions import about_the_assistant
from bot.understanding.intents import (
    ASSISTANT_INTENTS,
    COMPARABLE_INTENTS,
    FALLBACK_INTENT,
    FELT_GUESSES,
    FINDER_INTENT,
    FOLLOW_UP_INTENTS,
    JUDGE_INTENT,
    JUDGED_GUESSES,
    KEPT_FOR_A_DESCRIBED_JOB,
    LEXICAL_INTENTS,
    MYTH_GUESSES,
    MYTH_INTENT,
    OWN_WORDS,
    PAY_ONLY_INTENTS,
    QUIZ_ANSWER_INTENT,
    STAFF_INTENT,
    SURE,
    WORRY_INTENT,
)
from bot.understanding.language import requested_language
from bot.understanding.outright import asked_outright
from bot.understanding.reading import (
    PATHWAY,
    ROLE,
    SECTOR,
    TECHNOLOGY,
    TRAINING,
    Reading,
)
from bot.understanding.stance import feels, states_a_myth

#: Lists asked for by name: a myth guess with no belief stated yields to them (outright.py).
LISTS_ASKED = {"ask_sectors", "ask_roles", "ask_quick_start"}


def words_over_guesses(text: str, chosen: Dict[str, Any], reading: Reading) -> Dict[str, Any]:
    """Rule 5: a named job with a pay word is a pay question; no job named and "without a degree"
    is the no-degree list. Only general or unsure guesses are overruled (LEXICAL_INTENTS), and a
    word question ("what does median pay mean") stays a definition."""
    confidence = max(chosen["confidence"], SURE)  # of any guess the words overrule
    if requested_language(text):  # "¿hablas español?", "switch to English": always a request
        return {"name": "switch_language", "confidence": confidence}
    about_assistant = about_the_assistant(text, chosen, reading)
    if about_assistant:
        return {"name": about_assistant, "confidence": confidence}
    if chosen["name"] == MYTH_INTENT and not states_a_myth(reading):
        # A myth guess with no belief stated in the words the lexicon knows weighs like an unsure
        # guess where the words name something or ask for a list ("not asking pay, is robotics
        # tech actually a growing field", "all the manufacturing jobs pls"); a belief in other
        # words ("en las fabricas pagan re mal, no?") keeps the guess; a feeling said is a worry.
        unsure = {"name": FALLBACK_INTENT, "confidence": chosen["confidence"]}
        ruled = words_over_guesses(text, unsure, reading)
        return ruled if reading.mentions or ruled["name"] in LISTS_ASKED | {WORRY_INTENT} else chosen
    if reading.place or reading.asks("where_most"):
        return chosen
    comparable = chosen["name"] in LEXICAL_INTENTS | COMPARABLE_INTENTS or _without_its_words(chosen, reading)
    if comparable and len(reading.ids(ROLE)) >= 2 and reading.asks("compare"):  # "welder vs machinist"
        return {"name": "compare_roles", "confidence": confidence}
    if (
        (comparable or chosen["name"] == JUDGE_INTENT)
        and len(reading.ids(ROLE)) == 1
        and reading.asks("compares_with_discussed")
    ):
        return {"name": "compare_roles", "confidence": confidence}  # "how does that stack up against welders"
    guessed = kinds.BY_INTENT[chosen["name"]].aspect if chosen["name"] in kinds.BY_INTENT else None
    if guessed and reading.aspect and reading.aspect != guessed and guessed in aspects_set_aside(text):
        # "I'm not asking about pay, what do welders do" read as pay: the aspect asked instead.
        return {"name": kinds.ASPECT_INTENTS[reading.aspect], "confidence": confidence}
    if chosen["name"] == "what_about" and reading.ids(ROLE) and reading.aspect:
        # "what degree for a welder": a question of its own, not the last aspect for another job.
        return {"name": kinds.ASPECT_INTENTS[reading.aspect], "confidence": confidence}
    other = _other_aspect_asked(guessed, reading)  # "im dying to know what welders make" read as outlook
    if other:
        return {"name": kinds.ASPECT_INTENTS[other], "confidence": confidence}
    named_jobs = set(reading.ids(ROLE)) - set(reading.described(ROLE))  # a description is no choice made
    if _wants_a_fit(reading) and not named_jobs and chosen["name"] in LEXICAL_INTENTS | {"explore_roles"}:
        return {"name": FINDER_INTENT, "confidence": confidence}  # "not a desk person, what would suit me"
    if chosen["name"] in LEXICAL_INTENTS | {"what_about"} and jobs_in_a_named_industry(reading):
        return {"name": "explore_roles", "confidence": confidence}  # "jobs at food plants?"
    if not reading.ids(ROLE) and chosen["name"] in MYTH_GUESSES and states_a_myth(reading):
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
    outright = asked_outright(text, chosen, reading)
    if outright:
        return {"name": outright, "confidence": confidence}
    if chosen["name"] == QUIZ_ANSWER_INTENT and reading.aspect:
        # "jobs like that?" read as a quiz answer ("Like"): a question, quiz or no quiz.
        return {"name": kinds.ASPECT_INTENTS[reading.aspect], "confidence": confidence}
    weighs = reading.asks("judges_figure") or (reading.amount is not None and reading.asks("judges_amount"))
    if chosen["name"] in JUDGED_GUESSES and weighs and not reading.mentions:
        return {"name": JUDGE_INTENT, "confidence": confidence}  # "is that above the typical wage?"
    figure_aspects = (None, "pay", "outlook")  # "is that growing fast?" weighs the outlook just given
    if chosen["name"] == JUDGE_INTENT and not weighs and reading.aspect not in figure_aspects and not reading.mentions:
        # "how much schooling does that take?" read as weighing a figure: that aspect of the job discussed.
        return {"name": kinds.ASPECT_INTENTS[reading.aspect], "confidence": confidence}
    overrulable = chosen["name"] in LEXICAL_INTENTS or _without_its_words(chosen, reading)
    if overrulable and _wants_a_fit(reading) and not reading.ids(ROLE):
        return {"name": FINDER_INTENT, "confidence": confidence}  # "what job should i do lol"
    felt = feels(text) and not reading.aspect and not reading.ids(ROLE) and not states_a_myth(reading)
    # a guess of a kind of question with nothing of it asked ("i have adhd, will that hold me back")
    loose = chosen["name"] in FELT_GUESSES or _without_its_words(chosen, reading) or guessed is not None
    if loose and felt:
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


def _other_aspect_asked(guessed: Optional[str], reading: Reading) -> Optional[str]:
    """The aspect the words ask of a named job when the guess is another with none of its words:
    the words win ("i'm dead serious, how much do boilermakers make"); else None."""
    if not guessed or guessed == "overview" or not reading.aspect or reading.aspect == guessed:
        return None
    unsaid = reading.ids(ROLE) and ASPECT_CUES[guessed] not in reading.cues_outside_names
    return reading.aspect if unsaid else None


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
    # A guess without its words counts as general, unless the term itself carries them ("what
    # is osha 10 and do i need it" read as safety keeps safety; "what's osha 10" read as automation does not)
    own = OWN_WORDS.get(guess)
    general = guess in LEXICAL_INTENTS | ASSISTANT_INTENTS or (
        _without_its_words(chosen, reading) and own not in reading.cues
    )
    # "certificate vs certification, what's the difference?" read as a job's certifications
    told_apart = guess in kinds.ASPECT_INTENTS.values() and reading.asks("compare")
    asks_meaning = reading.asks("meaning") and not reading.asks("aid_amount")  # "the most a pell grant gives"
    if reading.term and asks_meaning and (general or told_apart) and not named:
        return TOPIC_INTENTS["term"]
    unsure = chosen["confidence"] < SURE and guess in LEXICAL_INTENTS | ASSISTANT_INTENTS | {"ask_economy"}
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


def about_work(reading: Reading) -> bool:
    """Whether a message names or asks anything of ours: a job, an industry, a pathway, or words
    of jobs or pay ("jobs in ohio", "how much around here")."""
    named = reading.ids(ROLE) or reading.ids(SECTOR) or reading.ids(PATHWAY)
    return bool(named or reading.asks("jobs_in") or reading.asks("pay") or reading.asks("openings"))


def _wants_a_fit(reading: Reading) -> bool:
    """Help to choose ("what jobs could i do"), not a list filtered by an industry named or a
    degree ruled out ("if i wanted to work at a steel mill what jobs could i do there", "if i
    skip college what jobs could i get")."""
    return reading.asks("wants_a_fit") and not (jobs_in_a_named_industry(reading) or reading.asks("no_degree"))


def jobs_in_a_named_industry(reading: Reading) -> bool:
    """The jobs of a named industry or pathway, and no job named ("who works at foundries")."""
    return not reading.ids(ROLE) and bool(reading.ids(SECTOR) or reading.ids(PATHWAY)) and reading.asks("jobs_in")


def _describes_a_job(reading: Reading) -> bool:
    """One job found by a description of its work (no job named), in a message that does not
    ask for a list of jobs."""
    return len(reading.described(ROLE)) == 1 and len(reading.ids(ROLE)) == 1 and not reading.asks("list_jobs")
