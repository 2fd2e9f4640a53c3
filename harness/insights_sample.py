"""Made-up conversations in bulk, for the benchmark and the documentation's screenshot.

`fill(engine, events=...)` writes `events` rows to Rasa's events table (one SQL statement,
SQLite's recursive CTE) and one insights row per user message (every EVENTS_PER_MESSAGE-th
event, as in a real chat: listen, user, action, bot, slot), spread over `days` days up to today,
in a few schools, with some staff questions from Slack. Seeded: the same data every time.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta
from typing import List, Optional, Sequence

import sqlalchemy as sa

from bot.insights.table import TABLE, ensure, week_of

EVENTS_PER_MESSAGE = 5
MESSAGES_PER_CONVERSATION = 4
SCHOOLS = ("demo", "lincoln-high", "roosevelt-high", "washington-high")
KINDS = [
    ("pay", "ask_pay"),
    ("education", "ask_education"),
    ("about a job", "ask_about"),
    ("outlook", "ask_outlook"),
    ("compare", "compare_roles"),
    ("finder", "start_career_finder"),
    ("skills", "ask_skills"),
    ("getting started", "ask_training"),
    ("browse", "ask_roles"),
    ("automation", "ask_automation"),
]
ROLES = [
    "welder",
    "machinist",
    "robotics_technician",
    "cnc_operator",
    "maintenance_mechanic",
    "quality_inspector",
    "production_worker",
    "manufacturing_engineer",
    "cad_drafter",
    "automation_engineer",
    "welder",
    "machinist",
]
SECTORS = ["aerospace", "automotive", "food_processing", "metals", "electronics"]
PATHWAYS = ["production", "maintenance_installation_repair", "process_development"]
UNANSWERED = [
    "how much do nurses make",
    "how much does a nurse make?",
    "what do nurses earn",
    "do welders work on weekends",
    "do welders have to work weekends?",
    "can I join the army after high school",
    "is the army a good job",
    "what is the best college for engineering",
    "best colleges for engineering?",
    "how do i become a youtuber",
    "how to become a youtuber",
    "is there a welding camp this summer",
    "what do pharmacists do",
    "what shoes do machinists wear",
    "do i need to be good at math for cnc",
]


def fill(engine: sa.engine.Engine, events: int, days: int = 120, today: Optional[date] = None, seed: int = 13) -> int:
    """Write a made-up store; returns the number of insight rows written."""
    today = today or date.today()
    from rasa.core.tracker_store import SQLTrackerStore

    events_table = SQLTrackerStore.SQLEvent.__table__
    if not sa.inspect(engine).has_table(events_table.name):  # the table alone (stores add indexes to it)
        with engine.begin() as connection:
            connection.execute(sa.schema.CreateTable(events_table))
    ensure(engine)
    t0 = time.mktime((today - timedelta(days=days - 1)).timetuple()) + 8 * 3600
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name, data) "
            "WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < ?) "
            "SELECT 'c' || (i / ?), CASE i % 5 WHEN 1 THEN 'user' WHEN 4 THEN 'slot' ELSE 'action' END, "
            '? + (i * ?), NULL, NULL, \'{"event": "action", "name": "action_listen"}\' FROM s',
            (events - 1, EVENTS_PER_MESSAGE * MESSAGES_PER_CONVERSATION, t0, days * 86400.0 / max(events, 1)),
        )
        rows = messages(events // EVENTS_PER_MESSAGE, days, today, seed)
        for start in range(0, len(rows), 50_000):
            connection.execute(TABLE.insert(), rows[start : start + 50_000])
    return len(rows)


def messages(n: int, days: int, today: date, seed: int = 13, schools: Sequence[str] = SCHOOLS) -> List[dict]:
    """n insight rows: conversations of MESSAGES_PER_CONVERSATION messages, busier on school days."""
    rng = random.Random(seed)
    first = today - timedelta(days=days - 1)
    weekdays = [first + timedelta(days=d) for d in range(days)]
    weights = [1.0 if d.weekday() < 5 else 0.15 for d in weekdays]
    out: List[dict] = []
    conversation = 0
    while len(out) < n:
        conversation += 1
        day = rng.choices(weekdays, weights)[0]
        staff = rng.random() < 0.04
        school = "" if staff else rng.choice(schools)
        channel = "slack" if staff else rng.choice(("socketio", "socketio", "rest"))
        role = rng.choice(ROLES)
        ts = time.mktime(day.timetuple()) + rng.randrange(8 * 3600, 16 * 3600)
        for _ in range(min(MESSAGES_PER_CONVERSATION, n - len(out))):
            answered = rng.random() > 0.12
            kind, intent = rng.choice(KINDS) if answered else ("not covered", "out_of_scope")
            row = dict(
                day=day,
                week=week_of(day),
                ts=ts,
                school=school,
                channel=channel,
                conversation=f"c{conversation}",
                intent=intent,
                kind=kind,
                answered=answered,
                verified=bool(school) and channel == "socketio",  # the widget on the school's own site
                role=role if answered and rng.random() < 0.7 else None,
                sector=rng.choice(SECTORS) if answered and rng.random() < 0.2 else None,
                pathway=rng.choice(PATHWAYS) if answered and rng.random() < 0.1 else None,
                text=None if answered else rng.choice(UNANSWERED),
            )
            out.append(row)
            ts += 40
    return out
