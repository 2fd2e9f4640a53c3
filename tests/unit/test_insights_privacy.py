"""Counselor insights cannot be used to recover a student or a small count (issue #23, item 3):
no hidden figure by subtraction (rows, kinds, overlapping ranges, district minus schools), no one
student's words, only a school's own sites count for it, bounded grouping, signed sessions."""

from __future__ import annotations

import random
import stat
import time
from datetime import date, timedelta
from typing import Dict, Optional

import pytest
import sqlalchemy as sa
import yaml

from bot import school_sites, schools, settings
from bot.channels.limits import clean_metadata
from bot.insights import auth, grouping, page, table
from bot.insights import report as reports
from bot.insights.figures import FEWER, BadDate, date_range, parse_day
from bot.tools import insights as tool
from harness import insights_sample as sample
from tests.unit.test_insights import D1, user

TODAY = date(2026, 11, 20)
SCHOOLS = ("north", "south", "west", "tiny")


@pytest.fixture()
def engine(tmp_path):
    """A seeded store: three schools over 8 weeks, widget and REST traffic, a school with a few
    conversations a week, some rare kinds."""
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'i.db'}")
    table.ensure(engine)
    rows = sample.messages(12_000, 56, TODAY, seed=7, schools=SCHOOLS[:3])
    rows += sample.messages(120, 56, TODAY, seed=8, schools=SCHOOLS[3:])
    rng = random.Random(3)
    for i in range(30):  # rare kinds, one conversation each: "support" (distress) among them
        day = TODAY - timedelta(days=rng.randrange(56))
        rows.append(
            dict(
                rows[0], day=day, week=table.week_of(day), conversation=f"rare{i}", kind=rng.choice(["support", "bye"])
            )
        )
    with engine.begin() as connection:
        connection.execute(table.TABLE.insert(), rows)
    return engine


def build(engine, school, start, end):
    start, end = date_range(start, end, today=TODAY)
    with engine.connect() as connection:
        return reports.build(connection, school, start, end)


def values(r):
    """Every figure a page shows, by name (hidden ones as None)."""
    out: Dict[object, Optional[int]] = {"conversations": r.conversations.shown, "messages": r.messages.shown}
    for p in r.periods:
        for name in ("conversations", "messages", "answered", "unanswered"):
            out[(p.start, name)] = getattr(p, name).shown
    for topic, items in r.topics.items():
        for key, count in items:
            out[(topic, key)] = count.shown
        if topic in r.others:
            out[(topic, "others")] = r.others[topic].shown
    return out


# --- 1. no hidden figure by subtraction ------------------------------------------------------


def test_no_row_gives_a_hidden_figure_by_subtraction(engine):
    for school in (None, *SCHOOLS):
        r = build(engine, school, TODAY - timedelta(days=55), TODAY)
        for p in r.periods:  # messages - answered = not answered: both shown or both hidden
            assert (p.answered.shown is None) == (p.unanswered.shown is None), (school, p)
        kinds = sum(c.value for _, c in r.topics["kind"]) + (r.others["kind"].value if "kind" in r.others else 0)
        assert r.messages.shown is None or kinds == r.messages.value  # kinds add up to the total...
        assert all(c.shown is not None for items in r.topics.values() for _, c in items)  # ...none named is hidden
        if "kind" in r.others:  # ...and the hidden ones are several, together from 5 or more conversations
            assert r.others["kind"].shown is not None


def test_a_hidden_kind_is_never_named(engine):
    r = build(engine, None, TODAY - timedelta(days=55), TODAY)
    assert "support" not in dict(r.topics["kind"]) and "bye" not in dict(r.topics["kind"])
    html = page.render(r, "", live=True, district=True)
    assert "support" not in html.lower() and "Other kinds (not named" in html


def test_overlapping_ranges_give_the_same_whole_weeks(engine):
    a = build(engine, "north", D1, D1 + timedelta(days=13))
    b = build(engine, "north", D1 + timedelta(days=1), D1 + timedelta(days=13))  # one day less
    assert (a.start, a.end) == (b.start, b.end) == (D1, D1 + timedelta(days=13))
    assert values(a) == values(b)
    assert date_range(date(2026, 11, 4), date(2026, 11, 4)) == (date(2026, 11, 2), date(2026, 11, 8))


def test_district_is_the_sum_of_what_school_pages_show(engine):
    """District minus the other schools never gives a figure a school's page hides: every district
    figure is exactly the sum of the schools' shown figures (here all students name a school)."""
    start, end = TODAY - timedelta(days=55), TODAY
    district = values(build(engine, None, start, end))
    per_school = [values(build(engine, s, start, end)) for s in SCHOOLS]
    compared = 0
    for key, value in district.items():
        if value is not None and "others" not in key:
            assert value == sum(v.get(key) or 0 for v in per_school), key
            compared += 1
    hidden_somewhere = [k for v in per_school for k, x in v.items() if x is None and district.get(k) is not None]
    assert compared > 20 and hidden_somewhere  # the data has figures hidden in one school, shown in the district


def test_a_quiet_school_week_counts_nowhere(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'q.db'}")
    table.ensure(engine)
    with engine.begin() as connection:
        for i in range(6):
            connection.execute(table.TABLE.insert(), table.rows(f"n{i}", user(D1, "welder pay", "ask_pay", "north")))
        for i in range(2):  # west: 2 conversations that week
            connection.execute(table.TABLE.insert(), table.rows(f"w{i}", user(D1, "welder pay", "ask_pay", "west")))
    district = build(engine, None, D1, D1)
    assert district.conversations.text() == "6"  # not 8: 8 - 6 would give west's 2
    assert build(engine, "west", D1, D1).conversations.text() == FEWER


# --- 2. no one student's words ---------------------------------------------------------------


def test_one_real_question_and_four_fake_copies_show_no_text():
    real = [("my mom hits me what job pays", 0, 1, True)]
    fakes = [("my mom hits me what job pays!", i, 1, False) for i in range(1, 5)]  # REST, near-copies
    (g,), _, _ = grouping.group(real + fakes)
    assert g.example == grouping.NO_EXAMPLE and "mom" not in g.hint
    widget_fakes = [("my mom hit me what job pays", i, 1, True) for i in range(1, 5)]  # not identical
    (g,), _, _ = grouping.group(real + widget_fakes)
    assert g.example == grouping.NO_EXAMPLE


def test_wording_typed_by_five_widget_conversations_is_shown():
    same = [("How much do nurses make?", i, 1, True) for i in range(5)]
    (g,), _, _ = grouping.group(same)
    assert g.example == "how much do nurses make"
    (g,), _, _ = grouping.group([(t, c, n, False) for t, c, n, _ in same])  # the same from REST senders
    assert g.example == grouping.NO_EXAMPLE


def test_exports_are_private(engine, tmp_path):
    out = tmp_path / "reports"
    out.mkdir(mode=0o755)
    (out / "insights.html").write_text("old")
    (out / "insights.html").chmod(0o644)
    written = tool.write(engine, out, None, TODAY - timedelta(days=27), TODAY)
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in written} == {0o600}
    assert all("support" not in p.read_text() for p in written)


# --- 3. a school counts only from its own sites ----------------------------------------------


@pytest.fixture()
def registry(tmp_path, monkeypatch):
    path = tmp_path / "schools.yml"
    north = {"id": "north", "name": "North", "origins": ["https://north.example.org"]}
    path.write_text(yaml.safe_dump({"schools": [north, {"id": "bare", "name": "Bare"}]}))
    monkeypatch.setenv("SCHOOLS_FILE", str(path))
    yield
    schools._load_once.cache_clear()


def test_only_a_schools_registered_sites_verify_it(registry):
    check = school_sites.from_registered_site
    assert check("north", "https://north.example.org", "bot.example.org", None)  # rasa-webchat on its site
    assert check("north", "https://bot.example.org", "bot.example.org", "https://north.example.org")  # our iframe
    assert not check("north", "https://bot.example.org", "bot.example.org", "https://evil.example")
    assert not check("north", "https://evil.example", "bot.example.org", "https://north.example.org")
    assert not check("north", None, "bot.example.org", "https://north.example.org")  # no Origin: not a browser
    assert check("north", None, "bot.example.org", "https://north.example.org", "same-origin")  # its first poll
    assert not check("north", None, "bot.example.org", "https://north.example.org", "cross-site")
    assert not check("bare", "https://bot.example.org", "bot.example.org", "https://bot.example.org")  # no sites
    assert not check("south", "https://north.example.org", "bot.example.org", None)  # not registered


def test_a_client_cannot_claim_verification():
    assert clean_metadata({"school": "north", school_sites.SITE_VERIFIED: True}) == {"school": "north"}
    (row,) = table.rows("s", user(D1, "hi", "ask_pay", ""))
    assert row["verified"] is False


def test_unverified_traffic_is_counted_apart(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'u.db'}")
    table.ensure(engine)
    with engine.begin() as connection:
        for i in range(6):
            connection.execute(table.TABLE.insert(), table.rows(f"n{i}", user(D1, "welder pay", "ask_pay", "north")))
            events = user(D1, "welder pay", "ask_pay", "north", channel="rest")
            events[0]["metadata"] = {"school": "north"}  # named, from no registered site
            connection.execute(table.TABLE.insert(), table.rows(f"r{i}", events))
    north, district = build(engine, "north", D1, D1), build(engine, None, D1, D1)
    assert (north.messages.text(), north.unverified.text()) == ("6", "6")
    assert (district.messages.text(), district.unverified.text()) == ("6", "6")
    assert "not registered for it (not counted here)" in page.render(north, "North", live=False)


def test_a_table_from_before_gets_the_column(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE insights (id INTEGER PRIMARY KEY, school VARCHAR(64))")
        connection.exec_driver_sql("INSERT INTO insights (school) VALUES ('north')")
    table.ensure(engine)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT verified FROM insights").scalar() == 0


# --- 4. grouping is bounded, cached, and fast ------------------------------------------------


def distinct_texts(n, seed=11):
    rng = random.Random(seed)
    words = "how much do nurses make what is best college for welder pay shoes army job camp math cnc".split()
    return [(" ".join(rng.choice(words) for _ in range(rng.randint(3, 8))) + f" x{i}", i, 1, True) for i in range(n)]


def test_grouping_4000_distinct_texts_is_bounded_and_cached():
    texts = distinct_texts(4000)
    t0 = time.process_time()
    first = grouping.cached_group(("north", 1), texts)
    elapsed = time.process_time() - t0
    assert elapsed < 1.5, elapsed  # was 31 s
    t0 = time.process_time()
    assert grouping.cached_group(("north", 1), list(reversed(texts))) is first  # same texts: cached
    assert time.process_time() - t0 < 0.2
    assert grouping.cached_group(("north", 1), texts[:-1]) is not first  # new texts: grouped again


def test_page_with_4000_distinct_unanswered_texts_is_under_2_s(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'g.db'}")
    table.ensure(engine)
    rows = [
        dict(sample.messages(1, 1, D1)[0], conversation=f"g{c}", answered=False, kind="not covered", text=text)
        for text, c, _, _ in distinct_texts(4000, seed=5)
    ]
    with engine.begin() as connection:
        connection.execute(table.TABLE.insert(), rows)
    t0 = time.process_time()
    with engine.connect() as connection:
        built = reports.build(connection, None, D1, D1 + timedelta(days=6))
    page.render(built, "", live=True, district=True)
    assert time.process_time() - t0 < 2.0


# --- 5. sign-in -------------------------------------------------------------------------------


def test_session_is_signed_expires_and_ends_with_its_token():
    token = auth.new_token()
    reg = schools.Registry([schools.School(id="north", name="N", insights_token_sha256=auth.token_hash(token))])
    env = {auth.ADMIN_ENV: auth.new_token()}
    north = auth.Viewer("north")
    value = auth.new_session(north, 8, now=1000.0, registry=reg, environ=env)
    assert token not in value and auth.token_hash(token) not in value
    assert auth.viewer_from_session(value, now=1001.0, registry=reg, environ=env) == north
    assert auth.viewer_from_session(value, now=1000.0 + 8 * 3600, registry=reg, environ=env) is None  # expired
    forged = value.replace("|north|", "|south|")
    assert auth.viewer_from_session(forged, now=1001.0, registry=reg, environ=env) is None
    assert auth.viewer_from_session(value.replace("v1|north|", "v1|*|"), 1001.0, reg, env) is None  # not district
    other_key = {auth.ADMIN_ENV: auth.new_token()}
    assert auth.viewer_from_session(value, now=1001.0, registry=reg, environ=other_key) is None
    replaced = schools.Registry([schools.School(id="north", name="N", insights_token_sha256=auth.token_hash("x" * 43))])
    assert auth.viewer_from_session(value, now=1001.0, registry=replaced, environ=env) is None


@pytest.mark.parametrize(
    "token", ["short", "changeme" * 5, "district-admin-token-for-the-e2e-tests", "a" * 60, "x y" * 20]
)
def test_a_made_up_district_token_stops_the_start(token):
    with pytest.raises(ValueError, match="not a generated token"):
        auth.check_admin_token({auth.ADMIN_ENV: token})
    assert auth.admin_token({auth.ADMIN_ENV: token}) == ""


def test_generated_tokens_pass():
    for _ in range(200):
        auth.check_admin_token({auth.ADMIN_ENV: auth.new_token()})
    auth.check_admin_token({})  # unset: the district view is off


@pytest.mark.parametrize("value", ["0001-01-01", "1999-12-31", "99999-01-01", "9999-12-31", "2026-13-01", "x" * 500])
def test_extreme_or_malformed_dates_are_refused(value):
    with pytest.raises(BadDate):
        parse_day(value, today=TODAY)


def test_dates_in_range_and_session_hours():
    assert parse_day("2026-11-04", today=TODAY) == date(2026, 11, 4) and parse_day("", today=TODAY) is None
    assert date_range(date(2000, 1, 1), date(2000, 1, 1))[0] == date(1999, 12, 27)  # no overflow near the edge
    assert (
        settings.insights_session_hours({}) == 8
        and settings.insights_session_hours({"INSIGHTS_SESSION_HOURS": "2"}) == 2
    )
    with pytest.raises(SystemExit):
        settings.insights_session_hours({"INSIGHTS_SESSION_HOURS": "0"})
