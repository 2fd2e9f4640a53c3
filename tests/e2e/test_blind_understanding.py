"""Blind understanding batches (#20), end to end against the real bot: the honest score.

Each batch (tests/blind/understanding_batch<N>.yml) was written by a helper who never saw the
training data, only what the assistant can do and who uses it; its rows are never copied into
training (docs/understanding.md). A row is a message (`q`, after `before` in the same
conversation), one expectation (`expect: {key: value}`) and a `class` (plain, typo, slang,
description, followup, ...). Knowledge expectations are judged from the knowledge file as the
held-out answer check judges them (tests/e2e/expectations.py); `answer: <kind>` expectations by
the bot's own words for that kind of reply (ANSWER_MARKERS below).

The test prints the score overall, per expectation key and per class, and every failure, and
writes the same to reports/blind-understanding.md. Each batch has a floor (its measured score,
rounded down: a regression guard); the issue's target is TARGET. `make test-blind` runs it.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Tuple

import pytest
import yaml

from bot.phrases import LANGUAGES, say
from tests.e2e.blind_sampling import Floor, chosen, described, every_for, sample
from tests.e2e.expectations import CASELESS, IN_FLIGHT, OneOf, Text, as_student, converse, forbidden, judge, needed

ROOT = Path(__file__).parents[2]
BATCHES = [
    *sorted(ROOT.joinpath("tests", "blind").glob("understanding_batch*.yml")),
    *sorted(ROOT.joinpath("tests", "blind").glob("conversations_batch*.yml")),
]
REPORT = ROOT / "reports" / "blind-understanding.md"

#: Batch -> the share of its rows that must pass (blind_sampling.Floor).
FLOORS: Dict[str, Floor] = {
    "understanding_batch1": Floor(0.78),
    "understanding_batch2": Floor(0.79),
    "understanding_batch3": Floor(0.78),
    "conversations_batch1": Floor(0.63),
    "understanding_batch4": Floor(0.79),
    "conversations_batch2": Floor(0.57),
    "understanding_batch5": Floor(0.76),
    "conversations_batch3": Floor(0.63),
    "conversations_batch4": Floor(0.78),
    "understanding_batch6": Floor(0.78),
    "understanding_batch7": Floor(0.85),
    "conversations_batch5": Floor(0.75),
    "understanding_batch8": Floor(0.83),
    "conversations_batch6": Floor(0.79),
    "conversations_batch7": Floor(0.67),
    "understanding_batch9": Floor(0.73),
    "conversations_batch8": Floor(0.73),
    "understanding_batch10": Floor(0.76),
    "conversations_batch9": Floor(0.77),
    "understanding_batch11": Floor(0.80),
    "understanding_batch12": Floor(0.81),
    "conversations_batch10": Floor(0.79, sampled=0.73),  # its every-4th-play sample first scored 73.8%
    "understanding_batch13": Floor(0.82),
    "conversations_batch11": Floor(0.79),
}
#: The issue's target (#20) on the newest batch.
TARGET = 0.95

#: Reply files besides the one named that also write a kind's marker (none now: the local figures'
#: citation moved to the local phrasebook with the rest of the local answers' sentences).
ALSO_IN: Dict[str, Tuple[str, ...]] = {}


@dataclass(frozen=True)
class SourcedFigure:
    """A figure with its citation as the bot writes it (bot/render.py cite, pay_cite, outlook_cite):
    "(BLS, May 2024)", "(NAM, 2024)", "(BLS projections)". A definition's bare "(BLS)" is no figure."""

    publishers: Tuple[str, ...]

    def __str__(self) -> str:
        return "a sourced figure"

    def found(self, reply: str) -> List[str]:
        names = "|".join(re.escape(p) for p in self.publishers)
        return re.findall(rf"\((?:{names})(?:, [^()]*\d{{4}}| projections)\)", reply)

    def met(self, reply: str) -> bool:
        return bool(self.found(reply))


#: The leaving-school answers' phrasebook: the markers of four kinds live there.
LEAVING = "data/phrases/en/leaving.yml"

#: `answer: <kind>` -> (where the bot's text comes from, what a reply of that kind contains).
#: Each text is the bot's own and is said by no other kind of reply, so a reply of another kind
#: fails. test_markers_are_the_bots_own_words checks each text is still in the file named.
ANSWER_MARKERS: Dict[str, Tuple[str, OneOf]] = {
    # bot/answers/worries.py answer(): every worry reply (any topic) ends with _counselor_line,
    # "Your school counselor can help you make a plan, too." or "... They can help you make a plan."
    "worry": ("data/phrases/en/worries.yml", OneOf(("make a plan", "hacer un plan"))),
    # bot/answers/finder.py: the form's first question (ask_interest), the prefilled start, the
    # suggestions from stated likes (suggest_from_words) and its "tell me what you like" (the
    # finder phrasebook, English and Spanish).
    "finder": ("data/phrases/en/finder.yml", OneOf(("quick questions", "preguntas rápidas"))),
    # bot/answers/local.py answer(): the local figures' "Source: BLS OEWS, <release>, <area>."
    # (local.source), or, without a figure for the place, its question back or the national
    # answer's "higher or lower where you live" (the local phrasebook, English and Spanish).
    "local": (
        "data/phrases/en/local.yml",
        OneOf(
            (
                "BLS OEWS",
                "higher or lower where you live",
                "There is more than one",
                "I could not find",
                "Which job?",
                "puede haber más o menos vacantes",
                "Hay más de un lugar",
                "No encontré",
                "¿Cuál trabajo?",
            )
        ),
    ),
    # bot/answers/topics.py sources(): the attribution line that ends every sources answer (topics.about_data).
    "sources": ("data/phrases/en/topics.yml", OneOf(("About my data:",))),
    # bot/answers/forget.py privacy(): its heading (the phrasebook's privacy.intro).
    "privacy": ("data/phrases/en/privacy.yml", OneOf(tuple(say(lang, "privacy.intro") for lang in LANGUAGES))),
    # bot/answers/forget.py confirm_delete(): the question asked before anything is deleted (privacy.confirm).
    "delete": ("data/phrases/en/privacy.yml", OneOf(tuple(say(lang, "privacy.confirm") for lang in LANGUAGES))),
    # bot/answers/staff.py answer(): its heading (the phrasebook's staff.lead).
    "staff": ("data/phrases/en/staff.yml", OneOf(tuple(say(lang, "staff.lead") for lang in LANGUAGES))),
    # domain.yml utter_capabilities: its first sentence.
    "capabilities": ("domain.yml", OneOf(("I can tell you what manufacturing jobs are like",))),
    # domain.yml utter_greet.
    "greet": ("domain.yml", OneOf(("I'm the Manufacturing Careers assistant",))),
    # domain.yml utter_thank.
    "thanks": ("domain.yml", OneOf(("You're welcome!",))),
    # domain.yml utter_goodbye.
    "goodbye": ("domain.yml", OneOf(("Bye! Good luck exploring careers.",))),
    # domain.yml utter_iamabot.
    "bot": ("domain.yml", OneOf(("Yes, I'm a bot",))),
    # bot/answers/scope.py out_of_scope(): the lead of its explanation (not the fallback's "Sorry"),
    # worded in the phrasebook (data/phrases/en/scope.yml).
    "out_of_scope": ("data/phrases/en/scope.yml", OneOf(("That's outside what I can help with.",))),
    # bot/answers/figures.py _judge_pay (related jobs' pay), _judge_outlook (its closing line) or
    # _judge_amount (a wage the student stated: the jobs paid closest to it).
    "judge_figure": (
        "data/phrases/en/figures.yml",
        OneOf(
            (
                "Median pay of related jobs",
                "Even when a job grows slowly, openings come up",
                "Manufacturing jobs whose median pay is closest",
            )
        ),
    ),
    # bot/answers/counselor.py contact(): both its replies (with and without a school contact) end
    # with the phrasebook's counselor.only_a_bot.
    "counselor": (
        "data/phrases/en/counselor.yml",
        OneOf(tuple(say(lang, "counselor.only_a_bot") for lang in LANGUAGES)),
    ),
    # Leaving school (#25), in English and Spanish (the phrasebook's leaving book): what training
    # costs (its closing advice, leaving.cost_advice), safety at work (the injury rate's sentence,
    # leaving.injury_rates), the jobs quickest to start (the list's lead, leaving.quick_lead_*)
    # and starting in high school (leaving.in_school_*).
    "cost": (LEAVING, OneOf(("ask each one for its price after aid", "cuánto pagarías después de la ayuda"))),
    "safety": (LEAVING, OneOf(("injuries and illnesses for every", "lesiones y enfermedades por cada"))),
    "quick_start": (LEAVING, OneOf(("quickest to learn first:", "primero los que se aprenden más rápido:"))),
    "in_school": (LEAVING, OneOf(("can start in high school:", "empezar desde la preparatoria:"))),
}
#: `answer: myth` ("factory work is dirty and a dead end"): answered by bot/answers/myths.py from
#: the knowledge file's `myths`; a right reply gives at least one sourced figure (SourcedFigure)
#: and is not the generic worry reply (ANSWER_MARKERS["worry"]).
MYTH = "myth"
KINDS = set(ANSWER_MARKERS) | {MYTH}


#: Replies that harm when nobody asked for them (#25): the crisis reply and the question asked
#: before a chat is deleted. Every row and every turn of a conversation must be free of them
#: unless its expectation is that reply.
CRISIS_LEAD = "I'm really sorry you're going through this."
CONFIRM = say("en", "privacy.confirm")
#: The question before deleting, in every language (data/phrases/<language>/privacy.yml).
CONFIRMS = [say(lang, "privacy.confirm") for lang in LANGUAGES]
HARMFUL = {"delete": CONFIRMS, "distress": [CRISIS_LEAD]}


def batch(path: Path) -> List[dict]:
    """The rows of a batch. A conversation batch (#25: whole conversations of a ninth grader, a
    parent, a counselor, a senior) gives one row per turn, asked after the turns before it, its
    class the person and `conversation` its number. Every row has the harmful replies banned."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if "rows" in data:
        return [{**row, "not": row.get("not", []) + _harmful_unless(row["expect"])} for row in data["rows"]]
    rows = []
    for number, conversation in enumerate(data["conversations"]):
        said: List[str] = []
        for turn in conversation["turns"]:
            rows.append(
                {
                    "before": list(said),
                    "q": turn["say"],
                    "expect": turn["expect"],
                    "class": conversation["person"],
                    "conversation": number,
                    "not": _harmful_unless(turn["expect"]),
                }
            )
            said.append(turn["say"])
    return rows


def _harmful_unless(expect: dict) -> List[str]:
    """The harmful replies a row bans: all but the one it expects."""
    return [text for kind, texts in HARMFUL.items() if kind != expect.get("answer") for text in texts]


def expectation(kb, row: dict) -> Tuple[List[Text], List[Text]]:
    """(what the reply must contain, what it must not)."""
    ((key, value),) = row["expect"].items()
    if key != "answer":
        return needed(kb, row["expect"]), forbidden(kb, row)
    banned = list(row.get("not", []))  # the harmful replies, in a conversation batch
    if value == MYTH:
        publishers = tuple(dict.fromkeys(s.publisher for s in kb.meta.sources.values()))
        return [SourcedFigure(publishers)], [ANSWER_MARKERS["worry"][1], *banned]
    return [ANSWER_MARKERS[value][1]], banned


@dataclass
class Result:
    row: dict
    reply: str
    missing: list
    present: list

    @property
    def passed(self) -> bool:
        return not self.missing and not self.present


def verdict(kb, row: dict, reply: str) -> Result:
    wanted, banned = expectation(kb, row)
    ((key, _),) = row["expect"].items()
    return Result(row, reply, *judge(reply, wanted, banned, caseless=key in CASELESS))


def score(bot, kb, rows: List[dict]) -> List[Result]:
    """Each row judged on its reply, in row order. A conversation is played once and each turn
    judged on its own reply: the state replaying the turns before each turn would reach, with a
    quarter of the messages."""
    plays: Dict[object, List[int]] = defaultdict(list)  # a conversation's turns, or one row
    for n, row in enumerate(rows):
        plays[row.get("conversation", ("row", n))].append(n)

    def play(numbers: List[int]) -> List[Tuple[int, str]]:
        first = numbers[0]
        if "conversation" not in rows[first]:
            return [(first, converse(bot, rows[first], first))]
        me = uuid.uuid4().hex
        return [(n, as_student(bot, rows[n]["q"], first, me)) for n in numbers]

    with ThreadPoolExecutor(IN_FLIGHT) as pool:
        replies = dict(pair for pairs in pool.map(play, plays.values()) for pair in pairs)
    return [verdict(kb, rows[n], replies[n]) for n in range(len(rows))]


def _share(results: List[Result]) -> str:
    passed = sum(r.passed for r in results)
    return f"{passed}/{len(results)} ({passed / len(results):.1%})"


def _by(results: List[Result], what) -> List[Tuple[str, str]]:
    groups: Dict[str, List[Result]] = defaultdict(list)
    for r in results:
        groups[what(r.row)].append(r)
    worst_first = sorted(groups.items(), key=lambda g: (sum(r.passed for r in g[1]) / len(g[1]), g[0]))
    return [(name, _share(rs)) for name, rs in worst_first]


def _key(row: dict) -> str:
    ((key, value),) = row["expect"].items()
    return f"answer: {value}" if key == "answer" else key


def _expected(row: dict) -> str:
    ((key, value),) = row["expect"].items()
    return f"{key}: {', '.join(value) if isinstance(value, list) else value}"


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " / ")


def _brief(texts: list) -> str:
    """What was missing or forbidden, each text cut short (a role's summary is long)."""
    return "; ".join(t if len(t) <= 80 else t[:77] + "..." for t in map(str, texts))


def harmful(results: List[Result]) -> List[Result]:
    return [r for r in results if any(text in r.present for texts in HARMFUL.values() for text in texts)]


def report(name: str, results: List[Result], floor: float) -> str:
    """The batch's scores and failures as markdown."""
    lines = [
        f"## {name}",
        "",
        f"Overall: **{_share(results)}**; floor {floor:.0%}, target {TARGET:.0%}.",
        "",
        f"Harmful replies (a crisis reply or a delete question nobody asked for): {len(harmful(results))}.",
        "",
        "| Expectation | Passed |",
        "|---|---|",
        *(f"| {k} | {s} |" for k, s in _by(results, _key)),
        "",
        "| Class | Passed |",
        "|---|---|",
        *(f"| {k} | {s} |" for k, s in _by(results, lambda row: row["class"])),
        "",
        "| Class | Question | Expected | Missing / forbidden | Reply (first 200 characters) |",
        "|---|---|---|---|---|",
    ]
    for r in results:
        if r.passed:
            continue
        asked = " → ".join([*r.row.get("before", []), r.row["q"]])
        why = " ".join(
            ([f"missing: {_brief(r.missing)}."] if r.missing else [])
            + ([f"forbidden: {_brief(r.present)}."] if r.present else [])
        )
        lines.append(
            f"| {r.row['class']} | {_cell(asked)} | {_cell(_expected(r.row))} | {_cell(why)} | {_cell(r.reply[:200])} |"
        )
    return "\n".join(lines) + "\n"


def test_there_is_a_blind_batch_and_a_floor_for_each():
    assert BATCHES, "no tests/blind/understanding_batch*.yml"
    assert {p.stem for p in BATCHES} == set(FLOORS)


@pytest.mark.parametrize("path", BATCHES, ids=[p.stem for p in BATCHES])
def test_every_row_can_be_judged(kb, path):
    """One expectation per row, with a class, whose ids are in the knowledge file."""
    for row in batch(path):
        assert isinstance(row.get("q"), str) and row.get("class"), row
        assert len(row["expect"]) == 1, row
        ((key, value),) = row["expect"].items()
        if key == "answer":
            assert value in KINDS, row
        else:
            expectation(kb, row)  # raises for an unknown key or an id not in the knowledge file


def test_markers_are_the_bots_own_words():
    """Each marker is in the file it is said to come from and in no other reply file, so a reply
    of another kind cannot pass (and a changed reply text changes the table)."""
    files = [
        ROOT / "domain.yml",
        *sorted(ROOT.joinpath("bot", "answers").glob("*.py")),
        *sorted(ROOT.joinpath("data", "phrases").glob("*/*.yml")),
    ]
    # A phrase of any language counts as its English book's ("data/phrases/es/x.yml" -> ".../en/x.yml").
    sources = {f.relative_to(ROOT).as_posix(): f.read_text(encoding="utf-8") for f in files}
    for kind, (where, marker) in ANSWER_MARKERS.items():
        for text in marker.texts:
            found = {
                re.sub(r"^data/phrases/[a-z]+/", "data/phrases/en/", f) for f, src in sources.items() if text in src
            }
            assert where in found and set(found) <= {where, *ALSO_IN.get(kind, ())}, (kind, text, found)


def _row(**expect) -> dict:
    return {"q": "?", "expect": expect, "class": "plain"}


def test_a_harmful_reply_fails_its_turn_and_is_counted(kb):
    """A crisis reply to a worry about school is harm (#25), whatever kind of reply was expected."""
    row = {**_row(answer="worry"), "not": [CRISIS_LEAD, CONFIRM]}
    result = verdict(kb, row, CRISIS_LEAD + " Please talk to a trusted adult today.")
    assert not result.passed and harmful([result]) == [result]
    assert harmful([verdict(kb, row, "That's normal. Your school counselor can help you make a plan, too.")]) == []


def test_the_judge_fails_a_reply_of_another_kind_or_with_the_wrong_jobs(kb):
    worry = "That's normal. You don't have to decide today.\n\nYour school counselor can help you make a plan, too."
    assert verdict(kb, _row(answer="worry"), worry).passed
    assert not verdict(kb, _row(answer="finder"), worry).passed
    no_degree = "Jobs where you can start without a college degree:\n• Welder\n• Machinist\nAlso: woodworker."
    assert verdict(kb, _row(no_degree="all"), no_degree).passed
    # "Mechanical engineering technician" is not "Mechanical engineer"; a bachelor's job is.
    assert verdict(kb, _row(no_degree="all"), no_degree + " Mechanical engineering technicians too.").passed
    assert not verdict(kb, _row(no_degree="all"), no_degree + " Mechanical engineers too.").passed
    assert not verdict(kb, _row(no_degree="all"), "\n".join(r.title for r in kb.roles)).passed
    figure = "Welders earn a median of $51,000 a year (BLS, May 2024)."
    assert verdict(kb, _row(answer="myth"), figure).passed
    assert not verdict(kb, _row(answer="myth"), "Median: the middle value (BLS)").passed  # a definition
    assert not verdict(kb, _row(answer="myth"), f"{figure}\n{worry}").passed


def test_blind_understanding(bot, kb):
    sections, below = [], []
    for path in chosen(BATCHES):
        every = every_for(path, BATCHES)
        results = score(bot, kb, sample(batch(path), every))
        floor = FLOORS[path.stem].of(every)
        text = report(path.stem + described(every), results, floor)
        sections.append(text)
        print(f"\n{text}")
        passed = sum(r.passed for r in results) / len(results)
        if passed < floor:
            below.append(f"{path.stem}{described(every)}: {passed:.1%} < floor {floor:.0%} (target {TARGET:.0%})")
        if harmful(results):  # #25: the target is none, on every batch
            below.append(f"{path.stem}: {len(harmful(results))} harmful replies")
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text("# Blind understanding batches\n\n" + "\n".join(sections), encoding="utf-8")
    print(f"written to {REPORT.relative_to(ROOT)}")
    assert not below, "\n".join(below)
