"""Against the real bot over REST, with the school id in the metadata as the widget sends it: the
school's own programs (data/schools.yml, the demo school's example programs), the "At <school>"
line after a job's description, nothing invented without a school, and the insights rows that
count which programs were shown."""

from __future__ import annotations

import sqlite3
import uuid

import pytest

from bot import schools

DEMO = {"school": "demo"}


def demo_programs():
    demo = schools.load(schools.DEFAULT_PATH).get("demo")
    assert demo is not None and demo.programs
    return {p.key: p for p in demo.programs}


def listed(reply: str, key: str) -> bool:
    p = demo_programs()[key]
    return f"{p.name} ({p.kind_name}): {p.description}" + (f" {p.link}" if p.link else "") in reply


WELDING = "welding-technology-i-and-ii-example"
MACHINING = "precision-machining-example"
YOUTH = "youth-apprenticeship-in-machining-example"
MAINTENANCE = "industrial-maintenance-dual-enrollment-example"
TOUR = "manufacturing-day-plant-tour-example"


@pytest.mark.parametrize(
    "question, heading, shown, not_shown",
    [
        (
            "where can I learn welding around here?",
            "Programs at Demo High School that lead to welder jobs:",
            [WELDING, TOUR],
            [MACHINING, YOUTH, MAINTENANCE],
        ),
        (
            "does my school have anything for machining",
            "Programs at Demo High School that lead to machinist jobs:",
            [MACHINING, YOUTH, TOUR],
            [WELDING, MAINTENANCE],
        ),
        (
            "any robotics classes near me?",
            "Programs at Demo High School for industrial and collaborative robots:",  # a technology's jobs
            [MAINTENANCE, TOUR],
            [WELDING, MACHINING],
        ),
        (
            "what programs does my school have",
            "Programs at Demo High School:",
            [WELDING, MACHINING, YOUTH, MAINTENANCE, TOUR],
            [],
        ),
    ],
)
def test_a_school_question_lists_the_schools_programs_with_links(bot, question, heading, shown, not_shown):
    reply = bot.text(question, metadata=DEMO)
    assert reply.startswith(heading), reply
    for key in shown:
        assert listed(reply, key), (key, reply)
    for key in not_shown:
        assert demo_programs()[key].name not in reply, (key, reply)
    assert "Ask Ms. Example (demo counselor) how to sign up." in reply


def test_after_a_job_an_at_school_line_then_help_with_that_means_that_job(bot):
    me = uuid.uuid4().hex
    about = bot.ask("what does a welder do", me, metadata=DEMO)
    text = "\n\n".join(m.get("text", "") for m in about)
    assert text.endswith("At Demo High School: Welding Technology I and II (example) (CTE course)."), text
    assert about[-1]["buttons"][0]["title"] == "Programs at Demo High School"
    follow = bot.text("what classes at my school help with that?", me, metadata=DEMO)
    assert follow.startswith("Programs at Demo High School that lead to welder jobs:"), follow
    button = bot.text(about[-1]["buttons"][0]["payload"], me, metadata=DEMO)  # the line's button
    assert button.startswith("Programs at Demo High School that lead to welder jobs:"), button
    pay = bot.text("how much do they make?", me, metadata=DEMO)
    assert "At Demo High School" not in pay  # only after a description or education


def test_education_gets_the_line_too(bot):
    reply = bot.text("what training do cnc operators need", metadata=DEMO)
    assert "At Demo High School: Precision Machining (example) (CTE course); Youth Apprenticeship" in reply, reply


@pytest.mark.parametrize("metadata", [None, {"school": "nowhere-high"}])
def test_without_a_registered_school_nothing_is_invented(bot, metadata):
    near = bot.text("where can I learn welding around here?", metadata=metadata)
    assert "higher or lower where you live" in near, near  # the local answer, as before
    mine = bot.text("does my school have anything for machining", metadata=metadata)
    assert mine.startswith("Getting started as a machinist"), mine
    about = bot.text("what does a welder do", metadata=metadata)
    for reply in (near, mine, about):
        assert "(example)" not in reply and "Programs at" not in reply and "At Demo" not in reply


def test_insights_count_the_programs_shown_and_nothing_typed(bot):
    me = uuid.uuid4().hex
    bot.text("where can I learn welding around here? i'm jane", me, metadata=DEMO)
    bot.text("how much do welders make?", me, metadata=DEMO)
    with sqlite3.connect(bot.db) as db:
        rows = db.execute(
            "select school, channel, verified, program from insights_programs where conversation = ? order by id", (me,)
        ).fetchall()
        columns = [r[1] for r in db.execute("pragma table_info(insights_programs)")]
    # REST is not the school's registered site, so these count apart from its figures (docs/insights.md)
    assert rows == [("demo", "rest", 0, WELDING), ("demo", "rest", 0, TOUR)], rows
    assert "text" not in columns


def test_the_widgets_socketio_carries_the_school_to_its_programs(bot):
    """The same over socket.io, the widget's own transport (its metadata names the demo school);
    a long answer arrives as several messages, the buttons with the last."""
    from tests.e2e.test_socketio import Tab

    def answer(tab, text, issued):
        tab.say(text, issued)
        parts = [tab.replies.get(timeout=20)]
        parts += tab.received(3)
        return "\n\n".join(p.get("text", "") for p in parts), parts[-1].get("quick_replies") or []

    tab = Tab(bot.base)
    try:
        issued = tab.join()
        about, buttons = answer(tab, "what does a machinist do", issued)
        assert about.endswith(
            "At Demo High School: Precision Machining (example) (CTE course); "
            "Youth Apprenticeship in Machining (example) (registered apprenticeship)."
        ), about
        assert buttons[0]["title"] == "Programs at Demo High School"
        reply, _ = answer(tab, "what classes at my school help with that?", issued)
        assert reply.startswith("Programs at Demo High School that lead to machinist jobs:"), reply
        assert listed(reply, MACHINING) and listed(reply, YOUTH)
    finally:
        tab.close()
