"""Entity linking from the knowledge file: aliases, plurals, typos, and no false matches."""

from __future__ import annotations

import pytest

from bot.knowledge.loader import load
from bot.understanding.linking import Linker
from bot.understanding.vocabulary import question_words


@pytest.fixture(scope="module")
def linker(knowledge):
    return knowledge.reader.linker


def kinds_ids(links):
    return [(m.kind, m.id) for m in links.mentions]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("what does a plant manager do", ("role", "factory_manager")),
        ("I want to be an assembler", ("role", "production_worker")),
        ("line worker pay", ("role", "production_worker")),
        ("is a millwright a good job", ("role", "maintenance_mechanic")),
        ("QC inspector", ("role", "quality_inspector")),
        ("tell me about the auto industry", ("sector", "automotive")),
        ("computer chips", ("sector", "electronics")),
        ("the quality assurance pathway", ("pathway", "quality_assurance")),
        ("what is 3D printing", ("technology", "additive")),
        ("are cobots safe", ("technology", "robots")),
        ("how big is the skills gap", ("economy", "skills_gap")),
        ("what is SkillsUSA", ("training", "student_orgs")),
    ],
)
def test_aliases(linker, text, expected):
    assert kinds_ids(linker.link(text)) == [expected]


@pytest.mark.parametrize(
    "text, role",
    [
        ("how much do welders make", "welder"),
        ("Machinists", "machinist"),
        ("what do CNC operators do", "cnc_operator"),
        ("robotics technicians", "robotics_technician"),
        ("Data Analysts in factories", "data_analyst"),
    ],
)
def test_plurals_and_case(linker, text, role):
    assert kinds_ids(linker.link(text)) == [("role", role)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("how much do weldrs make", ("role", "welder")),
        ("what does a machinst do", ("role", "machinist")),
        ("robotic technition", ("role", "robotics_technician")),
        ("plant manger salary", ("role", "factory_manager")),
        ("industrial enginering tech", ("role", "industrial_engineering_technician")),
        ("aerospase jobs", ("sector", "aerospace")),
        ("apprentiships", ("training", "apprenticeship")),
    ],
)
def test_typos(linker, text, expected):
    assert kinds_ids(linker.link(text)) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "where is the bathroom",
        "I like pizza",
        "what time is it",
        "my dog is cute",
        "can you help me with my homework",
        "how much",
        "what about it",
        "hello there",
        "make money fast",
        "is it hard",
        "what should I eat",
        "where do you live",
        "i am bored",
        "what is the weather like",
        "tell me a joke",
        "the game was fun",
        "maker space",
    ],
)
def test_no_false_matches(linker, text):
    # a job we do not cover ("space": a near name) is no match: it is never answered for
    assert [m for m in linker.link(text).mentions if m.kind != "near_role"] == []


def test_several_roles_in_order(linker):
    assert kinds_ids(linker.link("welder vs machinist")) == [("role", "welder"), ("role", "machinist")]


def test_longest_name_wins(linker):
    assert kinds_ids(linker.link("robotics technician")) == [("role", "robotics_technician")]
    assert kinds_ids(linker.link("robotics")) == [("technology", "robots")]


def test_bare_job_word_is_ambiguous_not_guessed(linker):
    links = linker.link("how much do engineers make")
    assert links.mentions == []
    (engineers,) = links.ambiguous
    assert engineers[:2] == ("manufacturing_engineer", "automation_engineer")
    assert {"mechanical_engineer", "chemical_engineer", "aerospace_engineer", "health_safety_engineer"} <= set(
        engineers
    )
    assert all(role_id.endswith("_engineer") for role_id in engineers)


def test_a_job_word_that_only_one_role_uses_is_offered_not_guessed(linker):
    # "painter" ends "spray painter", "driver" ends "forklift driver": offered as a choice
    assert linker.link("how much do painters make").ambiguous == [("painting_coating_worker",)]
    assert linker.link("how much do drivers make").ambiguous == [("forklift_operator",)]


def test_unknown_job_is_reported(linker):
    links = linker.link("how much do zookeepers make")
    assert links.mentions == [] and links.unknown_words == ["zookeepers"]


def test_a_job_we_do_not_cover_is_named_by_its_near_name(linker):
    # "astronauts" is a near name of the aerospace engineer in the knowledge file
    links = linker.link("how much do astronauts make")
    assert kinds_ids(links) == [("near_role", "aerospace_engineer")] and links.unknown_words == []


@pytest.mark.parametrize("text", ["i love chemistry", "i work at a bakery", "i keep skipping class", "my inventory"])
def test_a_one_word_near_name_is_no_typo_of_an_everyday_word(linker, text):
    """ "chemist", "baker", "shipping", "inventor" are matched as written, never by typo."""
    assert not linker.link(text).ids("near_role")


def test_a_job_word_after_a_near_name_is_part_of_that_job(linker):
    # "warehouse WORKER" is no choice among our workers: the whole is a job we do not cover
    links = linker.link("how much do warehouse workers make")
    assert links.ids("near_role") == ["forklift_operator"] and links.ambiguous == []
    assert links.unknown_words == ["workers"]


def test_question_words_are_not_unknown(linker):
    assert linker.link("what's the salary and the pay like").unknown_words == []


def test_career_outside_manufacturing(linker):
    assert kinds_ids(linker.link("I want to be a nurse")) == [("other_career", "0")]


def test_role_added_to_the_file_is_recognised_without_retraining(raw_knowledge, write_knowledge, nlp):
    raw_knowledge["roles"].append(
        dict(
            raw_knowledge["roles"][0],
            id="tool_designer",
            title="Tool designer",
            aliases=["jig designer"],
            described_as=[],
        )
    )
    kb = load(write_knowledge(raw_knowledge))
    linker = Linker(kb, nlp, question_words())
    assert kinds_ids(linker.link("what do jig designers do")) == [("role", "tool_designer")]
    assert kinds_ids(linker.link("tool desginer pay")) == [("role", "tool_designer")]


@pytest.mark.parametrize("typo", ["educaton", "growin", "wat", "mak", "certifcations", "outlok"])
def test_misspelt_question_words_are_not_unknown_jobs(linker, typo):
    assert linker.link(f"{typo} do welders need").unknown_words == []


@pytest.mark.parametrize("job", ["barber", "dancer", "cashier", "janitor", "florist", "lifeguard"])
def test_real_job_words_stay_unknown_despite_typo_tolerance(linker, job):
    assert linker.link(f"how much do {job} make").unknown_words == [job]


# -- look-alike words, full titles, industry words inside titles -----------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        ("tell me about automotive", [("sector", "automotive")]),
        ("what is automation", [("technology", "robots")]),
        ("automotive and automation", [("sector", "automotive"), ("technology", "robots")]),
        ("the automotve industry", [("sector", "automotive")]),  # a typo still links
    ],
)
def test_automotive_is_not_automation(linker, text, expected):
    assert kinds_ids(linker.link(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "how much do automotive engineers make",
        "automotive technician pay",
        "the automation industry",
        "automated machines",
        "automatic cars",
    ],
)
def test_fuzzy_matching_never_joins_look_alikes(linker, text):
    links = linker.link(text)
    ids = kinds_ids(links)
    assert ("role", "automation_engineer") not in ids and ("role", "robotics_technician") not in ids
    if "automation" in text:
        assert ("sector", "automotive") not in ids
    if "automotive" in text:
        assert ("technology", "robots") not in ids


@pytest.mark.parametrize(
    "text, role",
    [
        ("how much does an industrial engineering technician make", "industrial_engineering_technician"),
        ("what's the median pay for quality control inspectors", "quality_inspector"),
        ("how much do occupational health and safety specialists earn", "safety_specialist"),
        ("salary of an industrial maintenance mechanic", "maintenance_mechanic"),
        ("how much does a manufacturing data analyst make", "data_analyst"),
        ("how much does an industrial production manager make", "factory_manager"),
        ("industrial engineer technician pay", "industrial_engineering_technician"),  # a near form of the title
    ],
)
def test_full_titles_link_to_the_role_only(linker, text, role):
    links = linker.link(text)
    assert links.ids("role") == [role]
    assert links.ids("sector") == [] and links.ids("pathway") == []


@pytest.mark.parametrize(
    "text, role, sector",
    [
        ("food production workers", "production_worker", "food_processing"),
        ("metal fabrication welder", "welder", "metals"),
        ("chemical manufacturing engineer", "manufacturing_engineer", "chemicals"),
    ],
)
def test_industry_words_inside_a_title_leave_the_job(linker, text, role, sector):
    links = linker.link(text)
    assert links.ids("role") == [role]
    assert links.ids("sector") in ([], [sector])


def test_quality_control_inspector_is_a_role_not_the_quality_pathway(linker):
    assert kinds_ids(linker.link("quality control inspectors")) == [("role", "quality_inspector")]


@pytest.mark.parametrize(
    "text, unknown",
    [
        ("how much does an interior designer make", ["interior", "designer"]),
        ("what does a software engineer do", ["software", "engineer"]),
        ("how much do bus drivers make", ["bus", "drivers"]),
    ],
)
def test_a_word_before_a_job_word_makes_another_job(linker, text, unknown):
    links = linker.link(text)
    assert links.mentions == [] and links.ambiguous == [] and links.unknown_words == unknown


@pytest.mark.parametrize("word", ["paycheck", "earnings", "income", "hourly", "rate", "range", "typical", "median"])
def test_pay_words_are_question_words(linker, word):
    assert linker.link(f"what's the {word}").unknown_words == []


def test_a_level_word_before_a_job_word_keeps_the_choice(linker):
    links = linker.link("how much do entry level engineers make")
    assert links.unknown_words == [] and links.ambiguous[0][:2] == ("manufacturing_engineer", "automation_engineer")


def test_a_very_long_word_is_read_without_error(linker):
    """A 500-letter "word" once ran past the last typo cutoff (StopIteration inside Rasa)."""
    assert linker.link("x" * 500).mentions == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("i have a question", []),  # spaCy lemmatises "ai" as "have": "have" is no mention of AI
        ("does my school have anything for welders", [("role", "welder")]),
        ("do you have info on machinists", [("role", "machinist")]),
        ("what does ai do in factories", [("technology", "ai_vision")]),
        ("tell me about AI", [("technology", "ai_vision")]),
    ],
)
def test_a_word_whose_lemma_is_another_word_is_not_that_word(linker, text, expected):
    assert kinds_ids(linker.link(text)) == expected


@pytest.mark.parametrize(
    "text, roles",
    [
        ("what do the big machines in a plant do", []),
        ("machines and robots", []),
        ("is machining hard to learn", ["machinist"]),
        ("how much do machinists make", ["machinist"]),
    ],
)
def test_a_machine_is_no_machinist(knowledge, text, roles):
    assert knowledge.reader.read(text).ids("role") == roles
