"""Figures in context (bot/answers/figures.py): benchmarks in the knowledge file, their checks, and
"is that good pay?"."""

from __future__ import annotations

import pytest

from bot.answers import figures, roles
from bot.answers.turn import Turn
from bot.knowledge.loader import load
from bot.knowledge.problems import KnowledgeError
from bot.render import money
from tests.conftest import role


def problems(raw, write_knowledge):
    with pytest.raises(KnowledgeError) as caught:
        load(write_knowledge(raw))
    return [p.describe() for p in caught.value.problems]


def test_outlook_benchmark_is_the_bls_all_occupations_projection(kb):
    bench = kb.benchmarks.outlook
    assert (bench.percent_change, bench.period) == (3.1, "2024–34")
    source = kb.meta.sources[bench.source]
    assert source.publisher == "BLS" and source.url == "https://www.bls.gov/news.release/ecopro.htm"


def test_median_pay_benchmark_is_the_bls_all_occupations_median(knowledge, kb):
    # BLS OEWS May 2024, all occupations (00-0000): $49,500, also stated on every OOH page of 2025.
    pay = kb.benchmarks.median_pay
    assert (pay.annual_usd, pay.year, pay.as_of) == (49500, 2024, "May 2024")
    assert kb.meta.sources[pay.source].publisher == "BLS"
    text, sources = figures.pay_context(knowledge, role(kb, "welder"))
    assert text == "That is more than the median for all U.S. jobs, $49,500 (BLS, May 2024)." and sources == [
        pay.source
    ]
    text, _ = figures.pay_context(knowledge, role(kb, "production_worker"))
    assert text.startswith("That is less than the median for all U.S. jobs")


@pytest.mark.parametrize(
    "role_id, word",
    [
        ("welder", "slower than"),
        ("logistician", "faster than"),
        ("cnc_operator", "slower than"),
        ("data_analyst", "faster than"),
    ],
)
def test_outlook_answer_compares_with_all_jobs(knowledge, kb, role_id, word):
    answer = roles.render(knowledge, [role_id], "outlook")
    assert f"That is {word} the +3.1% BLS expects for all U.S. jobs in 2024–34 (BLS projections)." in answer.text
    assert "bls_ep_2024_34" in answer.sources


def test_about_the_same_growth(knowledge, raw_knowledge, write_knowledge):
    from bot.answers.loaded_knowledge import build

    raw_knowledge["benchmarks"]["outlook"]["percent_change"] = 2.3
    k = build(write_knowledge(raw_knowledge), knowledge.reader.nlp)
    text, _ = figures.outlook_context(k, k.roles["welder"])
    assert text.startswith("That is about the same as the +2.3%")


@pytest.mark.parametrize(
    "text, last",
    [("is that decent pay?", "pay"), ("is that much?", "pay"), ("is that a lot", "pay"), ("is that good?", "pay")],
)
def test_judge_pay_after_a_pay_answer(knowledge, kb, text, last):
    answer = figures.judge(Turn(knowledge, "judge_figure", text, slots={"role": "welder", "last_aspect": last}))
    welder = role(kb, "welder")
    assert answer.text.startswith(f"Welder: median pay {money(welder.median_pay.annual_usd)} a year (BLS, May 2024).")
    assert "Among related jobs, it pays" in answer.text and "less than machinists" in answer.text
    assert "Median pay of related jobs (BLS, May 2024):" in answer.text
    assert "I don't have that job" not in answer.text
    assert set(answer.sources) >= {"bls_ooh_welders", "bls_ooh_machinists"}
    assert answer.slots == {"role": "welder", "last_aspect": "pay"}


def test_judge_outlook_by_words_or_memory(knowledge):
    for text, last in [("is that growing fast?", "pay"), ("is that good?", "outlook")]:
        answer = figures.judge(Turn(knowledge, "judge_figure", text, slots={"role": "machinist", "last_aspect": last}))
        assert answer.text.startswith("Machinist: −2% for 2024–34 (BLS projections). That is slower than the +3.1%")
        assert "openings come up" in answer.text and answer.slots["last_aspect"] == "outlook"


def test_judge_after_another_aspect_gives_both(knowledge):
    answer = figures.judge(
        Turn(knowledge, "judge_figure", "is that good?", slots={"role": "logistician", "last_aspect": "education"})
    )
    assert "Logistician: median pay" in answer.text and "Logistician: +17% for 2024–34" in answer.text


def test_judge_names_a_role(knowledge):
    answer = figures.judge(
        Turn(knowledge, "judge_figure", "is 51000 good pay for a machinist", slots={"role": "welder"})
    )
    assert answer.text.startswith("Machinist: median pay")


def test_judge_without_a_role_asks_which(knowledge):
    answer = figures.judge(Turn(knowledge, "judge_figure", "is that good pay?"))
    assert answer.text.startswith("Which job do you mean?") and len(answer.buttons) >= 3
    assert answer.buttons[0].payload.startswith("/ask_pay")


def test_benchmark_source_must_exist(raw_knowledge, write_knowledge):
    raw_knowledge["benchmarks"]["outlook"]["source"] = "nowhere"
    assert "entry benchmarks, field outlook.source: unknown source id 'nowhere' (add it to meta.sources)" in problems(
        raw_knowledge, write_knowledge
    )


def test_benchmark_period_must_match_the_roles(raw_knowledge, write_knowledge):
    raw_knowledge["benchmarks"]["outlook"]["period"] = "2023–33"
    found = problems(raw_knowledge, write_knowledge)
    assert (
        "entry roles[welder], field outlook.period: period 2024–34 differs from benchmarks.outlook.period "
        "2023–33, so the two cannot be compared; update one of them"
    ) in found
    assert len(found) == len([r for r in raw_knowledge["roles"] if "outlook" in r])


def test_benchmark_pay_year_must_match_the_roles(raw_knowledge, write_knowledge):
    raw_knowledge["benchmarks"]["median_pay"] = {"annual_usd": 1, "year": 2023, "source": "bls_ep_2024_34"}
    assert (
        "entry roles[welder], field median_pay.year: year 2024 differs from benchmarks.median_pay.year 2023, "
        "so the two cannot be compared; update one of them"
    ) in problems(raw_knowledge, write_knowledge)


def test_benchmark_field_types_are_checked(raw_knowledge, write_knowledge):
    raw_knowledge["benchmarks"]["outlook"]["percent_change"] = "lots"
    assert "entry benchmarks, field outlook.percent_change: value is not a valid float" in problems(
        raw_knowledge, write_knowledge
    )


def test_pay_context_with_a_benchmark(knowledge, raw_knowledge, write_knowledge):
    from bot.answers.loaded_knowledge import build

    raw_knowledge["benchmarks"]["median_pay"] = {
        "annual_usd": 50000,
        "year": 2024,
        "as_of": "May 2024",
        "source": "bls_ep_2024_34",
    }
    k = build(write_knowledge(raw_knowledge), knowledge.reader.nlp)
    text, sources = figures.pay_context(k, k.roles["welder"])
    assert text == "That is more than the median for all U.S. jobs, $50,000 (BLS, May 2024)."
    assert sources == ["bls_ep_2024_34"]


@pytest.mark.parametrize(
    "text, stated",
    [
        ("is 65k a year good pay?", "$65,000 a year is more than"),
        ("is $22.50/hr decent", "$22.50 an hour, about $46,800 a year for full-time work (2,080 hours) is less"),
        ("would 40 grand be enough", "$40,000 a year is less than"),
    ],
)
def test_judge_a_stated_wage_without_a_job(knowledge, kb, text, stated):
    answer = figures.judge(Turn(knowledge, "judge_figure", text, slots={"role": "welder", "last_aspect": "pay"}))
    bench = kb.benchmarks.median_pay
    assert answer.text.startswith(stated) and f"all U.S. jobs, {money(bench.annual_usd)} (BLS, May 2024)" in answer.text
    closest = answer.text.split("closest (BLS, May 2024):\n")[1].split("\n\n")[0].splitlines()
    assert len(closest) == 3  # the three jobs whose median is nearest, highest first
    pays = [int(line.split("$")[1].replace(",", "")) for line in closest]
    assert pays == sorted(pays, reverse=True)
    assert "Welder: median pay" not in answer.text  # the stated wage, not the job discussed
    assert bench.source in answer.sources


def test_a_number_that_is_no_wage_is_not_judged_as_one(knowledge):
    answer = figures.judge(Turn(knowledge, "judge_figure", "is that good for a 16 year old?", slots={"role": "welder"}))
    assert answer.text.startswith("Welder: median pay")
