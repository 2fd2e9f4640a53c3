"""Places (bot/understanding/places.py, data/lexicon/en/places.yml): states by name, abbreviation
or misspelling, cities and nicknames to their BLS metro areas, and never a guess."""

from __future__ import annotations

import pytest

from bot.understanding.places import Place, asks_where_most, find_place, resolve, two_places

STATE = {
    "what do machinists earn in Wisconsin": ("Wisconsin", "5500000"),
    "welder salary GA": ("Georgia", "1300000"),
    "welder pay TX?": ("Texas", "4800000"),
    "machinists in wisconson": ("Wisconsin", "5500000"),
    "welder pay in pensylvania": ("Pennsylvania", "4200000"),
    "cnc jobs in tennesee": ("Tennessee", "4700000"),
    "jobs in washington dc": ("the District of Columbia", "1100000"),
    "pay in Puerto Rico": ("Puerto Rico", "7200000"),
    "welders in new york": ("New York", "3600000"),
}
METRO = {
    "quality inspector pay in Charlotte": ("Charlotte-Concord-Gastonia, NC-SC", "0016740"),
    "in Philly": ("Philadelphia-Camden-Wilmington, PA-NJ-DE-MD", "0037980"),
    "what about nyc": ("New York-Newark-Jersey City, NY-NJ", "0035620"),
    "new york city welders": ("New York-Newark-Jersey City, NY-NJ", "0035620"),
    "welders in the Bay Area": ("San Francisco-Oakland-Fremont, CA", "0041860"),
    "jobs in kansas city": ("Kansas City, MO-KS", "0028140"),
    "pay in Columbus, OH": ("Columbus, OH", "0018140"),
    "welders in Columbus Georgia": ("Columbus, GA-AL", "0017980"),
    "Portland, Maine welders": ("Portland-South Portland, ME", "0038860"),
    "welders in portland": ("Portland-Vancouver-Hillsboro, OR-WA", "0038900"),
    "welders in Dayton": ("Dayton-Kettering-Beavercreek, OH", "0019430"),
    "in st. louis": ("St. Louis, MO-IL", "0041180"),
    "machinists in Anchorage": ("Anchorage, AK", "0011260"),
}


@pytest.mark.parametrize("text, expected", STATE.items())
def test_states_by_name_abbreviation_and_misspelling(text, expected):
    assert resolve(text) == Place("state", *expected)


@pytest.mark.parametrize("text, expected", METRO.items())
def test_cities_and_nicknames_are_their_metro_areas(text, expected):
    assert resolve(text) == Place("metro", *expected)


def test_a_name_with_several_metro_areas_is_ambiguous_and_a_name_we_lack_unknown():
    springfield = resolve("jobs in Springfield")
    assert springfield is not None
    assert springfield.kind == "ambiguous" and springfield.area is None
    assert springfield.options == ("Springfield, IL", "Springfield, MA", "Springfield, MO", "Springfield, OH")
    assert resolve("welders in Smallville") == Place("unknown", "Smallville")
    assert resolve("welding jobs near me") == Place("near", "your area")


@pytest.mark.parametrize("text", ["is welding good OK", "GA", "how much do welders make", "jobs in Aerospace"])
def test_no_place(text):
    assert resolve(text) is None and find_place(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("where do CNC operators earn the most", True),
        ("which state pays welders the most", True),
        ("best paying states for welders", True),
        ("where is the best place to learn welding", False),
        ("which jobs pay the most", False),
    ],
)
def test_where_a_job_pays_most(text, expected):
    assert asks_where_most(text) is expected


def test_spanish_state_names_come_from_the_second_file():
    assert resolve("¿cuánto ganan los soldadores en Carolina del Norte?") == Place("state", "North Carolina", "3700000")
    assert resolve("soldadores en pensilvania") == Place("state", "Pennsylvania", "4200000")


@pytest.mark.parametrize(
    "text, names",
    [
        ("machinists in Georgia vs Alabama", ("Georgia", "Alabama")),
        ("machinists in GA vs AL", ("Georgia", "Alabama")),
        ("welder pay Texas or Ohio", ("Texas", "Ohio")),
        (
            "welders in Philly and NYC",
            ("Philadelphia-Camden-Wilmington, PA-NJ-DE-MD", "New York-Newark-Jersey City, NY-NJ"),
        ),
        ("welders and machinists in ohio", None),
        ("welders in ohio vs ohio", None),
    ],
)
def test_two_places_compared(text, names):
    pair = two_places(text)
    assert (tuple(p.name for p in pair) if pair else None) == names


@pytest.mark.parametrize(
    "text",
    ["welder pay in 62704", "im in 45402", "my zip is 30301", "machinists near 30301-1234", "soldadores en 62704"],
)
def test_a_zip_code_is_a_place_we_ask_about_again(text):
    """No ZIP-to-area table ships with the project: a ZIP code is its own kind of place, named
    "your ZIP code" (never the code), and the answer asks for the state or city."""
    assert resolve(text) == Place("zip", "your ZIP code") and find_place(text) == "your ZIP code"


@pytest.mark.parametrize("text", ["is 45000 a year good", "would 52000 per year be enough", "welders in Dayton 45402"])
def test_a_wage_or_a_named_city_is_no_zip_code(text):
    found = resolve(text)
    assert found is None or found.kind != "zip"
