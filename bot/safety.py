"""Messages that show distress or self-harm, and the words that back a classifier's guess.

Two levels, used by bot/nlu/safety_guard.py:

* `shows_distress`: fixed patterns. A statistical classifier can miss a rare message; these
  cannot, so the safety reply (trusted adult, 988 Suicide & Crisis Lifeline) always comes
  first. Kept narrow on purpose: "tool and die maker" or "this homework is killing me" must
  not trigger it.
* `has_distress_words`: a small vocabulary of distress (hopeless, can't go on, hurt myself,
  unsafe at home, ...). The classifier's `distress` intent alone is not enough for the crisis
  reply: ordinary worries ("my parents want me to go to college") looked like distress to it.
  Its guess counts only when the message also has one of these words.
"""

from __future__ import annotations

import re

#: Someone who could be hurting the student ("my dad hits me").
_WHO = (
    r"(?:dad|mom|father|mother|parents?|step\w*|brother|sister|uncle|aunt|boyfriend|girlfriend"
    r"|he|she|they|someone|somebody)"
)

_DISTRESS = [
    r"\b(kill|hurt|harm|cut|cutting|hurting|killing|harming)\s+my\s?self\b",
    r"\bsuicid\w*",
    r"\bself[-\s]?harm\w*",
    r"\b(want|wanna|going|gonna|ready)\s+to\s+die\b",
    r"\b(wanna|gonna)\s+die\b",
    r"\b(end|ending)\s+(it\s+all|my\s+(own\s+)?life)\b",
    r"\b(don'?t|do\s+not)\s+want\s+to\s+(live|be\s+alive|exist|be\s+here\s+anymore)\b",
    r"\bno\s+(reason|point)\s+(to|in)\s+(live|living)\b",
    r"\bbetter\s+off\s+(dead|without\s+me)\b",
    r"\bi\s*(?:'?m|am|feel|feel\s+so)\s+(?:so\s+|really\s+|very\s+|completely\s+)?(?:depressed|hopeless|worthless)\b",
    r"\b(being|getting)\s+(abused|bullied)\b",
    # Not safe where they live, or someone hurting them.
    r"\b(unsafe|not\s+safe)\s+(at|in\s+my)\s+(home|house)\b",
    r"\b(scared|afraid|fear)\s+for\s+my\s+(life|safety)\b",
    r"\b(scared|afraid)\s+to\s+go\s+home\b",
    rf"\b{_WHO}\s+(hits|beats|hurts|abuses|chokes)\s+me\b",
    r"\bwish\s+i\s+(was|were)\s+(dead|never\s+born)\b",
    r"\b(don'?t|do\s+not)\s+feel\s+safe\b",
    r"\bwant\s+to\s+disappear\b",
    r"\bcan'?t\s+go\s+on\s+(anymore|any\s+more|like\s+this)\b",
    r"\b(no\s?one|nobody)\s+would\s+(even\s+)?(miss|notice)\s+me\b",
    r"\b(don'?t|do\s+not)\s+want\s+to\s+wake\s+up\b",
]
_PATTERN = re.compile("|".join(f"(?:{p})" for p in _DISTRESS), re.IGNORECASE)

#: The distress vocabulary. Words of everyday stress ("stressed", "scared", "worried",
#: "killing me", "hurt" on its own) are left out on purpose: they are how students describe
#: ordinary worries ("my parents will kill me", "i'm scared i'll get hurt in a factory").
_WORDS = [
    r"\bhopeless\w*",
    r"\bworthless\b",
    r"\bhelpless\b",
    r"\bdepress(ed|ion)\b",
    r"\bcan'?t\s+(go\s+on|take\s+(it|this|anymore)|do\s+this\s+anymore|keep\s+going)\b",
    r"\bgive\s+up\s+on\s+(everything|life|myself)\b",
    r"\bno\s+way\s+out\b",
    r"\b(hurt|hurting|harm|harming|cut|cutting|kill|killing)\s+my\s?self\b",
    rf"\b{_WHO}\s+(hits|beats|hurts|abuses)\s+me\b",
    r"\babus(e|ed|es|ive)\b",
    r"\bbull(y|ied|ies|ying)\b",
    r"\bunsafe\b",
    r"\bnot\s+safe\b",
    r"\b(scared|afraid)\s+for\s+my\s+(life|safety)\b",
    r"\b(scared|afraid)\s+to\s+go\s+home\b",
    r"\bsuicid\w*",
    r"\bself[-\s]?harm\w*",
    r"\bdisappear\b",
    r"\bend\s+it\b",
    r"\b(no\s?one|nobody)\s+(cares|would\s+(care|miss\s+me|notice))\b",
    r"\b(so|all|completely|really)\s+alone\b",
    r"\bfeel\s+(so\s+)?(empty|numb|alone)\b",
    r"\b(can'?t\s+stop|keep)\s+crying\b",
    r"\bcry(ing)?\s+every\s+(day|night)\b",
    r"\bpanic\s+attacks?\b",
    r"\b(wish|want)\s+(i\s+(was|were)|to\s+be)\s+dead\b",
    r"\bnot\s+wake\s+up\b",
    r"\bnothing\s+matters\b",
]
_WORD_PATTERN = re.compile("|".join(f"(?:{w})" for w in _WORDS), re.IGNORECASE)


def _clean(text: str) -> str:
    return text.replace("’", "'")


def shows_distress(text: str) -> bool:
    """An explicit sign of distress: always gets the crisis reply."""
    return bool(text) and _PATTERN.search(_clean(text)) is not None


def has_distress_words(text: str) -> bool:
    """A word of the distress vocabulary: needed before the classifier's `distress` counts."""
    return shows_distress(text) or (bool(text) and _WORD_PATTERN.search(_clean(text)) is not None)
