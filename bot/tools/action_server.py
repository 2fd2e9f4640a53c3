"""The action server (rasa-sdk) without TensorFlow.

    python -m bot.tools.action_server --port 5055        (what make run, the tests and the units start)

The answers need spaCy's tokenizer and lemmas only, but spaCy's thinc imports TensorFlow whenever
it is installed (Rasa installs it), which made the action server hold ~500 MB for looking up
facts. Marking TensorFlow as absent before anything imports it keeps the server near 140 MB.
This is done here, in the server's own entry point, never on import of `actions`: pytest and
Rasa's own processes import the actions too, and they need TensorFlow.
"""
from __future__ import annotations

import sys


def main() -> None:
    sys.modules["tensorflow"] = None  # type: ignore[assignment]  # "import tensorflow" now fails fast
    from rasa_sdk.__main__ import main as rasa_sdk_main

    sys.argv = [sys.argv[0], "--actions", "actions", *sys.argv[1:]]
    rasa_sdk_main()


if __name__ == "__main__":
    main()
