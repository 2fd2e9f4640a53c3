"""A school's own programs in the registry (bot/school_programs.py): validation names the school,
the program and the field; good entries load."""

from __future__ import annotations

import copy

import pytest
import yaml

from bot import school_programs, schools
from bot.tools import validate

WELDING = {
    "kind": "cte_course",
    "name": "Welding I and II",
    "description": "Two years of shop welding.",
    "roles": ["welder"],
    "link": "https://lincoln.example.org/cte/welding",
}
ROLES = {"welder", "machinist", "cnc_operator"}


def entry(*programs) -> dict:
    return {"id": "lincoln-high", "name": "Lincoln High School", "programs": [copy.deepcopy(p) for p in programs]}


def program(**changes) -> dict:
    item = copy.deepcopy(WELDING)
    for key, value in changes.items():
        if value is None:
            item.pop(key, None)
        else:
            item[key] = value
    return item


@pytest.fixture()
def write(tmp_path):
    def write(*schools_):
        path = tmp_path / "schools.yml"
        path.write_text(yaml.safe_dump({"schools": list(schools_)}, sort_keys=False), encoding="utf-8")
        return path

    return write


def problems(write, *programs) -> list:
    with pytest.raises(schools.SchoolsError) as caught:
        schools.load(write(entry(*programs)), ROLES)
    return [p.describe() for p in caught.value.problems]


def test_good_programs_load_in_order_with_their_fields(write):
    fair = {"kind": "event", "name": "Manufacturing Day tour", "description": "A plant tour in October."}
    registry = schools.load(write(entry(WELDING, fair)), ROLES)
    lincoln = registry.get("lincoln-high")
    assert lincoln is not None
    first, second = lincoln.programs
    assert (first.kind, first.name, first.roles, first.link) == (
        "cte_course",
        "Welding I and II",
        ["welder"],
        "https://lincoln.example.org/cte/welding",
    )
    assert (first.key, first.kind_name) == ("welding-i-and-ii", "CTE course")
    assert (second.roles, second.link) == ([], None)  # open to every job, no page
    assert school_programs.for_role(lincoln.programs, "welder") == [first]


def test_a_school_without_programs_has_none(write):
    registry = schools.load(write({"id": "quiet", "name": "Quiet High"}), ROLES)
    assert registry.get("quiet").programs == []  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"kind": "class"}, "field programs[Welding I and II].kind: 'class' is not a kind of program: use one of"),
        ({"kind": None}, "field programs[Welding I and II].kind: this required field is missing"),
        ({"name": None}, "field programs[#1].name: this required field is missing"),
        ({"name": "x" * 81}, "field programs[" + "x" * 81 + "].name: is too long: at most 80 characters"),
        ({"description": ""}, "field programs[Welding I and II].description: is empty: write a value here"),
        ({"description": "a\nb"}, "field programs[Welding I and II].description: must be one line of plain text"),
        ({"roles": "welder"}, "field programs[Welding I and II].roles: must be a list of role ids"),
        (
            {"roles": ["weldr"]},
            "field programs[Welding I and II].roles[1]: 'weldr' is not a role (did you mean welder?)",
        ),
        ({"roles": ["welder", "astronaut"]}, "field programs[Welding I and II].roles[2]: 'astronaut' is not a role"),
        (
            {"link": "http://lincoln.example.org/w"},
            "field programs[Welding I and II].link: 'http://lincoln.example.org/w' must start with https://",
        ),
        (
            {"link": "javascript:alert(1)"},
            "field programs[Welding I and II].link: 'javascript:alert(1)' must start with https://",
        ),
        ({"link": "https://evil@x.example.org/"}, "is not a plain web address"),
        ({"link": "https://localhost/"}, "has no valid site name"),
        ({"colour": "red"}, "field programs[Welding I and II].colour: unknown field (check the spelling)"),
    ],
)
def test_each_problem_names_school_program_and_field(write, changes, message):
    found = problems(write, program(**changes))
    assert any(p.startswith("entry schools[lincoln-high], ") and message in p for p in found), found


def test_every_problem_is_reported_at_once(write):
    found = problems(write, program(kind="class", roles=["weldr"]), program(name="welding i AND ii"))
    assert len(found) == 3, found
    assert any("programs[welding i AND ii].name: the same name as program 'Welding I and II'" in p for p in found)


def test_programs_must_be_a_list(write):
    with pytest.raises(schools.SchoolsError) as caught:
        schools.load(write({"id": "a", "name": "A", "programs": "welding"}), ROLES)
    assert "entry schools[a], field programs: must be a list of programs" in str(caught.value)


def test_roles_are_checked_against_the_knowledge_file(write, capsys, tmp_path):
    """`make validate` checks the roles against the knowledge file it checks (not a list of our own)."""
    from bot.knowledge.loader import DEFAULT_PATH

    good = write(entry(program(roles=["welder", "boilermaker"])))
    assert validate.main([str(DEFAULT_PATH), str(good)]) == 0
    assert "1 program(s)" in capsys.readouterr().out
    bad = write(entry(program(roles=["welding"])))
    assert validate.main([str(DEFAULT_PATH), str(bad)]) == 1
    assert "field programs[Welding I and II].roles[1]: 'welding' is not a role (did you mean welder?)" in (
        capsys.readouterr().err
    )
    assert "boilermaker" in (school_programs.known_role_ids(DEFAULT_PATH) or ())
    assert school_programs.known_role_ids(tmp_path / "missing.yml") is None


def test_the_shipped_demo_programs_are_marked_as_examples():
    demo = schools.load(schools.DEFAULT_PATH).get("demo")
    assert demo is not None and demo.programs
    for p in demo.programs:
        assert "(example)" in p.name and (p.link is None or ".example.org/" in p.link), p
