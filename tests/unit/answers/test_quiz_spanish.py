"""The "What fits me?" quiz in a Spanish conversation (docs/quiz.md "In Spanish"): the items of
data/quiz/es.yml, the sentences of data/phrases/es/quiz.yml, Spanish job names in the results,
typed answers in Spanish, and how easily it reads (INFLESZ)."""

from __future__ import annotations

import statistics

from bot import interest_quiz as iq
from bot.answers import quiz
from bot.answers.quiz_wishes import Wishes
from bot.answers.turn import Turn
from tests.unit.answers.readability import spanish_scores

ES = {"language": "es"}


def pattern(liked):
    return "".join(iq.LIKE if i.area in liked else iq.DISLIKE for i in iq.quiz().items)


def tap(knowledge, answers, choice=None, text="/answer_quiz"):
    entities = {"quiz_choice": choice, "quiz_item": str(len(answers))} if choice else {}
    slots = {**ES, quiz.ANSWERS_SLOT: answers}
    return quiz.step(Turn(knowledge, "answer_quiz", text, entities=entities, slots=slots))


def test_the_spanish_items_match_the_english_ones():
    english, spanish = iq.quiz("en"), iq.quiz("es")
    assert [i.area for i in spanish.items] == [i.area for i in english.items]
    assert set(spanish.names) == set(english.names) and spanish.items != english.items


def test_the_quiz_starts_and_asks_in_spanish(knowledge):
    reply = quiz.start(Turn(knowledge, "start_quiz", "quiz de intereses", slots=ES))
    assert "no es un examen" in reply.text and quiz.PROFILER in reply.text
    assert reply.text.endswith("Pregunta 1 de 18: ¿te gustaría arreglar una bici que tiene una llanta ponchada?")
    assert [b.title for b in reply.buttons] == ["Me gusta", "No sé", "No me gusta"]
    assert reply.buttons[0].payload == '/answer_quiz{"quiz_choice": "l", "quiz_item": "0"}'  # the same payloads


def test_typed_spanish_answers(knowledge):
    assert tap(knowledge, "", text="no sé").slots[quiz.ANSWERS_SLOT] == "n"
    assert tap(knowledge, "", text="no me gusta").slots[quiz.ANSWERS_SLOT] == "d"
    assert tap(knowledge, "", text="sí, me gusta").slots[quiz.ANSWERS_SLOT] == "l"
    assert tap(knowledge, "", text="saltar").slots[quiz.ANSWERS_SLOT] == "s"
    assert tap(knowledge, "", text="skip").slots[quiz.ANSWERS_SLOT] == "s"  # English words still work
    assert tap(knowledge, "", text="qué hay de comer").text.startswith("Perdón, no te entendí")
    again = quiz.start(Turn(knowledge, "start_quiz", "empezar de nuevo", slots={**ES, quiz.ANSWERS_SLOT: "ll"}))
    assert again.slots[quiz.ANSWERS_SLOT] == ""


def test_spanish_results_name_spanish_jobs(knowledge):
    es = knowledge.in_language("es")
    answers = pattern("RC")
    reply = tap(knowledge, answers[:-1], answers[-1])
    assert reply.text.startswith("¡Gracias!") and "• Trabajo con las manos: " in reply.text
    lines = [line for line in reply.text.splitlines() if "(código de O*NET" in line]
    titles = {r.title for r in es.kb.roles}
    assert 3 <= len(lines) <= 5 and all(line[2:].split(":")[0] in titles for line in lines)
    assert all("trabajo manual y organización" in line for line in lines)
    assert "O*NET 29.3 Database" in reply.text and "CC BY 4.0" in reply.text
    assert reply.buttons[0].title.startswith("Sobre: ") and reply.buttons[-1].title == "Empezar el quiz de nuevo"


def test_narrowed_in_spanish(knowledge):
    finished = {**ES, quiz.ANSWERS_SLOT: pattern("RC"), quiz.FINISHED_SLOT: True}
    reply = quiz.start(
        Turn(knowledge, "start_quiz", "quiz de intereses", slots=finished), Wishes("short", "pharmaceuticals")
    )
    assert "Como pediste, estos son trabajos que puedes empezar al salir de la prepa." in reply.text
    assert "Solo conozco 2 trabajos en farmacéutica que puedes empezar al salir de la prepa" in reply.text


def test_the_spanish_quiz_reads_easily():
    """Each item as asked, and the areas' sentences: INFLESZ median "bastante fácil" (65+), none below 55."""
    q = iq.quiz("es")
    texts = [quiz.item_text(i, "es").split(": ", 1)[1] for i in range(len(q.items))] + list(q.about.values())
    scores = spanish_scores(texts)
    print(f"INFLESZ of {len(scores)} Spanish quiz texts: median {statistics.median(scores):.1f}, min {min(scores):.1f}")
    assert statistics.median(scores) >= 65 and min(scores) >= 55
