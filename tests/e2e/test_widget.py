"""The web widget in a real browser (Debian's Chromium driven by Playwright) against the running bot."""
from __future__ import annotations

import os
import shutil

import pytest

from bot import ROOT
from bot.render import pay_line

playwright_api = pytest.importorskip("playwright.sync_api")
from axe_playwright_python.sync_playwright import Axe  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
# Flags this sandboxed machine needs: no background network calls, no GPU, no setuid sandbox.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
SCREENSHOT = ROOT / "docs" / "img" / "widget.png"


def role(kb, role_id):
    return next(r for r in kb.roles if r.id == role_id)


@pytest.fixture(scope="module")
def browser():
    assert os.path.exists(CHROMIUM), "Chromium is missing: `make setup` installs it (Debian package chromium)"
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser, bot):
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    yield page
    context.close()


def open_widget(page, bot):
    page.goto(f"{bot.base}/chat/demo")
    page.get_by_role("button", name="Ask about manufacturing careers").click()
    frame = page.frame_locator("iframe[title='Manufacturing Careers chat']")
    frame.get_by_label("Type your question").wait_for()
    return frame


def ask(frame, text):
    box = frame.get_by_label("Type your question")
    box.fill(text)
    box.press("Enter")


def bot_messages(frame):
    return frame.locator(".msg--bot .msg__text")


def test_ask_pay_click_button_reload_history(page, bot, kb):
    frame = open_widget(page, bot)
    welder_pay = pay_line(kb, role(kb, "welder").median_pay)
    ask(frame, "how much do welders make?")
    bot_messages(frame).filter(has_text=welder_pay).wait_for(timeout=20000)
    frame.get_by_role("button", name="Education").last.click()
    education = role(kb, "welder").education.typical_entry
    bot_messages(frame).filter(has_text=education).wait_for(timeout=20000)
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))

    page.reload()
    page.get_by_role("button", name="Ask about manufacturing careers").click()
    frame = page.frame_locator("iframe[title='Manufacturing Careers chat']")
    frame.locator(".msg--bot .msg__text", has_text=welder_pay).wait_for(timeout=10000)
    # The server kept the context too: a follow-up without a role is about welders.
    ask(frame, "what skills do they need?")
    bot_messages(frame).filter(has_text=role(kb, "welder").skills[0]).wait_for(timeout=20000)


def test_keyboard_only(page, bot, kb):
    page.goto(f"{bot.base}/chat/demo")
    for _ in range(10):  # tab until the launcher has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == "mfg-chat-launcher":
            break
    page.keyboard.press("Enter")
    frame = page.frame_locator("iframe[title='Manufacturing Careers chat']")
    box = frame.get_by_label("Type your question")
    box.wait_for()
    box.focus()
    page.keyboard.type("what does a machinist do")
    page.keyboard.press("Enter")
    bot_messages(frame).filter(has_text=role(kb, "machinist").summary.split(",")[0]).wait_for(timeout=20000)
    # Shift+Tab from the input reaches the newest quick reply; Enter activates it.
    frame.locator(".msg--bot").last.get_by_role("button", name="Pay").wait_for()
    chat = next(f for f in page.frames if "/chat/?" in f.url)
    box.focus()
    for _ in range(8):
        page.keyboard.press("Shift+Tab")
        if chat.evaluate("document.activeElement && document.activeElement.textContent") == "Pay":
            break
    assert chat.evaluate("document.activeElement.textContent") == "Pay"
    page.keyboard.press("Enter")
    bot_messages(frame).filter(has_text=pay_line(kb, role(kb, "machinist").median_pay)).wait_for(timeout=20000)
    page.keyboard.press("Escape")  # the chat asks the host page (postMessage) to close it
    page.wait_for_function("document.activeElement && document.activeElement.id === 'mfg-chat-launcher'",
                           timeout=5000)
    assert page.get_by_role("button", name="Ask about manufacturing careers").get_attribute("aria-expanded") == "false"


def test_html_from_users_is_shown_as_text(page, bot):
    page.goto(f"{bot.base}/chat/")
    ask(page, '<img src=x onerror="window.__xss=1"><b>bold</b>')
    page.locator(".msg--user .msg__text", has_text="<img src=x onerror").wait_for()
    page.locator(".msg--bot").nth(1).wait_for(timeout=20000)
    assert page.evaluate("window.__xss") is None
    assert page.locator("#log img, #log b").count() == 0


def test_links_are_http_only_with_noopener(page, bot):
    page.goto(f"{bot.base}/chat/")
    ask(page, "how much do nurses make")
    link = page.locator("#log a").first
    link.wait_for(timeout=20000)
    assert link.get_attribute("href").startswith("https://")
    assert "noopener" in link.get_attribute("rel")


def test_accessibility_has_no_serious_violations(page, bot):
    page.goto(f"{bot.base}/chat/?school=Lincoln%20High&accent=%237a1f1f")
    ask(page, "what does a welder do")
    page.locator(".msg--bot").nth(1).wait_for(timeout=20000)
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], [(v["id"], v["help"]) for v in serious]
    page.goto(f"{bot.base}/chat/demo")
    page.get_by_role("button", name="Ask about manufacturing careers").click()
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], [(v["id"], v["help"]) for v in serious]


def test_mobile_viewport(browser, bot, kb):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{bot.base}/chat/")
        ask(page, "how much do machinists make")
        page.locator(".msg--bot .msg__text", has_text=pay_line(kb, role(kb, "machinist").median_pay)).wait_for(
            timeout=20000)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        send = page.get_by_role("button", name="Send").bounding_box()
        assert send["x"] + send["width"] <= 360 and send["y"] + send["height"] <= 740
    finally:
        context.close()


def test_unreachable_server_is_explained(page, bot):
    page.route("**/socket.io/**", lambda route: route.abort())
    page.goto(f"{bot.base}/chat/")
    page.get_by_text("Can't reach the assistant right now").wait_for(timeout=15000)


def test_embedding_is_limited_to_configured_origins(bot):
    import requests

    resp = requests.get(f"{bot.base}/chat/", timeout=10)
    assert "frame-ancestors 'self' http://localhost:5005" in resp.headers["Content-Security-Policy"]
    assert requests.get(f"{bot.base}/chat/embed.js", headers={"Origin": "http://localhost"},
                        timeout=10).headers.get("Access-Control-Allow-Origin") == "http://localhost"
    assert "Access-Control-Allow-Origin" not in requests.get(
        f"{bot.base}/chat/embed.js", headers={"Origin": "https://evil.example"}, timeout=10).headers
    assert requests.get(f"{bot.base}/chat/../../etc/passwd", timeout=10).status_code == 404
