"""Every custom action, run as the action server runs it: Tracker in, messages and events out."""

from __future__ import annotations

import json
from functools import lru_cache

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import actions  # noqa: F401  (registers the actions)
from actions.base import KnowledgeAction
from bot import ROOT
from bot.knowledge.loader import DEFAULT_PATH, load
from bot.phrases import say
from bot.render import money
from bot.understanding import nlp as nlp_pipeline
from bot.understanding.reader import Reader
from bot.understanding.reading import READING_KEY
from tests.conftest import role

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text())
ALL_ACTIONS = {cls().name(): cls for cls in KnowledgeAction.__subclasses__()}


def tracker(text: str, intent: str, slots=None, entities=None) -> Tracker:
    slots = {"role": None, "sector": None, "pathway": None, "last_aspect": None, "last_sources": None, **(slots or {})}
    message = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "entities": [{"entity": k, "value": v} for k, v in (entities or {}).items()],
    }
    if not text.startswith("/"):  # what Rasa's last NLU component stores (bot/nlu/reader.py)
        message[READING_KEY] = _reader().read(text).as_dict()
    return Tracker("test-user", slots, message, [], False, None, {}, "action_listen")


@lru_cache(maxsize=1)
def _reader() -> Reader:
    return Reader(load(DEFAULT_PATH), nlp_pipeline.load())


def run(action_name, text, intent, **kw):
    dispatcher = CollectingDispatcher()
    events = ALL_ACTIONS[action_name]().run(dispatcher, tracker(text, intent, **kw), DOMAIN)
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def test_every_domain_action_is_implemented():
    from rasa_sdk.executor import ActionExecutor

    executor = ActionExecutor()
    executor.register_package("actions")
    assert set(DOMAIN["actions"]) <= set(executor.actions)


def test_pay_question_answers_with_sourced_figure(kb):
    messages, slots = run("action_answer_role_question", "how much do welders make?", "ask_pay")
    text = messages[0]["text"]
    assert f"Median pay: {money(role(kb, 'welder').median_pay.annual_usd)} a year (BLS, May 2024)" in text
    sources = ["bls_ooh_welders", "bls_oews_may2024_national"]  # the role's figure, then all U.S. jobs
    assert slots == {"role": "welder", "last_aspect": "pay", "last_sources": sources}
    assert [b["title"] for b in messages[0]["buttons"]] == ["Education", "Job outlook", "Skills"]


def test_follow_up_uses_the_role_being_discussed(kb):
    messages, slots = run(
        "action_answer_role_question",
        "what education do they need?",
        "ask_education",
        slots={"role": "factory_manager"},
    )
    assert role(kb, "factory_manager").education.typical_entry in messages[0]["text"]
    assert slots["role"] == "factory_manager"


def test_what_about_keeps_the_question_and_switches_role(kb):
    messages, slots = run(
        "action_answer_followup", "what about machinists?", "what_about", slots={"role": "welder", "last_aspect": "pay"}
    )
    assert money(role(kb, "machinist").median_pay.annual_usd) in messages[0]["text"]
    assert money(role(kb, "welder").median_pay.annual_usd) not in messages[0]["text"]
    assert slots["role"] == "machinist" and slots["last_aspect"] == "pay"


def test_question_without_a_role_asks_which_with_buttons():
    messages, slots = run("action_answer_role_question", "how much do they make", "ask_pay")
    assert messages[0]["text"] == "Which job would you like to know about?"
    assert messages[0]["buttons"][0]["payload"] == '/ask_pay{"role": "manufacturing_engineer"}'
    assert "role" not in slots


def test_unknown_job_never_gets_another_roles_facts(kb):
    messages, _ = run("action_answer_role_question", "how much do astronauts make", "ask_pay", slots={"role": "welder"})
    assert "$" not in messages[0]["text"]
    assert "don't have that job" in messages[0]["text"]


def test_career_outside_the_cluster_gets_a_pointer():
    messages, _ = run("action_explain_scope", "how much do nurses make?", "out_of_scope")
    assert "Health Science" in messages[0]["text"]


def test_button_payload_entity_wins_over_text(kb):
    messages, _ = run("action_answer_role_question", "/ask_outlook", "ask_outlook", entities={"role": "logistician"})
    assert "+17% for 2024–34 (BLS projections)" in messages[0]["text"]


@pytest.mark.parametrize(
    "aspect_intent, needle",
    [
        ("ask_skills", "Blueprint reading and shop math"),
        ("ask_certifications", "NIMS Machining Level I"),
        ("ask_related_roles", "CNC operator"),
        ("ask_about", "What they do:"),
        ("ask_outlook", "−2% for 2024–34"),
    ],
)
def test_each_role_aspect(aspect_intent, needle):
    action = "action_answer_about" if aspect_intent == "ask_about" else "action_answer_role_question"
    messages, _ = run(action, "machinist", aspect_intent, entities={"role": "machinist"})
    assert needle in messages[0]["text"]


def test_sector_answer(kb):
    messages, slots = run("action_answer_about", "tell me about aerospace", "ask_about")
    aerospace = next(s for s in kb.sectors if s.id == "aerospace")
    assert aerospace.facts[0].statement in messages[0]["text"] and "(AIA, 2023)" in messages[0]["text"]
    assert slots["sector"] == "aerospace"


def test_lists(kb):
    assert all(p.name in run("action_list_pathways", "pathways", "ask_pathways")[0][0]["text"] for p in kb.pathways)
    assert all(s.name in run("action_list_sectors", "industries", "ask_sectors")[0][0]["text"] for s in kb.sectors)
    assert all(r.title in run("action_list_roles", "jobs", "ask_roles")[0][0]["text"] for r in kb.roles)
    assert kb.cluster.summary in run("action_describe_cluster", "what is manufacturing", "ask_cluster")[0][0]["text"]


def test_economy_facts_carry_source_and_year(kb):
    messages, slots = run("action_answer_economy", "how does manufacturing help the economy", "ask_economy")
    for fact in kb.economy:
        assert f"{fact.statement} ({kb.meta.sources[fact.source].publisher}, {fact.year})" in messages[0]["text"]
    assert set(slots["last_sources"]) == {f.source for f in kb.economy}


def test_economy_topic(kb):
    messages, _ = run("action_answer_economy", "what's the multiplier effect", "ask_economy")
    assert "$2.69" in messages[0]["text"] and "GDP" not in messages[0]["text"]


def test_automation_overview_and_technology(kb):
    overview, _ = run("action_answer_automation", "will robots take my job?", "ask_automation")
    assert kb.innovation.summary in overview[0]["text"]
    assert all(e.title in overview[0]["text"] for e in kb.innovation.emerging_roles)
    printing, _ = run("action_answer_automation", "what is 3d printing", "ask_automation")
    assert printing[0]["text"].startswith("Additive manufacturing (3D printing)")


def test_training(kb):
    messages, _ = run("action_answer_training", "how do I get started", "ask_training")
    assert all(t.name in messages[0]["text"] for t in kb.training)
    route, _ = run("action_answer_training", "what is an apprenticeship", "ask_training")
    assert route[0]["text"].startswith("Registered apprenticeships")
    becoming, _ = run("action_answer_training", "how do I become a welder", "ask_training")
    assert "Education to start: High school diploma or equivalent" in becoming[0]["text"]


def test_sources_name_the_last_answers_sources_with_urls(kb):
    messages, slots = run(
        "action_show_sources", "where does this come from?", "ask_source", slots={"last_sources": ["bls_ooh_welders"]}
    )
    text = " ".join(m["text"] for m in messages)
    assert "https://www.bls.gov/ooh/production/welders-cutters-solderers-and-brazers.htm" in text
    assert "CC BY 4.0" in text  # O*NET's license asks for attribution
    assert slots["last_sources"] == ["bls_ooh_welders"]


def test_low_confidence_with_a_known_name_describes_it(kb):
    messages, _ = run("action_handle_low_confidence", "welders??", "nlu_fallback")
    assert messages[0]["text"].startswith("Welder\n")


def test_low_confidence_without_a_name_says_what_it_covers():
    messages, _ = run("action_handle_low_confidence", "blorp zzz", "nlu_fallback")
    assert "I can tell you about manufacturing careers" in messages[0]["text"]
    assert len(messages[0]["buttons"]) == 3


def test_a_bug_gives_a_polite_reply_not_a_crash(monkeypatch):
    def broken(turn):
        raise RuntimeError("boom")

    monkeypatch.setattr(ALL_ACTIONS["action_answer_economy"], "answer", staticmethod(broken))
    messages, slots = run("action_answer_economy", "economy", "ask_economy")
    assert messages[0]["text"] == say("en", "scope.sorry") and slots == {}


def test_messages_are_json_serialisable():
    messages, _ = run("action_answer_about", "tell me about welders", "ask_about")
    json.dumps(messages)


def test_counselor_contact_from_the_school_registry():
    dispatcher = CollectingDispatcher()
    t = tracker("can I talk to a counselor?", "ask_counselor")
    t.latest_message["metadata"] = {"school": "demo"}
    ALL_ACTIONS["action_contact_counselor"]().run(dispatcher, t, DOMAIN)
    text = dispatcher.messages[0]["text"]
    assert "Ms. Example (demo counselor) at Demo High School: email counselor@demo-school.example.org" in text


def test_counselor_without_settings_points_to_the_office():
    messages, _ = run("action_contact_counselor", "talk to a counselor", "ask_counselor")
    assert "counseling office" in messages[0]["text"]


def test_career_finder_validation():
    from actions.finder import ValidateCareerFinderForm

    form = ValidateCareerFinderForm()
    dispatcher = CollectingDispatcher()
    t = tracker("I like building things", "inform_finder")
    assert form.validate_finder_interest("I like building things", dispatcher, t, DOMAIN) == {
        "finder_interest": "hands_on",
        "finder_asides": None,  # an answer: the count of questions asked aside starts again
    }
    # Each answer also sets the wish the quiz narrows with ("any" clears it: docs/quiz.md).
    assert form.validate_finder_training("skip", dispatcher, t, DOMAIN) == {
        "finder_training": "any",
        "finder_asides": None,
        "wish_training": None,
    }
    planes = tracker("planes", "inform_finder")  # the industry is read from the message that gave it
    assert form.validate_finder_industry("planes", dispatcher, planes, DOMAIN) == {
        "finder_industry": "aerospace",
        "finder_asides": None,
        "wish_industry": "aerospace",
    }
    assert dispatcher.messages == []
    assert form.validate_finder_interest(None, dispatcher, t, DOMAIN) == {"finder_interest": None}
    assert dispatcher.messages == []  # a slot just reset is not an answer to complain about
    assert form.validate_finder_interest("purple", dispatcher, t, DOMAIN) == {"finder_interest": None}
    assert "didn't catch that" in dispatcher.messages[0]["text"]


def test_a_question_asked_during_the_career_finder_is_answered_then_the_finder_goes_on(kb):
    """Blind conversation batch 2: "whats a semiconductor technician" while the finder waited for
    a training answer got "Sorry, I didn't catch that" four times in a row."""
    from actions.finder import ValidateCareerFinderForm

    dispatcher = CollectingDispatcher()
    asked = tracker("whats a semiconductor technician", "ask_about")
    result = ValidateCareerFinderForm().validate_finder_training(
        asked.latest_message["text"], dispatcher, asked, DOMAIN
    )
    assert result == {
        "finder_training": None,
        "finder_asides": 1.0,
        "role": "semiconductor_technician",
        "last_aspect": "overview",
    }
    assert role(kb, "semiconductor_technician").summary.split(".")[0] in dispatcher.messages[0]["text"]
    assert dispatcher.messages[1]["text"] == "Now, back to the career finder."  # the form asks again
    unsure = tracker("purple monkey dishwasher", "ask_about")
    unsure.latest_message["intent"]["confidence"] = 0.3  # not clearly another question: asked again
    dispatcher = CollectingDispatcher()
    ValidateCareerFinderForm().validate_finder_training("purple monkey dishwasher", dispatcher, unsure, DOMAIN)
    assert "didn't catch that" in dispatcher.messages[0]["text"]


def test_a_second_question_in_a_row_sets_the_finder_aside(kb):
    """Blind conversation batch 1: a student who asked about robotics technicians, then how they
    differ from automation engineers, was asked "How long do you want to train?" after each answer
    and never got out of the finder. The second question in a row ends it, unfinished, with a
    button to start again; the suggestions that follow every end of the form say nothing."""
    from actions.finder import ValidateCareerFinderForm

    dispatcher = CollectingDispatcher()
    asked = tracker("whats a semiconductor technician", "ask_about", slots={"finder_asides": 1.0})
    result = ValidateCareerFinderForm().validate_finder_training(
        asked.latest_message["text"], dispatcher, asked, DOMAIN
    )
    assert result["requested_slot"] is None and result["finder_asides"] is None
    assert role(kb, "semiconductor_technician").summary.split(".")[0] in dispatcher.messages[0]["text"]
    assert dispatcher.messages[1]["text"] == say("en", "finder.set_aside")
    assert dispatcher.messages[1]["buttons"] == [{"title": "Find jobs that fit me", "payload": "/start_career_finder"}]
    left = {"finder_interest": "hands_on", "finder_training": None, "finder_industry": None}
    assert run("action_suggest_careers", "whats a semiconductor technician", "ask_about", slots=left) == ([], {})


def test_a_sentence_sure_to_be_another_question_is_not_read_as_a_finder_answer():
    """Blind conversation batch 1: "r robots gonna take all the factory jobs tho" was taken as what
    the student enjoys (robots). A short answer the classifier doubts is still an answer."""
    from actions.finder import ValidateCareerFinderForm

    dispatcher = CollectingDispatcher()
    asked = tracker("r robots gonna take all the factory jobs tho", "ask_automation")
    form = ValidateCareerFinderForm()
    result = form.validate_finder_interest(asked.latest_message["text"], dispatcher, asked, DOMAIN)
    assert result["finder_interest"] is None and result["last_aspect"] == "automation"
    assert dispatcher.messages[1]["text"] == "Now, back to the career finder."
    dispatcher = CollectingDispatcher()  # an out-of-scope guess is no question we answer
    told = tracker("I like fixing cars, text me at 555-1234", "out_of_scope")
    assert form.validate_finder_interest(told.latest_message["text"], dispatcher, told, DOMAIN)["finder_interest"]
    dispatcher = CollectingDispatcher()
    short = tracker("robots", "ask_automation")
    assert form.validate_finder_interest("robots", dispatcher, short, DOMAIN)["finder_interest"]
    assert dispatcher.messages == []


def test_finder_questions_and_suggestions_actions():
    messages, _ = run("action_ask_finder_industry", "", "start_career_finder")
    assert messages[0]["buttons"][-1] == {"title": "Any industry", "payload": "any industry"}
    messages, slots = run(
        "action_suggest_careers",
        "aerospace",
        "inform_finder",
        slots={"finder_interest": "hands_on", "finder_training": "short", "finder_industry": "aerospace"},
    )
    assert messages[0]["text"].startswith("Based on your answers")
    assert slots["role"] in {"machinist", "welder", "cnc_operator"}
