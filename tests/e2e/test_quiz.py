"""The "What fits me?" quiz end to end: through REST on the real servers (answers, a question in
the middle, stop and resume, results, what the insights table keeps), and in the web widget in
headless Chromium (buttons, then axe on the results)."""

from __future__ import annotations

import json
import uuid

import pytest
import sqlalchemy as sa
from axe_playwright_python.sync_playwright import Axe

from bot import ROOT
from bot import interest_quiz as iq
from bot.answers import quiz
from bot.phrases import say
from bot.render import entry_level, pay_line
from tests.conftest import role

SCREENSHOTS = ROOT / "reports"  # quiz-en.png, quiz-es.png: a fresh one each run, for looking at
ITEMS = iq.quiz().items
N = len(ITEMS)
#: Hands-on and organizing liked, the rest disliked: the results lead with RC roles.
RC = ["Like" if i.area in "RC" else "Dislike" for i in ITEMS]


def tap(bot, sender, reply, title):
    """Send the payload of the button with this title in the last message of `reply`."""
    buttons = [b for m in reply for b in m.get("buttons") or []]
    chosen = next((b for b in buttons if b["title"] == title), None)
    assert chosen, reply
    return bot.ask(chosen["payload"], sender, metadata={"school": "demo"}, patient=True)


def text(reply):
    return "\n\n".join(m.get("text", "") for m in reply)


def test_the_whole_quiz_through_rest(bot, kb):
    sender = f"quiz-{uuid.uuid4().hex}"
    reply = bot.ask("what fits me", sender, metadata={"school": "demo"})
    assert "not a test" in text(reply) and quiz.PROFILER in text(reply)
    assert text(reply).endswith(quiz.item_text(0))
    for i, choice in enumerate(RC[:5]):
        reply = tap(bot, sender, reply, choice)
        assert text(reply).endswith(quiz.item_text(i + 1)), text(reply)

    # A question in the middle is answered; the quiz goes on where it was.
    welder = role(kb, "welder")
    assert pay_line(kb, welder.median_pay) in bot.text("how much do welders make?", sender, patient=True)
    reply = bot.ask("not sure", sender, patient=True)  # typed: the 6th answer
    assert text(reply).endswith(quiz.item_text(6))
    reply = bot.ask("skip", sender, patient=True)
    assert text(reply).endswith(quiz.item_text(7))

    # Stop, then pick up where we left off.
    assert "stopped the quiz" in bot.text("stop", sender, patient=True)
    reply = bot.ask("continue the interest quiz", sender, patient=True)
    assert "Welcome back" in text(reply) and text(reply).endswith(quiz.item_text(7))
    for choice in RC[7:]:
        reply = tap(bot, sender, reply, choice)

    results = text(reply)
    assert "Hands-on work" in results and "Organizing and details" in results
    lines = [line for line in results.splitlines() if "(O*NET code" in line]
    assert 3 <= len(lines) <= 5 and all("(O*NET code RC" in line for line in lines)
    assert "O*NET 29.3 Database" in results
    titles = [b["title"] for m in reply for b in m.get("buttons") or []]
    first = next(t for t in titles if t.startswith("About: "))[len("About: ") :]
    assert any(t.startswith("Pay: ") for t in titles) and any(t.startswith("Compare: ") for t in titles)
    about = text(tap(bot, sender, reply, f"About: {first}"))
    assert first.split()[0] in about

    # Counselors' insights keep a start (twice: the resume) and one finish, nothing about the answers.
    engine = sa.create_engine(f"sqlite:///{bot.db}")
    with engine.connect() as connection:
        kinds = [
            r[0]
            for r in connection.execute(
                sa.text("SELECT kind FROM insights WHERE conversation = :c ORDER BY id"), {"c": sender}
            )
        ]
    assert kinds.count("quiz finished") == 1 and kinds.count("quiz started") == 2
    # Two starts, the finish, the pay question, the stop and the "About": no row for the other answers.
    assert "pay" in kinds and len(kinds) == 6, kinds


def test_restart_and_an_answer_with_no_quiz(bot):
    sender = f"quiz-{uuid.uuid4().hex}"
    assert "no quiz" in bot.text("dislike", sender)
    reply = bot.ask("interest quiz", sender)
    reply = tap(bot, sender, reply, "Like")
    assert text(reply).endswith(quiz.item_text(1))
    reply = bot.ask(f"/start_quiz{json.dumps({'quiz_choice': 'restart'})}", sender, patient=True)
    assert text(reply).endswith(quiz.item_text(0)) and "Welcome back" not in text(reply)


@pytest.mark.parametrize(
    "lang, label, start",
    [("en", "Type your question", "what fits me"), ("es", "Escribe tu pregunta", "quiero hacer el quiz de intereses")],
)
def test_the_quiz_in_the_widget(browser, bot, lang, label, start):
    """The whole quiz typed and tapped in the widget, in the embed's language: each item in it, its
    buttons' words ("Me gusta"), the results' heading and the start-over button; axe on the results."""
    choices = {"Like": say(lang, "quiz.like"), "Dislike": say(lang, "quiz.dislike")}
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    try:
        page.goto(f"{bot.base}/chat/?school=demo&lang={lang}")
        box = page.get_by_label(label)
        box.fill(start)
        box.press("Enter")
        for i, choice in enumerate(RC):
            last = page.locator(".msg--bot").last
            last.locator(".msg__text", has_text=quiz.item_text(i, lang)).wait_for(timeout=20000)
            if i >= 12:  # read like a student: past the burst, the per-conversation limit allows one per 2 s
                page.wait_for_timeout(2100)
            last.get_by_role("button", name=choices[choice], exact=True).click()
        page.locator(".msg--bot .msg__text", has_text=say(lang, "quiz.fit_heading")).wait_for(timeout=20000)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"quiz-{lang}.png"))
        results = Axe().run(page)
        serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        assert serious == [], [(v["id"], v["help"]) for v in serious]
        page.locator(".msg--bot").last.get_by_role("button", name=say(lang, "quiz.start_over")).wait_for()
    finally:
        context.close()


def test_no_college_said_during_the_quiz_narrows_the_results(bot, kb):
    """Words said in the middle ("I don't want to go to college") narrow the results (docs/quiz.md)."""
    sender = f"quiz-{uuid.uuid4().hex}"
    reply = bot.ask("what fits me", sender)
    for i, choice in enumerate(RC):
        if i == 4:  # answered as usual; then the item's button, in the message before, goes on
            bot.ask("i don't want to go to college", sender, patient=True)
        reply = tap(bot, sender, reply, choice)
    results = text(reply)
    assert "As you asked, these are jobs you can start soon after high school." in results
    titles = [line[2:].split(":")[0] for line in results.splitlines() if "(O*NET code" in line]
    picks = [r for r in kb.roles if r.title in titles]
    assert len(picks) == len(titles) >= 3 and all(entry_level(r) == 0 for r in picks), titles


def test_the_career_finders_training_answer_narrows_the_results(bot, kb):
    """Told the career finder "start soon after high school": the quiz taken next respects it."""
    sender = f"quiz-{uuid.uuid4().hex}"
    reply = bot.ask("career finder", sender)
    for title in ("Hands-on work", "Start soon after high school", "Any industry"):
        reply = tap(bot, sender, reply, title)
    assert "three jobs to look at" in text(reply), text(reply)
    reply = bot.ask("what fits me", sender, patient=True)
    for choice in RC:
        reply = tap(bot, sender, reply, choice)
    results = text(reply)
    assert "As you asked, these are jobs you can start soon after high school." in results
    titles = [line[2:].split(":")[0] for line in results.splitlines() if "(O*NET code" in line]
    assert all(entry_level(r) == 0 for r in kb.roles if r.title in titles) and len(titles) >= 3, titles


def test_the_quiz_in_spanish(bot, knowledge):
    """A Spanish conversation: started in Spanish words, answered by the Spanish buttons, and
    results naming the Spanish titles of the knowledge file's jobs (docs/quiz.md "In Spanish")."""
    sender, es = f"quiz-{uuid.uuid4().hex}", {"lang": "es"}
    reply = bot.ask("quiero hacer el quiz de intereses", sender, metadata=es)
    assert "no es un examen" in text(reply) and text(reply).endswith(quiz.item_text(0, "es")), text(reply)
    spanish = {"Like": "Me gusta", "Dislike": "No me gusta"}
    for i, choice in enumerate(RC):
        buttons = [b for m in reply for b in m.get("buttons") or []]
        chosen = next((b for b in buttons if b["title"] == spanish[choice]), None)
        assert chosen, reply
        reply = bot.ask(chosen["payload"], sender, metadata=es, patient=True)
        if i + 1 < N:
            assert text(reply).endswith(quiz.item_text(i + 1, "es")), text(reply)
    results = text(reply)
    assert results.startswith("¡Gracias!") and "Trabajo con las manos" in results
    titles = [line[2:].split(":")[0] for line in results.splitlines() if "(código de O*NET" in line]
    spanish_titles = {r.title for r in knowledge.in_language("es").kb.roles}
    assert 3 <= len(titles) <= 5 and set(titles) <= spanish_titles, titles
