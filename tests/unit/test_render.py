"""How figures, citations and lists are written."""

from __future__ import annotations

from bot.render import bullets, cite, money, outlook_line, pay_line, payload, period, signed_percent


def test_money_in_full_with_separators():
    assert money(51000) == "$51,000"
    assert money(121440) == "$121,440"


def test_period():
    assert period("2024-34") == "2024–34"
    assert period("2024 - 2034") == "2024–34"
    assert period("2024–34") == "2024–34"


def test_signed_percent():
    assert signed_percent(11) == "+11%"
    assert signed_percent(-7) == "−7%"
    assert signed_percent(0) == "0%"
    assert signed_percent(3.1) == "+3.1%"


def test_pay_line_has_year_and_source(kb):
    welder = next(r for r in kb.roles if r.id == "welder")
    assert pay_line(kb, welder.median_pay) == "Median pay: $51,000 a year (BLS, May 2024)"


def test_outlook_line_has_period_and_source(kb):
    welder = next(r for r in kb.roles if r.id == "welder")
    assert outlook_line(kb, welder.outlook) == "Job outlook: +2% for 2024–34 (BLS projections)"


def test_cite(kb):
    assert cite(kb, "nam_facts", "2022") == "(NAM, 2022)"
    assert cite(kb, "bls_ooh_welders") == "(BLS)"


def test_payload_is_rasa_intent_syntax():
    assert payload("ask_pay", role="welder") == '/ask_pay{"role": "welder"}'
    assert payload("ask_roles") == "/ask_roles"


def test_bullets():
    assert bullets(["a", "b"]) == "• a\n• b"
