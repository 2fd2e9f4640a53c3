"""Jobs and industries described instead of named (`described_as`, issue #20): the linker finds
them with small variations, never in unrelated sentences, and a title always wins."""

from __future__ import annotations

import pytest

from bot.knowledge.references import descriptions_of_entries
from bot.understanding.descriptions import DESCRIPTION_SCORE
from bot.understanding.linking import Linker
from bot.understanding.vocabulary import question_words
from tests.conftest import raw_role


@pytest.fixture(scope="module")
def linker(knowledge):
    return knowledge.reader.linker


def kinds_ids(links):
    return [(m.kind, m.id) for m in links.mentions]


def test_every_description_points_to_its_own_entry_alone(linker, kb):
    """Each phrase of the file, alone or in a question, links to its entry and nothing else, so
    no phrase is hidden by another entry's name or description."""
    wrong = []
    for kind, ident, phrases in descriptions_of_entries(kb):
        assert 5 <= len(phrases) <= 10, ident
        for phrase in phrases:
            for text in (phrase, f"what about someone who {phrase}"):
                if kinds_ids(linker.link(text)) != [(kind, ident)]:
                    wrong.append((text, kinds_ids(linker.link(text))))
    assert wrong == []


def test_every_role_and_sector_is_described(kb):
    described = {(kind, ident) for kind, ident, phrases in descriptions_of_entries(kb) if phrases}
    assert described == {("role", r.id) for r in kb.roles} | {("sector", s.id) for s in kb.sectors}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("how much does someone who designs medical equipment make", ("role", "biomedical_engineer")),
        ("i want to design medical devices", ("role", "biomedical_engineer")),
        ("the people who make prosthetic legs", ("role", "biomedical_engineer")),
        ("someone who fixes machines", ("role", "maintenance_mechanic")),
        ("people that repair the machines at a factory", ("role", "maintenance_mechanic")),
        ("i like fixing machines", ("role", "maintenance_mechanic")),
        ("what about the person who is fixing broken machinery", ("role", "maintenance_mechanic")),
        ("the machines, who fixes them", ("role", "maintenance_mechanic")),
        ("jobs in making furniture", ("sector", "furniture_wood")),
        ("jobs where you make furniture", ("sector", "furniture_wood")),
        ("factories that make laptops and phones", ("sector", "electronics")),
        ("i like the idea of building tables and chairs", ("sector", "furniture_wood")),
        ("what pays more, the one who drives the lift trucks", ("role", "forklift_operator")),
        ("someone who checked parts for mistakes", ("role", "quality_inspector")),
        ("i like drawing blueprints", ("role", "cad_drafter")),
        ("a job making vaccines", ("sector", "pharmaceuticals")),
        ("jobs that keep the robots working", ("role", "robotics_technician")),
    ],
)
def test_descriptions_with_variations(linker, text, expected):
    links = linker.link(text)
    assert kinds_ids(links) == [expected]
    assert links.mentions[0].score == DESCRIPTION_SCORE


@pytest.mark.parametrize(
    "text",
    [
        # Not every sentence with a job's word is that job: a description needs all its words.
        "i like to fix my bike",  # a bike is not the factory's machines: no job guessed
        "i like building things",
        "i want to help people",
        "i like drawing",
        "can i make good money fixing things",
        "i want to make video games",
        "what jobs use computers",
        "what jobs take a long time to learn",
        "how much do jobs in a factory pay",
        "do factories make a lot of stuff",
        "what jobs involve math and science",
        "i broke my leg and got a prosthetic",
        "my mom works in a hospital with medical equipment",
        "what do i need to study",
        "is it hard to get hired",
        "i want to work with my hands",
        "which job pays the most",
        "tell me about apprenticeships",
        "i want a job where i can be outside",
        "my friend plays on a team",
        "what classes should i take in high school",
        "i like cooking at home",
        "can you check my resume",
        "i am good at fixing phones for my friends",  # not the electronics industry nor a repair job
        "we made a table in shop class",
        "the designs on my shirt are cool",
        "i keep forgetting my password",
        "do you need to move for this job",
        "my teacher says i should plan ahead",
        "how do i find a good school",
        "i want to make a difference",
        "what should i wear to an interview",
        "is this job safe for my health",
        "i like taking things apart",
        "what do engineers study in college",
        # Questions about safety at work, not about the safety specialist's job.
        "my son is starting at a plant, what safety rules will they teach him",
        "how do plants keep their workers safe",
        "how do factories make sure the workplace is safe",
    ],
)
def test_no_description_in_unrelated_sentences(linker, text):
    assert not [m for m in linker.link(text).mentions if m.score == DESCRIPTION_SCORE]


def test_words_far_apart_are_not_a_description(linker):
    text = "i fix things at home and later i want to work with machines"
    assert not [m for m in linker.link(text).mentions if m.score == DESCRIPTION_SCORE]


@pytest.mark.parametrize(
    "text, expected",
    [
        # The title is found as before; the description of another job beside it stays apart.
        ("is a biomedical engineer someone who designs medical equipment", [("role", "biomedical_engineer")] * 2),
        ("a welder or someone who fixes machines", [("role", "welder"), ("role", "maintenance_mechanic")]),
        # A name of two or more words is never part of a description: "repair the welding
        # machines" names the welder, and a description never reaches across a name; "machines"
        # is no machinist (only "machining" is: data/lexicon/en/job_words.yml gerund_nouns).
        ("repair the welding machines", [("role", "welder")]),
        ("what does a machinist do", [("role", "machinist")]),
        ("where are computer chips made", [("sector", "electronics")]),
    ],
)
def test_titles_still_win(linker, text, expected):
    assert kinds_ids(linker.link(text)) == expected


def test_a_title_is_scored_above_a_description(linker):
    title, described = linker.link("is a biomedical engineer someone who designs medical equipment").mentions
    assert title.score == 100.0 > described.score


def test_description_added_to_the_file_is_recognised_without_retraining(raw_knowledge, write_knowledge, nlp):
    from bot.knowledge.loader import load

    raw_role(raw_knowledge, "welder")["described_as"] = ["glues spaceship hulls"]
    linker = Linker(load(write_knowledge(raw_knowledge)), nlp, question_words())
    assert kinds_ids(linker.link("who glued the hull of a spaceship")) == [("role", "welder")]
