"""A whole insights report: the figures (SQL), the unanswered groups, and its tables.

The tables are the single source for the page, the static HTML report and the CSV files, so the
three always show the same figures (already hidden as bot/insights/suppress.py says).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Dict, List, Optional

from bot.insights import grouping
from bot.insights.figures import FEWER, Report, compute

TOPIC_TITLES = {
    "role": ("Jobs asked about", "Job"),
    "sector": ("Industries asked about", "Industry"),
    "pathway": ("Career pathways asked about", "Pathway"),
    "kind": ("Kinds of question", "Question kind"),
    "program": ("School programs shown to students", "Program"),
}
TOP = 10  # rows in a ranking chart (the table lists all)
OTHERS = {
    "role": "Other jobs",
    "sector": "Other industries",
    "pathway": "Other pathways",
    "kind": "Other kinds",
    "program": "Other programs",
}
OTHERS_NOTE = " (not named: each too rare to show)"
UNVERIFIED = "Messages naming a school from a site not registered for it (not counted here)"


@dataclass
class Table:
    key: str  # also the CSV file's name: insights-<key>.csv
    title: str
    columns: List[str]
    rows: List[List[str]]


def build(connection, school: Optional[str], start: date, end: date) -> Report:
    report = compute(connection, school, start, end)
    report.groups, report.hidden_groups, report.more_groups = grouping.cached_group(
        (school, start, end), report.unanswered
    )
    report.unanswered = []  # texts and conversation numbers go no further
    return report


def tables(report: Report) -> List[Table]:
    out = [
        Table(
            "summary",
            "Summary",
            ["Figure", "Value"],
            [
                ["Student conversations", report.conversations.text()],
                ["Student messages", report.messages.text()],
                [UNVERIFIED, report.unverified.text()],
                ["Staff messages in Slack", report.staff_messages.text()],
                ["Staff conversations in Slack", report.staff_conversations.text()],
                ["Staff messages not answered", report.staff_unanswered.text()],
            ],
        )
    ]
    out.append(
        Table(
            "activity",
            "Student activity per week",
            ["Period", "Conversations", "Messages", "Answered", "Not answered", "% answered"],
            [
                [
                    p.label,
                    p.conversations.text(),
                    p.messages.text(),
                    p.answered.text(),
                    p.unanswered.text(),
                    share_text(p.answered_share),
                ]
                for p in report.periods
            ],
        )
    )
    for topic, (title, column) in TOPIC_TITLES.items():
        out.append(
            Table(
                f"{topic}s" if topic != "kind" else "kinds",
                title,
                [column, "Messages"],
                [[label(topic, key, report.school), count.text()] for key, count in report.topics.get(topic, [])]
                + _others(report, topic),
            )
        )
    rows = [[g.example, g.count.conversations_text(), g.count.text(), g.hint] for g in report.groups]
    if report.more_groups:
        more = f"{report.more_groups:,} smaller group(s), each from 5 or more conversations: not listed"
        rows.append([more, "", "", ""])
    if report.hidden_groups:
        rows.append(
            [f"{report.hidden_groups:,} other group(s), each from {FEWER} conversations: not shown", FEWER, FEWER, ""]
        )
    out.append(
        Table(
            "unanswered",
            "Questions the assistant could not answer",
            ["Example (typed the same way by 5 or more students)", "Conversations", "Messages", "Where it belongs"],
            rows,
        )
    )
    return out


def _others(report: Report, topic: str) -> List[List[str]]:
    if topic not in report.others:
        return []
    value = report.others[topic].text() if topic == "kind" else "not shown"
    return [[OTHERS[topic] + OTHERS_NOTE, value]]


def share_text(share: Optional[float]) -> str:
    return f"{share:.1f}%" if share is not None else f"not shown ({FEWER})"


def label(topic: str, key: str, school: Optional[str] = None) -> str:
    """An item's name: a role's title ...; a program's name from the registry, with its school's
    name on the district's page (a program removed from the registry keeps its key)."""
    if topic == "program":
        return _program_label(key, school)
    return _labels().get(topic, {}).get(key, key)


def _program_label(key: str, page_school: Optional[str]) -> str:
    from bot import schools

    school_id, _, program_key = key.partition("/")
    school = schools.shared().get(school_id)
    if school is None:
        return key
    name = next((p.name for p in school.programs if p.key == program_key), program_key)
    return name if school_id == page_school else f"{name} ({school.name})"


@lru_cache(maxsize=1)
def _labels() -> Dict[str, Dict[str, str]]:
    """Role, sector and pathway names from the knowledge file (read once, when first needed)."""
    from bot.knowledge.loader import load

    kb = load()
    return {
        "role": {r.id: r.title for r in kb.roles},
        "sector": {s.id: s.name for s in kb.sectors},
        "pathway": {p.id: p.name for p in kb.pathways},
    }
