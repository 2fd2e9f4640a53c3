"""Held-out answer check: questions a student might ask, each with what the reply must be about.

The table (tests/e2e/answer_check.yml) names the role, industry, pathway or topic a question is
about and the fact that must be in the reply (tests/e2e/expectations.py says which, from the
knowledge file); the check is run against the real servers. At least 97% of rows must pass;
every failure is printed (question, what was expected, the reply).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.e2e.expectations import check

TABLE = Path(__file__).with_name("answer_check.yml")
PASS_RATE = 0.97


def rows() -> list:
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))["rows"]


def test_table_is_large_enough():
    assert len(rows()) >= 60


def test_answers_are_about_what_was_asked(bot, kb):
    table = rows()
    failures = [f for f in (check(bot, kb, row, n) for n, row in enumerate(table)) if f]
    passed = len(table) - len(failures)
    print(f"\nanswer check: {passed}/{len(table)} passed ({passed / len(table):.1%})")
    for failure in failures:
        print("  FAIL", failure)
    assert passed / len(table) >= PASS_RATE, "\n".join(failures)
