"""The classifier's input rows are exactly the ones Rasa's LogisticRegressionClassifier builds."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse
from rasa.core.channels.channel import UserMessage
from rasa.engine import loader
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.intent_classifier import CountsLogisticRegressionClassifier
from bot.speedups.graph import SequentialGraphRunner
from bot.tools.servers import MODEL

TEXTS = ["how much do welders make", "wat does a machnist do??", "hi", "ok 123 $$$", "robot " * 200]


def rasas(messages):
    return LogisticRegressionClassifier._create_X(None, messages)


def ours(messages):
    return CountsLogisticRegressionClassifier.__new__(CountsLogisticRegressionClassifier)._create_X(messages)


def same(a, b) -> bool:
    return a.shape == b.shape and a.dtype == b.dtype and (a != b).nnz == 0


@pytest.fixture(scope="module")
def featurized():
    assert MODEL.exists(), "no trained model: run `make train` (make test-integration trains it first)"
    with tempfile.TemporaryDirectory() as tmp:
        meta, runner = loader.load_predict_graph_runner(Path(tmp), MODEL, LocalModelStorage, SequentialGraphRunner)
        node = [n for n in runner._graph_schema.nodes if "CountVectorsFeaturizer" in n][-1]
        return runner.run({"__message__": [UserMessage(t) for t in TEXTS]}, [node])[node]


def test_rows_equal_rasas_for_real_messages(featurized):
    assert same(ours(featurized), rasas(featurized))
    for message in featurized:
        assert same(ours([message]), rasas([message]))
        assert ours([message]).nnz > 0


def test_falls_back_to_rasas_way_with_dense_features():
    message = Message(data={"text": "hi"})
    message.add_features(Features(scipy.sparse.coo_matrix(np.array([[0.0, 2.0]])), "sentence", "text", "a"))
    message.add_features(Features(np.array([[0.5, 0.25]]), "sentence", "text", "b"))
    assert same(ours([message]), rasas([message]))
    assert ours([message]).shape == (1, 4)


def test_config_uses_it():
    from bot import ROOT

    assert "bot.nlu.intent_classifier.CountsLogisticRegressionClassifier" in (ROOT / "config.yml").read_text()


def test_loaded_weights_need_no_copy_and_give_the_same_probabilities(featurized):
    with tempfile.TemporaryDirectory() as tmp:
        _, runner = loader.load_predict_graph_runner(Path(tmp), MODEL, LocalModelStorage, SequentialGraphRunner)
        node = next(n for n in runner._graph_schema.nodes if "CountsLogisticRegressionClassifier" in n)
        clf = runner._instantiated_nodes[node]._component.clf
    assert clf.coef_.T.flags.c_contiguous
    X = ours(featurized)
    c_order = clf.predict_proba(X)
    clf.coef_ = np.ascontiguousarray(clf.coef_)
    assert np.array_equal(c_order, clf.predict_proba(X))
