"""Where a school is (#22): a registry entry's `area` (a BLS state or metro area name) answers
"how much do welders make around here?" on that school's chat with that area's figures."""

from __future__ import annotations

import pytest
import yaml

from bot import school_places, schools
from bot.answers import local
from tests.unit.answers.conftest import turn


def write(tmp_path, **school) -> str:
    path = tmp_path / "schools.yml"
    path.write_text(yaml.safe_dump({"schools": [{"id": "dayton-high", "name": "Dayton High", **school}]}))
    return str(path)


def test_a_state_or_metro_area_as_bls_names_it_is_accepted(tmp_path):
    for area in ("Ohio", "dayton-kettering-beavercreek, oh"):
        school = schools.load(write(tmp_path, area=area), role_ids=[]).get("dayton-high")
        assert school is not None and school.area == area
    assert school_places.area_code("Ohio") == "3900000"


def test_an_area_bls_does_not_have_is_named_with_the_closest(tmp_path):
    with pytest.raises(schools.SchoolsError) as error:
        schools.load(write(tmp_path, area="Ohoi"), role_ids=[])
    assert "entry schools[dayton-high], field area: 'Ohoi' is not a state or metro area" in str(error.value)
    assert "did you mean 'ohio'" in str(error.value)


@pytest.fixture()
def dayton(tmp_path, monkeypatch):
    monkeypatch.setenv("SCHOOLS_FILE", write(tmp_path, area="Dayton-Kettering-Beavercreek, OH"))
    schools._load_once.cache_clear()
    yield {"school": "dayton-high"}
    schools._load_once.cache_clear()


def test_near_me_on_a_schools_chat_is_the_schools_area(knowledge, dayton):
    a = local.answer(turn(knowledge, "ask_local", "how much do welders make around here", metadata=dayton))
    assert "Dayton-Kettering-Beavercreek, OH" in a.text and "BLS OEWS" in a.text
    assert a.slots["place"] == "0019430"  # remembered for the questions that follow


def test_near_me_without_a_school_area_still_asks_where(knowledge, dayton):
    a = local.answer(turn(knowledge, "ask_local", "how much do welders make around here"))
    assert "Dayton" not in a.text
    named = local.answer(turn(knowledge, "ask_local", "how much do welders make in texas", metadata=dayton))
    assert "Texas" in named.text and "Dayton" not in named.text  # a place named wins
