"""Loading and validating the knowledge file: every broken file is refused with a message
that names the file, the entry and the field."""

from __future__ import annotations

import pytest

from bot.knowledge.loader import DEFAULT_PATH, load
from bot.knowledge.problems import KnowledgeError
from bot.knowledge.references import unused_sources
from bot.tools import validate
from tests.conftest import raw_role

FIXTURES = __import__("pathlib").Path(__file__).resolve().parent.parent / "fixtures"


def problems_of(path):
    with pytest.raises(KnowledgeError) as caught:
        load(path)
    return caught.value, [p.describe() for p in caught.value.problems]


def test_real_file_loads_and_cites_every_source():
    kb = load(DEFAULT_PATH)
    assert {r.id for r in kb.roles} >= {
        "manufacturing_engineer",
        "production_worker",
        "factory_manager",
        "robotics_technician",
        "automation_engineer",
        "data_analyst",
    }
    assert {s.id for s in kb.sectors} >= {"automotive", "aerospace", "electronics", "textiles", "food_processing"}
    assert unused_sources(kb) == []


def test_missing_required_field_names_entry_and_field(raw_knowledge, write_knowledge):
    del raw_role(raw_knowledge, "welder")["median_pay"]["source"]
    error, lines = problems_of(write_knowledge(raw_knowledge))
    assert "knowledge.yml" in str(error)
    assert lines == ["entry roles[welder], field median_pay.source: this required field is missing"]


def test_wrong_type_names_entry_and_field(raw_knowledge, write_knowledge):
    raw_role(raw_knowledge, "machinist")["median_pay"]["annual_usd"] = "lots"
    _, lines = problems_of(write_knowledge(raw_knowledge))
    assert lines == ["entry roles[machinist], field median_pay.annual_usd: value is not a valid integer"]


def test_every_problem_is_reported_at_once(raw_knowledge, write_knowledge):
    raw_role(raw_knowledge, "machinist")["median_pay"]["annual_usd"] = "lots"
    del raw_role(raw_knowledge, "welder")["summary"]
    raw_knowledge["meta"]["sources"]["onet"]["url"] = "not a url"
    _, lines = problems_of(write_knowledge(raw_knowledge))
    assert len(lines) == 3
    assert any(line.startswith("entry meta, field sources.onet.url") for line in lines)


def test_misspelt_field_is_an_error_not_ignored(raw_knowledge, write_knowledge):
    raw_role(raw_knowledge, "welder")["sumary"] = raw_role(raw_knowledge, "welder").pop("summary")
    _, lines = problems_of(write_knowledge(raw_knowledge))
    assert "entry roles[welder], field sumary: unknown field (check the spelling)" in lines


def test_unknown_role_in_sector(raw_knowledge, write_knowledge):
    next(s for s in raw_knowledge["sectors"] if s["id"] == "aerospace")["roles"].append("astronaut")
    _, lines = problems_of(write_knowledge(raw_knowledge))
    assert lines == ["entry sectors[aerospace], field roles: unknown role id 'astronaut'"]


def test_unknown_pathway_and_related_role(raw_knowledge, write_knowledge):
    raw_role(raw_knowledge, "welder")["pathway"] = "welding"
    raw_role(raw_knowledge, "welder")["related_roles"].append("blacksmith")
    _, lines = problems_of(write_knowledge(raw_knowledge))
    assert "entry roles[welder], field pathway: unknown pathway id 'welding'" in lines
    assert "entry roles[welder], field related_roles: unknown role id 'blacksmith'" in lines


def test_unknown_source_id(raw_knowledge, write_knowledge):
    raw_role(raw_knowledge, "welder")["outlook"]["source"] = "bls_ooh_wizards"
    _, lines = problems_of(write_knowledge(raw_knowledge))
    assert lines == [
        "entry roles[welder], field outlook.source: unknown source id 'bls_ooh_wizards' (add it to meta.sources)"
    ]


def test_duplicate_id(raw_knowledge, write_knowledge):
    copy_of_welder = dict(raw_role(raw_knowledge, "welder"), aliases=[], title="Welder two")
    raw_knowledge["roles"].append(copy_of_welder)
    _, lines = problems_of(write_knowledge(raw_knowledge))
    assert "entry roles[welder], field id: id 'welder' is used twice in roles" in lines


def test_alias_shared_by_two_entries(raw_knowledge, write_knowledge):
    raw_role(raw_knowledge, "machinist")["aliases"].append("Welding")
    _, lines = problems_of(write_knowledge(raw_knowledge))
    assert lines == ["entry roles[welder], field aliases: 'welding' is also a name of roles[machinist]"] or lines == [
        "entry roles[machinist], field aliases: 'Welding' is also a name of roles[welder]"
    ]


def test_description_shared_by_two_entries(raw_knowledge, write_knowledge):
    raw_role(raw_knowledge, "machinist")["described_as"] = ["the machines fixes"]  # same words, other order
    _, lines = problems_of(write_knowledge(raw_knowledge))
    assert lines == [
        "entry roles[maintenance_mechanic], field described_as: 'fixes the machines' also describes roles[machinist]"
    ]


def test_description_that_is_a_name_or_one_word(raw_knowledge, write_knowledge):
    raw_role(raw_knowledge, "machinist")["described_as"] = ["plant manager", "machining"]
    _, lines = problems_of(write_knowledge(raw_knowledge))
    assert lines == [
        "entry roles[machinist], field described_as: 'plant manager' is a name of roles[factory_manager]",
        "entry roles[machinist], field described_as: 'machining' is one word: make it an alias",
    ]


def test_bad_outlook_period(raw_knowledge, write_knowledge):
    raw_role(raw_knowledge, "welder")["outlook"]["period"] = "next ten years"
    _, lines = problems_of(write_knowledge(raw_knowledge))
    assert len(lines) == 1 and lines[0].startswith("entry roles[welder], field outlook.period:")


def test_yaml_syntax_error_gives_line():
    error, lines = problems_of(FIXTURES / "broken_syntax.yml")
    assert "broken_syntax.yml" in str(error)
    assert lines[0].startswith("entry (file): YAML syntax error at line 4")


def test_top_level_must_be_a_mapping():
    _, lines = problems_of(FIXTURES / "not_a_mapping.yml")
    assert lines == ["entry (file): the top level must be a mapping of sections"]


def test_missing_file(tmp_path):
    _, lines = problems_of(tmp_path / "nope.yml")
    assert lines == ["entry (file): the file does not exist"]


def test_missing_section(raw_knowledge, write_knowledge):
    del raw_knowledge["roles"]
    _, lines = problems_of(write_knowledge(raw_knowledge))
    assert lines == ["entry (top level), field roles: this required field is missing"]


def test_validate_command_prints_problems_and_fails(raw_knowledge, write_knowledge, capsys):
    raw_role(raw_knowledge, "welder")["median_pay"]["year"] = "last year"
    assert validate.main([str(write_knowledge(raw_knowledge))]) == 1
    err = capsys.readouterr().err
    assert "knowledge.yml" in err and "entry roles[welder], field median_pay.year" in err


def test_validate_command_passes_on_real_file(capsys):
    assert validate.main([]) == 0
    assert "OK (" in capsys.readouterr().out


def test_unused_source_is_reported(raw_knowledge, write_knowledge, capsys):
    raw_knowledge["meta"]["sources"]["spare"] = {
        "title": "x",
        "url": "https://example.org/",
        "published": "2024",
        "publisher": "X",
    }
    assert validate.main([str(write_knowledge(raw_knowledge))]) == 1
    assert "sources never cited: spare" in capsys.readouterr().err


def test_a_role_without_local_pay_is_reported(raw_knowledge, write_knowledge, capsys):
    raw_role(raw_knowledge, "welder")["id"] = "pipe_welder"  # an id the local pay extract does not have
    for section in ("pathways", "sectors"):
        for entry in raw_knowledge[section]:
            entry["roles"] = ["pipe_welder" if r == "welder" else r for r in entry["roles"]]
    for entry in raw_knowledge["roles"]:
        entry["related_roles"] = ["pipe_welder" if r == "welder" else r for r in entry.get("related_roles", [])]
    for risk in [*raw_knowledge["leaving_school"]["safety"]["risks"], *raw_knowledge["myths"]]:
        risk["roles"] = ["pipe_welder" if r == "welder" else r for r in risk.get("roles", [])]
    assert validate.main([str(write_knowledge(raw_knowledge))]) == 1
    assert "no local pay for roles pipe_welder: run `make oews`" in capsys.readouterr().err


# --- leaving school (#25): training times, costs, aid, safety --------------------------------


def test_leaving_school_section_is_required(raw_knowledge, write_knowledge):
    del raw_knowledge["leaving_school"]
    _, lines = problems_of(write_knowledge(raw_knowledge))
    assert any("leaving_school" in line and "required field is missing" in line for line in lines)


def test_training_time_must_be_a_bls_category(raw_knowledge, write_knowledge):
    raw_role(raw_knowledge, "welder")["on_the_job_training"] = {"category": "weeks", "year": 2022, "source": "onet"}
    _, lines = problems_of(write_knowledge(raw_knowledge))
    assert any("roles[welder]" in line and "on_the_job_training.category" in line for line in lines)


def test_training_time_needs_a_known_source(raw_knowledge, write_knowledge):
    raw_role(raw_knowledge, "machinist")["on_the_job_training"]["source"] = "nope"
    _, lines = problems_of(write_knowledge(raw_knowledge))
    assert any("roles[machinist]" in line and "unknown source id 'nope'" in line for line in lines)


def test_injury_rates_must_be_from_one_year(raw_knowledge, write_knowledge):
    raw_knowledge["leaving_school"]["safety"]["injury_rates"][1]["year"] = 2023
    _, lines = problems_of(write_knowledge(raw_knowledge))
    assert any("safety.injury_rates[1].year" in line and "cannot be compared" in line for line in lines)


def test_aid_and_risks_are_checked_like_the_rest(raw_knowledge, write_knowledge):
    ls = raw_knowledge["leaving_school"]
    ls["aid"][0]["source"] = "nope"
    ls["safety"]["risks"][0]["roles"] = ["astronaut"]
    _, lines = problems_of(write_knowledge(raw_knowledge))
    assert any("aid[0].source" in line and "unknown source id 'nope'" in line for line in lines)
    assert any("safety.risks[0]" in line and "unknown role id 'astronaut'" in line for line in lines)


def test_a_cost_figure_needs_its_year(raw_knowledge, write_knowledge):
    del raw_knowledge["leaving_school"]["costs"][2]["fact"]["year"]
    _, lines = problems_of(write_knowledge(raw_knowledge))
    assert any("costs" in line and "fact.year" in line for line in lines)


def test_every_figure_for_leavers_has_a_year_and_source():
    kb = load(DEFAULT_PATH)
    ls = kb.leaving_school
    facts = [c.fact for c in ls.costs if c.fact] + list(ls.aid)
    assert facts and all(f.year and f.source in kb.meta.sources for f in facts)
    assert ls.safety.injury_rates[0].industry == "Manufacturing"
    assert len({r.year for r in ls.safety.injury_rates}) == 1
    times = [r.on_the_job_training for r in kb.roles if r.on_the_job_training]
    assert times and all(t.source in kb.meta.sources for t in times if t)
