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
_SP = "[ \\t\u00a0\u2009\u202f]"  # a space or a tab
# A separator in a 10-digit North American number: up to 3 spaces or tabs, or a dot or dash with
# up to 3 on either side ("555 -  123 - 4567", "555\t123\t4567").
_WIDE = f"(?:{_SP}{{0,3}}[.\\-\u2010-\u2015\u2212]{_SP}{{0,3}}|{_SP}{{1,3}})"
_HARD = "[.,\\-/:\u2010-\u2015\u2212]"  # punctuation that joins a number to the next digits
_INTL_SEP = f"(?:{_SEP}?\\(|\\){_SEP}?|{_SEP})"  # as _SEP, or around a parenthesised group
# A North American number that may come right after another one and a "/" or ",":
# "555-123-4567/555-987-6543" (both ends of the join check it, so redacting twice changes nothing).
_NEXT = rf"(?=(?:1{_WIDE}?)?(?:\(\d{{3}}\){_WIDE}?|\d{{3}}{_WIDE}?)?\d{{3}}{_WIDE}?\d{{4}}(?![\w%]))"
PHONE = re.compile(
    r"(?:"
    # Shapes starting with "+" or "(": not glued to a letter, "+" or currency sign before them,
    # but they may follow a digit ("555-123-4567(555) 987-6543": one number right after another).
    r"(?<![^\W\d]|[+$\u00a3\u20ac\u00a5#])(?:"
    # + and 8-15 digits, grouped any way
    rf"\+\(?\d(?:{_INTL_SEP}?\d){{7,14}}"
    # North American 3-3-4 with the area code in parentheses
    rf"|\(\d{{3}}\){_WIDE}?\d{{3}}{_WIDE}?\d{{4}}"
    # The other shapes begin with a digit: not glued to a letter, digit, "+" or currency sign, nor
    # to a digit and punctuation, except a number and "/" or "," (two numbers joined, see _NEXT).
    r")|(?<![\w+$\u00a3\u20ac\u00a5#])(?:(?<!\d" + _HARD + r")|(?<=\d{4}[/,])" + _NEXT + r")(?:"
    # 0, another digit, and 8-9 more: 10-11 digits
    rf"0\d(?:{_SEP}?\d){{8,9}}"
    # North American 3-3-4 or all together, maybe with a leading 1
    rf"|1{_WIDE}?(?:\(\d{{3}}\){_WIDE}?|\d{{3}}{_WIDE}?)\d{{3}}{_WIDE}?\d{{4}}"
    rf"|\d{{3}}{_WIDE}?\d{{3}}{_WIDE}?\d{{4}}"
    # every digit spaced out: 10, or 11 with a leading 1
    rf"|(?:1{_SEP})?\d(?:{_SEP}\d){{9}}"
    # 7 digits as 3+4
    rf"|\d{{3}}{_SEP}\d{{4}}"
    r"))"
    # an extension: "x12", " ext 12", " ext. 12", " extension 12"
    r"(?P<ext>[ \t]{0,2}(?i:x|ext\.?|extension)[ \t]{0,2}\d{1,6})?"
    # not glued to what comes after, except a second number after "/" or "," (see _NEXT)
    rf"(?![\w%])(?:(?!{_HARD}\d)|(?<=\d{{4}})(?=[/,]{_NEXT}))"
)
# Digits running on right after a number we removed (spaced-out numbers back to back): removed too.
RUN_ON = re.compile(r"(?<=\[phone removed\])(?: \d){7,}(?![\w%])")
_DIGITS = re.compile(r"\d+")
#: North American toll-free area codes: "800-600-7000" is a phone number, not round amounts.
TOLL_FREE = frozenset({"800", "833", "844", "855", "866", "877", "888"})


def phone(match: "re.Match[str]") -> str:
    found = match.group()
    number = found[: match.start("ext") - match.start()] if match.group("ext") else found
    groups = _DIGITS.findall(number)
    if number[0] != "+" and all(g.endswith("00") for g in groups):
        if groups[0] == "1":
            groups = groups[1:]
        if len(groups) == 1 and len(groups[0]) == 11 and groups[0][0] == "1":
            groups[0] = groups[0][1:]
        # toll-free: the area code is a group of its own ("800-600-7000") or all is together
        if not (groups[0] in TOLL_FREE or (len(groups) == 1 and len(groups[0]) == 10 and groups[0][:3] in TOLL_FREE)):
            return found  # round amounts: "300 400 5000", "1800 100 1000"
    return PHONE_MARK
