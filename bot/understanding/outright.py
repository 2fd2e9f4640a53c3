"""Questions asked in so many words that a general guess of the classifier, or one of the guesses
named for each, misread (part of rule 5 of bot/understanding/verdict.py, run by guesses.py): what
training costs, whether the work is safe, what to do while still in high school, the education of
the job discussed, a job of another cluster or one we do not cover, leaving, thanks or a hello,
what machines do to jobs, the lists of industries, jobs and pathways."""

from __future__ import annotations

from typing import Any, Dict, Optional

from bot import kinds
from bot.understanding.distress import has_distress_words
from bot.understanding.intents import (
    AUTOMATION_GUESSES,
    BECOMING_GUESSES,
    BYE_GUESSES,
    COST_GUESSES,
    COUNSELOR_INTENT,
    HIGH_SCHOOL_GUESSES,
    LEXICAL_INTENTS,
    LIST_GUESSES,
    PATHWAY_GUESSES,
    PRIVACY_INTENT,
    QUICK_START_GUESSES,
    SAFETY_GUESSES,
    SMALL_TALK_GUESSES,
    TRAINING_INTENT,
    UNKNOWN_JOB_GUESSES,
    WORRY_INTENT,
)
from bot.understanding.reading import OTHER, PATHWAY, ROLE, SECTOR, Reading
from bot.understanding.stance import feels, states_a_myth


def asked_outright(text: str, chosen: Dict[str, Any], reading: Reading) -> Optional[str]:
    """A question asked in so many words that a general guess, or one of the guesses named for it,
    misread: what training costs, whether the work is safe, what to do while still in high school,
    the education of the job discussed, a job of another cluster or one we do not cover, leaving,
    thanks or a hello with nothing asked, whether the assistant is a person, how to use it, what
    machines do to jobs, the list of pathways. The first
    that applies wins; each names the guesses it may overrule (bot/understanding/intents.py)."""
    guess = chosen["name"]
    # A pathway named or described with no job named, or asked for by name ("what pathway is
    # welding in": the named job's pathway), not for its jobs (the industry and pathway lists).
    named_jobs = set(reading.ids(ROLE)) - set(reading.described(ROLE))
    pathway = (reading.ids(PATHWAY) and not named_jobs) or reading.asks("describes_pathway")
    if pathway and guess in PATHWAY_GUESSES and not reading.asks("jobs_in"):
        return "ask_pathways"  # "explain the process development one", "which pathway is about safety"
    if _asks_cost(chosen, reading):
        return "ask_cost"  # "cuanto nos va a costar la escuela", "does she have to pay for it?"
    if _asks_safety(text, chosen, reading):
        return "ask_safety"  # "is it actually dangerous or is my mom overreacting"
    if _asks_about_high_school(text, chosen, reading):
        return TRAINING_INTENT  # "im a junior, what can i do this year"
    if reading.asks("quick_start") and not reading.ids(ROLE) and guess in QUICK_START_GUESSES and not feels(text):
        return "ask_quick_start"  # "no time for more school, i need a paycheck. what do i do"
    if reading.asks("that_without_degree") and not reading.ids(ROLE) and guess in LEXICAL_INTENTS | {"explore_roles"}:
        return kinds.ASPECT_INTENTS["education"]  # "can i do that without the degree"
    other = reading.ids(OTHER) and not reading.ids(ROLE) and (reading.asks("becoming") or reading.aspect)
    if other and guess in BECOMING_GUESSES:
        return "out_of_scope"  # "i wanna be a nurse can u help w that": answered with that job's cluster
    unknown = reading.unknown_jobs and reading.closest and not reading.mentions and not feels(text)
    if unknown and guess in UNKNOWN_JOB_GUESSES:
        return "ask_about"  # "do you have anything on CNC programmers?": the closest jobs we cover
    if reading.asks("says_bye") and guess in BYE_GUESSES and not has_distress_words(text):
        return "goodbye"  # "ok this convo is killing me lol gotta go study, bye"
    nothing_asked = "?" not in text and not reading.mentions and not reading.aspect
    if reading.asks("says_thanks") and nothing_asked and guess in SMALL_TALK_GUESSES:
        return "thank"  # "Thank you, this will be useful for our career unit."
    hello_guesses = SMALL_TALK_GUESSES | {COUNSELOR_INTENT}  # "Hello, I'm a school counselor."
    if reading.asks("says_hello") and nothing_asked and guess in hello_guesses and not feels(text):
        return "greet"  # "Hello, I'm a parent."
    if reading.asks("asks_if_bot") and not reading.ids(ROLE) and guess in SMALL_TALK_GUESSES | {"goodbye", "greet"}:
        return "bot_challenge"  # "am i talking to ai", "wait ur not real right"
    if reading.asks("asks_how_to_use") and not reading.mentions and guess in SMALL_TALK_GUESSES | {PRIVACY_INTENT}:
        return "ask_capabilities"  # "idk how to use this, what do i type"
    machines = "automation" in reading.cues_outside_names and reading.asks("jobs_impact")
    stance = states_a_myth(reading) or feels(text)  # "robots took all the jobs", "i'm scared robots will replace me"
    if machines and not reading.mentions and guess in AUTOMATION_GUESSES and not stance:
        return "ask_automation"  # "whats automation doing to jobs"
    listed = _list_asked(reading)
    if listed and guess in LIST_GUESSES:
        return listed  # "wat industrys do u know about", "show me all the jobs u know"
    if (
        reading.asks("list_pathways")
        and not reading.ids(PATHWAY)
        and not reading.ids(ROLE)
        and guess in LEXICAL_INTENTS
    ):
        return "ask_pathways"  # "not jobs, i mean the pathways. what are they"
    return None


def _list_asked(reading: Reading) -> Optional[str]:
    """The list of industries, or of every job, asked for by name with nothing narrower named
    (an industry named with "other" beside it still asks for the list: "besides cars, what
    other industries are there")."""
    if reading.ids(ROLE) or reading.ids(PATHWAY) or reading.asks("jobs_in") and reading.ids(SECTOR):
        return None
    if reading.asks("list_sectors") and (not reading.ids(SECTOR) or reading.asks("other_ones")):
        return "ask_sectors"
    if reading.asks("all_jobs") and not reading.ids(SECTOR) and not reading.asks("no_degree"):
        return "ask_roles"
    return None


def _asks_cost(chosen: Dict[str, Any], reading: Reading) -> bool:
    """What training costs, asked in so many words, with a general guess or one about a job's
    education or the routes ("how much would welding school cost", "hay becas pa estudiar un
    oficio?"), and no pay asked ("how much do welders make" is pay); or paying for training, or
    how much aid gives, beside a word of pay ("does she have to pay for it?")."""
    if reading.asks("pays_for_training") or reading.asks("aid_amount"):
        return chosen["name"] in COST_GUESSES | {"ask_pay"}
    return chosen["name"] in COST_GUESSES and reading.asks("asks_cost") and not reading.asks("pay")


def _asks_safety(text: str, chosen: Dict[str, Any], reading: Reading) -> bool:
    """Whether the work is safe, asked in so many words, with a guess of SAFETY_GUESSES: not a
    belief stated ("factories are dirty and dangerous" is a myth), not pay, and for a worry guess
    no feeling said ("i'm scared welding will hurt me" stays a worry)."""
    asked = "asks_safety" in reading.cues_outside_names  # not "health and safety engineer"
    if chosen["name"] not in SAFETY_GUESSES or not asked or reading.asks("pay"):
        return False
    if states_a_myth(reading) or (chosen["name"] == WORRY_INTENT and feels(text)):
        return False
    return True


def _asks_about_high_school(text: str, chosen: Dict[str, Any], reading: Reading) -> bool:
    """What to do while still in high school, no job named and no feeling said ("can i get
    certified before i graduate", "im 15, is there anything i can do now"): the ways to start
    in high school (an ask_training answer, bot/answers/in_school.py)."""
    general = chosen["name"] in HIGH_SCHOOL_GUESSES
    return general and reading.asks("in_high_school") and not reading.ids(ROLE) and not feels(text)
