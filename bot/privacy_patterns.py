"""The patterns behind bot/privacy.py. What each one removes, what it keeps and why is written
in that module's docstring; here are the expressions and the small helpers they need. Nothing
here imports from bot, so bot/privacy.py can import this module (and re-export its names)."""

from __future__ import annotations

import re

EMAIL_MARK, PHONE_MARK = "[email removed]", "[phone removed]"

#: An email address (also usable with ``fullmatch`` to check an address is well formed). The
#: lookbehind makes a match start only at the start of a run of local-part characters, so a
#: long run without an ``@`` is scanned once, not once per character.
EMAIL = re.compile(r"(?<![\w.+\-\]])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")  # "]": see PHONE

_SEP = "[ .\\-\u00a0\u2009\u202f\u2010-\u2015\u2212]"  # one separator: space, dot, hyphens, dashes
_HARD = "[.,\\-/:\u2010-\u2015\u2212]"  # punctuation that joins a number to the next digits
_INTL_SEP = f"(?:{_SEP}?\\(|\\){_SEP}?|{_SEP})"  # as _SEP, or around a parenthesised group
PHONE = re.compile(
    # not glued to what comes before (a "]" ends a mark we wrote: keeps redact idempotent)
    r"(?<![\w+$\u00a3\u20ac\u00a5#\]])"
    r"(?:"
    # + and 8-15 digits, grouped any way
    rf"\+\(?\d(?:{_INTL_SEP}?\d){{7,14}}"
    # North American 3-3-4 with the area code in parentheses
    rf"|\(\d{{3}}\){_SEP}?\d{{3}}{_SEP}?\d{{4}}"
    # the other shapes begin with a digit, never right after a digit and punctuation
    rf"|(?<!\d{_HARD})(?:"
    # 0, another digit, and 8-9 more: 10-11 digits
    rf"0\d(?:{_SEP}?\d){{8,9}}"
    # North American 3-3-4 or all together, maybe with a leading 1
    rf"|1{_SEP}?(?:\(\d{{3}}\){_SEP}?|\d{{3}}{_SEP}?)\d{{3}}{_SEP}?\d{{4}}"
    rf"|\d{{3}}{_SEP}?\d{{3}}{_SEP}?\d{{4}}"
    # every digit spaced out: 10, or 11 with a leading 1
    rf"|(?:1{_SEP})?\d(?:{_SEP}\d){{9}}"
    # 7 digits as 3+4
    rf"|\d{{3}}{_SEP}\d{{4}}"
    r"))"
    # not glued to what comes after
    rf"(?![\w%])(?!{_HARD}\d)"
)
# Digits running on right after a number we removed (spaced-out numbers back to back): removed too.
RUN_ON = re.compile(r"(?<=\[phone removed\])(?: \d){7,}(?![\w%])")
_DIGITS = re.compile(r"\d+")


def phone(match: "re.Match[str]") -> str:
    found = match.group()
    if found[0] != "+" and all(g.endswith("00") for g in _DIGITS.findall(found)):
        return found  # round amounts: "300 400 5000"
    return PHONE_MARK
