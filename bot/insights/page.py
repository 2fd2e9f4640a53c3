"""The insights page, the static report and the sign-in page, as HTML without any script.

Every value is HTML-escaped; charts are inline SVG (bot/insights/charts.py) next to a table with
the same numbers. The live page links /insights/insights.css; the static report inlines it.
"""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path
from typing import List, Sequence

from bot.insights import charts
from bot.insights.figures import FEWER, Report
from bot.insights.report import TOP, TOPIC_TITLES, Table, label, tables

CSS = Path(__file__).resolve().parent.parent / "web" / "insights.css"
TITLE = "Counselor insights"

EXPLAIN = {
    "summary": "How many conversations students had with the assistant in this period, and how many messages "
    "they sent. Questions from staff in Slack are counted separately.",
    "activity": "Each pair of bars is one week, Monday to Sunday: how many student conversations there were, "
    "and how many messages were sent. A week with fewer than 5 conversations is left out and shown as "
    "\u201cfewer than 5\u201d in the table.",
    "share": "Out of all student messages in each {period}, the percentage the assistant could answer. The rest "
    "were outside what it knows, or it was not sure what was meant. A dip means students asked things "
    "the knowledge file does not cover yet.",
    "roles": "Which jobs students asked about most (counted per message). Jobs asked about too rarely to "
    "show are counted together, without their names.",
    "sectors": "Which industries, such as aerospace or food processing, students asked about.",
    "pathways": "Which career pathways (for example production, or maintenance and repair) came up.",
    "kinds": "What students wanted to know: pay, education, job outlook, comparing jobs, the career finder, "
    "and so on. \u201cNot covered\u201d is what the assistant could not answer. Kinds too rare to show are "
    "counted together, without their names (and, so that they cannot be worked out, with one more kind).",
    "programs": "How often the assistant showed each of your school\u2019s programs (listed in the school registry) to "
    "students: when they asked what the school offers, or after a job it leads to. Counted per message; "
    "programs shown in fewer than 5 conversations a week are not named.",
    "unanswered": "Questions the assistant could not answer, grouped when they are worded alike. A group "
    "shows an example only when 5 or more students typed exactly those words in the chat, so it is never "
    "one student\u2019s question; and where the answer would belong in the knowledge file, so you can add "
    "it. Groups from fewer than 5 conversations are not shown.",
}


def render(report: Report, school_name: str, *, live: bool, schools: Sequence = (), district: bool = False) -> str:
    period = "week"
    blocks: List[str] = []
    by_key = {t.key: t for t in tables(report)}
    blocks.append(_section("summary", by_key["summary"], ""))
    labels = [p.label for p in report.periods]
    blocks.append(
        _section(
            "activity",
            by_key["activity"],
            charts.periods_chart(
                "c-activity",
                f"Student conversations and messages per {period}",
                labels,
                [
                    ("conversations", [p.conversations.shown for p in report.periods]),
                    ("messages", [p.messages.shown for p in report.periods]),
                ],
                f"Bar chart per {period}; the numbers are in the table below.",
            ),
            period,
        )
    )
    share_table = Table(
        "share",
        f"Share of messages answered per {period}",
        ["Period", "% answered"],
        [[row[0], row[5]] for row in by_key["activity"].rows],
    )
    blocks.append(
        _section(
            "share",
            share_table,
            charts.share_chart(
                "c-share",
                f"Percent of student messages answered per {period}",
                labels,
                [p.answered_share for p in report.periods],
                "Line chart; the numbers are in the table below.",
            ),
            period,
        )
    )
    for topic in TOPIC_TITLES:
        key = "kinds" if topic == "kind" else f"{topic}s"
        shown = [
            (label(topic, k, report.school), c.value) for k, c in report.topics.get(topic, []) if c.shown is not None
        ]
        shown = shown[:TOP]
        chart = (
            charts.ranking_chart(
                f"c-{key}",
                by_key[key].title,
                [n for n, _ in shown],
                [v for _, v in shown],
                "Bar chart of the most frequent; every number is in the table below.",
            )
            if shown
            else "<p>Nothing to chart: no item came from 5 or more conversations.</p>"
        )
        blocks.append(_section(key, by_key[key], chart))
    blocks.append(_section("unanswered", by_key["unanswered"], ""))
    where = f"{school_name}" if report.school else "the whole district"
    heading = f"{TITLE}: {where}"
    period_text = f"{report.start.isoformat()} to {report.end.isoformat()}"
    body = [f'<header class="top"><h1>{escape(heading)}</h1><p class="period">{escape(period_text)}</p>']
    if live:
        body.append(
            '<form method="post" action="/insights/logout" class="logout">'
            '<button type="submit">Sign out</button></form>'
        )
    body.append("</header><main>")
    if live:
        body.append(_filters(report, schools, district))
    body.append(
        f'<p class="note">Only totals are shown, never a conversation. Figures are for whole weeks, Monday '
        f"to Sunday: the dates you pick are widened to whole weeks. Any figure from {FEWER} different "
        f"conversations is shown as \u201c{FEWER}\u201d, and a school\u2019s week with {FEWER} conversations is "
        "left out of every figure, so no hidden number can be worked out from the others. A school is counted "
        "only from its own registered websites; messages that name a school from anywhere else are counted "
        "apart, on their own line in the summary.</p>"
    )
    body += blocks
    body.append("</main>")
    return _document(heading, "\n".join(body), live)


def login(error: str = "") -> str:
    message = f'<p class="error" role="alert">{escape(error)}</p>' if error else ""
    body = (
        f'<main class="login"><h1>{TITLE}</h1>'
        "<p>Sign in with the insights token your district IT gave you.</p>"
        f'{message}<form method="post" action="/insights/login">'
        '<label for="token">Insights token</label>'
        '<input id="token" name="token" type="password" autocomplete="current-password" required maxlength="200">'
        '<button type="submit">Sign in</button></form></main>'
    )
    return _document(TITLE, body, True)


def _filters(report: Report, schools: Sequence, district: bool) -> str:
    parts = [
        '<form method="get" action="/insights/" class="filters"><fieldset><legend>Show</legend>',
        _date_input("from", "From", report.start),
        _date_input("to", "To", report.end),
    ]
    if district:
        options = ['<option value="">Whole district</option>'] + [
            f'<option value="{escape(s.id)}"{" selected" if s.id == report.school else ""}>{escape(s.name)}</option>'
            for s in schools
        ]
        parts.append(f'<label for="school">School</label><select id="school" name="school">{"".join(options)}</select>')
    parts.append('<button type="submit">Update</button></fieldset></form>')
    return "".join(parts)


def _date_input(name: str, text: str, value: date) -> str:
    return (
        f'<label for="{name}">{text}</label>'
        f'<input id="{name}" name="{name}" type="date" value="{value.isoformat()}" required>'
    )


def _section(key: str, table: Table, chart: str, period: str = "day") -> str:
    explain = EXPLAIN[key].format(period=period)
    figure = f'<figure class="chart">{chart}</figure>' if chart.startswith("<svg") else chart
    return (
        f'<section aria-labelledby="h-{key}"><h2 id="h-{key}">{escape(table.title)}</h2>'
        f"<p>{escape(explain)}</p>{figure}{_table(table)}</section>"
    )


def _table(table: Table) -> str:
    if not table.rows:
        return "<p>Nothing in this period.</p>"
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in table.columns)
    rows = "".join(
        "<tr>" + f'<th scope="row">{escape(r[0])}</th>' + "".join(f"<td>{escape(v)}</td>" for v in r[1:]) + "</tr>"
        for r in table.rows
    )
    return (
        f'<div class="table-wrap" role="region" aria-label="{escape(table.title)} (table)" tabindex="0">'
        f"<table><caption>{escape(table.title)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{rows}</tbody></table></div>"
    )


def _document(title: str, body: str, live: bool) -> str:
    style = (
        '<link rel="stylesheet" href="/insights/insights.css">'
        if live
        else f"<style>{CSS.read_text(encoding='utf-8')}</style>"
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="referrer" content="no-referrer"><title>{escape(title)}</title>{style}</head>'
        f"<body>{body}</body></html>"
    )
