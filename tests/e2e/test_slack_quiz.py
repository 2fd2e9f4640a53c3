"""The "What fits me?" quiz in Slack, end to end: a signed DM starts it, every item is answered
by clicking its Block Kit button (signed interactive payloads, as Slack sends them), all in one
thread, one conversation; the results name 3-5 of the knowledge file's roles, with buttons that
work. Answers are read from the fake Slack Web API (tests/e2e/fake_slack.py)."""

from __future__ import annotations

import re
import uuid
from typing import Dict, List

from bot import interest_quiz as iq
from bot.answers import quiz
from bot.channels.slack import MAX_SECTION_CHARS
from tests.e2e.slack_requests import click, dm, event

ITEMS = iq.quiz().items
#: Hands-on and organizing liked, the rest disliked: the results lead with RC roles.
RC = ["Like" if i.area in "RC" else "Dislike" for i in ITEMS]
RESULT_LINE = re.compile(r"^\u2022 (?P<title>[^:]+): .*\(O\*NET code (?P<code>[RIASEC]+)\)", re.M)


def section(message: Dict) -> str:
    return message["blocks"][0]["text"]["text"]


def buttons(message: Dict) -> List[Dict]:
    actions = [b for b in message["blocks"] if b["type"] == "actions"]
    return actions[0]["elements"] if actions else []


def button(message: Dict, title: str) -> Dict:
    return next(b for b in buttons(message) if b["text"]["text"] == title)


def test_the_whole_quiz_by_slack_buttons(bot, kb, slack):
    user = "U" + uuid.uuid4().hex[:8].upper()
    start = dm("what fits me?", user=user)
    assert event(bot, start)[0].status_code == 200
    channel, thread = start["channel"], start["ts"]
    (first,) = slack.wait_for(channel, thread)
    assert "not a test" in section(first) and f"<{quiz.PROFILER}>" in section(first)  # a link in mrkdwn
    assert section(first).endswith(quiz.item_text(0))
    assert [b["text"]["text"] for b in buttons(first)] == ["Like", "Not sure", "Dislike"]

    posted = [first]
    for i, choice in enumerate(RC):
        assert click(bot, user, channel, thread, button(posted[-1], choice)).status_code == 200
        posted = slack.wait_for(channel, thread, count=len(posted) + 1)
        if i + 1 < len(ITEMS):
            assert section(posted[-1]).endswith(quiz.item_text(i + 1)), section(posted[-1])
        if i == 2:  # the first question's button, clicked again: nothing is answered twice
            click(bot, user, channel, thread, button(posted[0], "Like"))
            posted = slack.wait_for(channel, thread, count=len(posted) + 1)
            assert "earlier question" in section(posted[-1])
            assert section(posted[-1]).endswith(quiz.item_text(3))

    results = posted[-1]
    text = section(results)
    assert len(posted) == len(ITEMS) + 2  # the intro, one message per answer, the earlier-button reply
    assert "Hands-on work" in text and "Organizing and details" in text
    found = RESULT_LINE.findall(text)
    titles = {r.title for r in kb.roles}
    assert 3 <= len(found) <= 5 and all(title in titles for title, _ in found), found
    assert all(code.startswith(("R", "C")) for _, code in found), found
    assert "O*NET 29.3 Database" in text and len(text) < MAX_SECTION_CHARS  # nothing cut off
    assert results["text"].startswith("Thanks!")  # the notification and screen-reader fallback
    names = [b["text"]["text"] for b in buttons(results)]
    assert {f"About: {title}" for title, _ in found} <= set(names) and "Start the quiz over" in names

    # A result's button answers in the same thread, about that job.
    title = found[0][0]
    click(bot, user, channel, thread, button(results, f"About: {title}"))
    about = slack.wait_for(channel, thread, count=len(posted) + 1)[-1]
    assert section(about).startswith(f"*{title}*") or title in section(about).split("\n")[0]
