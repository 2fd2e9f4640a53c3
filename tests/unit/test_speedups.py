"""bot/speedups: each replacement gives the answers Rasa's own code gives. How they are applied,
guarded and switched, and the same conversations with them on and off: test_speedups_switch.py."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any, List

import pytest
from aiohttp import web
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.engine.exceptions import GraphComponentException, GraphRunError
from rasa.engine.graph import ExecutionContext, GraphComponent, GraphSchema, SchemaNode
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot import speedups
from bot.speedups import action_calls, domain, events, graph


@pytest.fixture
def pristine_rasa():
    """Rasa's own code during the test; afterwards the patches as they were."""
    with speedups.pristine():
        yield


GOOD = {
    "events": [{"event": "slot", "name": "role", "value": "welder"}],
    "responses": [{"text": "Welder", "buttons": [{"title": "Pay", "payload": "/ask_pay"}]}],
}
BAD: List[Any] = [  # not all dicts: Rasa's check and ours must both refuse every one
    {"events": "not a list"},
    {"events": [{"no_event_key": 1}]},
    {"responses": "x"},
    {"events": [{"event": 5}]},
    {"events": [{"event": "slot", "name": "role", "value": "welder"}, {"event": "slot", "value": 1}]},
    None,
    [],
]


def rasa_original(result):
    from jsonschema import validate

    validate(result, RemoteAction.action_response_format_spec())


def test_same_verdicts_as_rasa_with_and_without_remembered_events():
    action = RemoteAction("action_x", None)
    for _ in range(2):  # the second time, GOOD's event is remembered
        rasa_original(GOOD)
        assert action_calls.validate_action_result(action, GOOD) is True
        for bad in BAD:
            with pytest.raises(ValidationError) as rasa_error:
                rasa_original(bad)
            with pytest.raises(ValidationError, match="Failed to validate Action server response") as ours:
                action_calls.validate_action_result(action, bad)
            assert ours.value.message.startswith(rasa_error.value.message)
            assert list(ours.value.path) == list(rasa_error.value.path)


def test_only_valid_events_are_remembered():
    action_calls._valid_events.clear()
    action_calls.validate_action_result(RemoteAction("action_x", None), GOOD)
    with pytest.raises(ValidationError):
        action_calls.validate_action_result(RemoteAction("action_x", None), BAD[4])
    assert list(action_calls._valid_events) == ['{"event": "slot", "name": "role", "value": "welder"}']


def test_schema_is_checked_once(monkeypatch):
    calls = []
    cls = type(action_calls._validators()[0])
    monkeypatch.setattr(cls, "check_schema", classmethod(lambda c, s: calls.append(1)))
    action_calls._validators.cache_clear()
    for _ in range(5):
        action_calls.validate_action_result(RemoteAction("action_x", None), GOOD)
    assert len(calls) == 1
    action_calls._validators.cache_clear()


def test_domain_emptiness_is_rasas_answer():
    from rasa.shared.core.domain import Domain

    from bot import ROOT

    for d in (Domain.empty(), Domain.load(str(ROOT / "domain.yml"))):
        assert domain.is_empty(d) == domain._rasa_is_empty(d)
        assert domain.is_empty(d) == domain.is_empty(d)  # the second answer comes from the cache
    assert domain.is_empty(Domain.empty()) is True


def test_event_lookup_gives_rasas_answers():
    from rasa.shared.core.events import SlotSet

    for name, cls in [("user", UserUttered), ("slot", SlotSet), ("action", ActionExecuted)]:
        assert events.resolve_by_type(name) is cls
        assert events._rasa_resolve_by_type(name) is cls
    assert events.resolve_by_type("topic") is None
    with pytest.raises(ValueError, match="Unknown event name"):
        events.resolve_by_type("no_such_event")
    assert events.resolve_by_type("no_such_event", default=SlotSet) is SlotSet


# --- one kept-alive connection to the action server -------------------------------------------


async def _action_server(webhook):
    """A stand-in action server on a free loopback port: (its endpoint, its runner to clean up)."""
    app = web.Application()
    app.router.add_post("/webhook", webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]  # the one site's (host, port)
    return EndpointConfig(f"http://127.0.0.1:{port}/webhook"), runner


async def _serve_and_call(calls: int):
    peers = []

    async def webhook(request):
        peers.append(request.transport.get_extra_info("peername"))
        return web.json_response({"events": [], "responses": []})

    endpoint, runner = await _action_server(webhook)
    try:
        answers = [await action_calls.shared_session.__get__(endpoint)().__aenter__() for _ in range(2)]
        assert answers[0] is answers[1] and not answers[0].closed
        original, EndpointConfig.session = EndpointConfig.session, action_calls.shared_session
        try:
            results = [await endpoint.request(json={"n": i}) for i in range(calls)]
        finally:
            EndpointConfig.session = original
        assert results == [{"events": [], "responses": []}] * calls
    finally:
        await action_calls.close_shared_sessions()
        await runner.cleanup()
    return peers, endpoint


def test_action_calls_share_one_connection():
    peers, endpoint = asyncio.run(_serve_and_call(5))
    assert len(peers) == 5 and len(set(peers)) == 1
    assert endpoint.__dict__["_shared_session"][1].closed  # closed when the server stops


def test_a_new_event_loop_gets_a_new_session():
    endpoint = EndpointConfig("http://127.0.0.1:9/webhook")

    async def session():
        return await action_calls.shared_session(endpoint).__aenter__()

    first = asyncio.run(session())
    second = asyncio.run(session())
    assert first is not second


@pytest.mark.parametrize("speedups_switch", ["on", "off"])
def test_a_slow_action_server_is_given_up_on_after_the_action_timeout(monkeypatch, pristine_rasa, speedups_switch):
    """Rasa would wait 300 s (the widget gives up after 20 s); we wait ACTION_TIMEOUT_S, with the
    shared session (speed-ups on) and with Rasa's own (off): the timeout is a fix, not a speed-up."""
    from rasa.core.actions import action as rasa_action
    from rasa.core.channels.channel import CollectingOutputChannel

    monkeypatch.setenv("ACTION_TIMEOUT_S", "0.5")
    monkeypatch.setenv("BOT_SPEEDUPS", speedups_switch)
    speedups.apply(only=action_calls.PATCHED)
    assert rasa_action.DEFAULT_REQUEST_TIMEOUT == 0.5
    assert (EndpointConfig.session is action_calls.shared_session) == (speedups_switch == "on")
    assert speedups.status()["rasa.core.actions.action.DEFAULT_REQUEST_TIMEOUT"] == "applied"

    async def scenario():
        async def webhook(request):
            await asyncio.sleep(5)
            return web.json_response({"events": [], "responses": []})

        endpoint, runner = await _action_server(webhook)
        action = RemoteAction("action_slow", endpoint)
        started = time.monotonic()
        try:
            with pytest.raises(asyncio.TimeoutError):
                await action.run(CollectingOutputChannel(), None, DialogueStateTracker("u", []), Domain.empty())
            return time.monotonic() - started
        finally:
            await action_calls.close_shared_sessions()
            await runner.cleanup()

    assert asyncio.run(scenario()) < 2
    monkeypatch.delenv("ACTION_TIMEOUT_S")
    assert action_calls.action_timeout_s() == 15.0


# --- the graph runner -------------------------------------------------------------------------


class Add(GraphComponent):
    """Adds its inputs and its own number; fails on a negative total."""

    def __init__(self, n: int):
        self.n = n

    @classmethod
    def create(cls, config, model_storage, resource, execution_context):
        return cls(config.get("n", 0))

    def run(self, **inputs):
        total = sum(inputs.values()) + self.n
        if total < 0:
            raise ValueError("negative")
        return total


def _schema() -> GraphSchema:
    def node(needs, n, target=False):
        return SchemaNode(
            needs=needs, uses=Add, constructor_name="create", fn="run", config={"n": n}, eager=True, is_target=target
        )

    return GraphSchema(
        {
            "a": node({"x": "__input__"}, 1),
            "b": node({"x": "a"}, 10),
            "c": node({"x": "a", "y": "b"}, 100, target=True),
            "unused": node({}, 1000),
            "needs_missing": node({"x": "__nobody__"}, 0),
        }
    )


def _runners(tmp_path: Path):
    schema = _schema()
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(schema, "test")
    return DaskGraphRunner(schema, storage, context), graph.SequentialGraphRunner(schema, storage, context)


@pytest.mark.parametrize("targets", [None, ["c"], ["a", "c"], ["b"], ["unused", "a"]])
def test_runner_gives_dasks_results(tmp_path, targets):
    dask_runner, ours = _runners(tmp_path)
    for value in (0, 5, 7):
        assert ours.run({"__input__": value}, targets) == dask_runner.run({"__input__": value}, targets)


def test_runner_fails_like_dask(tmp_path):
    dask_runner, ours = _runners(tmp_path)
    for runner in (dask_runner, ours):
        with pytest.raises(GraphComponentException):
            runner.run({"__input__": -100}, ["c"])
        with pytest.raises(GraphRunError, match="Missing input"):
            runner.run({}, ["needs_missing"])
        with pytest.raises(GraphRunError, match="clashes with a node name"):
            runner.run({"__input__": "a"}, ["c"])
    # an input given under a node's name replaces that node, as in dask
    assert ours.run({"a": 1}, ["b"]) == dask_runner.run({"a": 1}, ["b"]) == {"b": 11}


def test_start_up_heap_is_frozen():
    import gc

    from bot.speedups.heap import freeze_startup_heap

    try:
        freeze_startup_heap()
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()


def test_the_action_server_does_not_import_rasa():
    import subprocess
    import sys

    code = "import sys, bot.speedups.heap; print(any(m == 'rasa' or m.startswith('rasa.') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"
