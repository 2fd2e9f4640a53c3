"""Custom actions: each answers one kind of question from the knowledge file.

The logic lives in `bot.answers`; these classes only connect it to Rasa.
"""
from __future__ import annotations

from actions.base import KnowledgeAction
from bot.answers import about, cluster, roles, scope, topics
from bot.answers.aspects import INTENT_ASPECTS
from bot.answers.context import shared

# Load and validate the knowledge file when the action server starts: a broken file stops
# it with a clear message instead of failing on a student's first question.
shared()


class ActionAnswerAbout(KnowledgeAction):
    action_name = "action_answer_about"
    answer = staticmethod(about.about)


class ActionAnswerFollowup(KnowledgeAction):
    action_name = "action_answer_followup"
    answer = staticmethod(about.what_about)


class ActionAnswerRoleQuestion(KnowledgeAction):
    action_name = "action_answer_role_question"
    answer = staticmethod(lambda turn: roles.answer(turn, INTENT_ASPECTS.get(turn.intent, "overview")))


class ActionDescribeCluster(KnowledgeAction):
    action_name = "action_describe_cluster"
    answer = staticmethod(lambda turn: cluster.describe_cluster(turn.knowledge))


class ActionListPathways(KnowledgeAction):
    action_name = "action_list_pathways"
    answer = staticmethod(cluster.pathways)


class ActionListSectors(KnowledgeAction):
    action_name = "action_list_sectors"
    answer = staticmethod(cluster.sectors)


class ActionListRoles(KnowledgeAction):
    action_name = "action_list_roles"
    answer = staticmethod(lambda turn: cluster.list_roles(turn.knowledge))


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
    answer = staticmethod(scope.out_of_scope)


class ActionHandleLowConfidence(KnowledgeAction):
    action_name = "action_handle_low_confidence"
    answer = staticmethod(about.low_confidence)
