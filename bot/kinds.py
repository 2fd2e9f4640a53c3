"""Every kind of question, declared once: one row per intent.

From this table come the custom actions (actions/actions.py), the counselor insights' kinds
(bot/insights/table.py), the buttons offered when the assistant is unsure (bot/answers/about.py),
the intents a place changes (bot/understanding/verdict.py) and the aspects of a role
(bot/answers/aspects.py). tests/unit/test_kinds.py checks it against domain.yml and
data/rules.yml, so a kind of question cannot be half-added. Adding one: docs/kinds.md.

Pure data: no imports of the answer code, so the NLU side (inside Rasa) can read it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Optional, Tuple


@dataclass(frozen=True)
class Kind:
    intent: str
    #: What the one-step rule for this intent runs (data/rules.yml): a custom action or a response.
    action: str
    #: For a custom action: "module.function" in bot.answers, taking a Turn, returning an Answer.
    answer: Optional[str] = None
    #: How the counselor insights count it.
    insights: str = "other"
    #: The button offered for it when the assistant is unsure: (title, payload), the title a phrase
    #: key (data/phrases/<language>/unsure.yml, "unsure.<intent>"). A payload is a button payload
    #: ("/ask_pay") or the phrase key of words the assistant reads like a message, sent in the
    #: conversation's language (English words would switch a Spanish conversation).
    suggestion: Optional[Tuple[str, str]] = None
    #: The aspect of a role it asks about (pay, education, ...), if any.
    aspect: Optional[str] = None
    #: Whether a place changes its meaning ("what do welders earn *in ohio*" is ask_local).
    place: bool = False
    #: Whether a short message of this kind, typed while the interest quiz waits for an answer, is
    #: that answer ("yes", "nah", "saltar"): the quiz reads its own words first (bot/answers/quiz.py).
    quiz_answer: bool = False


_ROLE = "action_answer_role_question"
_ROLE_ANSWER = "roles.answer_for_intent"

KINDS: Tuple[Kind, ...] = (
    # Small talk: answered by responses in domain.yml.
    Kind("greet", "utter_greet", insights="small talk"),
    Kind("goodbye", "utter_goodbye", insights="small talk"),
    Kind("thank", "utter_thank", insights="small talk"),
    Kind("bot_challenge", "utter_iamabot", insights="small talk"),
    Kind("ask_capabilities", "utter_capabilities", insights="small talk"),
    Kind("insult", "utter_insult_redirect", insights="small talk"),
    Kind("affirm", "action_what_next", "about.what_next", "small talk", quiz_answer=True),
    Kind("deny", "action_what_next", "about.what_next", "small talk", quiz_answer=True),
    # "Español" / "switch to English": the `language` slot is set from the message (bot/nlu/reader.py).
    Kind("switch_language", "utter_language_switched", insights="small talk"),
    # A role and its aspects.
    Kind(
        "ask_about",
        "action_answer_about",
        "about.about",
        "about a job",
        ("unsure.ask_about", "/ask_roles"),
        aspect="overview",
        place=True,
    ),
    Kind("what_about", "action_answer_followup", "about.what_about", "follow-up", place=True),
    Kind("ask_pay", _ROLE, _ROLE_ANSWER, "pay", ("unsure.ask_pay", "/ask_pay"), aspect="pay", place=True),
    Kind(
        "ask_education",
        _ROLE,
        _ROLE_ANSWER,
        "education",
        ("unsure.ask_education", "/ask_education"),
        aspect="education",
    ),
    Kind("ask_skills", _ROLE, _ROLE_ANSWER, "skills", ("unsure.ask_skills", "/ask_skills"), aspect="skills"),
    Kind(
        "ask_outlook",
        _ROLE,
        _ROLE_ANSWER,
        "outlook",
        ("unsure.ask_outlook", "/ask_outlook"),
        aspect="outlook",
        place=True,
    ),
    Kind(
        "ask_certifications",
        _ROLE,
        _ROLE_ANSWER,
        "certifications",
        ("unsure.ask_certifications", "/ask_certifications"),
        aspect="certifications",
    ),
    Kind("ask_related_roles", _ROLE, _ROLE_ANSWER, "related jobs", aspect="related"),
    Kind("judge_figure", "action_judge_figure", "figures.judge", "pay"),
    Kind(
        "compare_roles",
        "action_compare_roles",
        "explore.compare",
        "compare",
        ("unsure.compare_roles", "/compare_roles"),
        place=True,
    ),
    Kind(
        "explore_roles",
        "action_explore_roles",
        "explore.explore",
        "explore",
        ("unsure.explore_roles", "render.no_degree_message"),
        place=True,
    ),
    # The cluster, its industries and pathways, and topics.
    Kind(
        "ask_roles",
        "action_list_roles",
        "cluster.roles_list",
        "browse",
        ("unsure.ask_roles", "/ask_roles"),
        place=True,
    ),
    Kind(
        "ask_cluster",
        "action_describe_cluster",
        "about.cluster_question",
        "browse",
        ("unsure.ask_cluster", "/ask_cluster"),
        place=True,
    ),
    Kind(
        "ask_pathways", "action_list_pathways", "cluster.pathways", "browse", ("unsure.ask_pathways", "/ask_pathways")
    ),
    Kind(
        "ask_sectors",
        "action_list_sectors",
        "cluster.sectors",
        "browse",
        ("unsure.ask_sectors", "/ask_sectors"),
        place=True,
    ),
    Kind(
        "ask_economy",
        "action_answer_economy",
        "topics.economy",
        "economy",
        ("unsure.ask_economy", "/ask_economy"),
        place=True,
    ),
    Kind(
        "ask_automation",
        "action_answer_automation",
        "topics.automation",
        "automation",
        ("unsure.ask_automation", "/ask_automation"),
    ),
    Kind(
        "ask_training",
        "action_answer_training",
        "programs.training",  # the school's own programs when asked (bot/answers/programs.py)
        "getting started",
        ("unsure.ask_training", "/ask_training"),
        place=True,
    ),
    # Leaving high school (#25): first jobs, cost, safety. Apprenticeships and "can I start in
    # high school?" are ask_training questions (bot/answers/topics.py picks their answers).
    Kind(
        "ask_quick_start",
        "action_answer_quick_start",
        "first_job.quick_start",
        "getting started",
        ("unsure.ask_quick_start", "/ask_quick_start"),
    ),
    Kind("ask_cost", "action_answer_cost", "costs.cost", "cost", ("unsure.ask_cost", "/ask_cost")),
    Kind(
        "ask_safety",
        "action_answer_safety",
        "work_safety.safety",
        "safety",
        ("unsure.ask_safety", "/ask_safety"),
        aspect="safety",
    ),
    Kind("ask_source", "action_show_sources", "topics.sources", "sources"),
    Kind("ask_definition", "action_define_term", "about.define", "words"),
    # "where can I learn welding around here?" from a school's page: its programs (bot/answers/programs.py).
    Kind("ask_local", "action_answer_local", "programs.local", "local", place=True),
    # The career finder (a form: its rule starts with the reset).
    Kind("start_career_finder", "action_reset_finder", insights="finder"),
    Kind("inform_finder", "action_suggest_from_interests", "finder.suggest_from_words", "finder"),
    Kind("stop_finder", "action_stop", insights="finder"),  # stops the quiz too (bot/answers/quiz.py)
    # The "What fits me?" quiz (docs/quiz.md). Its actions set the quiz's own slots (actions/quiz.py).
    # Insights count only starts and finishes: an answer's row is kept only when it finished the
    # quiz (bot/insights/table.py), never which answer it was.
    Kind("start_quiz", "action_start_quiz", insights="quiz started"),
    Kind("answer_quiz", "action_quiz_step", insights="quiz finished"),
    # People, feelings and safety.
    Kind(
        "ask_counselor",
        "action_contact_counselor",
        "counselor.contact",
        "counselor",
        ("unsure.ask_counselor", "/ask_counselor"),
    ),
    Kind(
        "ask_for_staff",
        "action_answer_staff",
        "staff.answer",
        "for staff",
        ("unsure.ask_for_staff", "/ask_for_staff"),
    ),
    Kind("share_worry", "action_answer_worry", "worries.answer", "worries"),
    # "factory jobs don't pay", "it all went to China": the knowledge file's myths, with figures.
    Kind("ask_myth", "action_answer_myth", "myths.answer", "worries"),
    Kind("distress", "utter_distress", insights="support"),
    # Privacy: deleting asks first; only a yes right after the question deletes (data/rules.yml).
    Kind("ask_privacy", "action_answer_privacy", "forget.privacy", "privacy"),
    Kind("delete_conversation", "action_confirm_delete", "forget.confirm_delete", "privacy"),
    Kind("confirm_delete", "action_confirm_delete", "forget.confirm_delete", "privacy"),
    Kind("keep_conversation", "utter_conversation_kept", insights="privacy"),
    # Outside the cluster, and not understood (nlu_fallback is Rasa's, not in domain.yml).
    Kind("out_of_scope", "action_explain_scope", "about.outside_scope", "not covered", place=True, quiz_answer=True),
    Kind(
        "nlu_fallback",
        "action_handle_low_confidence",
        "about.low_confidence",
        "not covered",
        place=True,
        quiz_answer=True,
    ),
)

BY_INTENT: Dict[str, Kind] = {k.intent: k for k in KINDS}
#: Intent -> how counselor insights count it.
INSIGHTS: Dict[str, str] = {k.intent: k.insights for k in KINDS}
#: Intent -> the button (title's phrase key, payload) offered for it when the assistant is unsure.
SUGGESTIONS: Dict[str, Tuple[str, str]] = {k.intent: k.suggestion for k in KINDS if k.suggestion}
#: Intents whose question changes meaning with a place.
PLACE_INTENTS = frozenset(k.intent for k in KINDS if k.place)
#: Intents whose short messages answer a quiz that is waiting for an answer.
QUIZ_ANSWER_INTENTS = frozenset(k.intent for k in KINDS if k.quiz_answer)
#: Aspect of a role -> the intent that asks for it.
ASPECT_INTENTS: Dict[str, str] = {k.aspect: k.intent for k in KINDS if k.aspect}
#: Custom action -> "module.function" that answers it (one per action, however many intents).
ANSWERS: Dict[str, str] = {k.action: k.answer for k in KINDS if k.answer}
