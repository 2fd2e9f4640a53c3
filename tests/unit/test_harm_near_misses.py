"""Innocent messages with words of a crisis or of deleting, which once got a crisis reply or a
"delete this chat?" question (blind batches of round 8; reworded here, the batches stay blind):
a joke asked for, the figures' sources, starting early, a parent on a child's plans, a risk on a
machine, a topic set aside. Each is paired with a message that must still get the guard."""

from __future__ import annotations

import pytest

from bot.understanding import forget
from bot.understanding.distress import shows_distress
from bot.understanding.verdict import verdict

SURE_DISTRESS = {"name": "distress", "confidence": 0.9}
RANKING = [SURE_DISTRESS, {"name": "out_of_scope", "confidence": 0.05}, {"name": "ask_source", "confidence": 0.04}]


@pytest.mark.parametrize(
    "text",
    [
        "got any jokes? so bored rn",
        "what sources did you use for that, i want to double check before sending it to parents",
        "im just in 9th grade, is it too early to start thinking about this",
        "buenas, my daughter loves to draw and wants to be an architect, what do you think",
        "mi hija dibuja muy bonito y quiere ser arquitecta",
        "oye los que arreglan bicis a mano cuanto sacan al mes",  # money words in Spanish
        "existe la chamba de hacer velas? cuanto se gana",
        "como le hago pa juntar lana rapido saliendo de la prepa",
        "que hace un tornero en la planta todo el dia",
        "sigo en la prepa todavia, que puedo ir estudiando",
    ],
)
def test_a_sure_distress_guess_without_distress_words_is_not_a_crisis_here(text):
    got = verdict(text, SURE_DISTRESS, RANKING).intent
    assert got is not None and got["name"] != "distress"


@pytest.mark.parametrize(
    "text",
    [
        "i feel like nobody would care if i was gone",
        "i dont want to be here anymore",
        "i keep giving my stuff away to friends",  # no sign, no career words: the classifier stands
    ],
)
def test_a_sure_distress_guess_away_from_job_talk_still_is(text):
    got = verdict(text, SURE_DISTRESS, RANKING).intent
    assert got is None or got["name"] == "distress"


@pytest.mark.parametrize(
    "text, crisis",
    [
        ("can you hurt yourself using a lathe", False),
        ("would i burn myself working with a torch", False),
        ("could i hurt myself on the press at work", False),
        ("i want to hurt myself", True),
        ("could i hurt myself with pills", True),
        ("cuantas pastillas hacen falta para dormir para siempre", True),
        ("me tome algo para no despertar", True),
        ("unos chavos me quieren golpear a la salida", True),  # a threat: the safety reply
    ],
)
def test_a_question_about_risk_on_a_machine_is_no_sign(text, crisis):
    assert shows_distress(text) is crisis


@pytest.mark.parametrize(
    "text, command",
    [
        ("forget what i said about welding, what do machinists make", False),
        ("ignore everything i asked about engineering. jobs with no degree?", False),
        ("olvida lo que te dije sobre soldadura, cuanto ganan los maquinistas", False),
        ("forget everything i said", True),
        ("please forget our conversation", True),
        ("olvida lo que dije", True),
    ],
)
def test_setting_a_topic_aside_is_no_request_to_delete(text, command):
    assert forget.asks_to_delete(text) is command
