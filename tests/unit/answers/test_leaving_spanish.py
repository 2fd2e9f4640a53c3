"""The leaving-school answers in Spanish (bot/answers/costs.py, work_safety.py, first_job.py,
in_school.py; data/phrases/<lang>/leaving.yml; leaving_school in data/knowledge/es/): a Spanish
conversation gets the English answer's structure, figures, sources and buttons, in Spanish words,
and never an English sentence of these answers."""

from __future__ import annotations

import re
import statistics

import pytest

from bot.answers import costs, explore, first_job, in_school, roles, topics, work_safety
from bot.phrases import book, say
from bot.render import BULLET, cite
from bot.understanding.language import conversation_language
from bot.understanding.reading import cues_in

from .conftest import turn
from .readability import spanish_scores

_FIGURE = re.compile(r"[$+−]?\d[\d,.]*%?")

#: (answer, intent, an English question, the same question as a Spanish-speaking student or parent types it)
ANSWERS = [
    (costs.cost, "ask_cost", "how much does welding school cost", "cuanto cuesta la escuela de soldadura"),
    (costs.cost, "ask_cost", "my daughter wants to weld, cost?", "mi hija quiere soldar, cuanto cuesta"),
    (work_safety.safety, "ask_safety", "how safe is manufacturing", "que tan seguro es trabajar en manufactura"),
    (work_safety.safety, "ask_safety", "is welding dangerous", "es peligroso ser soldador?"),
    (work_safety.safety, "ask_safety", "is being a data analyst dangerous", "es peligroso ser analista de datos?"),
    (first_job.quick_start, "ask_quick_start", "quickest way to start earning?", "lo mas rapido pa ganar dinero"),
    (first_job.quick_start, "ask_quick_start", "my son graduates, fastest job?", "mi hijo se gradua, lo mas rapido?"),
    (topics.training, "ask_training", "do apprentices get paid", "a los aprendices les pagan?"),
    (topics.training, "ask_training", "can i start in high school", "puedo empezar mientras estoy en la prepa?"),
    (in_school.high_school, "ask_training", "my daughter is in high school", "mi hija esta en la prepa"),
]

#: (role, a question asking whether a certificate is needed to be hired, in Spanish)
CERTIFICATES = [
    ("welder", "necesito certificado pa que me contraten de soldador?"),
    ("forklift_operator", "un operador de montacargas necesita certificado?"),
    ("mechanical_engineer", "necesito una certificacion para ser ingeniero mecanico?"),
    ("semiconductor_technician", "necesito certificado para ser tecnico en semiconductores?"),
    ("safety_specialist", "mi hija necesita certificado para ser especialista en seguridad?"),
]

#: The English sentences of these answers (more than two words): none may show in a Spanish one.
ENGLISH = [v for k, v in book("en").items() if k.startswith("leaving.") and isinstance(v, str) and len(v.split()) > 2]


def _fixed(text: str) -> str:
    """An English phrase without its placeholders: the words it always says."""
    return max(re.split(r"\{[a-z_]+\}", text), key=len).strip()


def _both(knowledge, answer, intent, english, spanish):
    return (
        answer(turn(knowledge, intent, english)),
        answer(turn(knowledge, intent, spanish, slots={"language": "es"})),
    )


def _assert_same_structure(en, es):
    assert [b.payload for b in es.buttons if b.payload.startswith("/")] == [
        b.payload for b in en.buttons if b.payload.startswith("/")
    ]
    assert len(es.buttons) == len(en.buttons) and es.sources == en.sources and es.slots == en.slots
    assert es.text.count(f"{BULLET} ") == en.text.count(f"{BULLET} ") and es.text.count("\n\n") == en.text.count("\n\n")
    assert sorted(_FIGURE.findall(es.text)) == sorted(_FIGURE.findall(en.text))
    english_left = [p for p in map(_fixed, ENGLISH) if len(p.split()) > 2 and p in es.text]
    assert not english_left, english_left
    titles = {say("en", k) for k in book("en") if k.startswith("leaving.button_")}
    assert not titles & {b.title for b in es.buttons}


@pytest.mark.parametrize("answer, intent, english, spanish", ANSWERS)
def test_a_spanish_answer_has_the_english_structure_figures_and_sources(knowledge, answer, intent, english, spanish):
    en, es = _both(knowledge, answer, intent, english, spanish)
    _assert_same_structure(en, es)


@pytest.mark.parametrize("role_id, spanish", CERTIFICATES)
def test_do_i_need_a_certificate_in_spanish(knowledge, role_id, spanish):
    english = f"do i need a certificate to get hired as a {knowledge.roles[role_id].title.lower()}"
    en = roles.answer_for_intent(turn(knowledge, "ask_certifications", english))
    es = roles.answer_for_intent(turn(knowledge, "ask_certifications", spanish, slots={"language": "es"}))
    assert en.slots == es.slots == {"role": role_id, "last_aspect": "certifications"}
    _assert_same_structure(en, es)
    verdicts = {"Yes.": "Sí.", "It depends": "Depende", "Not a certificate": "No es un certificado", "No.": "No."}
    first = next(v for k, v in verdicts.items() if en.text.startswith(k))
    assert es.text.startswith(first), es.text


def test_a_spanish_parent_hears_about_their_child(knowledge):
    def ask(answer, intent, text):
        return answer(turn(knowledge, intent, text, slots={"language": "es"})).text

    assert ask(costs.cost, "ask_cost", "mi hija quiere soldar, cuanto cuesta").startswith(
        "Lo que le cuesta a tu hija prepararse:"
    )
    assert ask(work_safety.safety, "ask_safety", "es peligroso para mi hijo?").startswith(
        "Seguridad en el trabajo, para tu hijo\n"
    )
    quick = ask(first_job.quick_start, "ask_quick_start", "mi hijo necesita trabajo rapido")
    assert quick.startswith("Trabajos que tu hijo puede empezar") and "Primeros pasos que tu hijo puede dar:" in quick
    assert ask(in_school.high_school, "ask_training", "mi hija puede empezar en la prepa?").startswith(
        "Sí, tu hija puede empezar desde la preparatoria:"
    )
    weld = ask(roles.answer_for_intent, "ask_certifications", "mi hija necesita certificado para ser soldadora?")
    assert "lo que ella sabe hacer" in weld
    forklift = ask(
        roles.answer_for_intent, "ask_certifications", "mi hijo necesita certificado pa operador de montacargas?"
    )
    assert forklift.startswith("Sí. Para trabajar como operador de montacargas, él primero necesita esto:")


def test_the_facts_are_the_spanish_texts_with_the_english_figures(knowledge):
    es = knowledge.in_language("es").kb
    ls = es.leaving_school
    cost = costs.cost(turn(knowledge, "ask_cost", "cuanto cuesta", slots={"language": "es"}))
    for c in ls.costs:
        assert f"{c.route}: {c.cost}" in cost.text
    assert f"{ls.aid[0].statement} {cite(es, ls.aid[0].source, str(ls.aid[0].year), 'es')}" in cost.text
    assert "$7,395" in cost.text and "(U.S. Department of Education, 2025)" in cost.text
    safety = work_safety.safety(turn(knowledge, "ask_safety", "es peligroso ser soldador", slots={"language": "es"}))
    assert "En 2024, en manufactura hubo 2.7 lesiones y enfermedades por cada 100 trabajadores" in safety.text
    assert "construcción 2.2, tiendas 3.0" in safety.text and "(BLS, 2024)" in safety.text
    assert ls.safety.training in safety.text and f"Soldador: {ls.safety.risks[0].hazards}" in safety.text
    quick = first_job.quick_start(turn(knowledge, "ask_quick_start", "trabajo rapido", slots={"language": "es"}))
    assert "Soldador: de 1 a 12 meses de capacitación en el trabajo (BLS, 2022)" in quick.text
    assert "sueldo medio de $51,000 al año (BLS, mayo de 2024)" in quick.text
    assert ls.first_steps[0] in quick.text and "cerca de ti: https://www.apprenticeship.gov/" in quick.text
    apprentice = topics.training(
        turn(knowledge, "ask_training", "les pagan a los aprendices?", slots={"language": "es"})
    )
    assert "Trabajos que puedes aprender así: técnico en robótica, maquinista, soldador" in apprentice.text


def test_quick_words_in_spanish_list_the_quickest_jobs(knowledge):
    quick = explore.explore(
        turn(
            knowledge, "explore_roles", "que trabajo consigo rapido sin titulo universitario", slots={"language": "es"}
        )
    )
    assert "primero los que se aprenden más rápido:" in quick.text


def test_a_button_of_words_keeps_the_conversation_spanish(knowledge):
    """Buttons that send words (not a payload) send them in Spanish: the glossary, the
    high-school answer and the no-degree filter read them, and the conversation stays Spanish."""
    sent = [
        b.payload
        for answer, intent, _, spanish in ANSWERS
        for b in answer(turn(knowledge, intent, spanish, slots={"language": "es"})).buttons
        if not b.payload.startswith("/")
    ]
    assert {say("es", "leaving.pell_message"), say("es", "render.no_degree_message")} <= set(sent)
    assert all(conversation_language(words, "es", None) == "es" for words in sent)
    assert "in_high_school" in cues_in(say("es", "leaving.in_school_message"))


def test_spanish_leaving_answers_read_fairly_easily(knowledge):
    """INFLESZ (tests/unit/answers/test_spanish.py): measured median 62.4 and minimum 43.0 over
    these answers, with long names of jobs and credentials in them; floors at the "normal" band."""

    texts = [answer(turn(knowledge, intent, q, slots={"language": "es"})).text for answer, intent, _, q in ANSWERS]
    texts += [
        roles.answer_for_intent(turn(knowledge, "ask_certifications", q, slots={"language": "es"})).text
        for _, q in CERTIFICATES
    ]
    scores = spanish_scores(texts)
    median = statistics.median(scores)
    print(f"INFLESZ of {len(scores)} Spanish leaving answers: median {median:.1f}, min {min(scores):.1f}")
    assert median >= 55 and min(scores) >= 40
