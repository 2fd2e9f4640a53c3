"""The action server (rasa-sdk) without TensorFlow.

    python -m bot.tools.action_server --port 5055        (what make run, the tests and the units start)

The answers need spaCy's tokenizer and lemmas only, but spaCy's thinc imports TensorFlow whenever
it is installed (Rasa installs it), which made the action server hold ~500 MB for looking up
facts. Marking TensorFlow as absent before anything imports it keeps the server near 140 MB.
This is done here, in the server's own entry point, never on import of `actions`: pytest and
Rasa's own processes import the actions too, and they need TensorFlow.

Start-up work is done here too, before the server listens: the knowledge file is loaded and
checked (a broken file stops the server with a clear message instead of failing on a
student's first question), log lines are redacted, and what was loaded is frozen out of the
garbage collector's way.
"""

from __future__ import annotations

import sys


def main() -> None:
    sys.modules["tensorflow"] = None  # type: ignore[assignment]  # "import tensorflow" now fails fast
    from rasa_sdk.__main__ import main as rasa_sdk_main

    start_up()
    sys.argv = [sys.argv[0], "--actions", "actions", *sys.argv[1:]]
    rasa_sdk_main()


def start_up() -> None:
    """Load and check what the answers need; exit with a clear message if it is broken."""
    from bot import schools
    from bot.answers.loaded_knowledge import shared
    from bot.knowledge.problems import KnowledgeError
    from bot.knowledge.texts import TEXT_LANGUAGES
    from bot.privacy import install_log_redaction
    from bot.speedups.heap import freeze_startup_heap

    install_log_redaction()  # no email or phone number in any log line of the action server
    try:
        for language in ("en", *TEXT_LANGUAGES):  # every language's texts, checked before the first answer
            shared(language)
    except KnowledgeError as error:
        raise SystemExit(f"The action server cannot start.\n{error}") from None
    try:
        schools.shared()
    except schools.SchoolsError as error:
        raise SystemExit(f"The school registry cannot be used, so the action server cannot start.\n{error}") from None
    from bot.knowledge import local_pay
    from bot.understanding import places

    try:  # read now, so a broken extract stops the start and the first local question is not slow
        local_pay.load()
        places.resolve("welders in Dayton")
    except (OSError, ValueError, KeyError) as error:
        raise SystemExit(f"The local pay extract (data/local/) cannot be read: {error}") from None
    import actions.actions  # noqa: F401  (loaded before the freeze; rasa-sdk registers it later)

    freeze_startup_heap()  # everything loaded so far lives as long as the server


if __name__ == "__main__":
    main()
