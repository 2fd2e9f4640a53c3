"""The web widget in a real browser (Debian's Chromium driven by Playwright) against the running bot."""

from __future__ import annotations

import re

import pytest
import requests
from axe_playwright_python.sync_playwright import Axe

from bot import ROOT, schools
from bot.render import pay_line
from tests.conftest import role

# A fresh screenshot on every run, for looking at; docs/img/widget.png is the doc's own image.
SCREENSHOT = ROOT / "reports" / "widget.png"
EVIL = "evil@attacker.example"


def registry_school(school_id):
    """The school as the servers see it (they read SCHOOLS_FILE, or data/schools.yml)."""
    return schools.load(schools.registry_path()).get(school_id)


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


def test_the_tab_keeps_a_signed_id_that_never_travels_in_a_url(page, bot, kb):
    socket_urls = []
    page.on("request", lambda request: socket_urls.append(request.url) if "/socket.io/" in request.url else None)
    frame = open_widget(page, bot)
    ask(frame, "what does a welder do?")
    bot_messages(frame).filter(has_text=role(kb, "welder").summary).wait_for(timeout=20000)
    chat = next(f for f in page.frames if "/chat/?" in f.url)
    saved = chat.evaluate("JSON.parse(sessionStorage.getItem('mfg-chat:demo'))")
    assert re.fullmatch(r"web-[0-9a-f]{32}\.[0-9a-f]{32}", saved["sessionId"])  # the server's pass
    assert socket_urls and all(f"route={saved['route']}" in url for url in socket_urls)
    conversation = saved["sessionId"].split(".")[0]
    assert not [url for url in socket_urls if conversation in url or "session=" in url]


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
    page.wait_for_function("document.activeElement && document.activeElement.id === 'mfg-chat-launcher'", timeout=5000)
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
    page.goto(f"{bot.base}/chat/?school=demo")
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
            timeout=20000
        )
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
    resp = requests.get(f"{bot.base}/chat/", timeout=10)
    assert "frame-ancestors 'self' http://localhost:5005" in resp.headers["Content-Security-Policy"]
    assert (
        requests.get(f"{bot.base}/chat/embed.js", headers={"Origin": "http://localhost"}, timeout=10).headers.get(
            "Access-Control-Allow-Origin"
        )
        == "http://localhost"
    )
    assert (
        "Access-Control-Allow-Origin"
        not in requests.get(f"{bot.base}/chat/embed.js", headers={"Origin": "https://evil.example"}, timeout=10).headers
    )
    assert requests.get(f"{bot.base}/chat/../../etc/passwd", timeout=10).status_code == 404


def test_crafted_link_cannot_change_greeting_or_counselor(page, bot):
    """School settings come from the registry; extra parameters in the address are ignored."""
    demo = registry_school("demo")
    page.goto(
        f"{bot.base}/chat/?school=demo&counselor_email=evil%40attacker.example"
        "&counselor_name=Mr.%20Evil&counselor_url=https%3A%2F%2Fattacker.example%2F"
        "&greeting=Email%20evil%40attacker.example&accent=%23ff0000"
    )
    first = page.locator(".msg--bot .msg__text").first
    first.wait_for()
    assert first.inner_text() == demo.greeting
    assert page.locator("#school-name").inner_text().startswith(demo.name)
    ask(page, "can I talk to a counselor")
    reply = page.locator(".msg--bot .msg__text", has_text=demo.counselor.email)
    reply.wait_for(timeout=20000)
    assert demo.counselor.name in reply.inner_text()
    assert "attacker" not in page.locator("body").inner_text() and "Evil" not in page.content()
    accent = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()")
    assert accent == demo.accent


def test_unknown_school_is_neutral(page, bot):
    page.goto(f"{bot.base}/chat/?school=no-such-school&counselor_email=evil%40attacker.example")
    first = page.locator(".msg--bot .msg__text").first
    first.wait_for()
    assert first.inner_text() == schools.DEFAULT_GREETING
    ask(page, "can I talk to a counselor")
    page.locator(".msg--bot .msg__text", has_text="counseling office").wait_for(timeout=20000)
    assert "attacker" not in page.locator("body").inner_text()


def test_demo_page_embeds_by_school_id(page, bot):
    demo = registry_school("demo")
    frame = open_widget(page, bot)
    src = page.locator("iframe[title='Manufacturing Careers chat']").get_attribute("src")
    assert src == f"{bot.base}/chat/?school=demo&embedded=1"
    frame.locator(".msg--bot .msg__text", has_text=demo.greeting).wait_for()
    assert frame.locator("#school-name").inner_text().startswith(demo.name)
    launcher = page.get_by_role("button", name="Ask about manufacturing careers")
    hex_rgb = tuple(int(demo.accent[i : i + 2], 16) for i in (1, 3, 5))
    page.wait_for_function(  # the launcher's colour comes from /chat/settings
        "([id, rgb]) => getComputedStyle(document.getElementById(id)).backgroundColor === rgb",
        arg=["mfg-chat-launcher", "rgb(%d, %d, %d)" % hex_rgb],
        timeout=5000,
    )
    assert launcher.get_attribute("aria-expanded") == "true"
    ask(frame, "can I talk to a counselor")
    frame.locator(".msg--bot .msg__text", has_text=demo.counselor.email).wait_for(timeout=20000)


def test_csp_connects_only_to_its_own_origin(bot):
    host = bot.base.split("://", 1)[1]
    csp = requests.get(f"{bot.base}/chat/?school=demo", timeout=10).headers["Content-Security-Policy"]
    directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
    assert directives["connect-src"] == ["'self'", f"ws://{host}", f"wss://{host}"]
    assert not re.search(r"(^|\s)wss?:(\s|;|$)", csp)
    assert directives["script-src"] == ["'self'"]
    other = requests.get(f"{bot.base}/chat/", headers={"Host": "bot.example.org"}, timeout=10)
    assert "connect-src 'self' ws://bot.example.org wss://bot.example.org;" in other.headers["Content-Security-Policy"]


def test_settings_endpoint_serves_the_registry(bot):
    demo = registry_school("demo")
    resp = requests.get(f"{bot.base}/chat/settings", params={"school": "demo", "counselor_email": EVIL}, timeout=10)
    expected = {"school": "demo", "name": demo.name, "greeting": demo.greeting, "accent": demo.accent}
    assert resp.json() == {**expected, "language": demo.language or "en"}
    assert requests.get(f"{bot.base}/chat/settings", params={"school": "nope"}, timeout=10).json()["name"] == ""


@pytest.mark.parametrize("motion, animation", [("reduce", "none"), ("no-preference", "blink")])
def test_typing_dots_respect_reduced_motion(browser, bot, motion, animation):
    context = browser.new_context(reduced_motion=motion)
    page = context.new_page()
    try:
        page.goto(f"{bot.base}/chat/")
        page.evaluate("document.getElementById('typing').hidden = false")
        assert page.evaluate("getComputedStyle(document.querySelector('.dots i')).animationName") == animation
    finally:
        context.close()


def test_three_ways_in_on_opening(page, bot, kb):
    frame = open_widget(page, bot)
    for title in ("Jobs without college", "Find jobs that fit me", "How do I get started?"):
        frame.get_by_role("button", name=title).first.wait_for(timeout=10000)
    frame.get_by_role("button", name="Jobs without college").first.click()
    # The no-degree list: a job that needs no degree is there, one that needs a bachelor's is not.
    no_degree = next(r for r in kb.roles if "bachelor" not in r.education.typical_entry.lower())
    listed = bot_messages(frame).filter(has_text="where")
    listed.filter(has_text=no_degree.title).first.wait_for(timeout=20000)
    assert "Manufacturing engineer" not in listed.last.inner_text()
