"""Counselors and teachers asking about the assistant itself (#25): what it covers, where its
facts come from, how a school puts it on its site, what counselors can see, and what happens to
student data. Never "ask your counselor": they are the counselor. Every count comes from the
knowledge file, the retention period from the settings."""

from __future__ import annotations

from collections import Counter

from bot import settings
from bot.answers.turn import Turn
from bot.render import Answer, Button, bullets, payload

#: Publishers named, the most cited first; the rest are counted ("and 10 others").
MOST_CITED = 3


def answer(turn: Turn) -> Answer:
    k = turn.knowledge
    kb = k.kb
    publishers = [p for p, _ in Counter(s.publisher for s in kb.meta.sources.values()).most_common()]
    named = ", ".join(publishers[:MOST_CITED]) + (
        f" and {len(publishers) - MOST_CITED} others" if len(publishers) > MOST_CITED else ""
    )
    facts = [
        f"What it covers: {len(kb.roles)} manufacturing jobs, {len(kb.sectors)} industries and "
        f"{len(kb.pathways)} career pathways: what the work is, skills, training, pay and job "
        "outlook, automation, and ways to get started in high school.",
        f"Where the facts come from: {named}. Every figure is shown with its source and year, and "
        '"where does that come from?" after any answer lists the sources with their links. '
        f"The facts were last reviewed on {kb.meta.last_reviewed:%B %-d, %Y}.",
        "On your school's site: one script tag with your school's id, set up by your district's IT "
        "with your school's name, greeting and counselor contact.",
        "What counselors can see: a page of totals (what students ask about, what it could not "
        "answer), never a conversation or who asked.",
        f"Student data: no accounts; personal details it can spot (emails, phone numbers, names, "
        f"addresses, ID numbers) are removed before anything is saved; conversations are deleted "
        f"after {settings.retention_days()} days, or "
        "at once when a student asks.",
    ]
    return Answer(
        "For counselors and teachers:\n" + bullets(facts),
        [
            Button("Privacy details", payload("ask_privacy")),
            Button("Jobs in manufacturing", payload("ask_roles")),
            Button("Jobs without college", "jobs without a college degree"),
        ],
    )
