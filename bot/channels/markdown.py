"""Replies for chat widgets that render text as markdown (rasa-webchat), shown as written.

Our answers are plain text: one line per fact, "\u2022 " bullets, blank lines between parts. A
markdown renderer would join single lines into one paragraph and read "*", "_", "#", "1." or
"-" as formatting ("O*NET ... O*NET" in italics). So, for those clients only, every markdown
character is escaped and every line ends in a hard break (two spaces before the newline).
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa.core.channels.socketio import SocketIOOutput

#: Characters markdown may treat as formatting anywhere in a line (backslash-escaped).
_INLINE = re.compile(r"([\\`*_\[\]])")
#: Line starts that make a heading, a quote, a list or a rule ("#", ">", "-", "+"; "1." or "1)").
_LINE_MARK = re.compile(r"^(\s*)([#>+-])")
_NUMBER_MARK = re.compile(r"^(\s*\d+)([.)])")


def as_markdown(text: str) -> str:
    """`text` written so a markdown renderer shows it as it is, line by line."""
    paragraphs = []
    for paragraph in text.split("\n\n"):
        paragraphs.append("  \n".join(_line(line) for line in paragraph.split("\n")))
    return "\n\n".join(paragraphs)


def _line(line: str) -> str:
    line = line.replace("&", "&amp;").replace("<", "&lt;")  # no HTML, no entities
    line = _INLINE.sub(r"\\\1", line)
    line = _NUMBER_MARK.sub(r"\1\\\2", line)  # "1. " is not a list
    line = _LINE_MARK.sub(r"\1\\\2", line)
    return re.sub(r"^(\s*)=", r"\1&#61;", line)  # a line of "=" would underline a heading


class MarkdownSocketIOOutput(SocketIOOutput):
    """socket.io output whose texts are written for markdown (as_markdown). Every text reaches
    the client through one of these two (Rasa's send_response, our reply guarantee)."""

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await super().send_text_message(recipient_id, as_markdown(text), **kwargs)

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        await super().send_text_with_buttons(recipient_id, as_markdown(text), buttons, **kwargs)
