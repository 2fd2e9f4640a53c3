"""The widget's server side: school settings from the registry only, CSP, CORS, start-up refusal."""

from __future__ import annotations

import asyncio
import json
import re
from html.parser import HTMLParser
from types import SimpleNamespace
from typing import Any

import pytest
import yaml

from bot import schools
from bot.channels import widget

EVIL = "evil@attacker.example"
REGISTRY = {
    "schools": [
        {
            "id": "lincoln-high",
            "name": "Lincoln High School",
            "greeting": "Hi Lions! Ask me about manufacturing.",
            "accent": "#7a1f1f",
            "counselor": {"name": "Ms. Rivera", "email": "counselor@lincoln.example.org"},
            "origins": ["https://lincoln.example.org"],
        },
        {"id": "tricky", "name": 'A <b>"Bold"</b> & {{greeting}} School', "greeting": "<script>alert(1)</script>"},
    ]
}


@pytest.fixture(autouse=True)
def registry(tmp_path, monkeypatch):
    path = tmp_path / "schools.yml"
    path.write_text(yaml.safe_dump(REGISTRY, sort_keys=False), encoding="utf-8")
    monkeypatch.setenv("SCHOOLS_FILE", str(path))
    monkeypatch.delenv("CHAT_ALLOWED_ORIGINS", raising=False)
    monkeypatch.delenv("ALLOW_LOCALHOST_ORIGINS", raising=False)
    return path


def get(path="", host="bot.example.org", origin=None, **args):
    headers = {"host": host, **({"origin": origin} if origin else {})}
    request: Any = SimpleNamespace(args={k: v for k, v in args.items()}, headers=headers)  # what serve() reads
    resp = asyncio.run(widget.serve(request, path))
    return resp, resp.body.decode("utf-8")


class Page(HTMLParser):
    def __init__(self, text):
        super().__init__()
        self.root, self.title, self.school_name, self.scripts, self._in = {}, "", "", [], None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.root = attrs
        if tag == "script":
            self.scripts.append(attrs)
        self._in = "title" if tag == "title" else "school" if attrs.get("id") == "school-name" else None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "school":
            self.school_name += data

    def handle_endtag(self, tag):
        self._in = None


def test_chat_page_shows_the_registry_settings_not_the_address():
    resp, body = get(school="lincoln-high", counselor_email=EVIL, greeting=f"Email {EVIL}", accent="#000000")
    page = Page(body)
    assert page.root["data-school"] == "lincoln-high"
    assert page.root["data-greeting"] == "Hi Lions! Ask me about manufacturing."
    assert page.root["data-accent"] == "#7a1f1f"
    assert page.title == "Lincoln High School · Manufacturing Careers assistant"
    assert page.school_name == "Lincoln High School · "
    assert "attacker" not in body and "{{" not in body.split("-->", 1)[1]
    assert resp.content_type.startswith("text/html")


@pytest.mark.parametrize("school", [None, "unknown-school", "Lincoln High School", "lincoln-high\n", "../demo"])
def test_unknown_or_missing_school_gets_neutral_settings(school):
    _, body = get(**({"school": school} if school is not None else {}))
    page = Page(body)
    assert page.root["data-school"] == "" and page.school_name == ""
    assert page.root["data-greeting"] == ""  # chat.js shows its own greeting, in the page's language
    assert page.root["lang"] == page.root["data-lang"] == "en"
    assert page.root["data-accent"] == schools.DEFAULT_ACCENT
    assert page.title == widget.TITLE


def test_registry_values_are_html_escaped():
    _, body = get(school="tricky")
    page = Page(body)
    assert page.root["data-greeting"] == "<script>alert(1)</script>"  # an attribute value, never markup
    assert page.school_name == 'A <b>"Bold"</b> & {{greeting}} School · '
    assert [s.get("src") for s in page.scripts] == ["vendor/socket.io.min.js", "strings.js", "chat.js"]
    assert "<b>" not in body and "<script>alert" not in body


def test_settings_endpoint():
    resp, body = get("settings", school="lincoln-high", counselor_email=EVIL)
    assert json.loads(body) == {
        "school": "lincoln-high",
        "name": "Lincoln High School",
        "greeting": "Hi Lions! Ask me about manufacturing.",
        "accent": "#7a1f1f",
        "language": "en",
    }
    assert resp.content_type.startswith("application/json")
    _, body = get("settings", school="nope")
    assert json.loads(body) == {
        "school": "",
        "name": "",
        "greeting": schools.DEFAULT_GREETING,
        "accent": schools.DEFAULT_ACCENT,
        "language": "en",
    }
    assert "counselor" not in body and "@" not in body


def test_settings_cors_only_for_allowed_origins():
    resp, _ = get("settings", origin="https://lincoln.example.org", school="lincoln-high")
    assert resp.headers["Access-Control-Allow-Origin"] == "https://lincoln.example.org"
    assert resp.headers["Vary"] == "Origin"
    resp, _ = get("settings", origin="https://evil.example", school="lincoln-high")
    assert "Access-Control-Allow-Origin" not in resp.headers


def connect_src(csp):
    return next(d.strip() for d in csp.split(";") if d.strip().startswith("connect-src"))


@pytest.mark.parametrize("host", ["bot.example.org", "localhost:5305", "127.0.0.1:5005", "[::1]:5005"])
def test_csp_connect_src_names_only_the_own_host(host):
    resp, _ = get(host=host)
    csp = resp.headers["Content-Security-Policy"]
    assert connect_src(csp) == f"connect-src 'self' ws://{host} wss://{host}"
    assert not re.search(r"(^|\s)wss?:(\s|;|$)", csp)
    assert "script-src 'self';" in csp and "'unsafe-inline'" not in csp
    assert csp.endswith("; frame-ancestors 'self'")  # the neutral chat (per school: tests/unit/test_origins.py)


@pytest.mark.parametrize("host", ["", "evil.example; script-src *", "a b", "bot.example.org/x", None])
def test_csp_with_a_strange_host_falls_back_to_self(host):
    request: Any = SimpleNamespace(args={}, headers={"host": host} if host is not None else {})
    resp = asyncio.run(widget.serve(request, ""))
    csp = resp.headers["Content-Security-Policy"]
    assert connect_src(csp) == "connect-src 'self'" and "script-src *" not in csp


def test_static_files_and_unknown_paths():
    resp, body = get("embed.js")
    code = re.sub(r"/\*.*?\*/", "", body, flags=re.S)  # the script, without its comments
    assert "data.school" in code
    assert not re.search(r"data\.(counselor|greeting|accent)|counselor_|greeting", code)
    assert get("../../etc/passwd")[0].status == 404
    assert "frame-ancestors 'self'" == get("demo")[0].headers["Content-Security-Policy"]


def test_chat_script_sends_only_the_school_id():
    chat_js = (widget.WEB / "chat.js").read_text(encoding="utf-8")
    assert "counselor" not in chat_js.replace("counselor contacts included", "")
    assert 'params.get("school")' not in chat_js and 'params.get("greeting")' not in chat_js
    assert "var data = { lang: state.lang };" in chat_js and "data.school = settings.school;" in chat_js
    assert "data.site = framingSite();" in chat_js  # site: checked, never shown


def test_demo_page_embeds_by_id_only():
    demo = (widget.WEB / "demo.html").read_text(encoding="utf-8")
    found = re.search(r"<script src=\"embed.js\"[^>]*>", demo)
    assert found is not None
    tag = found.group(0)
    assert 'data-school="demo"' in tag and "data-counselor" not in tag and "data-accent" not in tag


def test_rasa_refuses_to_start_on_a_broken_registry(registry, monkeypatch):
    registry.write_text(
        "schools:\n  - id: lincoln-high\n    name: Lincoln\n    counselor:\n      email: nope\n", encoding="utf-8"
    )
    with pytest.raises(SystemExit) as stopped:
        widget.WidgetInput.from_credentials({})
    message = str(stopped.value)
    assert "cannot start" in message
    assert "entry schools[lincoln-high], field counselor.email: 'nope' is not an email address" in message


def test_the_widget_stops_typing_at_the_one_message_limit():
    from bot import ROOT
    from bot.text import MAX_MESSAGE_CHARS

    page = (ROOT / "bot" / "web" / "chat.html").read_text(encoding="utf-8")
    assert f'maxlength="{MAX_MESSAGE_CHARS}"' in page
