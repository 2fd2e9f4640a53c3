"""Stored conversations and logs are free of emails and phone numbers; figures and ids are
untouched; redaction takes linear time. (Generated cases: test_privacy_properties.py.)"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import sqlite3
import time
from datetime import datetime
from typing import Any, Dict, List

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    EntitiesAdded,
    ReminderScheduled,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy import EMAIL, EMAIL_MARK, PHONE_MARK, STRUCTURAL_KEYS, install_log_redaction, redact, redact_event
from bot.stores import RedactingSQLTrackerStore

PHONES = [
    # international, with +
    "+33 1 23 45 67 89",
    "+44 20 7946 0958",
    "+1-555-123-4567",
    "+1 555 123 4567",
    "+1 (555) 123-4567",
    "+44 (0)20 7946 0958",
    "+491701234567",
    "+91 98765 43210",
    # national, leading 0
    "020 7946 0958",
    "06 12 34 56 78",
    "0612345678",
    "06.12.34.56.78",
    # North American
    "(555) 123-4567",
    "(555)123-4567",
    "555.123.4567",
    "555-123-4567",
    "555 123 4567",
    "5551234567",
    "555–123–4567",
    "555—123—4567",
    "1-800-555-0199",
    "1 (800) 555-0199",
    "18005550199",
    "1.800.555.0199",
    # spaced digits
    "5 5 5 1 2 3 4 5 6 7",
    "1 8 0 0 5 5 5 0 1 9 9",
    "0 6 1 2 3 4 5 6 7 8",
    # 7-digit local
    "555-1234",
    "555 1234",
    "555.1234",
    "555–1234",
    # wider separators (10 digits): spaces or tabs, alone or around a dot or dash
    "555 -  123 - 4567",
    "555\t123\t4567",
    "555  123  4567",
    "(555)  123 .  4567",
    "1 - 800 - 555 - 0199",
    # extensions
    "555-123-4567 x12",
    "555-123-4567x12",
    "555-123-4567 ext 12",
    "555-123-4567 ext. 12",
    "(555) 123-4567 Ext.1234",
    "555.123.4567 extension 5",
    "555-1234 x9",
    # toll-free, even when every group ends in 00
    "1-800-500-4000",
    "800-600-7000",
    "(888) 200-3000",
    "877.500.6000",
    "800 500 4000",
    "8006007000",
    "1 833 300 4000",
]

FIGURES = [
    "123-456-7890123",
    "300 400 5000",
    "100 200 3000",
    "$51,000",
    "$101,140",
    "51,000–60,000",
    "$51,000-$60,000",
    "$22.50 an hour",
    "2024",
    "2024–34",
    "2024-2034",
    "2024–2034",
    "May 2024",
    "+11%",
    "-7%",
    "+2.5%",
    "1,885,400 jobs",
    "12.8 million",
    "17-2112.00",
    "51-4121.00",
    "version 3.10.12",
    "10.0.19045.2965",
    "v1.2.3",
    "90210",
    "02134",
    "90210-1234",
    "2024-05-12",
    "05/12/2024",
    "12.05.2024",
    "10:30",
    "1795649188.7522292",
    "4.5 stars",
    "192.168.100.200",
    "3.8 million needed between 2024 and 2033",
    "12.9 million workers",
    "Median pay: $101,140 a year (BLS, May 2024)",
    "+11% for 2024–34",
    "how much do welders make",
    "1st 2nd 3rd",
    "grades 9-12",
    "ages 14–18",
    "2,000 hours",
    "5000 5000",
    "100  200  3000",
    "550 - 1200",
    "2024 - 2034",
    "$49,500",
    "49,500",
    "$23.80/hour",
    "3.1%",
    "2024-34",
    "2025",
    "class of 2027",
    "62704",
    "zip 90210",
    "is 45000 good pay",
    "top 10 jobs",
    "$800-$900 a week",
    "800 or 900 hours",
    "x 12",
    "1,800",
]

EMAILS = [
    "jo.smith+cc@school.k12.us",
    "first.last+tag@mail.school.k12.us",
    "Name@Example.COM",
    "a@b.org",
    "kid_2009@gmail.com",
    "x-y@sub-domain.example.co.uk",
]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("my email is jo.smith+cc@school.k12.us", f"my email is {EMAIL_MARK}"),
        ("call me at (555) 123-4567", f"call me at {PHONE_MARK}"),
        ("text 555.123.4567 pls", f"text {PHONE_MARK} pls"),
        ("+1 555 123 4567", PHONE_MARK),
        ("+44 20 7946 0958", PHONE_MARK),
        ("555-123-4567 555-987-6543", f"{PHONE_MARK} {PHONE_MARK}"),
        ("call 555-1234 or 555 1234.", f"call {PHONE_MARK} or {PHONE_MARK}."),
        ("300 400 5000 555 1234", f"300 400 5000 {PHONE_MARK}"),
        ("me: kid@example.com / 555-1234!", f"me: {EMAIL_MARK} / {PHONE_MARK}!"),
        ("$51,000 or call 555-1234", f"$51,000 or call {PHONE_MARK}"),
        # two numbers joined by "/" or ","; one right after another; after any "]"
        ("555-123-4567/555-987-6543", f"{PHONE_MARK}/{PHONE_MARK}"),
        ("555-123-4567,555-987-6543", f"{PHONE_MARK},{PHONE_MARK}"),
        ("555-123-4567, 555-987-6543", f"{PHONE_MARK}, {PHONE_MARK}"),
        (
            "555-1234/555-9876 or (555) 123-4567,1-555-987-6543",
            f"{PHONE_MARK}/{PHONE_MARK} or {PHONE_MARK},{PHONE_MARK}",
        ),
        ("555-123-4567(555) 987-6543", PHONE_MARK * 2),
        ("+1 555 123 4567+1 555 987 6543", PHONE_MARK * 2),
        (f"{EMAIL_MARK}555-123-4567", EMAIL_MARK + PHONE_MARK),
        ("kid@example.com(555) 123-4567", EMAIL_MARK + PHONE_MARK),
        ("[home]555-1234 [cell]+44 20 7946 0958", f"[home]{PHONE_MARK} [cell]{PHONE_MARK}"),
        ("call 1-800-500-4000 x100 now", f"call {PHONE_MARK} now"),
        # still figures: a "/" or "," between other numbers, an extension without a number
        ("$23.80/hour, 2,000 hours/year", "$23.80/hour, 2,000 hours/year"),
        ("12/555-1234", "12/555-1234"),
        ("2,000 555 1234", f"2,000 {PHONE_MARK}"),
        # spaced digits running on after a number: removed when they end as a number does
        ("5 5 5 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 now", f"{PHONE_MARK} {PHONE_MARK} now"),
        ("5 5 5 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5:555-123-4567", f"{PHONE_MARK} 8 9 0 1 2 3 4 5:555-123-4567"),
    ],
)
def test_redact(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("phone", PHONES)
@pytest.mark.parametrize(
    "template", ["{}", "my number is {}", "call {}.", "({})", "it's {}, thanks", "{}\nbye", "number:{}"]
)
def test_phones_are_removed(phone, template):
    assert redact(template.format(phone)) == template.format(PHONE_MARK)


@pytest.mark.parametrize("email", EMAILS)
@pytest.mark.parametrize("template", ["{}", "mail me at {}.", "<{}>", "{}, thanks"])
def test_emails_are_removed(email, template):
    assert EMAIL.fullmatch(email)
    assert redact(template.format(email)) == template.format(EMAIL_MARK)


@pytest.mark.parametrize("text", ["not an email", "a@b", "@school", "me@", "a b@c", "a@b.c d"])
def test_email_fullmatch_rejects_malformed(text):
    assert not EMAIL.fullmatch(text)


@pytest.mark.parametrize("text", FIGURES)
def test_figures_are_not_redacted(text):
    assert redact(text) == text
    assert redact(f"about {text}, per year") == f"about {text}, per year"


def test_redact_is_idempotent():
    for text in PHONES + FIGURES + EMAILS:
        once = redact(f"a {text} b")
        assert redact(once) == once


# Each ~1 MB, built to make a backtracking pattern retry from every position.
ADVERSARIAL = {
    "word chars": "a",
    "digits": "1",
    "zeros": "0",
    "digits and dashes": "12-",
    "a@": "a@",
    "a.": "a.",
    "a@a.": "a@a.",
    "digits and spaces": "1 ",
    "zeros and spaces": "0 ",
    "+1 ": "+1 ",
    "+digits": "+1",
    "(555) ": "(555) ",
    "round amounts": "100 100 1000 ",
    "dots": "1.",
    "mixed separators": "5-5 5.5 ",
    "local part chars": "a.b+c-d",
    "@.": "@.",
    "phones": "555 123 4567 ",
    "emails": "a@b.co ",
    "dashes": "a-",
    "percent": "1%",
    "$": "$1,",
    "en dashes": "5–",
    "tabs": "1\t",
    "wide separators": "555 -  123 - ",
    "joined by /": "555-123-4567/",
    "joined by ,": "1234,5",
    "extensions": "5 x",
    "ext": "ext 1",
    "after ]": "]555-123-4567",
    "( after a digit": "7(555)",
    "toll-free round": "800 600 7000 ",
}


@pytest.mark.parametrize("unit", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_redaction_is_linear(unit):
    """Ten times the text takes about ten times as long (quadratic patterns took ~100 times, and
    ~1 h for 1 MB). CPU time of this process, and a ratio: a busy machine slows both alike."""

    def cpu_seconds(size: int) -> float:
        text = (unit * (size // len(unit) + 1))[:size]
        start = time.process_time()
        redact(text)
        return time.process_time() - start

    small, large = cpu_seconds(100_000), cpu_seconds(1_000_000)
    assert large < 30 * small + 0.05, (small, large)  # measured: ratio 9.6-10.2 (2 vCPU, 2026-12-07)
    assert large < 2.0  # measured: < 0.5 s each, all patterns


# --- events -------------------------------------------------------------------------------------


def test_ids_are_not_redacted():
    event = {
        "event": "user",
        "text": "mail me a@b.org",
        "message_id": "1234567890123456",
        "parse_data": {"text": "mail me a@b.org", "intent": {"name": "ask_pay"}},
    }
    out = redact_event(event)
    assert out["message_id"] == "1234567890123456"
    assert out["text"] == out["parse_data"]["text"] == f"mail me {EMAIL_MARK}"


def test_every_event_type_is_redacted():
    secret = "kid@example.com 555-123-4567"
    events = [
        UserUttered(
            secret,
            {"name": "ask_pay", "confidence": 0.9},
            [{"entity": "career", "value": secret, "start": 0, "end": 3, "extractor": "RegexEntityExtractor"}],
            input_channel="5551234567",
            message_id="5551234567",
            metadata={"name": secret},
        ),
        UserUttered(
            secret,
            parse_data={
                "text": secret,
                "intent": {"name": "inform", "confidence": 1.0},
                "entities": [{"entity": "x", "value": {"raw": secret}}],
                "metadata": {"note": [secret]},
            },
        ),
        SlotSet("finder_interest", secret),
        SlotSet("answers", {"name": secret, "list": [secret, 3]}),
        BotUttered(
            f"email {secret}",
            {"buttons": [{"title": secret, "payload": "/x"}], "custom": {"name": secret}},
            metadata={"utter_action": "utter_x"},
        ),
        ActionExecuted("action_listen", policy="RulePolicy", confidence=1.0, action_text=secret),
        EntitiesAdded([{"entity": "e", "value": secret}]),
        ReminderScheduled(
            "remind", datetime(2024, 5, 12), entities=[{"entity": "e", "value": secret}], name="reminder_1"
        ),
        ActiveLoop("career_finder_form"),
    ]
    for e in events:
        data = e.as_dict()
        out = redact_event(data)
        dumped = json.dumps(out, ensure_ascii=False)
        assert "kid@example.com" not in dumped and "555-123-4567" not in dumped, dumped
        assert redact_event(out) == out
        for key in STRUCTURAL_KEYS & data.keys():
            assert out[key] == data[key]
        assert out.get("timestamp") == data.get("timestamp")
    user = redact_event(events[0].as_dict())
    assert user["message_id"] == user["input_channel"] == "5551234567"
    assert user["parse_data"]["intent"] == {"name": "ask_pay", "confidence": 0.9}
    assert user["metadata"] == {"name": f"{EMAIL_MARK} {PHONE_MARK}"}  # free-form: "name" is data


def test_redact_event_copies_and_keeps_non_strings():
    data: Dict[str, Any] = {"event": "slot", "name": "n", "value": [1, 2.5, None, True, {"k": ("5551234567", 7)}]}
    out = redact_event(data)
    assert out == {"event": "slot", "name": "n", "value": [1, 2.5, None, True, {"k": (PHONE_MARK, 7)}]}
    assert data["value"][4]["k"][0] == "5551234567" and out is not data


def test_store_writes_no_contact_details(tmp_path):
    db = tmp_path / "conversations.db"
    store = RedactingSQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(db))
    tracker = DialogueStateTracker.from_events(
        "student",
        [
            ActionExecuted("action_listen"),
            UserUttered(
                "my email is kid@example.com and my phone is 555-123-4567",
                {"name": "ask_pay", "confidence": 0.9},
                metadata={"note": "kid@example.com"},
            ),
            SlotSet("finder_interest", "call me on 555 1234"),
            BotUttered("Welder: Median pay: $51,000 a year (BLS, May 2024)"),
        ],
    )
    asyncio.run(store.save(tracker))
    rows = [r[0] for r in sqlite3.connect(db).execute("select data from events")]
    stored = "\n".join(rows)
    assert "kid@example.com" not in stored and "555-123-4567" not in stored and "555 1234" not in stored
    assert EMAIL_MARK in stored and "$51,000" in stored
    restored = asyncio.run(store.retrieve("student"))
    assert restored is not None
    assert restored.latest_message.text == f"my email is {EMAIL_MARK} and my phone is {PHONE_MARK}"
    assert json.loads(rows[-1])["text"].startswith("Welder")


# --- logs ---------------------------------------------------------------------------------------


@pytest.fixture
def log_stream():
    """A real handler writing to a StringIO, with log redaction installed (and uninstalled after)."""
    previous = logging.getLogRecordFactory()
    install_log_redaction()
    install_log_redaction()  # idempotent
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    logger = logging.getLogger("test_privacy.logs")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    try:
        yield logger, stream
    finally:
        logger.removeHandler(handler)
        logging.setLogRecordFactory(previous)


def test_installs_once(log_stream):
    factory = logging.getLogRecordFactory()
    install_log_redaction()
    assert logging.getLogRecordFactory() is factory


def test_logs_are_redacted(log_stream):
    logger, stream = log_stream
    logger.debug("Received user message 'mail kid@example.com or 555-123-4567' on rest")
    logger.info("Parsed %s for sender %s", "call (555) 123-4567", "abc")
    logger.warning("%(who)s said %(what)s", {"who": "student", "what": "jo@school.k12.us"})
    try:
        raise ValueError("could not parse 'kid@example.com, +44 20 7946 0958'")
    except ValueError:
        logger.exception("Failed on message %r", "my number 555.123.4567")
    logger.info("broken %s %s", "only one 555-1234")  # a bad format must not break logging
    text = stream.getvalue()
    for secret in (
        "kid@example.com",
        "555-123-4567",
        "(555) 123-4567",
        "jo@school.k12.us",
        "+44 20 7946 0958",
        "555.123.4567",
        "555-1234",
    ):
        assert secret not in text, text
    for kept in (
        "Received user message",
        "Parsed",
        "for sender abc",
        "student said",
        "Traceback (most recent call last)",
        "ValueError: could not parse",
        "Failed on message",
        "broken",
        EMAIL_MARK,
        PHONE_MARK,
    ):
        assert kept in text, text


def test_log_record_fields_are_redacted(log_stream):
    logger, _ = log_stream
    records: List[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Keep()
    logger.addHandler(handler)
    try:
        try:
            raise KeyError("555-123-4567")
        except KeyError:
            logger.error("x %s", "a@b.org", exc_info=True, stack_info=True)
    finally:
        logger.removeHandler(handler)
    (record,) = records
    assert record.exc_text is not None and record.stack_info is not None
    assert record.getMessage() == f"x {EMAIL_MARK}" and record.args is None
    assert record.exc_info is None and "KeyError" in record.exc_text and "555-123-4567" not in record.exc_text
    assert "Stack (most recent call last)" in record.stack_info and "a@b.org" not in record.stack_info
