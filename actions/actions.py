"""Custom actions: each answers one kind of question from the knowledge file.

The logic lives in `bot.answers`; this table only connects each action name to the function
that answers it. rasa-sdk registers every KnowledgeAction subclass made here.
"""
from __future__ import annotations

from typing import Callable, Dict

from actions.base import KnowledgeAction
from actions.finder import FINDER_SLOTS, ActionResetFinder, ValidateCareerFinderForm  # noqa: F401 (registered)
from bot.answers import about, cluster, counselor, explore, figures, finder, forget, glossary, roles, scope, topics
from bot.answers import local, worries
from bot.answers.aspects import INTENT_ASPECTS
from bot.answers.context import shared
from bot.answers.turn import Turn
from bot.knowledge.problems import KnowledgeError
from bot.privacy import install_log_redaction
from bot.render import Answer
from bot.speedups.heap import freeze_startup_heap

install_log_redaction()  # no email or phone number in any log line of the action server

# Load and validate the knowledge file when the action server starts: a broken file stops
# it with a clear message (no traceback) instead of failing on a student's first question.
try:
    shared()
except KnowledgeError as error:
    raise SystemExit(f"The action server cannot start.\n{error}") from None
freeze_startup_heap()  # everything loaded so far lives as long as the server

ANSWERS: Dict[str, Callable[[Turn], Answer]] = {
    "action_answer_about": about.about,
    "action_answer_followup": about.what_about,
    "action_answer_role_question": lambda turn: roles.answer(turn, INTENT_ASPECTS.get(turn.intent, "overview")),
    "action_describe_cluster": about.cluster_question,
    "action_list_pathways": cluster.pathways,
    "action_list_sectors": cluster.sectors,
    "action_list_roles": cluster.roles_list,
    "action_answer_economy": topics.economy,
    "action_answer_automation": topics.automation,
    "action_answer_training": topics.training,
    "action_show_sources": topics.sources,
    "action_explain_scope": scope.out_of_scope,
    "action_handle_low_confidence": about.low_confidence,
    "action_contact_counselor": counselor.contact,
    "action_delete_conversation": forget.delete_conversation,
    "action_compare_roles": explore.compare,
    "action_explore_roles": explore.explore,
    "action_ask_finder_interest": finder.ask_interest,
    "action_ask_finder_training": finder.ask_training,
    "action_ask_finder_industry": finder.ask_industry,
    "action_suggest_careers": lambda turn: finder.suggest(turn.knowledge, *(turn.slot(s) for s in FINDER_SLOTS)),
    "action_suggest_from_interests": finder.suggest_from_words,
    "action_judge_figure": figures.judge,
    "action_define_term": glossary.define,
    "action_answer_worry": worries.answer,
    "action_answer_local": local.answer,
}


def _class_name(action_name: str) -> str:
    return "".join(part.title() for part in action_name.split("_"))


for _name, _answer in ANSWERS.items():
    globals()[_class_name(_name)] = type(_class_name(_name), (KnowledgeAction,),
                                         {"action_name": _name, "answer": staticmethod(_answer)})
