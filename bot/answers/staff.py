"""Counselors and teachers asking about the assistant itself (#25): what it covers, where its
facts come from, how a school puts it on its site, what counselors can see, and what happens to
student data. Never "ask your counselor": they are the counselor. Every count comes from the
knowledge file, the retention period from the settings; the words are the `staff` phrasebook's."""

from __future__ import annotations

from collections import Counter

from bot import settings
from bot.answers.turn import Turn
from bot.phrases import say
from bot.render import Answer, Button, bullets, long_date, no_degree_button, payload

#: Publishers named, the most cited first; the rest are counted ("and 10 others").
MOST_CITED = 3


def answer(turn: Turn) -> Answer:
    kb, lang = turn.kb, turn.language
    publishers = [p for p, _ in Counter(s.publisher for s in kb.meta.sources.values()).most_common()]
    named = ", ".join(publishers[:MOST_CITED])
    if len(publishers) > MOST_CITED:
        named = say(lang, "staff.and_others", named=named, count=len(publishers) - MOST_CITED)
    facts = [
        say(lang, "staff.covers", roles=len(kb.roles), sectors=len(kb.sectors), pathways=len(kb.pathways)),
        say(lang, "staff.sources", publishers=named, date=long_date(kb.meta.last_reviewed, lang)),
        say(lang, "staff.on_site"),
        say(lang, "staff.counselors_see"),
        say(lang, "staff.student_data", days=settings.retention_days()),
    ]
    return Answer(
        f"{say(lang, 'staff.lead')}\n{bullets(facts)}",
        [
            Button(say(lang, "staff.button_privacy"), payload("ask_privacy")),
            Button(say(lang, "topics.button_jobs"), payload("ask_roles")),
            no_degree_button(lang, "staff.button_no_college"),
        ],
    )
