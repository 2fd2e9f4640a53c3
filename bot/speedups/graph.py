"""Run Rasa's model graph node by node, without dask's scheduler.

Rasa 3.6 runs its graph with `dask.get` three times a turn (understand the message, then one
prediction per action). For our graph (a dozen nodes, one thread) dask's bookkeeping (building the
task graph, pruning it, scheduling) costs about as much as the NLU components themselves. This
runner computes the order of the nodes once per set of targets and then calls them in that order
with the same arguments dask would pass, so every component sees exactly the same inputs.

Replaces the name rasa.core.processor.DaskGraphRunner (the runner class the processor loads the
model with; training keeps dask) and relies on what DaskGraphRunner.__init__ sets
(`_graph_schema`, `_instantiated_nodes`) and on GraphSchema.nodes / target_names and
SchemaNode.needs: `rasa_runner_problem` checks these before bot.speedups applies it.
"""

from __future__ import annotations

from typing import Any, Dict, FrozenSet, List, Optional, Text, Tuple

from rasa.engine.exceptions import GraphRunError
from rasa.engine.graph import GraphSchema
from rasa.engine.runner.dask import DaskGraphRunner

PATCHED = ("rasa.core.processor.DaskGraphRunner",)  # the runner that serves messages
Plan = List[Tuple[Text, Tuple[Text, ...]]]  # (node, names of the nodes it needs), in run order


class SequentialGraphRunner(DaskGraphRunner):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._plans: Dict[Tuple[Tuple[Text, ...], FrozenSet[Text]], Plan] = {}

    def run(self, inputs: Optional[Dict[Text, Any]] = None, targets: Optional[List[Text]] = None) -> Dict[Text, Any]:
        run_targets = targets if targets else self._graph_schema.target_names
        inputs = inputs or {}
        plan = self._plan(tuple(run_targets), frozenset(inputs))
        for value in inputs.values():  # the same check, and message, as Rasa's runner
            if isinstance(value, str) and any(value == name for name, _ in plan):
                raise GraphRunError(
                    f"Input value '{value}' clashes with a node name. Make sure "
                    f"that none of the input names passed to the `run` method are the "
                    f"same as node names in the graph schema."
                )
        # Like dask: a node gets a (name, output) pair per parent, or the bare name of a parent
        # that nothing provides (GraphNode then raises a clear "missing input" error).
        outputs: Dict[Text, Any] = {name: (name, value) for name, value in inputs.items()}
        try:
            for name, needs in plan:
                outputs[name] = self._instantiated_nodes[name](*(outputs.get(n, n) for n in needs))
        except RuntimeError as e:
            raise GraphRunError("Error running runner.") from e
        return dict(outputs[t] for t in run_targets)

    def _plan(self, targets: Tuple[Text, ...], given: FrozenSet[Text]) -> Plan:
        key = (targets, given)
        if key not in self._plans:
            nodes = self._graph_schema.nodes
            order: Plan = []
            seen = set(given)  # an input replaces a node of the same name, as in Rasa's runner

            def visit(name: Text) -> None:
                if name in seen or name not in nodes:
                    return
                seen.add(name)
                needs = tuple(nodes[name].needs.values())
                for parent in needs:
                    visit(parent)
                order.append((name, needs))

            for target in targets:
                visit(target)
            self._plans[key] = order
        return self._plans[key]


def rasa_runner_problem(runner: Any) -> Optional[str]:
    """None if `runner` (what rasa.core.processor calls DaskGraphRunner) is the runner this class
    was written against; otherwise what differs."""
    import inspect

    from rasa.engine.graph import SchemaNode

    if runner is not DaskGraphRunner:
        return f"it is {runner!r}, not rasa.engine.runner.dask.DaskGraphRunner"
    expected = {
        "__init__": ("self", "graph_schema", "model_storage", "execution_context", "hooks"),
        "run": ("self", "inputs", "targets"),
    }
    for method, params in expected.items():
        found = tuple(inspect.signature(getattr(DaskGraphRunner, method)).parameters)
        if found != params:
            return f"DaskGraphRunner.{method} takes ({', '.join(found)}), expected ({', '.join(params)})"
    init = inspect.getsource(DaskGraphRunner.__init__)
    for attribute in ("self._graph_schema", "self._instantiated_nodes"):
        if attribute not in init:
            return f"DaskGraphRunner.__init__ no longer sets {attribute}"
    if (
        "nodes" not in getattr(GraphSchema, "__dataclass_fields__", {})
        or not isinstance(getattr(GraphSchema, "target_names", None), property)
        or "needs" not in getattr(SchemaNode, "__dataclass_fields__", {})
    ):
        return "GraphSchema.nodes / GraphSchema.target_names / SchemaNode.needs changed"
    return None
