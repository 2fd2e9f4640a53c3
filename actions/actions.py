"""Custom actions: each answers one kind of question from the knowledge file.

The logic lives in `bot.answers`; each class here only connects an action name (as in
domain.yml) to the function that answers it. rasa-sdk registers every Action subclass it
finds in this package. Start-up work (loading the knowledge file, log redaction) is done by
the action server's entry point, bot/tools/action_server.py, not on import.
"""

from __future__ import annotations

from typing import Callable, Dict

from actions.base import KnowledgeAction
from actions.finder import ActionResetFinder, ValidateCareerFinderForm  # noqa: F401 (registered)
from bot.answers import (
    about,
    cluster,
    counselor,
    explore,
    figures,
    finder,
    forget,
    glossary,
    local,
    roles,
    topics,
    worries,
)
from bot.answers.turn import Turn
from bot.render import Answer


class ActionAnswerAbout(KnowledgeAction):
    action_name = "action_answer_about"
    answer = staticmethod(about.about)


class ActionAnswerFollowup(KnowledgeAction):
    action_name = "action_answer_followup"
    answer = staticmethod(about.what_about)


class ActionAnswerRoleQuestion(KnowledgeAction):
    action_name = "action_answer_role_question"
    answer = staticmethod(roles.answer_for_intent)


class ActionDescribeCluster(KnowledgeAction):
    action_name = "action_describe_cluster"
    answer = staticmethod(about.cluster_question)


class ActionListPathways(KnowledgeAction):
    action_name = "action_list_pathways"
    answer = staticmethod(cluster.pathways)


class ActionListSectors(KnowledgeAction):
    action_name = "action_list_sectors"
    answer = staticmethod(cluster.sectors)


class ActionListRoles(KnowledgeAction):
    action_name = "action_list_roles"
    answer = staticmethod(cluster.roles_list)


class ActionAnswerEconomy(KnowledgeAction):
    action_name = "action_answer_economy"
    answer = staticmethod(topics.economy)


class ActionAnswerAutomation(KnowledgeAction):
    action_name = "action_answer_automation"
    answer = staticmethod(topics.automation)


class ActionAnswerTraining(KnowledgeAction):
    action_name = "action_answer_training"
    answer = staticmethod(topics.training)


class ActionShowSources(KnowledgeAction):
    action_name = "action_show_sources"
    answer = staticmethod(topics.sources)


class ActionExplainScope(KnowledgeAction):
    action_name = "action_explain_scope"
    answer = staticmethod(about.outside_scope)


class ActionHandleLowConfidence(KnowledgeAction):
    action_name = "action_handle_low_confidence"
    answer = staticmethod(about.low_confidence)


class ActionContactCounselor(KnowledgeAction):
    action_name = "action_contact_counselor"
    answer = staticmethod(counselor.contact)


class ActionConfirmDelete(KnowledgeAction):
    action_name = "action_confirm_delete"
    answer = staticmethod(forget.confirm_delete)


class ActionAnswerPrivacy(KnowledgeAction):
    action_name = "action_answer_privacy"
    answer = staticmethod(forget.privacy)


class ActionDeleteConversation(KnowledgeAction):
    action_name = "action_delete_conversation"
    answer = staticmethod(forget.delete_conversation)


class ActionCompareRoles(KnowledgeAction):
    action_name = "action_compare_roles"
    answer = staticmethod(explore.compare)


class ActionExploreRoles(KnowledgeAction):
    action_name = "action_explore_roles"
    answer = staticmethod(explore.explore)


class ActionAskFinderInterest(KnowledgeAction):
    action_name = "action_ask_finder_interest"
    answer = staticmethod(finder.ask_interest)


class ActionAskFinderTraining(KnowledgeAction):
    action_name = "action_ask_finder_training"
    answer = staticmethod(finder.ask_training)


class ActionAskFinderIndustry(KnowledgeAction):
    action_name = "action_ask_finder_industry"
    answer = staticmethod(finder.ask_industry)


class ActionSuggestCareers(KnowledgeAction):
    action_name = "action_suggest_careers"
    answer = staticmethod(finder.suggest_from_slots)


class ActionSuggestFromInterests(KnowledgeAction):
    action_name = "action_suggest_from_interests"
    answer = staticmethod(finder.suggest_from_words)


class ActionJudgeFigure(KnowledgeAction):
    action_name = "action_judge_figure"
    answer = staticmethod(figures.judge)


class ActionDefineTerm(KnowledgeAction):
    action_name = "action_define_term"
    answer = staticmethod(glossary.define)


class ActionAnswerWorry(KnowledgeAction):
    action_name = "action_answer_worry"
    answer = staticmethod(worries.answer)


class ActionAnswerLocal(KnowledgeAction):
    action_name = "action_answer_local"
    answer = staticmethod(local.answer)


#: Action name -> answer function, for the tests that render every kind of answer.
ANSWERS: Dict[str, Callable[[Turn], Answer]] = {
    action.action_name: action.answer for action in KnowledgeAction.__subclasses__()
}
