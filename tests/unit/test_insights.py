"""Counselor insights on a generated store with known conversations in two schools over several
weeks: every figure, ranking and "fewer than 5" rule; the report files; what a turn writes."""

from __future__ import annotations

import csv
import re
import time
from datetime import date, datetime

import pytest
import sqlalchemy as sa

from bot.insights import auth, grouping, page, table
from bot.insights import report as reports
from bot.insights.figures import FEWER, compute
from bot.tools import insights as tool

START, END = date(2026, 10, 22), date(2026, 11, 20)
D1, D2, D3, OLD = date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 10), date(2026, 9, 1)


def user(day, text, intent, school="", channel="socketio", **slots):
    ts = time.mktime(datetime(day.year, day.month, day.day, 10, 30).timetuple())
    events = [
        {
            "event": "user",
            "timestamp": ts,
            "text": text,
            "input_channel": channel,
            "parse_data": {"intent": {"name": intent}},
            "metadata": {"school": school, "school_verified": True} if school else {},
        }
    ]
    action = {"out_of_scope": "action_explain_scope", "nlu_fallback": "action_handle_low_confidence"}.get(intent, "x")
    events.append({"event": "action", "name": action, "timestamp": ts + 1})
    events += [{"event": "slot", "name": k, "value": v, "timestamp": ts + 1} for k, v in slots.items()]
    return events


def conversations():
    """sender id -> its events. The figures asserted below follow from this and nothing else."""
    c = {}
    for i in range(6):  # north, D1: 6 students ask welders' pay
        c[f"north-pay-{i}"] = user(D1, "how much do welders make", "ask_pay", "north", role="welder")
    for i in range(5):  # north, D1: 5 students ask something not covered, worded alike
        c[f"north-nurse-{i}"] = user(
            D1, ["how much do nurses make", "how much does a nurse make?"][i % 2], "out_of_scope", "north"
        )
    for i in range(3):  # north, D2: 3 students, two machinist questions each (6 messages, 3 conversations)
        c[f"north-mach-{i}"] = user(D2, "machinist school?", "ask_education", "north", role="machinist") + user(
            D2, "and pay?", "ask_pay", "north", role="machinist"
        )
    for i in range(7):  # south, D3: 7 students ask about aerospace
        c[f"south-aero-{i}"] = user(D3, "tell me about aerospace", "ask_about", "south", sector="aerospace")
    for i in range(2):  # south, D3: 2 unanswered, reaching an email: a hidden group
        c[f"south-shoes-{i}"] = user(D3, "what shoes do machinists wear? mail me a@b.org", "nlu_fallback", "south")
    for i in range(5):  # staff in Slack, D3: counted apart
        c[f"slack-{i}"] = user(D3, "welder pay for my class", "ask_pay", channel="slack", role="welder")
    c["north-old"] = user(OLD, "old question", "ask_pay", "north", role="welder")  # outside the range
    return c


@pytest.fixture()
def engine(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'insights.db'}")
    table.ensure(engine)
    with engine.begin() as connection:
        for sender, events in conversations().items():
            connection.execute(table.TABLE.insert(), table.rows(sender, events))
    return engine


def figures(engine, school=None):
    with engine.connect() as connection:
        return reports.build(connection, school, START, END)


def by_name(items):
    return {name: count.text() for name, count in items}


def test_rows_from_a_turn():
    (row,) = table.rows("s", user(D1, "call me at 555-123-4567?", "nlu_fallback", "north", role="welder"))
    assert (row["day"], row["week"], row["school"], row["kind"], row["answered"]) == (
        D1,
        date(2026, 11, 2),
        "north",
        "not covered",
        False,
    )
    assert row["text"] == "call me at [phone removed]?" and row["role"] == "welder"
    (answered,) = table.rows("s", user(D1, "how much?", "ask_pay", "north"))
    assert answered["answered"] and answered["text"] is None and answered["kind"] == "pay"
    what_about = table.rows("s", user(D1, "what about welders", "what_about", role="welder", last_aspect="pay"))
    assert what_about[0]["kind"] == "pay"


def test_a_quiz_counts_only_its_start_and_its_finish():
    quiz = user(D1, "what fits me", "start_quiz", "north", quiz_answers="")
    for _ in range(17):
        quiz += user(D1, "/answer_quiz", "answer_quiz", "north", quiz_answers="ld")
    quiz += user(D1, "/answer_quiz", "answer_quiz", "north", quiz_answers="l" * 18, quiz_finished=True, role="welder")
    rows = table.rows("s", quiz)
    assert [r["kind"] for r in rows] == ["quiz started", "quiz finished"]
    assert all(r["text"] is None and "_finished" not in r for r in rows)
    stopped = table.rows("s", user(D1, "quiz", "start_quiz") + user(D1, "like", "answer_quiz", quiz_answers="l"))
    assert [r["kind"] for r in stopped] == ["quiz started"]


def test_district_figures(engine):
    r = figures(engine)
    assert (r.conversations.text(), r.messages.text()) == ("23", "26")
    assert (r.start, r.end) == (date(2026, 10, 19), date(2026, 11, 22))  # widened to whole weeks
    weeks = {p.start: p for p in r.periods}
    assert list(weeks) == [date(2026, 10, 19), date(2026, 10, 26), D1, date(2026, 11, 9), date(2026, 11, 16)]
    w1 = weeks[D1]  # D1 + D2: 11 + 3 conversations
    assert (w1.conversations.text(), w1.messages.text()) == ("14", "17")
    # 3 conversations asked about education: that kind is hidden, and with it the smallest other
    # kind ("not covered"), so the week's answered / not answered figures are hidden too
    assert {w1.answered.text(), w1.unanswered.text()} == {FEWER} and w1.answered_share is None
    w2 = weeks[date(2026, 11, 9)]  # 7 answered + 2 unanswered: neither shown, so neither can be worked out
    assert (w2.conversations.text(), w2.messages.text(), w2.answered.text(), w2.unanswered.text()) == (
        "9",
        "9",
        FEWER,
        FEWER,
    )
    assert weeks[date(2026, 10, 26)].conversations.text() == FEWER  # 0 is a small number too


def test_rankings_show_no_small_count_and_no_hidden_name(engine):
    r = figures(engine)
    assert [(k, c.text()) for k, c in r.topics["role"]] == [("welder", "6")]  # machinist: 3 conversations
    assert r.others["role"].shown is None
    assert by_name(r.topics["sector"]) == {"aerospace": "7"} and "sector" not in r.others
    # pay 9 (6 + 3 machinist); education (3) and the south's "not covered" (2) are hidden, and in
    # each school-week the smallest other kind with them, so the rest add up to 17, unnamed
    assert [(k, c.text()) for k, c in r.topics["kind"]] == [("pay", "9")]
    assert r.others["kind"].text() == "17"
    assert r.topics["pathway"] == [] and "pathway" not in r.others


def test_unanswered_groups_with_example_and_hint(engine):
    r = figures(engine)
    assert len(r.groups) == 1 and r.hidden_groups == 1
    (g,) = r.groups
    assert g.example == grouping.NO_EXAMPLE  # 3 + 2 wordings: no wording typed by 5
    assert (g.count.value, g.count.conversations) == (5, 5)
    assert g.hint.startswith("other_careers") or g.hint.endswith("median_pay")
    assert r.unanswered == []  # texts and conversation numbers are dropped after grouping


def test_staff_in_slack_are_counted_apart(engine):
    r = figures(engine)
    assert (r.staff_messages.text(), r.staff_conversations.text(), r.staff_unanswered.text()) == ("5", "5", FEWER)
    assert by_name(r.topics["role"])["welder"] == "6"  # not 11


def test_a_school_sees_only_its_own(engine):
    north, south = figures(engine, "north"), figures(engine, "south")
    assert (north.conversations.text(), north.messages.text()) == ("14", "17")
    assert by_name(north.topics["role"]) == {"welder": "6"} and north.others["role"].shown is None
    assert north.topics["sector"] == [] and len(north.groups) == 1
    assert (south.conversations.text(), south.messages.text()) == ("9", "9")
    assert south.topics["role"] == [] and south.groups == [] and south.hidden_groups == 1
    assert south.staff_messages.text() == FEWER  # Slack has no school


def test_weekly_for_long_ranges(engine):
    with engine.connect() as connection:
        r = compute(connection, None, date(2026, 8, 1), END)
    weeks = {p.start: p for p in r.periods}
    assert weeks[date(2026, 11, 2)].conversations.text() == "14"  # D1 + D2: 11 + 3
    assert weeks[date(2026, 8, 31)].conversations.text() == FEWER  # the old one
    assert r.left_out_weeks == 1 and r.messages.text() == "26"  # the old one's week counts nowhere


def test_page_and_files_show_the_same_figures_and_nothing_personal(engine, tmp_path):
    r = figures(engine)
    html = page.render(r, "", live=True, district=True)
    written = tool.write(engine, tmp_path, None, START, END)
    static = written[0].read_text(encoding="utf-8")
    for t in reports.tables(r):
        with (tmp_path / f"insights-{t.key}.csv").open(encoding="utf-8") as f:
            assert list(csv.reader(f)) == [t.columns] + t.rows
        for row in t.rows:
            cells = "".join(f"<td>{re.escape(_esc(v))}</td>" for v in row[1:])
            assert re.search(f'<th scope="row">{re.escape(_esc(row[0]))}</th>{cells}', html), row
            assert re.search(f'<th scope="row">{re.escape(_esc(row[0]))}</th>{cells}', static), row
    for text in (html, static):
        assert "north-" not in text and "slack-" not in text and "a@b.org" not in text
        assert not re.search(r"\d\d:\d\d", text) and "shoes" not in text  # no times; hidden group's text
        assert text.count('role="img"') == 5 and "<script" not in text  # 6 charts; no pathway asked


def _esc(value):
    import html

    return html.escape(value)


def test_tokens(tmp_path, monkeypatch):
    from bot import schools

    token, admin = auth.new_token(), auth.new_token()
    registry = schools.Registry(
        [
            schools.School(id="north", name="North High", insights_token_sha256=auth.token_hash(token)),
            schools.School(id="south", name="South High"),
        ]
    )
    env = {auth.ADMIN_ENV: admin}
    assert auth.viewer_for(token, registry, env) == auth.Viewer("north")
    district = auth.viewer_for(admin, registry, env)
    assert district is not None and district.district
    assert auth.viewer_for(admin[:-1], registry, env) is None
    assert auth.viewer_for("", registry, env) is None and auth.viewer_for(None, registry, env) is None
    assert auth.viewer_for(auth.token_hash(token), registry, env) is None  # the hash is not a token
    assert auth.viewer_for("a" * 40, registry, {auth.ADMIN_ENV: "a" * 40}) is None  # not generated: off
    assert auth.bearer(f"Bearer {token}") == token and auth.bearer(f"Basic {token}") is None
