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
5. Words over guesses. A message that names a job and asks its pay in any wording ("if I worked
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
from bot.understanding.language import requested_language
from bot.understanding.lexicon import language_of, language_of_match
from bot.understanding.reading import MYTH_CUE_PREFIX, PATHWAY, ROLE, SECTOR, Reading, words_only

DISTRESS_INTENT = "distress"
WORRY_INTENT = "share_worry"
LOCAL_INTENT = "ask_local"
MYTH_INTENT = "ask_myth"
DELETE_INTENTS = {"delete_conversation", "confirm_delete"}
PRIVACY_INTENT = "ask_privacy"
KEEP_INTENT = "keep_conversation"
FALLBACK_INTENT = "nlu_fallback"
#: What the classifier says when it does not know; a clear command or a feeling wins over these.
UNSURE_INTENTS = {FALLBACK_INTENT, "out_of_scope", PRIVACY_INTENT}
#: Below this, a clear command to delete wins over the classifier's other guess.
SURE = 0.8
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
#: Guesses that a question about the school's own programs overrules (rule 7).
PROGRAM_GUESSES = LEXICAL_INTENTS | {LOCAL_INTENT, "what_about"}
PROGRAMS_INTENT = "ask_training"
#: The cue (data/lexicon/<lang>/cues.yml) of the words a PAY_ONLY guess needs to stand.
OWN_WORDS = {"ask_safety": "safety", "ask_cost": "cost", "ask_quick_start": "quick_start"}
#: Guesses a job described by its work keeps (rule 5): an aspect of a job, a comparison, a
#: follow-up; every other guess is overruled.
KEPT_FOR_A_DESCRIBED_JOB = {*kinds.ASPECT_INTENTS.values(), "compare_roles", "what_about", WORRY_INTENT}
#: Guesses that an aspect asked with nothing named turns into that aspect of the job discussed.
FOLLOW_UP_INTENTS = {"ask_about", "what_about", FALLBACK_INTENT}
#: Guesses that two named jobs with words of comparison ("or", "vs", "which is better") overrule too.
COMPARABLE_INTENTS = {*kinds.ASPECT_INTENTS.values(), "explore_roles", "what_about"}


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
    if language and _joking_about_work(text):
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
    if chosen["name"] == DISTRESS_INTENT:
        if forget.about_this_chat(text) and not has_distress_words(text):
            # "if i tell you something personal will it get reported?" is about this chat.
            chosen = {"name": PRIVACY_INTENT, "confidence": chosen["confidence"]}
        elif not (chosen["confidence"] >= DISTRESS_MIN_CONFIDENCE and _backs_distress(text, reading)):
            chosen = _instead_of_distress(ranking)
        elif not has_distress_words(text) and _feels(text):
            # Sounds like distress but says only a feeling ("i feel like my teachers gave up on
            # me"): the worry reply, with the 988 line as a safety net.
            return Verdict({"name": WORRY_INTENT, "confidence": chosen["confidence"]}, safety_net=True)
        else:
            return Verdict(None, language=language_of(text))
    unsure = chosen["name"] in UNSURE_INTENTS or chosen["confidence"] < SURE
    plain = _yes_or_no(text)
    if plain:
        return Verdict(
            None if plain == original["name"] else {"name": plain, "confidence": max(chosen["confidence"], SURE)}
        )
    if chosen["name"] in ("affirm", "deny"):
        chosen = _next(ranking, exclude={"affirm", "deny"})
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
        and _feels(text)
        and not (forget.asks_about_privacy(text) or forget.about_this_chat(text))
    ):
        # "idk what to do, my counsler said to try this": a feeling, and not a word about data.
        chosen = {"name": WORRY_INTENT, "confidence": chosen["confidence"]}
    if chosen["name"] == WORRY_INTENT and not _feels(text):
        chosen = _next(ranking, exclude={WORRY_INTENT})
    elif chosen["name"] in LOOSE_INTENTS and _feels(text) and _ranks_near_top(WORRY_INTENT, ranking):
        # A feeling the classifier could not place ("i got rejected from the welding program and
        # i'm bummed" read as a finder answer) is a worry.
        chosen = {"name": WORRY_INTENT, "confidence": chosen["confidence"]}
    elif chosen["name"] == FALLBACK_INTENT and _feels(text):
        chosen = {"name": WORRY_INTENT, "confidence": chosen["confidence"]}
    chosen = _words_over_guesses(text, chosen, reading)
    if _asks_school_programs(text, chosen, reading):
        chosen = {"name": PROGRAMS_INTENT, "confidence": max(chosen["confidence"], SURE)}
        return Verdict(None if chosen == original else chosen)
    place = reading.place or reading.asks("where_most")
    if chosen["name"] in PLACE_INTENTS and chosen["name"] != LOCAL_INTENT and place:
        chosen = {"name": LOCAL_INTENT, "confidence": chosen["confidence"]}
    elif chosen["name"] == LOCAL_INTENT and not place and chosen["confidence"] < LOCAL_MIN_CONFIDENCE:
        # An unsure place guess with no place word ("jobs in the electronics industry").
        # Never back to a worry the message has no feeling for (rule 3 already turned it down).
        chosen = _next(ranking, exclude={LOCAL_INTENT} | (set() if _feels(text) else {WORRY_INTENT}))
    return Verdict(None if chosen == original else chosen)


def _words_over_guesses(text: str, chosen: Dict[str, Any], reading: Reading) -> Dict[str, Any]:
    """Rule 5: a named job with a pay word is a pay question; no job named and "without a degree"
    is the no-degree list. Only general or unsure guesses are overruled (LEXICAL_INTENTS), and a
    word question ("what does median pay mean") stays a definition."""
    if requested_language(text):  # "¿hablas español?", "switch to English": always a request
        return {"name": "switch_language", "confidence": max(chosen["confidence"], SURE)}
    if reading.place or reading.asks("where_most"):
        return chosen
    comparable = chosen["name"] in LEXICAL_INTENTS | COMPARABLE_INTENTS
    if comparable and len(reading.ids(ROLE)) >= 2 and reading.asks("compare"):  # "welder vs machinist"
        return {"name": "compare_roles", "confidence": max(chosen["confidence"], SURE)}
    if chosen["name"] == "what_about" and reading.ids(ROLE) and reading.aspect:
        # "what degree for a welder": a question of its own, not the last aspect for another job.
        return {"name": kinds.ASPECT_INTENTS[reading.aspect], "confidence": max(chosen["confidence"], SURE)}
    if _describes_a_job(reading) and chosen["name"] not in KEPT_FOR_A_DESCRIBED_JOB:
        return {"name": kinds.ASPECT_INTENTS[reading.aspect or "overview"], "confidence": max(chosen["confidence"], SURE)}
    if chosen["name"] not in LEXICAL_INTENTS or (chosen["name"] == WORRY_INTENT and _feels(text)):
        # A worry with a feeling stays a worry ("my parents want me to go to college but i want to weld").
        return chosen
    if chosen["name"] == "ask_definition" and reading.asks("word_meaning"):
        return chosen
    confidence = max(chosen["confidence"], SURE)
    if not reading.ids(ROLE) and chosen["name"] not in PAY_ONLY_INTENTS and _states_a_myth(reading):
        return {"name": MYTH_INTENT, "confidence": confidence}  # "factory jobs don't pay well"
    if not reading.ids(ROLE) and (reading.ids(SECTOR) or reading.ids(PATHWAY)) and reading.asks("jobs_in"):
        return {"name": "explore_roles", "confidence": confidence}  # "what jobs are at a plastics plant"
    if chosen["name"] in PAY_ONLY_INTENTS and reading.aspect != "pay" and not _lacks_own_words(chosen, reading):
        return chosen  # "how much does it cost to become a welder" is about cost, not education
    if reading.ids(ROLE) and reading.aspect:  # the aspect asked first, in any wording
        return {"name": kinds.ASPECT_INTENTS[reading.aspect], "confidence": confidence}
    if not reading.ids(ROLE) and reading.asks("no_degree") and not _feels(text):
        return {"name": "explore_roles", "confidence": confidence}
    if reading.aspect and not reading.mentions and chosen["name"] in FOLLOW_UP_INTENTS and not reading.asks("jobs_in"):
        # "how long is the training" after a job was discussed: that aspect of the same job.
        return {"name": kinds.ASPECT_INTENTS[reading.aspect], "confidence": confidence}
    return chosen


def _asks_school_programs(text: str, chosen: Dict[str, Any], reading: Reading) -> bool:
    """Rule 7: what the student's own school offers (not pay, not a feeling, no other place)."""
    if chosen["name"] not in PROGRAM_GUESSES or reading.asks("pay") or _feels(text):
        return False
    return reading.asks("my_school") and (reading.where is None or reading.where.kind == "near")


def _lacks_own_words(chosen: Dict[str, Any], reading: Reading) -> bool:
    """A safety, cost or first-jobs guess for a message with none of its words, naming a job and
    asking another aspect of it ("what do people that repair the machines at a factory do", "my
    son got offered a job as a spray painter, what does that job involve")."""
    own = OWN_WORDS.get(chosen["name"])
    return bool(own and not reading.asks(own) and reading.ids(ROLE) and reading.aspect)


def _describes_a_job(reading: Reading) -> bool:
    """One job found by a description of its work (no job named), in a message that does not
    ask for a list of jobs."""
    return len(reading.described(ROLE)) == 1 and len(reading.ids(ROLE)) == 1 and not reading.asks("list_jobs")


def _states_a_myth(reading: Reading) -> bool:
    """A common belief about manufacturing (the myth_<id> cues of data/lexicon/<lang>/cues.yml)."""
    return any(cue.startswith(MYTH_CUE_PREFIX) for cue in reading.cues)


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
    too, and "i'm in the garage with the car running" is a crisis."""
    if has_distress_words(text):
        return True
    if len(text.split()) < MIN_WORDS_ALONE:
        return False
    if reading.asks("describes_job") and reading.ids("role"):
        return False
    return language_of_match("career", "anchors", text) is None


def _joking_about_work(text: str) -> bool:
    """Laughing while asking about jobs or gear: a figure of speech, not a plan."""
    return JOKING.search(text) is not None and language_of_match("career", "anchors", text) is not None


def _yes_or_no(text: str) -> Optional[str]:
    """`affirm` or `deny` for a message that is just yes or just no (data/lexicon/*/yes_no.yml)."""
    if language_of_match("yes_no", "yes", text):
        return "affirm"
    return "deny" if language_of_match("yes_no", "no", text) else None


def _ranks_near_top(name: str, ranking: List[Dict[str, Any]]) -> bool:
    return any(r.get("name") == name for r in ranking[:WORRY_RANK])


def _feels(text: str) -> bool:
    """A feeling or a personal concern; words of distress are feelings too."""
    return language_of_match("feelings", "signs", text) is not None or has_distress_words(text)


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
