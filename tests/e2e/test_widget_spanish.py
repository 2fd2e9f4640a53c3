"""The widget in Spanish, in a real browser (Chromium, Playwright) against the running bot:
its own words, the page's `lang`, the English / Español switch, the embed's data-lang, axe."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from bot.understanding.language import SWITCH_PAYLOADS

SPANISH = {
    "label": "Escribe tu pregunta",
    "placeholder": "Pregunta sobre un trabajo en manufactura…",
    "send": "Enviar",
}


@pytest.fixture()
def page(browser, bot):
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    yield page
    context.close()


def strings(page):
    return page.evaluate("window.MFG_CHAT_STRINGS")


def assert_spanish(page):
    assert page.evaluate("document.documentElement.lang") == "es"
    box = page.get_by_label(SPANISH["label"])
    box.wait_for()
    assert box.get_attribute("placeholder") == SPANISH["placeholder"]
    assert page.get_by_role("button", name=SPANISH["send"]).is_visible()
    es = strings(page)["es"]
    assert page.locator("#log").get_attribute("aria-label") == es["conversation"]
    assert page.locator(".chat__note").inner_text() == es["note"]
    # The switch is the widget's own pair of buttons (the assistant's reply to it may offer one too).
    assert page.locator("#languages").get_attribute("aria-label") == es["languages"]
    assert page.locator("button[data-language=es]").get_attribute("aria-pressed") == "true"
    assert page.locator("button[data-language=en]").get_attribute("aria-pressed") == "false"


def serious_violations(page):
    results = Axe().run(page)
    return [(v["id"], v["help"]) for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def test_the_chat_page_in_spanish(page, bot):
    page.goto(f"{bot.base}/chat/?lang=es")
    assert_spanish(page)
    es = strings(page)["es"]
    assert page.locator(".msg--bot .msg__text").first.inner_text() == es["greeting"]
    for starter in es["starters"]:
        page.get_by_role("button", name=starter["title"]).wait_for()
    assert page.locator(".msg--bot .visually-hidden").first.inner_text().strip() == es["assistant"].strip()
    assert page.title() == es["pageTitle"]
    assert serious_violations(page) == []
    # The same keys in every language (a missing word would show as "undefined").
    tables = strings(page)
    assert all(set(t) == set(tables["en"]) for t in tables.values())


def test_the_switch_changes_the_words_tells_the_assistant_and_sticks(page, bot):
    sent = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda frame: sent.append(str(frame))))
    page.goto(f"{bot.base}/chat/?school=demo")
    page.get_by_label("Type your question").wait_for()
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("button[data-language=en]").get_attribute("aria-pressed") == "true"
    page.wait_for_function("window.io && document.querySelector('#status').hidden")  # connected
    page.locator("button[data-language=es]").click()
    assert_spanish(page)
    page.locator(".msg--user .msg__text", has_text="Español").wait_for()
    page.locator(".msg--bot").nth(1).wait_for(timeout=20000)  # the assistant answered the switch
    uttered = [json.loads(f[2:])[1] for f in sent if f.startswith('42["user_uttered"')]
    assert [(u["message"], u["metadata"]["lang"]) for u in uttered] == [(SWITCH_PAYLOADS["es"], "es")]
    page.reload()
    assert_spanish(page)  # the choice is kept for this tab
    page.locator("button[data-language=en]").click()
    page.get_by_label("Type your question").wait_for()
    assert page.evaluate("document.documentElement.lang") == "en"


def test_the_embed_sets_the_language(page, bot):
    """data-lang="es" on the snippet: the launcher, the frame's title and the chat in Spanish."""
    demo = bot.base + "/chat/demo"
    html = page.request.get(demo).text().replace('data-school="demo"', 'data-school="demo" data-lang="es"')
    page.route(demo, lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"))
    page.goto(demo)
    launcher = page.get_by_role("button", name="Pregunta sobre carreras en manufactura")
    launcher.click()
    frame_element = page.locator("iframe[title='Chat de carreras en manufactura']")
    assert frame_element.get_attribute("src").endswith("/chat/?school=demo&lang=es&embedded=1")
    frame = page.frame_locator("iframe[title='Chat de carreras en manufactura']")
    frame.get_by_label(SPANISH["label"]).wait_for()
    chat = next(f for f in page.frames if "/chat/?" in f.url)
    assert chat.evaluate("document.documentElement.lang") == "es"
    assert frame.get_by_role("button", name="Cerrar el chat").is_visible()
    assert serious_violations(page) == []
    # The snippet's language reaches the assistant: a first "hola" gets the Spanish greeting
    # (metadata lang -> action_session_start -> the `language` slot), not the English one.
    frame.get_by_label(SPANISH["label"]).fill("hola")
    frame.get_by_role("button", name=SPANISH["send"]).click()
    reply = frame.locator(".msg--bot .msg__text").nth(1)
    reply.wait_for(timeout=20000)
    assert reply.inner_text().startswith("¡Hola! Soy el asistente de Carreras en Manufactura.")
