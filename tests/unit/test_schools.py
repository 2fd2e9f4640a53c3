"""The school registry (data/schools.yml): validation messages, lookups, counselor answers (the origins
each school allows: tests/unit/test_origins.py)."""

from __future__ import annotations

import copy

import pytest
import yaml

from bot import schools
from bot.answers import counselor, topics
from bot.answers.turn import Turn
from bot.tools import validate

LINCOLN = {
    "id": "lincoln-high",
    "name": "Lincoln High School",
    "greeting": "Hi Lions! Ask me about manufacturing jobs.",
    "accent": "#7A1F1F",
    "counselor": {
        "name": "Ms. Rivera",
        "email": "counselor@lincoln.example.org",
        "url": "https://lincoln.example.org/counseling",
    },
    "origins": ["https://Lincoln.example.org/", "https://sites.google.com"],
}
EVIL = "evil@attacker.example"


@pytest.fixture()
def write_schools(tmp_path):
    def write(data, name: str = "schools.yml"):
        path = tmp_path / name
        path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        return path

    return write


@pytest.fixture()
def registry_file(write_schools, monkeypatch):
    """A registry with Lincoln High and a school without contacts, used as SCHOOLS_FILE."""
    path = write_schools({"schools": [copy.deepcopy(LINCOLN), {"id": "no-contacts", "name": "Quiet High"}]})
    monkeypatch.setenv("SCHOOLS_FILE", str(path))
    monkeypatch.delenv("CHAT_ALLOWED_ORIGINS", raising=False)
    return path


def problems(write_schools, *entries):
    with pytest.raises(schools.SchoolsError) as caught:
        schools.load(write_schools({"schools": list(entries)}))
    return [p.describe() for p in caught.value.problems]


def registered(registry: schools.Registry, school_id: str) -> schools.School:
    """The school with this id (the test fails if there is none)."""
    found = registry.get(school_id)
    assert found is not None, f"{school_id} is not registered"
    return found


def school(**changes):
    entry = copy.deepcopy(LINCOLN)
    for key, value in changes.items():
        if value is None:
            entry.pop(key, None)
        else:
            entry[key] = value
    return entry


# --- the shipped registry ---------------------------------------------------------------------------------


def test_shipped_registry_loads_and_has_a_fake_demo_school():
    registry = schools.load(schools.DEFAULT_PATH)
    demo = registry.get("demo")
    assert demo is not None and demo.name
    email, url = demo.counselor.email, demo.counselor.url
    assert email is not None and url is not None
    assert email.endswith(".example.org") and ".example.org/" in url
    assert all(schools.SCHOOL_ID.fullmatch(i) for i in registry.ids)


def test_shipped_example_in_the_comments_is_valid(write_schools):
    """The commented example in data/schools.yml, uncommented, is a valid entry."""
    text = schools.DEFAULT_PATH.read_text(encoding="utf-8")
    lines = text.split('# Example (remove the leading "# " to use it):')[1].split("\nschools:")[0].splitlines()
    example = "\n".join(line[2:] if line.startswith("# ") else line.lstrip("#") for line in lines if line.strip())
    registry = schools.load(write_schools("schools:\n" + example))
    assert registered(registry, "lincoln-high").counselor.email == "counselor@lincoln.example.org"


def test_good_file_loads_normalised(write_schools):
    registry = schools.load(write_schools({"schools": [LINCOLN, {"id": "a1_b", "name": "A"}]}))
    lincoln = registered(registry, "lincoln-high")
    assert lincoln.accent == "#7a1f1f"
    assert lincoln.origins == ["https://lincoln.example.org", "https://sites.google.com"]
    assert lincoln.counselor.email == "counselor@lincoln.example.org"
    minimal = registered(registry, "a1_b")
    assert (minimal.greeting, minimal.accent, minimal.counselor.email, minimal.origins) == (None, None, None, [])
    assert registry.ids == ["lincoln-high", "a1_b"]


# --- precise problems ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "entry, expected",
    [
        (
            school(counselor={"email": "counselor at lincoln"}),
            "entry schools[lincoln-high], field counselor.email: 'counselor at lincoln' is not an email address",
        ),
        (
            school(counselor={"email": "a@b.org, evil@attacker.example"}),
            "entry schools[lincoln-high], field counselor.email: 'a@b.org, evil@attacker.example' is not an email",
        ),
        (
            school(counselor={"url": "javascript:alert(1)"}),
            "entry schools[lincoln-high], field counselor.url: 'javascript:alert(1)' is not a web address: "
            "it must start with https:// or http://",
        ),
        (
            school(counselor={"url": "lincoln.example.org/counseling"}),
            "entry schools[lincoln-high], field counselor.url: 'lincoln.example.org/counseling' is not a web address",
        ),
        (
            school(counselor={"url": "https://lincoln.example.org@attacker.example/"}),
            "entry schools[lincoln-high], field counselor.url: 'https://lincoln.example.org@attacker.example/' "
            "is not allowed",
        ),
        (
            school(counselor={"phone": "555-0100"}),
            "entry schools[lincoln-high], field counselor.phone: unknown field (check the spelling)",
        ),
        (school(accent="blue"), "entry schools[lincoln-high], field accent: 'blue' is not a colour: use #RRGGBB"),
        (school(accent="#7a1f1"), "entry schools[lincoln-high], field accent: '#7a1f1' is not a colour"),
        (
            school(origins=["https://lincoln.example.org/counseling"]),
            "entry schools[lincoln-high], field origins[1]: 'https://lincoln.example.org/counseling' is not an origin: "
            "no path",
        ),
        (
            school(origins=["https://ok.example.org", "lincoln.example.org"]),
            "entry schools[lincoln-high], field origins[2]: 'lincoln.example.org' is not an origin: "
            "it must start with https:// or http://",
        ),
        (
            school(origins=["ftp://lincoln.example.org"]),
            "entry schools[lincoln-high], field origins[1]: 'ftp://lincoln.example.org' is not an origin",
        ),
        (school(origins=["*"]), "entry schools[lincoln-high], field origins[1]: '*' is not an origin"),
        (
            school(origins=["https://user@lincoln.example.org"]),
            "entry schools[lincoln-high], field origins[1]: 'https://user@lincoln.example.org' is not an origin: "
            "no user name",
        ),
        (
            school(origins=["https://lincoln.example.org:99999"]),
            "entry schools[lincoln-high], field origins[1]: 'https://lincoln.example.org:99999' is not an origin: "
            "the port must be",
        ),
        (
            school(origins="https://lincoln.example.org"),
            "entry schools[lincoln-high], field origins: must be a list of origins",
        ),
        (school(id="Lincoln High"), "entry schools[Lincoln High], field id: 'Lincoln High' is not a school id"),
        (school(id="-lincoln"), "entry schools[-lincoln], field id: '-lincoln' is not a school id"),
        (school(id="x" * 65), f"entry schools[{'x' * 65}], field id: '{'x' * 65}' is not a school id"),
        (school(id=None), "entry schools[#1], field id: this required field is missing"),
        (school(name=None), "entry schools[lincoln-high], field name: this required field is missing"),
        (school(name=""), "entry schools[lincoln-high], field name: is empty"),
        (school(greeting="x" * 301), "entry schools[lincoln-high], field greeting: is too long: at most 300"),
        (school(greeting="Hi\nthere"), "entry schools[lincoln-high], field greeting: must be one line"),
        (school(colour="#7a1f1f"), "entry schools[lincoln-high], field colour: unknown field (check the spelling)"),
        (
            school(insights_token_sha256="my-secret-token"),
            "entry schools[lincoln-high], field insights_token_sha256: is not a SHA-256 hash",
        ),
    ],
)
def test_each_bad_entry_names_entry_and_field(write_schools, entry, expected):
    found = problems(write_schools, entry)
    assert any(p.startswith(expected) for p in found), found


def test_unquoted_colour_is_explained(write_schools):
    path = write_schools("schools:\n  - id: lincoln-high\n    name: Lincoln\n    accent: #7a1f1f\n")
    with pytest.raises(schools.SchoolsError) as caught:
        schools.load(path)
    assert [p.describe() for p in caught.value.problems] == [
        'entry schools[lincoln-high], field accent: is empty: write the colour in quotes, e.g. accent: "#7a1f1f" '
        "(in YAML an unquoted # starts a comment)"
    ]


def test_duplicate_ids_are_reported_with_every_other_problem(write_schools):
    found = problems(write_schools, school(), school(name="Other"), school(accent="red"))
    assert (
        "entry schools[lincoln-high], field id: duplicate id: school #2 in the list has the same id as "
        "school #1; each school needs its own id"
    ) in found
    assert any("school #3" in p for p in found)
    assert any(p.startswith("entry schools[lincoln-high], field accent: 'red'") for p in found)


def test_every_problem_is_listed_with_the_file(write_schools):
    path = write_schools({"schools": [school(accent="red"), school(id="b", counselor={"email": "nope"})]})
    with pytest.raises(schools.SchoolsError) as caught:
        schools.load(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: 2 problem(s) in the school registry")
    assert "entry schools[b], field counselor.email" in message


@pytest.mark.parametrize(
    "text, expected",
    [
        ("schools: [\n", "entry (file): YAML syntax error at line 2"),
        ("- just a list\n", "entry (file): the top level must be a mapping"),
        ("schools:\n  id: lincoln-high\n", "entry schools: must be a list of schools"),
        ("school:\n  - id: x\n    name: X\n", "entry school: unknown field (check the spelling)"),
        ("schools:\n  - just a name\n", "entry schools[#1]: each school must be a mapping"),
    ],
)
def test_file_level_problems(write_schools, text, expected):
    with pytest.raises(schools.SchoolsError) as caught:
        schools.load(write_schools(text))
    assert any(p.describe().startswith(expected) for p in caught.value.problems), caught.value


def test_missing_file(tmp_path):
    with pytest.raises(schools.SchoolsError, match="the file does not exist"):
        schools.load(tmp_path / "nope.yml")


def test_validate_checks_knowledge_and_registry(write_schools, capsys):
    from bot.knowledge.loader import DEFAULT_PATH

    bad = write_schools({"schools": [school(counselor={"email": "bad"})]})
    assert validate.main([str(DEFAULT_PATH), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "entry schools[lincoln-high], field counselor.email: 'bad' is not an email address" in err
    assert validate.main([str(DEFAULT_PATH), str(write_schools({"schools": [LINCOLN]}, "good.yml"))]) == 0
    assert "OK (1 school(s): lincoln-high; 2 allowed site origin(s), 0 program(s))" in capsys.readouterr().out


def test_validate_uses_schools_file_by_default(write_schools, monkeypatch, capsys):
    monkeypatch.setenv("SCHOOLS_FILE", str(write_schools({"schools": [school(accent="red")]})))
    assert validate.main([]) == 1
    assert "field accent: 'red' is not a colour" in capsys.readouterr().err


# --- lookups ---------------------------------------------------------------------------------------------


def test_school_id_pattern():
    assert schools.SCHOOL_ID.pattern == r"^[a-z0-9][a-z0-9_-]{0,63}$"
    for good in ("demo", "lincoln-high", "ps_118", "9th-street", "a" * 64):
        assert schools.SCHOOL_ID.fullmatch(good)
    for bad in ("", "Lincoln", "-x", "_x", "a b", "a" * 65, "lincoln-high\n", "é"):
        assert not schools.SCHOOL_ID.fullmatch(bad)


def test_lookup_and_display(registry_file):
    lincoln = schools.lookup("lincoln-high")
    assert lincoln is not None and lincoln.name == "Lincoln High School"
    for not_an_id in ("unknown-school", None, 3, {"name": "x"}, ["lincoln-high"], "Lincoln-High", "lincoln-high "):
        assert schools.lookup(not_an_id) is None
    assert schools.display("lincoln-high") == {
        "school": "lincoln-high",
        "name": "Lincoln High School",
        "greeting": LINCOLN["greeting"],
        "accent": "#7a1f1f",
        "language": "en",
    }
    assert schools.display("no-contacts")["greeting"] == schools.DEFAULT_GREETING
    assert schools.display("nope") == {
        "school": "",
        "name": "",
        "greeting": schools.DEFAULT_GREETING,
        "accent": schools.DEFAULT_ACCENT,
        "language": "en",
    }


def test_shared_registry_is_loaded_once(registry_file):
    assert schools.shared() is schools.shared()


# --- the counselor answer --------------------------------------------------------------------------------


def answer(knowledge, metadata):
    return counselor.contact(Turn(knowledge, "ask_counselor", "can I talk to a counselor", metadata=metadata)).text


def test_counselor_answer_uses_the_registry(knowledge, registry_file):
    text = answer(knowledge, {"school": "lincoln-high"})
    assert (
        "talk to Ms. Rivera at Lincoln High School: email counselor@lincoln.example.org or visit "
        "https://lincoln.example.org/counseling."
    ) in text


def test_shipped_demo_school_contact(knowledge, monkeypatch):
    monkeypatch.delenv("SCHOOLS_FILE", raising=False)
    demo = registered(schools.load(schools.DEFAULT_PATH), "demo")
    text = answer(knowledge, {"school": "demo"})
    assert f"email {demo.counselor.email}" in text and demo.name in text


@pytest.mark.parametrize(
    "metadata",
    [
        {
            "school": {
                "name": "Lincoln High School",
                "counselor": {"name": "Mr. Evil", "email": EVIL, "url": "https://attacker.example/"},
            }
        },
        {"school": {"counselor": {"email": EVIL}}},
        {"school": "lincoln-high", "counselor_email": EVIL, "counselor": {"email": EVIL}},
        {"school": "lincoln-high", "school_settings": {"counselor": {"email": EVIL}}},
        {"school": "demo", "counselor_email": EVIL, "greeting": f"Email {EVIL}"},
        {"school": f"lincoln-high {EVIL}"},
        {"school": ["lincoln-high", EVIL]},
    ],
)
def test_metadata_never_supplies_contact_details(knowledge, registry_file, metadata):
    text = answer(knowledge, metadata)
    assert "attacker" not in text and "Evil" not in text
    if metadata.get("school") == "lincoln-high":
        assert "counselor@lincoln.example.org" in text


@pytest.mark.parametrize(
    "metadata", [{}, {"school": "unknown-school"}, {"school": "no-contacts"}, {"school": None}, {"school": 7}]
)
def test_unknown_or_contactless_school_gets_the_neutral_reply(knowledge, registry_file, metadata):
    text = answer(knowledge, metadata)
    assert "ask at your school's counseling office" in text and "@" not in text


def test_school_contact_keeps_its_interface(registry_file):
    c = counselor.school_contact({"school": "lincoln-high"})
    assert isinstance(c, counselor.SchoolContact)
    assert (c.school, c.name, c.email, c.url) == (
        "Lincoln High School",
        "Ms. Rivera",
        "counselor@lincoln.example.org",
        "https://lincoln.example.org/counseling",
    )
    assert counselor.school_contact({"school": {"counselor": {"name": "Mr. Evil"}}}) == counselor.NO_CONTACT
    assert counselor.school_contact(None) == counselor.NO_CONTACT


def test_next_steps_name_the_registered_counselor_only(knowledge, registry_file):
    turn = Turn(knowledge, "ask_training", "how do I become a welder?", metadata={"school": "lincoln-high"})
    assert "Ask Ms. Rivera about CTE classes" in topics.training(turn).text
    forged = Turn(
        knowledge, "ask_training", "how do I become a welder?", metadata={"school": {"counselor": {"name": "Mr. Evil"}}}
    )
    assert "Mr. Evil" not in topics.training(forged).text


def test_insights_token_hash_is_optional_and_normalised(write_schools):
    digest = "AB" * 32
    registry = schools.load(
        write_schools({"schools": [dict(LINCOLN, insights_token_sha256=digest), {"id": "quiet", "name": "Quiet High"}]})
    )
    assert registered(registry, "lincoln-high").insights_token_sha256 == digest.lower()
    assert registered(registry, "quiet").insights_token_sha256 is None
