"""Frame and socket origins per school (bot/channels/origins.py, issue #23 item 5): a school's chat
is framed and used only by its own sites (and the district's), localhost only when configured."""

from __future__ import annotations

import asyncio
import json
from types import SimpleNamespace
from typing import Any

import pytest
import yaml

from bot import schools
from bot.channels import origins, widget
from bot.channels.rest import reject_malformed
from bot.tools.serve import localhost_pages

LINCOLN = "https://lincoln.example.org"
WASHINGTON = "https://washington.example.org"
DISTRICT = "https://district.example.org"
REGISTRY = {
    "schools": [
        {"id": "lincoln-high", "name": "Lincoln High", "origins": [LINCOLN + "/", "https://sites.google.com"]},
        {"id": "washington", "name": "Washington High", "origins": [WASHINGTON]},
        {"id": "quiet", "name": "Quiet High"},
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


def page_policy(school_id: str, host: str = "bot.example.org") -> str:
    """The frame-ancestors the chat page for ?school=<id> is sent with."""
    request: Any = SimpleNamespace(args={"school": school_id}, headers={"host": host})
    resp = asyncio.run(widget.serve(request, ""))
    return resp.headers["Content-Security-Policy"].split("; ")[-1]


def test_each_schools_chat_page_is_framed_by_its_own_sites_only():
    assert page_policy("lincoln-high") == f"frame-ancestors 'self' {LINCOLN} https://sites.google.com"
    assert page_policy("washington") == f"frame-ancestors 'self' {WASHINGTON}"
    assert page_policy("quiet") == "frame-ancestors 'self'"  # no sites registered: only the bot's own pages


@pytest.mark.parametrize("school_id", ["", "no-such-school", "../x"])
def test_the_neutral_chat_is_framed_by_no_schools_site(school_id):
    assert page_policy(school_id) == "frame-ancestors 'self'"


def test_district_sites_and_localhost_apply_to_every_school_when_configured(monkeypatch):
    monkeypatch.setenv("CHAT_ALLOWED_ORIGINS", f"{DISTRICT}/")
    assert page_policy("washington") == f"frame-ancestors 'self' {WASHINGTON} {DISTRICT}"
    monkeypatch.setenv("ALLOW_LOCALHOST_ORIGINS", "on")
    local = " ".join(origins.LOCALHOST_ORIGINS)
    assert page_policy("washington") == f"frame-ancestors 'self' {WASHINGTON} {DISTRICT} {local}"
    assert page_policy("") == f"frame-ancestors 'self' {DISTRICT} {local}"
    monkeypatch.setenv("ALLOW_LOCALHOST_ORIGINS", "off")
    assert "localhost" not in page_policy("lincoln-high") and "127.0.0.1" not in page_policy("")


def test_one_schools_site_cannot_use_another_schools_chat():
    assert not origins.refused(LINCOLN, "bot.example.org", "lincoln-high")
    assert not origins.refused("HTTPS://Lincoln.example.org/", "bot.example.org", "lincoln-high")
    assert origins.refused(LINCOLN, "bot.example.org", "washington")
    assert origins.refused(WASHINGTON, "bot.example.org", "lincoln-high")
    assert origins.refused(WASHINGTON, "bot.example.org", "quiet")
    assert origins.refused(WASHINGTON, "bot.example.org", None)  # the neutral chat is no school's
    assert origins.refused("https://evil.example", "bot.example.org", "lincoln-high")
    assert origins.refused("null", "bot.example.org", "lincoln-high")  # a sandboxed frame or a file
    # Our own chat page (framing already limited by the browser), and clients that are no browser.
    assert not origins.refused("https://bot.example.org", "bot.example.org", "washington")
    assert not origins.refused("http://127.0.0.1:7505", "127.0.0.1:7505", "")
    assert not origins.refused(None, "bot.example.org", "washington")
    assert origins.refused("https://bot.example.org", None, "washington")  # no Host: not provably our page


def test_localhost_is_refused_unless_the_setting_allows_it(monkeypatch):
    for origin in origins.LOCALHOST_ORIGINS:
        assert origins.refused(origin, "bot.example.org", "lincoln-high")
        assert origins.refused(origin, "bot.example.org", "")
        assert origin not in origins.any_site()
    monkeypatch.setenv("ALLOW_LOCALHOST_ORIGINS", "on")
    for origin in origins.LOCALHOST_ORIGINS:
        assert not origins.refused(origin, "bot.example.org", "lincoln-high")
        assert not origins.refused(origin, "bot.example.org", "")
    assert origins.refused("http://localhost:8000", "bot.example.org", "lincoln-high")  # the listed ports only


def test_socket_handshake_lets_in_any_schools_site_messages_are_checked_per_school(monkeypatch):
    monkeypatch.setenv("CHAT_ALLOWED_ORIGINS", DISTRICT)
    assert origins.any_site() == [LINCOLN, "https://sites.google.com", WASHINGTON, DISTRICT]
    assert origins.is_allowed(WASHINGTON) and not origins.is_allowed("https://evil.example")
    assert origins.is_allowed(WASHINGTON, "washington") and not origins.is_allowed(WASHINGTON, "lincoln-high")


def test_settings_json_is_readable_only_by_the_schools_own_sites():
    def cors(origin, school_id):
        request: Any = SimpleNamespace(args={"school": school_id}, headers={"host": "bot", "origin": origin})
        return asyncio.run(widget.serve(request, "settings")).headers.get("Access-Control-Allow-Origin")

    assert cors(WASHINGTON, "washington") == WASHINGTON
    assert cors(LINCOLN, "washington") is None and cors(WASHINGTON, "") is None


def rest(origin, metadata, host="bot.example.org"):
    body = json.dumps({"sender": "origins-test", "message": "hi", "metadata": metadata}).encode()
    headers = {"host": host, **({"origin": origin} if origin else {})}
    request: Any = SimpleNamespace(method="POST", path="/webhooks/rest/webhook", body=body, headers=headers)
    request.ctx = SimpleNamespace()
    return asyncio.run(reject_malformed(request))


def test_rest_from_another_schools_site_gets_a_403():
    refused = rest(LINCOLN, {"school": "washington"})
    assert refused is not None and refused.status == 403
    assert json.loads(refused.body) == {"error": origins.REFUSED}
    assert rest("https://evil.example", {}).status == 403
    assert rest(WASHINGTON, {"school": "washington"}) is None  # admitted
    assert rest(None, {"school": "washington"}) is None  # a script or server: no browser to protect
    assert rest("https://bot.example.org", {"school": "washington"}) is None  # the bot's own page


def test_wildcard_env_still_allows_any_site(monkeypatch):
    monkeypatch.setenv("CHAT_ALLOWED_ORIGINS", "*")
    assert origins.any_site() == ["*"] and page_policy("washington") == "frame-ancestors *"
    assert not origins.refused("https://evil.example", "bot.example.org", "washington")


def test_bad_env_origin_is_refused(monkeypatch):
    monkeypatch.setenv("CHAT_ALLOWED_ORIGINS", "https://ok.example.org, https://x.example.org/page; script-src *")
    with pytest.raises(ValueError, match="CHAT_ALLOWED_ORIGINS: .* is not an origin"):
        origins.any_site()


def test_origins_are_computed_once_per_configuration(registry, monkeypatch):
    origins.any_site()
    origins.frame_ancestors("washington")
    calls = []
    monkeypatch.setattr(schools, "load", lambda *a, **k: calls.append(a))
    monkeypatch.setattr(schools, "registry_path", lambda: registry)  # same file: cached
    for _ in range(3):
        origins.any_site()
        origins.frame_ancestors("washington")
        origins.refused(LINCOLN, "bot", "washington")
    assert calls == []


def test_make_run_allows_localhost_pages_unless_told_otherwise(monkeypatch):
    assert localhost_pages(True) == {"ALLOW_LOCALHOST_ORIGINS": "on"}
    assert localhost_pages(False) == {}
    monkeypatch.setenv("ALLOW_LOCALHOST_ORIGINS", "off")  # .env or the environment wins
    assert localhost_pages(True) == {}
