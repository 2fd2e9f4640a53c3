"""The community web chat (rasa-webchat 1.0.1, React, renders text as markdown) in Chromium,
pointed at the real bot over socket.io, as a counselor who already runs it would (docs/embed.md).

The page is served on the bot's own origin by Playwright, and the widget's script comes from
the pinned npm package `make test-e2e` unpacks into .venv/webchat (nothing from a CDN).
"""

from __future__ import annotations

import re

import pytest

from bot import ROOT
from bot.render import pay_line
from tests.conftest import role

WEBCHAT = ROOT / ".venv" / "webchat" / "package" / "lib" / "index.js"
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>School page</title></head>
<body><div id="webchat"></div><script src="/webchat-test/index.js"></script>
<script>
  WebChat.default({
    selector: "#webchat", socketUrl: "%(base)s", socketPath: "/socket.io/",
    customData: {school: "demo"}, title: "Manufacturing careers", embedded: true,
    params: {storage: "session"}
  }, null);
</script></body></html>"""


@pytest.fixture()
def webchat(browser, bot):
    assert WEBCHAT.exists(), "rasa-webchat is missing: `make test-e2e` unpacks it into .venv/webchat"
    context = browser.new_context()
    page = context.new_page()

    def serve(route):
        if route.request.url.endswith("/index.js"):
            route.fulfill(body=WEBCHAT.read_bytes(), content_type="application/javascript")
        else:
            route.fulfill(body=PAGE % {"base": bot.base}, content_type="text/html")

    page.route(f"{bot.base}/webchat-test/**", serve)
    page.goto(f"{bot.base}/webchat-test/page.html")
    page.locator(".rw-new-message").wait_for(timeout=20000)
    yield page
    context.close()


def ask(page, text: str) -> None:
    box = page.locator(".rw-new-message")
    box.fill(text)
    box.press("Enter")


def reply_with(page, text: str):
    reply = page.locator(".rw-response", has_text=text).last
    reply.wait_for(timeout=30000)
    return reply


def test_answers_render_line_by_line_and_buttons_work(webchat, kb):
    welder = role(kb, "welder")
    ask(webchat, "how much do welders make?")
    pay = reply_with(webchat, pay_line(kb, welder.median_pay))
    lines = [line.strip() for line in pay.inner_text().splitlines() if line.strip()]
    assert lines[:2] == ["Welder", pay_line(kb, welder.median_pay)]  # line breaks survive markdown
    assert "\\" not in pay.inner_text() and "  " not in pay.inner_text()

    ask(webchat, "what does a welder do")
    reply_with(webchat, welder.summary[:40])  # Rasa's socket.io output sends each paragraph apart
    about = reply_with(webchat, "What they do:")
    bullets = [line for line in about.inner_text().splitlines() if line.strip().startswith("\u2022")]
    assert len(bullets) == 3 and bullets[0].strip() == f"\u2022 {welder.tasks[0]}"  # one bullet a line

    webchat.locator(".rw-reply", has_text="Education").last.click()  # buttons become quick replies
    reply_with(webchat, welder.education.typical_entry)


def test_text_with_markdown_characters_is_shown_as_written(webchat, kb):
    ask(webchat, "where does that information come from")
    sources = reply_with(webchat, "O*NET")
    assert re.search(r"O\*NET", sources.inner_text())
    assert sources.locator("em, strong").count() == 0  # no stray emphasis from '*' or '_'
