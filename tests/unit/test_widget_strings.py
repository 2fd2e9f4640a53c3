"""The widget in the conversation's language (docs/spanish.md): the strings tables, the page's
`lang`, the school's language, the embed's data-lang and the metadata the widget may send."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
import yaml

from bot import schools
from bot.channels import widget
from bot.channels.limits import clean_metadata
from bot.understanding.language import SWITCH_PAYLOADS
from bot.understanding.lexicon import LANGUAGES

STRINGS_JS = (widget.WEB / "strings.js").read_text(encoding="utf-8")
EMBED_JS = (widget.WEB / "embed.js").read_text(encoding="utf-8")
REGISTRY = {
    "schools": [
        {"id": "escuela", "name": "Escuela Juárez", "greeting": "¡Hola, Jaguares!", "language": "es"},
        {"id": "lincoln-high", "name": "Lincoln High School", "greeting": "Hi Lions!"},
    ]
}


@pytest.fixture(autouse=True)
def registry(tmp_path, monkeypatch):
    path = tmp_path / "schools.yml"
    path.write_text(yaml.safe_dump(REGISTRY, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("SCHOOLS_FILE", str(path))
    return path


def tables(script: str) -> dict:
    """Language -> the keys of its table (the top-level `xx: {` blocks of a strings table)."""
    found: dict = {}
    current = None
    for line in script.splitlines():
        start = re.match(r"^ {4}(\w\w): \{", line)
        if start:
            current = found.setdefault(start.group(1), [])
            continue
        key = re.match(r"^ {6}(\w+):", line)
        if current is not None and key:
            current.append(key.group(1))
    return found


def test_every_language_has_every_string():
    found = tables(STRINGS_JS)
    assert set(found) == set(LANGUAGES)
    assert all(keys == found["en"] for keys in found.values()), found
    assert set(tables(EMBED_JS)) == set(LANGUAGES)


def test_the_switch_sends_the_payloads_the_assistant_reads():
    for payload in SWITCH_PAYLOADS.values():
        assert f"switchPayload: '{payload}'" in STRINGS_JS


class Root(HTMLParser):
    def __init__(self, text):
        super().__init__()
        self.attrs: dict = {}
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        if tag == "html":
            self.attrs = dict(attrs)


@pytest.mark.parametrize(
    "school, lang, page_lang, greeting",
    [
        ("escuela", None, "es", "¡Hola, Jaguares!"),  # the school's language and greeting
        ("escuela", "en", "en", ""),  # the embed chose English: the widget's own greeting
        ("escuela", "fr", "es", "¡Hola, Jaguares!"),  # not a language we speak: ignored
        ("lincoln-high", "es", "es", ""),
        ("lincoln-high", None, "en", "Hi Lions!"),
        ("", "ES", "es", ""),
    ],
)
def test_the_page_language(school, lang, page_lang, greeting):
    root = Root(widget.render_chat_page(school, lang).decode("utf-8")).attrs
    assert (root["lang"], root["data-lang"], root["data-greeting"]) == (page_lang, page_lang, greeting)


def test_school_language_is_checked(tmp_path):
    path = tmp_path / "bad.yml"
    path.write_text("schools:\n  - id: x\n    name: X\n    language: french\n", encoding="utf-8")
    with pytest.raises(schools.SchoolsError) as caught:
        schools.load(path)
    assert [p.describe() for p in caught.value.problems] == [
        "entry schools[x], field language: 'french' is not a language of the assistant: use one of en, es"
    ]
    assert schools.display("escuela")["language"] == "es"
    assert schools.display("lincoln-high")["language"] == "en"


def test_metadata_keeps_a_known_language_only():
    assert clean_metadata({"school": "escuela", "lang": "es"}) == {"school": "escuela", "lang": "es"}
    assert clean_metadata({"lang": "ES"}) == {"lang": "es"}
    assert clean_metadata({"lang": "fr"}) == {} and clean_metadata({"lang": ["es"]}) == {}
    assert clean_metadata({"lang": "es", "greeting": "Hola"}) == {"lang": "es"}


def test_embed_passes_its_language_to_the_chat_page():
    assert 'query.set("lang", lang)' in EMBED_JS
    assert "WORDS.hasOwnProperty(data.lang)" in EMBED_JS  # only a language it has words for
