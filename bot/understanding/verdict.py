"""Where the classifier's guess and the words of the message are weighed together, in one
documented place (run by the last NLU component, bot/nlu/reader.py). It has the final word on
seven things.

1. Distress. Explicit signs in any language we read (bot/understanding/distress.py, data/lexicon/*/distress.yml)
   are `distress` whatever the classifier thought: the safety reply comes before anything else.
   The classifier's own `distress` (confidence >= DISTRESS_MIN_CONFIDENCE) counts when the
   message also has a word of distress, or when it is not about jobs, school work or this chat
   at all (no word of data/lexicon/*/career.yml): "i wrote letters to my mom just in case" is
   distress, "i heard a guy died at the steel mill" is a job question, and "if i tell you
   something personal will it get reported?" is a privacy question.
   Sure-sounding distress that says only a feeling ("i feel like my teachers gave up on me") is
   a worry whose reply ends with the 988 line (the `safety_net` entity): kind to a worry, and
   still a way to help if it was more; so does a sign said laughing about jobs or gear ("lol this
   helmet is so ugly i want to die 😂 what brands do pros use"), which gets its answer plus the
   988 line. Anything else the classifier took for distress becomes
   `share_worry` when that ranks near the top, else the next intent.
2. Deleting. It needs a clear command (bot/understanding/forget.py); a question about storage
   or deleting ("is my chat saved", "can a student delete what they typed?") is `ask_privacy`;
   anything else the classifier took for deletion ("idk what to do, my counsler said to try
   this") goes to the next intent, and a clear command the classifier was unsure of is a request
   to delete. Even then it only asks for a confirmation (data/rules.yml). No fallback choice is
   ever deleting or distress: those need their own evidence.
   A message that is just yes or just no is `affirm` or `deny` (data/lexicon/*/yes_no.yml), and
   the classifier's `affirm` / `deny` for anything else is not taken.
3. Worries. The worry reply is for a feeling or a personal concern (data/lexicon/*/feelings.yml):
   a plain question the classifier thought sounded like a worry goes to the next intent, and a
   feeling the classifier could not place is a worry.
4. Places. A job question about a place ("what do welders earn in ohio", "where do welders earn
   the most?"; bot/understanding/places.py) is `ask_local`, so it is answered with local figures
   and never with a national figure as if it were a local one; an unsure `ask_local`
   without any place word goes to the next intent in the ranking.
5. Words over guesses: what the words of a message name and ask overrule a general or unsure
   guess of the classifier (bot/understanding/guesses.py says how).
6. Language. A distress message gets a `language` entity (the language of its signs, or of its
   short words), so the crisis reply is in that language (the `language` slot; utter_distress).
7. The school's own programs. A question about what the student's school offers ("does my school
   have anything for machining", "what classes at my school help with that") is `ask_training`,
   answered with the school's programs (bot/answers/programs.py), when the classifier's guess was
   a general one, a place or a training question (PROGRAM_GUESSES): the counselor, privacy, a
   feeling or pay keep their answers. Where to learn nearby ("where can I learn welding around
   here?") stays `ask_local` (rule 4), which answers with the school's programs when it knows the
   school.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

from bot import kinds
from bot.understanding import forget
from bot.understanding.distress import distress_language, has_distress_words
from bot.understanding.guesses import about_work, jobs_in_a_named_industry, words_over_guesses
from bot.understanding.intents import FALLBACK_INTENT, LEXICAL_INTENTS, MYTH_INTENT, PRIVACY_INTENT, SURE, WORRY_INTENT
from bot.understanding.lexicon import language_of, language_of_match
from bot.understanding.reading import PATHWAY, ROLE, TECHNOLOGY, TRAINING, Reading, words_only
from bot.understanding.stance import feels, states_a_myth

DISTRESS_INTENT = "distress"
LOCAL_INTENT = "ask_local"
COMPARE_INTENT = "compare_roles"
#: A mention's score when the message names the entry (title, alias), not a typo or a description.
NAMED_SCORE = 100.0
#: Kinds of name that, named outright, make a message talk about work ("what's a digital twin? one
#: of my kids asked and i blanked"). Not industries: "car" and "food" name them, and "i'm in the
#: garage with the car running" is a crisis.
NAMED_WORK = {ROLE, TECHNOLOGY, TRAINING, PATHWAY}
DELETE_INTENTS = {"delete_conversation", "confirm_delete"}
KEEP_INTENT = "keep_conversation"
#: What the classifier says when it does not know; a clear command or a feeling wins over these.
UNSURE_INTENTS = {FALLBACK_INTENT, "out_of_scope", PRIVACY_INTENT}
#: As FallbackClassifier's threshold in config.yml: below it, a guess is not an answer.
FALLBACK_THRESHOLD = 0.25
#: The entity that asks the worry reply to end with the 988 line (bot/answers/worries.py).
SAFETY_NET_ENTITY = "safety_net"
#: The entity (and slot) that carries the language a distress message was written in.
LANGUAGE_ENTITY = "language"
#: The classifier's confidence in `distress` needed (with distress words) for the crisis reply.
DISTRESS_MIN_CONFIDENCE = 0.5
#: Laughter that marks "i want to die" as a figure of speech (with talk of jobs or gear only).
JOKING = re.compile(r"\b(lol|lmao|lmfao|rofl|haha\w*|jaja\w*|jk)\b|😂|🤣", re.IGNORECASE)
#: Fewer words than this say too little for the classifier's `distress` alone ("hmm", "ok").
MIN_WORDS_ALONE = 3
#: Intents that take loosely worded free text: a feeling they were given is a worry instead.
LOOSE_INTENTS = {"inform_finder", "what_about"}
#: How far down the ranking `share_worry` may be and still be preferred to the next intent.
WORRY_RANK = 3
#: Below this, `ask_local` needs a place word (a confident guess is kept: a small town's name
#: is not in any list, "welders in smallville").
LOCAL_MIN_CONFIDENCE = 0.5
#: Intents whose question changes meaning with a place (declared in bot/kinds.py).
PLACE_INTENTS = kinds.PLACE_INTENTS
#: Guesses that a question about the school's own programs overrules (rule 7).
PROGRAM_GUESSES = LEXICAL_INTENTS | {LOCAL_INTENT, "what_about"}
PROGRAMS_INTENT = "ask_training"
#: A guess a place does not turn into a local question unless the message names or asks
#: something of ours ("best pizza place near me" stays out of scope). Not the fallback: "in
#: Philly?" after a pay answer is that pay, there.
OFF_TOPIC_INTENTS = {"out_of_scope"}


@dataclass(frozen=True)
class Verdict:
    """What the guard decides for one message."""

    intent: Optional[Dict[str, Any]] = None  # None: the classifier's intent stands
    safety_net: bool = False  # a worry reply that ends with the 988 line
    language: Optional[str] = None  # of a distress message, for the crisis reply


def verdict(
    text: str, intent: Optional[Dict[str, Any]], ranking: List[Dict[str, Any]], reading: Optional[Reading] = None
) -> Verdict:
    """The decision for a message, given the classifier's intent and ranking and the message's
    reading (what its words name and ask)."""
    reading = reading if reading is not None else words_only(text)
    language = distress_language(text)
    if language and _jokingabout_work(text):
        # "lol my welding helmet is so ugly i want to die 😂 what brands do pros use": answer the
        # question, and end it with the 988 line in case the joke was not one.
        return Verdict(_next(ranking, exclude=set()), safety_net=True)
    if language:
        return Verdict({"name": DISTRESS_INTENT, "confidence": 1.0}, language=language)
    original: Dict[str, Any] = {
        "name": (intent or {}).get("name"),
        "confidence": (intent or {}).get("confidence") or 0.0,
    }
    chosen = original
    plain = _yes_or_no(text)  # a plain yes or no is never distress ("i don't think so")
    if chosen["name"] == DISTRESS_INTENT and not plain:
        if forget.about_this_chat(text) and not has_distress_words(text):
            # "if i tell you something personal will it get reported?" is about this chat.
            chosen = {"name": PRIVACY_INTENT, "confidence": chosen["confidence"]}
        elif not (chosen["confidence"] >= DISTRESS_MIN_CONFIDENCE and _backs_distress(text, reading)):
            chosen = _instead_of_distress(ranking)
        elif not has_distress_words(text) and feels(text):
            # Sounds like distress but says only a feeling ("i feel like my teachers gave up on
            # me"): the worry reply, with the 988 line as a safety net.
            return Verdict({"name": WORRY_INTENT, "confidence": chosen["confidence"]}, safety_net=True)
        else:
            return Verdict(None, language=language_of(text))
    unsure = chosen["name"] in UNSURE_INTENTS or chosen["confidence"] < SURE
    if plain:
        return Verdict(
            None if plain == original["name"] else {"name": plain, "confidence": max(chosen["confidence"], SURE)}
        )
    if chosen["name"] in ("affirm", "deny"):
        chosen = _next(ranking, exclude={"affirm", "deny"})
    elif chosen["name"] == COMPARE_INTENT and len(reading.ids(ROLE)) < 2 and not reading.asks("compare"):
        # "what kind of ppe do machine operators wear" read as a comparison: one job, no comparing words
        chosen = _next(ranking, exclude={COMPARE_INTENT})
    if forget.confirms_deleting(text) and (chosen["name"] in DELETE_INTENTS | {"affirm"} or unsure):
        # "yes, delete it": the answer to the confirmation (without it, it only asks, data/rules.yml).
        chosen = {"name": "confirm_delete", "confidence": chosen["confidence"]}
    elif forget.refuses_deleting(text) and (chosen["name"] == KEEP_INTENT or unsure):
        chosen = {"name": KEEP_INTENT, "confidence": chosen["confidence"]}
    elif chosen["name"] in DELETE_INTENTS:
        chosen = _deletion(text, chosen, ranking)
    elif forget.asks_to_delete(text):
        # A clear command, whatever the classifier made of the rest ("i'm a counselor on a shared
        # computer, please delete this conversation"): it only asks for a confirmation.
        chosen = {"name": "delete_conversation", "confidence": chosen["confidence"]}
    elif chosen["name"] == KEEP_INTENT:
        # "how long do you keep conversations" is a question, not "no, keep it".
        chosen = _about_chat_or_next(text, chosen, ranking)
    elif unsure and chosen["name"] != PRIVACY_INTENT and forget.about_this_chat(text):
        chosen = {"name": PRIVACY_INTENT, "confidence": chosen["confidence"]}
    elif (
        chosen["name"] == PRIVACY_INTENT
        and feels(text)
        and not (forget.asks_about_privacy(text) or forget.about_this_chat(text))
    ):
        # "idk what to do, my counsler said to try this": a feeling, and not a word about data.
        chosen = {"name": WORRY_INTENT, "confidence": chosen["confidence"]}
    if chosen["name"] == WORRY_INTENT and not feels(text):
        # "will my parents be able to read this convo": no feeling, a question about this chat
        about_chat = forget.about_this_chat(text)
        chosen = (
            {"name": PRIVACY_INTENT, "confidence": chosen["confidence"]}
            if about_chat
            else _next(ranking, exclude={WORRY_INTENT})
        )
    elif chosen["name"] in LOOSE_INTENTS and feels(text) and _ranks_near_top(WORRY_INTENT, ranking):
        # A feeling the classifier could not place ("i got rejected from the welding program and
        # i'm bummed" read as a finder answer) is a worry.
        chosen = {"name": WORRY_INTENT, "confidence": chosen["confidence"]}
    elif chosen["name"] == FALLBACK_INTENT and feels(text):
        chosen = {"name": WORRY_INTENT, "confidence": chosen["confidence"]}
    chosen = words_over_guesses(text, chosen, reading)
    if _asks_school_programs(text, chosen, reading):
        chosen = {"name": PROGRAMS_INTENT, "confidence": max(chosen["confidence"], SURE)}
        return Verdict(None if chosen == original else chosen)
    # "best pizza place near me" names a place but asks nothing of ours: it stays out of scope.
    off_topic = chosen["name"] in OFF_TOPIC_INTENTS and not about_work(reading)
    place = bool(reading.place or reading.asks("where_most")) and not off_topic
    # "there's a new chip plant opening near me, what jobs would they have": the industry's jobs
    # (a place named, "jobs in ohio's chip plants", stays local).
    nearby_industry = reading.where is not None and reading.where.kind == "near" and jobs_in_a_named_industry(reading)
    if nearby_industry and chosen["name"] in PLACE_INTENTS | {LOCAL_INTENT}:
        chosen = {"name": "explore_roles", "confidence": chosen["confidence"]}
    elif _changes_with_a_place(chosen, reading) and place:
        chosen = {"name": LOCAL_INTENT, "confidence": chosen["confidence"]}
    elif chosen["name"] == LOCAL_INTENT and not place and chosen["confidence"] < LOCAL_MIN_CONFIDENCE:
        # An unsure place guess with no place word ("jobs in the electronics industry").
        # Never back to a worry the message has no feeling for (rule 3 already turned it down).
        chosen = _next(ranking, exclude={LOCAL_INTENT} | (set() if feels(text) else {WORRY_INTENT}))
    return Verdict(None if chosen == original else chosen)


def _changes_with_a_place(chosen: Dict[str, Any], reading: Reading) -> bool:
    """A guess a place makes local: a kind of question that changes with a place, or a myth guess
    with no belief stated ("we live outside Columbus, Ohio. Are there manufacturing jobs near us?")."""
    if chosen["name"] == MYTH_INTENT:
        return not states_a_myth(reading)
    return chosen["name"] in PLACE_INTENTS and chosen["name"] != LOCAL_INTENT


def _asks_school_programs(text: str, chosen: Dict[str, Any], reading: Reading) -> bool:
    """Rule 7: what the student's own school offers (not pay, not a feeling, no other place)."""
    if chosen["name"] not in PROGRAM_GUESSES or reading.asks("pay") or feels(text):
        return False
    return reading.asks("my_school") and (reading.where is None or reading.where.kind == "near")


def _deletion(text: str, chosen: Dict[str, Any], ranking: List[Dict[str, Any]]) -> Dict[str, Any]:
    """A clear command to delete stays (it only asks for a confirmation); a question about it is
    a privacy question; anything else is not about deleting at all."""
    if forget.asks_to_delete(text):
        return chosen
    return _about_chat_or_next(text, chosen, ranking)


def _about_chat_or_next(text: str, chosen: Dict[str, Any], ranking: List[Dict[str, Any]]) -> Dict[str, Any]:
    if forget.asks_about_privacy(text):
        return {"name": PRIVACY_INTENT, "confidence": chosen["confidence"]}
    return _next(ranking, exclude={KEEP_INTENT})


def _backs_distress(text: str, reading: Reading) -> bool:
    """What the classifier's `distress` needs beside it: a word of distress, or a message that is
    not about jobs, school work or this chat at all (no word of career or shop talk, no question
    about storage or deleting, no job described by its work). "i heard a guy died at the steel
    mill", "describe a day for someone who tests silicon wafers" and "is there a way to delete
    stuff here?" looked like distress to it; "i wrote letters to my mom just in case" is.
    A name of the knowledge file alone is no such word: "food", "car" and "teacher" are names
    too, and "i'm in the garage with the car running" is a crisis; a job named by its title is
    ("can u make a living as a woodworker or is it just a hobby thing"), and so is a technology,
    a training route or a pathway named (NAMED_WORK)."""
    if has_distress_words(text):
        return True
    if len(text.split()) < MIN_WORDS_ALONE:
        return False
    if reading.asks("describes_job") and reading.ids(ROLE):
        return False
    if any(m.kind in NAMED_WORK and m.score >= NAMED_SCORE for m in reading.mentions):
        return False
    return language_of_match("career", "anchors", text) is None


def _jokingabout_work(text: str) -> bool:
    """Laughing while asking about jobs or gear: a figure of speech, not a plan."""
    return JOKING.search(text) is not None and language_of_match("career", "anchors", text) is not None


def _yes_or_no(text: str) -> Optional[str]:
    """`affirm` or `deny` for a message that is just yes or just no (data/lexicon/*/yes_no.yml)."""
    if language_of_match("yes_no", "yes", text):
        return "affirm"
    return "deny" if language_of_match("yes_no", "no", text) else None


def _ranks_near_top(name: str, ranking: List[Dict[str, Any]]) -> bool:
    return any(r.get("name") == name for r in ranking[:WORRY_RANK])


def _next(ranking: List[Dict[str, Any]], exclude: set) -> Dict[str, Any]:
    """The classifier's best intent outside `exclude`, never deleting or distress (those need
    their own evidence); an unsure one is the low-confidence reply, as Rasa's fallback would."""
    barred = {*exclude, *DELETE_INTENTS, DISTRESS_INTENT, FALLBACK_INTENT}
    best = next((r for r in ranking if r.get("name") and r.get("name") not in barred), None)
    if best is None or (best.get("confidence") or 0.0) < FALLBACK_THRESHOLD:
        return {"name": FALLBACK_INTENT, "confidence": (best or {}).get("confidence") or 0.0}
    return {"name": best["name"], "confidence": best.get("confidence") or 0.0}


def _instead_of_distress(ranking: List[Dict[str, Any]]) -> Dict[str, Any]:
    others = [r for r in ranking if r.get("name") not in (DISTRESS_INTENT, None)]
    worry = next((r for r in others[:WORRY_RANK] if r.get("name") == WORRY_INTENT), None)
    if worry:
        return {"name": WORRY_INTENT, "confidence": worry.get("confidence") or 0.0}
    return _next(ranking, exclude=set())


def corrected_intent(
    text: str, intent: Optional[Dict[str, Any]], ranking: List[Dict[str, Any]], reading: Optional[Reading] = None
) -> Optional[Dict[str, Any]]:
    """The intent this message should have, or None to keep the classifier's."""
    return verdict(text, intent, ranking, reading).intent
