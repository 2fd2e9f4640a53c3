"""Replies for markdown widgets (bot/channels/markdown.py), rendered by Python-Markdown."""

from __future__ import annotations

import html
import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.channels.markdown import as_markdown

_TAG = re.compile(r"<[^>]+>")


def shown(text: str) -> str:
    """What a markdown renderer shows for `text`: lines as displayed, tags gone."""
    rendered = markdown.markdown(as_markdown(text))
    rendered = rendered.replace("<br />\n", "\n").replace("</p>\n<p>", "\n\n")
    return html.unescape(_TAG.sub("", rendered))


def tags(text: str) -> set:
    return set(re.findall(r"<(\w+)", markdown.markdown(as_markdown(text)))) - {"p", "br"}


def test_lines_and_bullets_stay_as_written():
    text = "Welder\nMedian pay: $51,000 a year (BLS, May 2024)\n\nWhat they do:\n\u2022 Read blueprints\n\u2022 Weld"
    assert shown(text) == text
    assert tags(text) == set()


def test_markdown_characters_are_shown_not_obeyed():
    for text in [
        "O*NET and O*NET",
        "a_b_c",
        "# not a heading",
        "1. not a list",
        "- not a list",
        "> not a quote",
        "[not](a link)",
        "<b>not bold</b>",
        "`not code`",
        "+3.1% for 2024\u201334",
    ]:
        assert shown(text) == text, text
        assert tags(text) == set(), text


# Text like the assistant's answers: words, figures, punctuation, markdown's special characters.
_CHARS = st.sampled_from(list("abcXYZ019 .,:;()$%+-=*_#>[]<&`|~!?'\"\u2022\u2013"))
_LINE = st.text(_CHARS, min_size=1, max_size=30).map(str.strip).filter(bool)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.lists(_LINE, min_size=1, max_size=4).map("\n".join), min_size=1, max_size=3))
def test_any_answer_is_shown_as_written(paragraphs):
    text = "\n\n".join(paragraphs)
    assert shown(text) == text
