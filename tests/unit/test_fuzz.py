"""A bounded fuzz run (hypothesis, fixed seed, seconds) of everything that reads what a client
sends: REST and socket.io request checks, message cleaning, linking, and every answer with any
text, intent, slots, button entities and metadata. Nothing may raise, and every answer has text.
(Slack payloads: tests/unit/test_slack.py; redaction: tests/unit/test_privacy_properties.py.)"""

from __future__ import annotations

import asyncio
import json
from types import SimpleNamespace

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actions.actions import ANSWERS
from bot import ROOT
from bot.answers.turn import Turn
from bot.channels.guarantee import MAX_MESSAGE_CHARS, clean_message
from bot.channels.limits import clean_metadata, valid_session_id
from bot.channels.rest import reject_malformed
from bot.render import Answer

FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=300,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
INTENTS = yaml.safe_load((ROOT / "domain.yml").read_text())["intents"]
WORDS = [
    "welder",
    "welders",
    "machinst",
    "cnc",
    "aerospace",
    "pay",
    "how much",
    "what about",
    "robots",
    "compare",
    "vs",
    "and",
    "they",
    "apprenticeship",
    "food",
    "quality",
    "?",
    "555-1234",
    "@",
    "\u00e9",
    "\n",
]
text = st.one_of(st.text(max_size=300), st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join))
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), text),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
    max_leaves=20,
)


def request(body: bytes):
    return SimpleNamespace(method="POST", path="/webhooks/rest/webhook", body=body, headers={}, ctx=SimpleNamespace())


@FUZZ
@given(
    st.one_of(
        st.binary(max_size=2000),
        json_values.map(lambda v: json.dumps(v).encode()),
        st.fixed_dictionaries({"sender": json_values, "message": json_values}, optional={"metadata": json_values}).map(
            lambda v: json.dumps(v).encode()
        ),
    )
)
def test_rest_request_checks_answer_4xx_or_pass_never_raise(body):
    resp = asyncio.run(reject_malformed(request(body)))
    assert resp is None or 400 <= resp.status < 500
    if resp is None:  # what passes is what Rasa's channel can read
        parsed = json.loads(body)
        assert valid_session_id(parsed["sender"]) and isinstance(parsed["message"], str)


@FUZZ
@given(json_values, json_values)
def test_socketio_fields_are_bounded_and_typed(metadata, session):
    cleaned = clean_metadata(metadata)
    assert set(cleaned) <= {"school"}
    assert valid_session_id(session) is (
        isinstance(session, str)
        and 0 < len(session) <= 128
        and all(c.isascii() and (c.isalnum() or c in "_.:-") for c in session)
    )
    message = clean_message(session)
    assert message is None or (len(message) <= MAX_MESSAGE_CHARS and message == message.strip())


@FUZZ
@given(text)
def test_linking_any_text(knowledge, words):
    links = knowledge.reader.linker.link(words)
    for kind in ("role", "sector", "pathway"):
        assert all(isinstance(i, str) for i in links.ids(kind))


@FUZZ
@given(
    st.sampled_from(sorted(ANSWERS)),
    st.sampled_from(INTENTS),
    text,
    st.dictionaries(
        st.sampled_from(["role", "sector", "pathway", "technology", "training", "economy"]),
        st.one_of(st.sampled_from(["welder", "aerospace", "production", "0", "robots"]), text),
        max_size=2,
    ),
    st.dictionaries(
        st.sampled_from(
            [
                "role",
                "sector",
                "pathway",
                "last_aspect",
                "finder_interest",
                "finder_training",
                "finder_industry",
                "last_sources",
            ]
        ),
        st.one_of(
            st.none(), st.sampled_from(["welder", "machinist", "aerospace", "pay", "any", "hands_on", "short"]), text
        ),
        max_size=4,
    ),
    json_values,
)
def test_every_answer_with_any_input(knowledge, action, intent, words, entities, slots, metadata):
    turn = Turn(
        knowledge,
        intent,
        words,
        entities=entities,
        slots=slots,
        metadata=metadata if isinstance(metadata, dict) else {},
        intent_ranking=[{"name": intent, "confidence": 0.5}],
    )
    answer = ANSWERS[action](turn)
    assert isinstance(answer, Answer) and answer.text.strip()


@FUZZ
@given(json_values, json_values)
def test_socketio_message_model_accepts_exactly_the_well_formed_ids(session, message):
    from bot.channels.bodies import SocketMessage, problem

    reason = problem(SocketMessage, {"session_id": session, "message": message})
    assert (reason is None) is (session is None or valid_session_id(session))
