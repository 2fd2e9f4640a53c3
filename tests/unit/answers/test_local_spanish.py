"""Pay where the student lives, in Spanish (bot/answers/local.py, local_figures.py, the `local`
phrasebook): every kind of local answer has the English one's figures, sources, slots and buttons,
worded in Spanish, with BLS's place names as BLS writes them and the release in Spanish."""

from __future__ import annotations

import re
import statistics

import pytest

from bot.answers import explore, figures, local, roles
from bot.knowledge import local_pay
from bot.phrases import book, say
from bot.understanding.language import decisive_language

from .conftest import turn
from .readability import spanish_scores

_FIGURE = re.compile(r"[$+−]?\d[\d,.]*%?")
OHIO = "3900000"
#: (answer function, intent, question, slots): the same words in both languages, so both are read
#: alike; only the conversation's language differs.
CASES = [
    (local.answer, "ask_local", "what do machinists earn in Wisconsin", {}),  # the place's figures
    (local.answer, "ask_local", "quality inspector pay in Charlotte", {}),  # a metro area, a BLS group
    (local.answer, "ask_local", "buyer pay in Wyoming", {"role": "purchasing_agent"}),  # a wider group
    (local.answer, "ask_local", "where do CNC operators earn the most", {}),  # the top states
    (local.answer, "ask_local", "machinists in Georgia vs Alabama", {}),  # two places
    (local.answer, "ask_local", "semiconductor technician pay in Wyoming", {}),  # BLS publishes none
    (local.answer, "ask_local", "welders in Springfield", {}),  # which Springfield?
    (local.answer, "ask_local", "welders in Smallville", {}),  # a place not on BLS's list
    (local.answer, "ask_local", "what's the pay like in Ohio", {}),  # a place without a job
    (local.answer, "ask_local", "which states pay electricians the most", {}),  # which job?
    (local.answer, "ask_local", "are welders in demand in ohio", {}),  # growth: national, labelled
    (local.answer, "ask_local", "apprenticeships near me", {}),  # near me, nothing known
    (local.answer, "ask_local", "how much do they make around here", {"role": "machinist"}),
    (roles.answer_for_intent, "ask_pay", "how much do welders make", {"place": OHIO}),  # remembered
    (figures.judge, "judge_figure", "is that good pay?", {"place": OHIO, "role": "welder", "last_aspect": "pay"}),
    (explore.compare, "compare_roles", "welder or machinist, which pays more", {"place": OHIO}),
]
#: The English local phrases long enough to tell (not "pay", not a place's name alone).
ENGLISH = [v for k, v in book("en").items() if k.startswith("local.") and isinstance(v, str) and len(v.split()) > 2]


def _both(knowledge, answer, intent, text, slots):
    english = answer(turn(knowledge, intent, text, slots=dict(slots)))
    spanish = answer(turn(knowledge, intent, text, slots={**slots, "language": "es"}))
    return english, spanish


def _a_place(title: str) -> bool:
    """A button named after a place (BLS's name, the same in every language)."""
    return bool(re.fullmatch(r"[A-Z][\w .-]*, [A-Z]{2}(-[A-Z]{2})*", title))


def _english_left(text: str) -> list:
    return [p for p in ENGLISH if "{" not in p and p in text] + [
        w for w in ("Median pay", "Source:", "a year", "BLS does not", "Jobs in manufacturing") if w in text
    ]


@pytest.mark.parametrize("answer, intent, text, slots", CASES)
def test_each_local_answer_in_spanish_has_the_english_figures_sources_and_buttons(
    knowledge, answer, intent, text, slots
):
    english, spanish = _both(knowledge, answer, intent, text, slots)
    assert _FIGURE.findall(spanish.text) == _FIGURE.findall(english.text)
    assert spanish.sources == english.sources and spanish.slots == english.slots
    assert [b.payload for b in spanish.buttons if b.payload.startswith("/")] == [
        b.payload for b in english.buttons if b.payload.startswith("/")
    ]
    assert len(spanish.buttons) == len(english.buttons)
    assert spanish.text != english.text and not _english_left(spanish.text), spanish.text
    titles = [(es.title, en.title) for es, en in zip(spanish.buttons, english.buttons, strict=True)]
    assert not [pair for pair in titles if pair[0] == pair[1] and not _a_place(pair[0])]


def test_a_spanish_local_answer_cites_bls_oews_with_the_release_in_spanish(knowledge):
    t = turn(knowledge, "ask_local", "cuanto gana un soldador en texas", slots={"language": "es"})
    answer = local.answer(t)
    assert local_pay.load().release == "May 2025"  # data/local/: BLS OEWS, May 2025
    assert answer.text.startswith("Soldador: sueldo en Texas\n• Sueldo medio: $")
    assert answer.text.endswith("Fuente: BLS OEWS, mayo de 2025, Texas.")
    assert answer.buttons[0].title == "Sueldo nacional: Soldador"


def test_place_names_stay_as_bls_writes_them(knowledge):
    es = {"language": "es"}
    metro = local.answer(turn(knowledge, "ask_local", "quality inspector pay in Charlotte", slots=es))
    assert "Inspector de control de calidad: sueldo en Charlotte-Concord-Gastonia, NC-SC" in metro.text
    assert "“Inspectors, Testers, Sorters, Samplers, and Weighers”" in metro.text  # BLS's group, in English
    state = local.answer(turn(knowledge, "ask_local", "sueldo de soldador en carolina del norte", slots=es))
    assert "sueldo en North Carolina" in state.text


def test_the_question_back_about_a_place_is_spanish_and_its_buttons_stay_spanish(knowledge):
    es = {"language": "es"}
    ambiguous = local.answer(turn(knowledge, "ask_local", "welders in Springfield", slots=es))
    assert ambiguous.text.startswith("Hay más de un lugar que se llama Springfield. ¿Cuál quieres decir?")
    assert "• Springfield, MO" in ambiguous.text and "$" not in ambiguous.text
    first = ambiguous.buttons[0]
    assert (first.title, first.payload) == ("Springfield, IL", "sueldo de soldador en Springfield, IL")
    assert decisive_language(first.payload) != "en"  # the button's words keep the conversation Spanish
    unknown = local.answer(turn(knowledge, "ask_local", "welders in Smallville", slots=es))
    assert unknown.text.startswith("No encontré Smallville en la lista") and "¿En qué estado queda?" in unknown.text
    assert [b.title for b in unknown.buttons] == ["Trabajos en manufactura", "Hablar con un consejero"]


def test_without_a_local_figure_the_spanish_answer_labels_the_national_one_and_says_where_to_look(knowledge):
    t = turn(knowledge, "ask_local", "are welders in demand in ohio", slots={"language": "es"})
    answer = local.answer(t)
    welder = knowledge.in_language("es").roles["welder"]
    assert "no de Ohio. Donde vives puede haber más o menos vacantes." in answer.text
    assert f"Soldador, cifra nacional (todo EE. UU.):\nPerspectivas de empleo: +{welder.outlook.percent_change:g}%" in (
        answer.text
    )
    assert "La oficina de empleo y mercado laboral de Ohio" in answer.text
    assert local.SALARY_FINDER in answer.text and local.JOB_FINDER in answer.text
    school = turn(
        knowledge, "ask_local", "apprenticeships near me", slots={"language": "es"}, metadata={"school": "demo"}
    )
    near = local.answer(school)  # the demo school's area (Ohio) stands for "near me"
    assert near.text.startswith("Tengo los sueldos de Ohio de la BLS (mayo de")


def test_a_place_named_earlier_gives_spanish_pay_judgement_and_comparison(knowledge):
    es = {"language": "es", "place": OHIO}
    pay = roles.answer_for_intent(turn(knowledge, "ask_pay", "cuanto gana un soldador", slots=es))
    assert pay.text.startswith("Soldador: sueldo en Ohio\n") and "Fuente: BLS OEWS" in pay.text
    good = figures.judge(turn(knowledge, "judge_figure", "es buen sueldo?", slots={**es, "role": "welder"}))
    assert good.text.startswith("Soldador en Ohio: sueldo medio de $") and "todos los empleos en Ohio" in good.text
    both = explore.compare(turn(knowledge, "compare_roles", "soldador o maquinista, quien gana mas", slots=es))
    assert both.text.startswith("Soldador vs Maquinista: sueldo en Ohio")
    assert "En Ohio, de estos trabajos el que más gana es el de maquinista." in both.text
    assert [b.title for b in both.buttons] == ["Sobre soldador", "Sobre maquinista"]


def test_spanish_local_answers_read_easily_enough(knowledge):
    """Whole answers, BLS's place and group names and links included: measured median 96.3, lowest
    59.2 (short bulleted lines); floors "bastante fácil" (65) and 50."""
    scores = spanish_scores(_both(knowledge, *case)[1].text for case in CASES)
    print(
        f"INFLESZ of {len(scores)} Spanish local answers: median {statistics.median(scores):.1f}, min {min(scores):.1f}"
    )
    assert statistics.median(scores) >= 65 and min(scores) >= 50


def test_the_spanish_phrases_say_what_the_english_ones_say_with_the_same_figures(knowledge):
    """A top-coded wage ("$239,200 or more") and a count are written the same way in Spanish."""
    assert say("es", "local.top_coded", money="$239,200") == "$239,200 o más"
    assert say("es", "local.people", count="12,700") == "Unas 12,700 personas hacen este trabajo ahí"
