"""The knowledge file's Spanish texts (data/knowledge/es/manufacturing.yml, bot/knowledge/texts.py):
every entry has them, nothing else, the same figures, and `make validate` says where a problem is."""

from __future__ import annotations

import copy
import statistics
from pathlib import Path

import pytest
import textstat
import yaml

from bot.knowledge.loader import DEFAULT_PATH, load
from bot.knowledge.localise import name_key
from bot.knowledge.problems import KnowledgeError
from bot.knowledge.texts import load_localised, load_texts, texts_path
from bot.tools import validate

ES_PATH = texts_path("es")
RAW_ES = yaml.safe_load(ES_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def kb():
    return load()


@pytest.fixture(scope="module")
def es(kb):  # this module's own knowledge, loaded fresh (the shared one is session-wide)
    return load_localised(kb, "es")


@pytest.fixture()
def raw_es():
    return copy.deepcopy(RAW_ES)


def problems(kb, raw, tmp_path: Path):
    path = tmp_path / "es.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_texts(kb, "es", path)
    return [p.describe() for p in caught.value.problems]


def test_every_entry_has_spanish_text(kb):
    texts = load_texts(kb, "es")
    assert set(texts.roles) == {r.id for r in kb.roles}
    assert set(texts.sectors) == {s.id for s in kb.sectors}
    assert set(texts.glossary) == {g.id for g in kb.glossary}


def test_localised_keeps_the_figures_and_changes_the_words(kb):
    es = load_localised(kb, "es")
    for english, spanish in zip(kb.roles, es.roles, strict=True):
        assert (spanish.id, spanish.median_pay, spanish.outlook, spanish.onet_code) == (
            english.id,
            english.median_pay,
            english.outlook,
            english.onet_code,
        )
        assert spanish.summary != english.summary and spanish.tasks != english.tasks
        assert {english.title, *english.aliases} <= {spanish.title, *spanish.aliases}  # English names still work
    assert es.benchmarks == kb.benchmarks and es.meta.sources == kb.meta.sources
    assert load_localised(kb, "en") is kb
    welder = next(r for r in es.roles if r.id == "welder")
    assert welder.title == "Soldador"


@pytest.mark.parametrize(
    "role, name",
    [
        ("welder", "soldador"),
        ("welder", "soldadora"),
        ("welder", "soldadores"),
        ("machinist", "tornero"),
        ("forklift_operator", "operador de montacargas"),
        ("quality_inspector", "inspectora de calidad"),
        ("robotics_technician", "tecnico en robotica"),  # accents optional
    ],
)
def test_spanish_names_students_type(es, role, name):
    entry = next(r for r in es.roles if r.id == role)
    assert name_key(name) in {name_key(n) for n in [entry.title, *entry.aliases]}


def test_slang_is_not_an_alias():
    assert "chamba" not in ES_PATH.read_text(encoding="utf-8").lower()


def test_a_missing_entry_is_named(kb, raw_es, tmp_path):
    del raw_es["roles"]["welder"]
    assert problems(kb, raw_es, tmp_path) == [
        "entry roles[welder]: no text in this language (add the entry with the same id)"
    ]


def test_an_entry_the_english_file_lacks_is_named(kb, raw_es, tmp_path):
    raw_es["sectors"]["toys"] = raw_es["sectors"]["metals"]
    assert problems(kb, raw_es, tmp_path) == [
        "entry sectors[toys]: no entry with this id in the English knowledge file"
    ]


def test_an_empty_text_is_named(kb, raw_es, tmp_path):
    raw_es["roles"]["welder"]["summary"] = "  "
    found = problems(kb, raw_es, tmp_path)
    assert len(found) == 1 and found[0].startswith("entry roles[welder], field summary:")


def test_a_changed_figure_is_named(kb, raw_es, tmp_path):
    raw_es["economy"]["employment"]["statement"] = (
        "Los fabricantes tenían unos 13.8 millones de empleos en mayo de 2024."
    )
    figures = "figures ['13.8', '2024'] differ from the English text's ['12.8', '2024']"
    assert problems(kb, raw_es, tmp_path) == [f"entry economy[employment], field statement: {figures}"]


def test_a_missing_task_is_named(kb, raw_es, tmp_path):
    raw_es["roles"]["machinist"]["tasks"].pop()
    assert problems(kb, raw_es, tmp_path) == [
        "entry roles[machinist], field tasks: 4 item(s), the English file has 5 (one for one, same order)"
    ]


def test_a_misspelled_field_is_named(kb, raw_es, tmp_path):
    raw_es["roles"]["welder"]["sumary"] = raw_es["roles"]["welder"].pop("summary")
    assert set(problems(kb, raw_es, tmp_path)) == {
        "entry roles[welder], field summary: this required field is missing",
        "entry roles[welder], field sumary: unknown field (check the spelling)",
    }


def test_a_spanish_name_of_two_entries_is_named(kb, raw_es, tmp_path):
    raw_es["roles"]["cnc_operator"]["aliases"].append("tornero")
    found = problems(kb, raw_es, tmp_path)
    assert found == ["entry roles[cnc_operator], field aliases: 'tornero' is also a name of roles[machinist]"]


def test_a_spanish_glossary_word_of_two_terms_is_named(kb, raw_es, tmp_path):
    raw_es["glossary"]["job_outlook"]["aliases"].append("mediana")
    found = problems(kb, raw_es, tmp_path)
    assert found == ["entry glossary[job_outlook], field aliases: 'mediana' is also a name of glossary[median_pay]"]


def test_validate_reports_the_spanish_file(raw_knowledge, write_knowledge, raw_es, capsys):
    english = write_knowledge(raw_knowledge)
    spanish = texts_path("es", english)
    spanish.parent.mkdir()
    del raw_es["glossary"]["median_pay"]
    spanish.write_text(yaml.safe_dump(raw_es, allow_unicode=True), encoding="utf-8")
    assert validate.main([str(english), str(DEFAULT_PATH.parents[1] / "schools.yml")]) == 1
    assert "entry glossary[median_pay]: no text in this language" in capsys.readouterr().err


def test_validate_without_a_spanish_file_fails(raw_knowledge, write_knowledge, capsys):
    english = write_knowledge(raw_knowledge)
    assert validate.main([str(english), str(DEFAULT_PATH.parents[1] / "schools.yml")]) == 1
    assert "es/knowledge.yml" in capsys.readouterr().err


def test_the_spanish_texts_read_fairly_easily():
    """INFLESZ (Szigriszt-Pazos; textstat, offline): 65-80 is "bastante fácil" (fairly easy)."""
    textstat.set_lang("es")
    try:
        summaries = [
            v["summary"] for section in ("pathways", "sectors", "roles", "training") for v in RAW_ES[section].values()
        ]
        summaries += [v["definition"] for v in RAW_ES["glossary"].values()]
        scores = [textstat.szigriszt_pazos(text) for text in summaries]
    finally:
        textstat.set_lang("en_US")
    assert statistics.median(scores) >= 65
    assert min(scores) >= 40


def test_leaving_school_has_spanish_words_and_the_english_figures(kb, es):
    english, spanish = kb.leaving_school, es.leaving_school
    assert [c.route for c in spanish.costs] != [c.route for c in english.costs]
    facts = [(a.fact, b.fact) for a, b in zip(english.costs, spanish.costs, strict=True) if a.fact or b.fact]
    assert facts and all((a.year, a.source) == (b.year, b.source) and a.statement != b.statement for a, b in facts)
    for a, b in zip(english.safety.injury_rates, spanish.safety.injury_rates, strict=True):
        assert (b.cases_per_100, b.year, b.source) == (a.cases_per_100, a.year, a.source) and b.industry != a.industry
    assert [(r.roles, r.source) for r in spanish.safety.risks] == [(r.roles, r.source) for r in english.safety.risks]
    assert spanish.safety.training_source == english.safety.training_source
    assert [(f.year, f.source) for f in spanish.aid] == [(f.year, f.source) for f in english.aid]
    assert "$7,395" in spanish.aid[0].statement and spanish.aid[0].statement != english.aid[0].statement
    assert len(spanish.first_steps) == len(english.first_steps) and spanish.first_steps != english.first_steps


@pytest.mark.parametrize(
    "change, problem",
    [
        (
            lambda ls: ls["first_steps"].pop(),
            "entry leaving_school, field first_steps: 4 item(s), the English file has 5 (one for one, same order)",
        ),
        (
            lambda ls: ls["safety"]["injury_rates"].pop(),
            "entry leaving_school, field safety.injury_rates: 4 item(s), the English file has 5 "
            "(one for one, same order)",
        ),
        (
            lambda ls: ls["aid"][0].update(statement="Lo máximo para el año escolar 2025-26 era $7,359."),
            "entry leaving_school, field aid[0].statement: figures ['2025', '26', '7,359'] differ from "
            "the English text's ['2025', '26', '7,395']",
        ),
        (
            lambda ls: ls["costs"][2].pop("fact"),
            "entry leaving_school, field costs[2].fact: missing in this language (the English file has it)",
        ),
        (
            lambda ls: ls["safety"]["risks"][0].update(hazards="Metal a 1,000 grados."),
            "entry leaving_school, field safety.risks[0].hazards: figures ['1,000'] differ from the English text's []",
        ),
    ],
)
def test_a_leaving_school_problem_is_named(kb, raw_es, tmp_path, change, problem):
    change(raw_es["leaving_school"])
    assert problems(kb, raw_es, tmp_path) == [problem]


def test_a_missing_leaving_school_section_is_named(kb, raw_es, tmp_path):
    del raw_es["leaving_school"]
    assert problems(kb, raw_es, tmp_path) == ["entry (top level), field leaving_school: this required field is missing"]
