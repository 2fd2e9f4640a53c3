"""Tests of the trained model (models/manufacturing.tar.gz; `make test-integration` trains it
first): our graph runner and the speed-ups give Rasa's own results on it."""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from rasa.core.channels.channel import UserMessage
from rasa.engine import loader
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.speedups import graph
from bot.tools.servers import MODEL
from harness import speedups_compare as compare


def test_runner_on_the_trained_model_matches_dask():
    assert MODEL.exists(), "no trained model: run `make train` (make test-integration trains it first)"
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        meta, dask_runner = loader.load_predict_graph_runner(Path(a), MODEL, LocalModelStorage, DaskGraphRunner)
        _, ours = loader.load_predict_graph_runner(Path(b), MODEL, LocalModelStorage, graph.SequentialGraphRunner)
        tracker = DialogueStateTracker.from_events("t", [ActionExecuted("action_listen")], slots=meta.domain.slots)
        for text in ["how much do welders make", "wat does a machnist do??", "hi", "what about them", "x" * 900]:
            message = UserMessage(text)
            parsed = [
                r.run({"__message__": [message], "__tracker__": tracker}, [meta.nlu_target])[meta.nlu_target][0]
                for r in (dask_runner, ours)
            ]
            assert parsed[0].as_dict(only_output_properties=True) == parsed[1].as_dict(only_output_properties=True)
            tracker.update(UserUttered(text, parsed[0].get("intent"), parse_data=parsed[0].as_dict()))
            predictions = [
                r.run({"__tracker__": tracker}, [meta.core_target])[meta.core_target] for r in (dask_runner, ours)
            ]
            assert predictions[0].probabilities == predictions[1].probabilities
            assert predictions[0].policy_name == predictions[1].policy_name


def test_same_replies_and_stored_events_with_speedups_on_and_off(tmp_path):
    """Two processes load the trained model (as `rasa run` does, with our SQLite store) with
    BOT_SPEEDUPS=on and off, and hold the same conversations against one action server."""
    assert MODEL.exists(), "no trained model: run `make train` (make test-integration trains it first)"
    started = time.monotonic()
    on, off = compare.run(MODEL, tmp_path)
    assert compare.patch_problems(on, off) == []
    assert compare.differences(on, off) == []
    for sender, texts in compare.CONVERSATIONS.items():
        replies = on["replies"][sender]
        assert len(replies) == len(texts) and all(replies), f"{sender}: a turn without a reply"
        assert [e["event"] for e in on["events"][sender]].count("user") == len(texts)
    assert len(on["events"]["compare-long"]) > 40  # more than the store's working window (bot/stores/compaction.py)
    assert "student@example.com" not in json.dumps(on["events"])  # the store's redaction, on both sides
    assert on["insights"]  # the store's insights rows were compared too
    print(
        f"speed-ups on/off: conversations {on['seconds']:.1f} s / {off['seconds']:.1f} s; "
        f"{time.monotonic() - started:.0f} s in all"
    )
