"""Removing personal details from text before it is stored or logged.

Users are minors: the assistant asks for nothing personal, and when someone types an email
address, a phone number or another detail below anyway, it is replaced by a mark
(``[email removed]``, ``[phone removed]``, ``[handle removed]``, ``[ssn removed]``, ``[date
removed]``, ``[id removed]``, ``[address removed]``, ``[name removed]``) before the conversation
is written to the database or to a log. The words around it stay.

**Emails**: an ordinary address, ``local@domain.tld`` (``first.last+tag@mail.school.k12.us``,
``Name@Example.COM``), and one written out: ``@`` with spaces around it, ``(at)``, ``[at]``,
``{at}`` or ``<at>``, and ``dot``, ``(dot)``, ``[dot]``... for the dots (``jane dot doe at gmail
dot com``, ``jane @ gmail . com``, ``jane(at)gmail(dot)com``), where the name ends in one of
the usual endings (``com``, ``org``, ``edu``, ``us``... see _TLD) or is a mail service alone
(``jane at gmail``). With a plain ``at`` it must look like an address: a name with a dot, digit
or ``_`` in it (``jane.doe at gmail.com``), a spoken ``dot``, or a mail service (``jane at
gmail.com``); so ``learn more at bls.gov``, ``look at the dot on the gauge`` and ``i worked at
a dot com company`` stay. Written-out addresses are looked for first (``jane dot doe@gmail.com``
is one address).

**Social media handles**: ``@name`` on its own (not glued to a word before it: ``a@b`` stays),
and a handle after a site's name (``insta``, ``ig``, ``snap``, ``tiktok``, ``discord``... and
``username``): after ``is``, ``:`` or ``=`` any word but a few everyday ones (``my insta is
jane_doe``, ``snap: jdoe22``; ``my insta is private`` stays), after just a space only one with
a digit, ``_`` or ``.`` in it or an ``@`` (``add me on snap jdoe22``; ``youtube videos``
stays). The site's name stays: ``my insta is [handle removed]``.

**Numbers that identify a student**: a social security number, 3-2-4 digits with the same dash
or space between (``123-45-6789``, ``123 45 6789``; standing apart as a phone number must), or
nine digits after ``ssn`` or ``social (security) (number)`` (``ssn 123456789``); a date after
``born``, ``birthday``, ``bday``, ``dob``, ``date of birth`` or ``birthdate`` and a few linking
words (``born on 04/12/2009``, ``my birthday is march 3 2010``, ``dob 2009-04-12``), where a year
alone stays (``born in 2009``), as does a date without such a word (``2024-05-12``); a number,
maybe after up to three letters, after ``student id``, ``student number``, ``school id``, ``my
id``, ``id#`` or ``id no`` (``my student id is 20231234``, ``id# 55231``). The words before it
stay: ``born on [date removed]``.

**Street addresses**: a house number, a street's name of 1-4 words (maybe after a direction:
``4417 W. 12th Ave``) and a street word (``street``, ``st``, ``ave``, ``road``, ``blvd``,
``lane``, ``drive``, ``court``... any case; ``Way``, ``Loop``, ``Run``... only capitalised, as
``pay way more`` is no address), then maybe a direction, a unit (``apt 4``, ``#2B``) and the town
with a ZIP code or a state's capitals (``1234 Oak Street, Springfield IL 62704``); and ``PO Box
123``. A street's or town's name has no everyday word in it (``3 years on Main street`` and ``a 30
minute drive`` stay), and a street without a house number stays (``i live on Oak Street``), as
does a ZIP code on its own (``welding jobs near 62704``).

**Names** in a self-introduction, up to three words (``Mary-Jane``, ``O'Brien`` are one): after
``my name is`` / ``my name's`` / ``my names``, ``i'm called``, ``they call me``, ``i go by``,
``name:``, ``me llamo``, whatever the words are; after ``call me`` or a sentence's ``this is`` /
``it's``, when the first word is capitalised (not an ``-ing``, ``-ed`` or plural word: ``This is
Welding`` stays) or a common first name (FIRST_NAMES); after ``i'm`` / ``i am`` / ``soy``, only
a common first name (``i'm jose``; ``i'm a welder``, ``i'm interested``, ``i'm 16`` stay). A name
never takes an everyday word (``and``, ``a``, ``from``, ``back``, ``maybe``, ``junior``...:
``call me a nerd``, ``my name is not important`` stay) and stops before a lowercase ``-ing`` or
``-ed`` word (``i'm maria looking for work``). Only the name goes: ``call me [name removed]``.

**Phone numbers**: digits in groups joined by *single* separators (a space, ``.``, ``-``, an
en or em dash; an area code may be in parentheses). Such a sequence is a phone number if it is

* ``+`` then 8-15 digits, grouped any way (``+33 1 23 45 67 89``, ``+1 (555) 123-4567``);
* 10 digits in the North American shapes: 3-3-4 (``(555) 123-4567``, ``555.123.4567``), all
  together (``5551234567``) or every digit spaced out (``5 5 5 1 2 3 4 5 6 7``); or these
  with a leading ``1`` (``1-800-555-0199``). In the 3-3-4 shapes a separator may also be up to
  three spaces or tabs, or a dot or dash with up to three on either side (``555 -  123 - 4567``,
  ``555<tab>123<tab>4567``);
* 7 digits as 3+4 with a separator (``555-1234``, ``555 1234``);
* 10-11 digits starting with ``0`` then another digit (``020 7946 0958``, ``06 12 34 56 78``);

with its extension if one follows (``x12``, ``ext 12``, ``ext. 12``, ``extension 12``), and not
when every group ends in ``00`` (``300 400 5000`` is a list of round amounts, not a number; a
leading ``+`` is never a list, nor is a toll-free number: 800, 833, 844, 855, 866, 877 or 888 as
its own group or at the start of 10 digits written together, ``800-600-7000``, ``(888) 200-3000``).
The number must stand apart: not glued to a letter, digit, ``$`` or ``+`` before it (except that
one starting with ``(`` or ``+`` may follow a digit: ``555-123-4567(555) 987-6543`` is two
numbers), or to a letter, digit or ``%`` after it; and not continued by ``.``, ``,``, ``-``, ``/``
or ``:`` plus a digit on either side (``123-456-7890123`` has too many digits, ``17-2112.00`` is
an O*NET code, ``$101,140`` and ``2024-2034`` are figures), except that two North American
numbers may be joined by ``/`` or ``,`` (``555-123-4567/555-987-6543``: the first ends in four
digits, the second is 7 or 10 digits). Otherwise only a space may separate it from neighbouring
numbers (``555-123-4567 555-987-6543`` is two numbers). So salaries, years, ranges, percentages,
counts, codes and ZIP codes survive. When in doubt more is removed, not less: a number one space
before a phone number may be read as part of it (``100 555 1234`` is 10 digits), and so may one
after a ``+`` or ``0`` number (up to 15 / 11 digits), and seven or more spaced-out digits right
after a removed number are removed as well (all of them, ending as a number must).

**Order, marks and idempotence**: emails (written-out ones first), handles, numbers said to be an
ssn, a date of birth or an id, addresses, names, phone numbers, then 3-2-4 social security numbers
(a longer spaced number holding one is a phone number: ``010 00 0000 1``). A phone number is
found after any ``]``, one of a mark we wrote (``[email removed]555-123-4567``) or not
(``[cell]555-1234``): no detail looked for later ends where a phone number could start, and one
that directly follows another is found in the same pass. Other details are not taken when glued
to a ``]`` (``[email removed]123-45-6789`` keeps its digits), and no mark completes a word that
introduces one (``born``, ``call me``). So a second pass finds nothing new: redacting twice
changes nothing.

Every pattern starts only where a run of the characters it consumes starts (or right after a
word that introduces the detail) and repeats only a bounded number of times, so redaction takes
linear time on any input; a pattern runs only when the text has what it needs (an ``@``, a
digit, a site's name). The patterns themselves are in bot/privacy_patterns.py.
"""

from __future__ import annotations

import logging
import re
import traceback
from typing import Any, Callable, Dict, Tuple, Union

from bot import privacy_patterns as _p
from bot.privacy_patterns import (  # re-exported: what importers of bot.privacy use
    ADDRESS_MARK,
    DATE_MARK,
    EMAIL,
    EMAIL_MARK,
    HANDLE_MARK,
    ID_MARK,
    NAME_MARK,
    PHONE,
    PHONE_MARK,
    SSN_MARK,
)

__all__ = [
    "EMAIL",
    "PHONE",
    "EMAIL_MARK",
    "PHONE_MARK",
    "HANDLE_MARK",
    "SSN_MARK",
    "DATE_MARK",
    "ID_MARK",
    "ADDRESS_MARK",
    "NAME_MARK",
    "redact",
    "redact_event",
    "STRUCTURAL_KEYS",
    "FREE_FORM_KEYS",
    "install_log_redaction",
]

_SUSPECT = re.compile(r"[@\d]|[^\W\d_]{2}")  # nothing to do without an @, a digit or a word
_AT, _DIGIT = re.compile("@"), re.compile(r"\d")
_Replacement = Union[str, Callable[["re.Match[str]"], str]]


def _any(*words: str) -> "re.Pattern[str]":
    """A pattern finding one of ``words`` (lowercase) in lowercased text."""
    return re.compile("|".join(map(re.escape, words)))


#: What is looked for, in this order (see "Order, marks and idempotence"): a pattern, what replaces
#: a match, and what the lowercased input needs for the pattern to find anything (patterns that
#: must all be found in it), so most patterns are skipped for most texts: a quick check, not a
#: rule (the patterns decide).
_STEPS: Tuple[Tuple["re.Pattern[str]", _Replacement, Tuple["re.Pattern[str]", ...]], ...] = (
    (_p.OBFUSCATED_EMAIL, _p.obfuscated_email, (_p.AT_WORD,)),  # first: "jane dot doe@gmail.com" is one
    (EMAIL, EMAIL_MARK, (_AT,)),
    (_p.AT_HANDLE, HANDLE_MARK, (_AT,)),
    (_p.SITE_HANDLE, r"\g<pre>" + HANDLE_MARK, (_any(*_p.SITES),)),
    (_p.SSN_SAID, r"\g<pre>" + SSN_MARK, (_DIGIT, _any("ssn", "ss#", "social"))),
    (_p.DATE_OF_BIRTH, r"\g<pre>" + DATE_MARK, (_DIGIT, _any("born", "birth", "bday", "b-day", "dob", "d.o.b"))),
    (_p.STUDENT_ID, r"\g<pre>" + ID_MARK, (_DIGIT, _any("id", "i.d", "student", "pupil"))),
    (_p.ADDRESS, ADDRESS_MARK, (_DIGIT, _any(*_p.STREET_WORDS))),
    (_p.PO_BOX, ADDRESS_MARK, (_DIGIT, _any("box"))),
    (_p.NAME, _p.name, (_any(*_p.NAME_PHRASE_WORDS),)),
    (PHONE, _p.phone, (_DIGIT,)),
    (_p.RUN_ON, PHONE_MARK + " " + PHONE_MARK, (_DIGIT,)),  # spaced digits right after a removed number
    (_p.SSN, SSN_MARK, (_DIGIT,)),  # after phone numbers: "010 00 0000 1" is one
)


def redact(text: str) -> str:
    """``text`` with personal details replaced by marks (idempotent)."""
    if not _SUSPECT.search(text):
        return text
    lower = text.lower()
    found: Dict["re.Pattern[str]", bool] = {}  # whether the input has each need, looked for once
    for pattern, replacement, needs in _STEPS:
        for need in needs:
            if (has := found.get(need)) is None:
                has = found[need] = need.search(lower) is not None
            if not has:
                break
        else:
            text = pattern.sub(replacement, text)
    return text


#: Keys whose values are names, ids and times the bot or Rasa generates, never text a user
#: typed: event types (``event``), intent / action / slot / form / entity names (``name``,
#: ``intent``, ``intent_name``, ``action_name``, ``entity``, ``role``, ``group``, ``policy``,
#: ``extractor``, ``processors``, ``utter_action``, ``intent_response_key``), channel
#: and conversation ids (``input_channel``, ``message_id``, ``sender_id``) and times
#: (``timestamp``, ``date_time``). Their values are left as they are (whole subtrees: e.g.
#: ``parse_data.intent`` is ``{"name", "confidence"}``): an id may well be 10 digits
#: (``message_id`` of some channels), and renaming an intent or a slot would break the bot.
STRUCTURAL_KEYS = frozenset(
    {
        "event",
        "timestamp",
        "date_time",
        "name",
        "intent",
        "intent_name",
        "action_name",
        "policy",
        "entity",
        "role",
        "group",
        "extractor",
        "processors",
        "utter_action",
        "intent_response_key",
        "input_channel",
        "message_id",
        "sender_id",
    }
)
#: Keys whose values are free-form (channel metadata, slot and entity values, custom bot
#: data): below them no key is structural, every string is redacted (a ``name`` inside
#: metadata may be anything a client sent).
FREE_FORM_KEYS = frozenset({"metadata", "value", "data"})


def redact_event(data: Any, free: bool = False) -> Any:
    """A copy of a serialised event (or any JSON-like value) with every string redacted,
    except the values of STRUCTURAL_KEYS outside FREE_FORM_KEYS. Keys and non-strings are
    unchanged; idempotent. ``free=True`` treats ``data`` as free-form throughout."""
    if isinstance(data, str):
        return redact(data) if _SUSPECT.search(data) else data
    if isinstance(data, dict):
        out: Dict[Any, Any] = {}
        for k, v in data.items():
            if isinstance(v, str):  # inline the common case: ~30 short strings per turn
                out[k] = v if (not free and k in STRUCTURAL_KEYS) or not _SUSPECT.search(v) else redact(v)
            elif free:
                out[k] = redact_event(v, True)
            elif k in STRUCTURAL_KEYS:
                out[k] = v
            else:
                out[k] = redact_event(v, k in FREE_FORM_KEYS)
        return out
    if isinstance(data, list):
        return [redact_event(v, free) for v in data]
    if isinstance(data, tuple):
        return tuple(redact_event(v, free) for v in data)
    return data


# --- logs -------------------------------------------------------------------------------------

_INSTALLED = "_bot_privacy_redacts"  # attribute marking our record factory


def _redact_record(record: logging.LogRecord) -> None:
    try:
        message = record.getMessage()
    except Exception:  # a broken format string: keep what there is, as logging would report it
        message = f"{record.msg!s} {record.args!r}"
    record.msg, record.args = redact(message), None
    if record.exc_info and record.exc_info[0] is not None:
        # The exception (and its message) would be formatted by the handler: do it now, redacted,
        # and drop the live exception, so the traceback is still logged, without contact details.
        record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
        record.exc_info = None
    elif record.exc_text:
        record.exc_text = redact(record.exc_text)
    if record.stack_info:
        record.stack_info = redact(record.stack_info)


def install_log_redaction() -> None:
    """Make every log record created in this process carry redacted text: its message (format
    and arguments, merged into ``msg``), exception traceback (formatted into ``exc_text``) and
    stack. Wraps the current ``logging`` record factory, so it applies to all loggers and
    handlers, including ones configured later; records of disabled levels are never created,
    so cost nothing. (``extra={...}`` fields are added by logging after the factory runs and
    are not redacted; nothing here logs user text that way.)
    Idempotent: calling it again while our factory is installed does nothing."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, _INSTALLED, False):
        return

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        try:
            _redact_record(record)
        except Exception:  # never let logging itself fail; drop the content instead
            record.msg, record.args, record.exc_info, record.exc_text = (
                "[log message removed: redaction failed]",
                None,
                None,
                None,
            )
        return record

    setattr(factory, _INSTALLED, True)
    logging.setLogRecordFactory(factory)
