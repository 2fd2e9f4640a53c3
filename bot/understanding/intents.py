"""The intents the words of a message weigh against (bot/understanding/guesses.py, verdict.py), and
the groups of the classifier's guesses each rule may overrule, declared once.

Pure data: the rules that use them say why each group is what it is."""

from __future__ import annotations

from bot import kinds

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
    FINDER_INTENT,  # "if i skip college what jobs could i get": a filter, not help to choose
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
HIGH_SCHOOL_GUESSES = LEXICAL_INTENTS | {STAFF_INTENT, MYTH_INTENT, "ask_capabilities", *kinds.ASPECT_INTENTS.values()}
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
#: follow-up, the job's pathway; every other guess is overruled.
KEPT_FOR_A_DESCRIBED_JOB = {*kinds.ASPECT_INTENTS.values(), "compare_roles", "what_about", WORRY_INTENT, "ask_pathways"}
#: Guesses that an aspect asked with nothing named turns into that aspect of the job discussed.
FOLLOW_UP_INTENTS = {"ask_about", "what_about", FALLBACK_INTENT}
#: Guesses that two named jobs with words of comparison ("or", "vs", "which is better") overrule too.
COMPARABLE_INTENTS = {*kinds.ASPECT_INTENTS.values(), "explore_roles", "what_about"}

#: Guesses that whether the work is safe, asked in so many words, overrules ("is it actually
#: dangerous or is my mom overreacting" read as a myth, "how do injury rates compare" as the
#: economy): the general ones, a myth with no belief stated, the economy, automation, a worry.
SAFETY_GUESSES = LEXICAL_INTENTS | {MYTH_INTENT, "ask_economy", "ask_automation", WORRY_INTENT}
#: Guesses about the assistant that a job of another cluster, named as one to become, overrules
#: ("i wanna be a nurse can u help w that" read as what the assistant can do).
BECOMING_GUESSES = LEXICAL_INTENTS | {"ask_capabilities", "bot_challenge", STAFF_INTENT, JUDGE_INTENT}
#: Guesses that a job we do not cover, asked about, overrules ("do you have anything on CNC
#: programmers?" read as "are you a bot"): the answer names the closest jobs we do cover.
UNKNOWN_JOB_GUESSES = LEXICAL_INTENTS | {SOURCE_INTENT, "bot_challenge", "ask_capabilities"}
#: Guesses that leaving the chat overrules ("ok this convo is killing me lol gotta go, bye").
BYE_GUESSES = LEXICAL_INTENTS | {"thank"}
#: Guesses that thanks or a hello with nothing asked overrules ("Thank you, this will be useful
#: for our career unit." read as a staff question).
SMALL_TALK_GUESSES = LEXICAL_INTENTS | {STAFF_INTENT}
#: Guesses that what machines do to jobs, asked with no job named, overrules ("if robots do
#: everything will there be any jobs left" read as the economy).
AUTOMATION_GUESSES = LEXICAL_INTENTS | {"ask_economy"}
#: Guesses that a list of industries or of every job, asked for by name, overrules ("Could you
#: list the manufacturing industries you cover?" read as a myth, "wat industrys do u know about"
#: as the cluster): the general ones, the cluster, the economy, a myth, a staff question.
LIST_GUESSES = LEXICAL_INTENTS | {"ask_cluster", "ask_economy", MYTH_INTENT, STAFF_INTENT, "explore_roles"}
#: Guesses that the quickest way to start earning, asked in so many words with no job named,
#: overrules ("which jobs hire right out of hs with no experience" read as the no-degree list).
QUICK_START_GUESSES = LEXICAL_INTENTS | {"explore_roles", "ask_roles", MYTH_INTENT}
#: Guesses that a pathway named or described, with no job named, overrules ("explain the process
#: development one" read as off-topic, "can you summarize the quality assurance pathway for a
#: student" as a staff question, "is there a pathway about keeping workers safe" as safety).
PATHWAY_GUESSES = LEXICAL_INTENTS | {STAFF_INTENT, TRAINING_INTENT, "ask_safety", "ask_about", "ask_sectors"}
