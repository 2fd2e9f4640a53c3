"""'Can I talk to a counselor?' (bot/answers/counselor.py): the school's contact from the school
registry, only the ways to reach them that are registered, never details from the message.
(Registry validation and forged metadata: tests/unit/test_schools.py.)"""

from __future__ import annotations

import pytest
import yaml

from bot.answers import counselor

from .conftest import turn


@pytest.fixture()
def registry(tmp_path, monkeypatch):
    """Schools whose counselor gives only some details, used as SCHOOLS_FILE."""
    schools = [
        {"id": "page-only", "name": "Page High", "counselor": {"url": "https://page.example.org/"}},
        {"id": "email-only", "name": "Mail High", "counselor": {"name": "Mr. Mail", "email": "mail@mail.example.org"}},
        {"id": "unnamed", "name": "Quiet High", "counselor": {"email": "office@quiet.example.org"}},
    ]
    path = tmp_path / "schools.yml"
    path.write_text(yaml.safe_dump({"schools": schools}, sort_keys=False), encoding="utf-8")
    monkeypatch.setenv("SCHOOLS_FILE", str(path))
    return path


def contact(knowledge, metadata):
    return counselor.contact(turn(knowledge, "ask_counselor", "can I talk to a counselor", metadata=metadata))


def test_demo_school_names_its_counselor_with_email_and_page(knowledge, monkeypatch):
    monkeypatch.delenv("SCHOOLS_FILE", raising=False)
    answer = contact(knowledge, {"school": "demo"})
    assert answer.text == (
        "For advice about your own plans, talk to Ms. Example (demo counselor) at Demo High School: "
        "email counselor@demo-school.example.org or visit https://demo-school.example.org/counseling. "
        "I'm a bot, so I can't pass on messages."
    )
    assert [b.payload for b in answer.buttons] == ["/ask_training", "/ask_roles"] and answer.sources == []


@pytest.mark.parametrize(
    "school, expected, absent",
    [
        ("page-only", "talk to your school counselor at Page High: visit https://page.example.org/.", "email"),
        ("email-only", "talk to Mr. Mail at Mail High: email mail@mail.example.org.", "visit"),
        ("unnamed", "talk to your school counselor at Quiet High: email office@quiet.example.org.", "visit"),
    ],
)
def test_only_the_registered_ways_to_reach_the_counselor_are_offered(knowledge, registry, school, expected, absent):
    text = contact(knowledge, {"school": school}).text
    assert expected in text and absent not in text


def test_without_a_school_the_student_is_sent_to_the_counseling_office(knowledge):
    answer = contact(knowledge, {})
    assert answer.text.startswith("Your school counselor is the best person to help with your own plans.")
    assert "ask at your school's counseling office" in answer.text and "@" not in answer.text
    assert [b.title for b in answer.buttons] == ["How do I get started?", "Jobs in manufacturing"]


def test_school_contact_reads_only_a_school_id_from_metadata(registry):
    assert counselor.school_contact({"school": "email-only"}) == counselor.SchoolContact(
        "Mail High", "Mr. Mail", "mail@mail.example.org", ""
    )
    assert counselor.school_contact("email-only") == counselor.NO_CONTACT  # not metadata
    assert counselor.school_contact({"school": "Email-Only"}) == counselor.NO_CONTACT
