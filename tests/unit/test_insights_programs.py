"""Counselor insights count which school programs were shown (bot/answers/programs.py sets the
`programs_shown` slot): one insights_programs row per program and message, aggregated per
school-week with the same "fewer than 5" rules, deleted with the conversation; never a word the
student typed."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest
import sqlalchemy as sa
import yaml
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session
from sqlalchemy.schema import CreateTable

from bot.insights import report as reports
from bot.insights import table
from bot.stores import insights_writer, retention, state

START, END = date(2026, 10, 26), date(2026, 11, 8)
D1, D2 = date(2026, 11, 2), date(2026, 11, 3)
WELD, MACH, TOUR = "welding-i-and-ii", "machining", "plant-tour"
REGISTRY = {
    "schools": [
        {
            "id": "north",
            "name": "North High",
            "programs": [
                {"kind": "cte_course", "name": "Welding I and II", "description": "Shop welding.", "roles": ["welder"]},
                {"kind": "cte_course", "name": "Machining", "description": "Lathes.", "roles": ["machinist"]},
                {"kind": "event", "name": "Plant tour", "description": "A visit."},
            ],
        }
    ]
}


@pytest.fixture(autouse=True)
def registry(tmp_path, monkeypatch):
    path = tmp_path / "schools.yml"
    path.write_text(yaml.safe_dump(REGISTRY), encoding="utf-8")
    monkeypatch.setenv("SCHOOLS_FILE", str(path))


def turn(day, text, school="north", shown=None, verified=True, channel="socketio"):
    ts = time.mktime(datetime(day.year, day.month, day.day, 10, 30).timetuple())
    metadata = {"school": school, "school_verified": verified} if school else {}
    events = [
        {
            "event": "user",
            "timestamp": ts,
            "text": text,
            "input_channel": channel,
            "parse_data": {"intent": {"name": "ask_training"}},
            "metadata": metadata,
        },
        {"event": "action", "name": "action_answer_training", "timestamp": ts + 1},
    ]
    if shown is not None:
        events.append({"event": "slot", "name": "programs_shown", "value": shown, "timestamp": ts + 1})
    return events


def test_a_turn_writes_one_row_per_program_shown_and_nothing_typed():
    events = turn(D1, "where can i learn welding, i'm jane, jane@x.org", shown=[WELD, TOUR]) + turn(
        D1, "thanks", shown=None
    )
    rows, programs = table.rows_and_programs("s1", events)
    assert len(rows) == 2 and all("_programs" not in r for r in rows)
    assert [p["program"] for p in programs] == [WELD, TOUR]
    assert programs[0] == {
        "day": D1,
        "week": date(2026, 11, 2),
        "ts": programs[0]["ts"],
        "school": "north",
        "channel": "socketio",
        "conversation": "s1",
        "verified": True,
        "program": WELD,
    }
    assert not any("jane" in str(v) for p in programs for v in p.values())
    assert table.rows("s1", events) == rows  # the message rows are as before


def test_no_program_rows_without_a_school_or_for_junk_values():
    assert table.rows_and_programs("s", turn(D1, "x", school="", shown=[WELD]))[1] == []
    _, programs = table.rows_and_programs("s", turn(D1, "x", shown=[WELD, 7, "", None, "x" * 500]))
    assert [p["program"] for p in programs] == [WELD, "x" * 64]


def store(engine, conversations):
    with Session(engine) as session, session.begin():
        for sender, events in conversations.items():
            insights_writer.write(session, sender, events)


@pytest.fixture()
def engine(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'insights.db'}")
    insights_writer.ensure(engine)
    c = {}
    for i in range(6):  # 6 students shown welding and the tour
        c[f"weld-{i}"] = turn(D1, "where can i learn welding around here", shown=[WELD, TOUR])
    for i in range(3):  # 3 shown machining (twice each): too few to name
        c[f"mach-{i}"] = turn(D2, "machining at my school?", shown=[MACH]) + turn(D2, "and again", shown=[MACH])
    for i in range(6):  # named the school from elsewhere: not the school's figures
        c[f"elsewhere-{i}"] = turn(D1, "welding here?", shown=[WELD], verified=False)
    for i in range(6):  # staff in Slack: not students
        c[f"slack-{i}"] = turn(D1, "welding classes", shown=[WELD], channel="slack")
    store(engine, c)
    return engine


def shown(engine, school):
    with engine.connect() as connection:
        report = reports.build(connection, school, START, END)
    named = {
        reports.label("program", k, school): (c.text(), c.conversations_text()) for k, c in report.topics["program"]
    }
    return named, report


def test_the_school_page_counts_programs_shown_with_the_same_hiding(engine):
    named, report = shown(engine, "north")
    assert named == {"Welding I and II": ("6", "6"), "Plant tour": ("6", "6")}
    assert "program" in report.others  # machining: from 3 conversations, hidden and not named
    tables = {t.key: t for t in reports.tables(report)}
    assert tables["programs"].rows == [
        ["Plant tour", "6"],
        ["Welding I and II", "6"],
        ["Other programs (not named: each too rare to show)", "not shown"],
    ]


def test_the_district_page_names_each_programs_school(engine):
    named, _ = shown(engine, None)
    assert named == {"Welding I and II (North High)": ("6", "6"), "Plant tour (North High)": ("6", "6")}


def test_a_week_with_fewer_than_5_conversations_shows_no_program(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'small.db'}")
    insights_writer.ensure(engine)
    store(engine, {f"s{i}": turn(D1, "welding?", shown=[WELD]) for i in range(4)})
    named, _ = shown(engine, "north")
    assert named == {}


#: The store's events table, as far as deleting needs it.
EVENTS = sa.Table(
    "events",
    sa.MetaData(),
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255)),
    sa.Column("timestamp", sa.Float),
)


def test_program_rows_go_with_the_conversation_and_with_age(engine):
    EVENTS.create(engine)
    state.ensure(engine)  # the store's conversation states, deleted with a conversation too
    with Session(engine) as session, session.begin():
        retention.delete_conversation(session, EVENTS, "weld-0")
    with engine.connect() as connection:
        left = connection.execute(sa.select(sa.func.count()).select_from(table.PROGRAMS)).scalar()
        gone = connection.execute(
            sa.select(sa.func.count()).select_from(table.PROGRAMS).where(table.PROGRAMS.c.conversation == "weld-0")
        ).scalar()
    assert gone == 0 and left == 6 * 2 + 3 * 2 + 6 + 6 - 2
    with Session(engine) as session, session.begin():
        retention.purge(session, EVENTS, days=1)
    with engine.connect() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(table.PROGRAMS)).scalar() == 0


#: Both tables as databases already made have them (SQLite): `insights` and `insights_programs`
#: share their first columns, declared once (bot/insights/table.py), without changing either.
EXISTING_SCHEMA = {
    "insights": "CREATE TABLE insights ( id INTEGER NOT NULL, day DATE NOT NULL, week DATE NOT NULL, "
    "ts FLOAT NOT NULL, school VARCHAR(64) NOT NULL, channel VARCHAR(32) NOT NULL, "
    "conversation VARCHAR(255) NOT NULL, intent VARCHAR(64), kind VARCHAR(32) NOT NULL, role VARCHAR(64), "
    "sector VARCHAR(64), pathway VARCHAR(64), answered BOOLEAN NOT NULL, verified BOOLEAN DEFAULT (0) NOT NULL, "
    "text TEXT, PRIMARY KEY (id) )",
    "insights_programs": "CREATE TABLE insights_programs ( id INTEGER NOT NULL, day DATE NOT NULL, "
    "week DATE NOT NULL, ts FLOAT NOT NULL, school VARCHAR(64) NOT NULL, channel VARCHAR(32) NOT NULL, "
    "conversation VARCHAR(255) NOT NULL, verified BOOLEAN NOT NULL, program VARCHAR(64) NOT NULL, "
    "PRIMARY KEY (id) )",
}


def test_the_tables_are_declared_as_existing_databases_have_them():
    for t in (table.TABLE, table.PROGRAMS):
        assert " ".join(str(CreateTable(t).compile(dialect=sqlite.dialect())).split()) == EXISTING_SCHEMA[t.name]
    # a program row copies every column the two tables share from its message's row
    assert table._PROGRAM_FIELDS == ("day", "week", "ts", "school", "channel", "conversation", "verified")


def test_a_database_made_before_is_written_and_read_as_it_is(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'before.db'}")
    with engine.begin() as connection:
        for ddl in EXISTING_SCHEMA.values():
            connection.exec_driver_sql(ddl)
    insights_writer.ensure(engine)  # adds only the indexes
    store(engine, {f"weld-{i}": turn(D1, "welding near me?", shown=[WELD]) for i in range(6)})
    named, _ = shown(engine, "north")
    assert named == {"Welding I and II": ("6", "6")}
