"""Names in other languages for reading (bot/understanding/name_forms.py)."""

from __future__ import annotations

from bot.knowledge.loader import DEFAULT_PATH, load
from bot.text import normalise
from bot.understanding.name_forms import job_forms, with_other_languages


def test_spanish_job_names_in_both_genders_and_numbers_without_accents():
    assert job_forms("Soldador") == {"soldador", "soldadora", "soldadores", "soldadoras"}
    assert job_forms("Técnico en robótica") == {
        "tecnico en robotica",
        "tecnica en robotica",
        "tecnicos en robotica",
        "tecnicas en robotica",
    }
    assert "electricistas industriales" in job_forms("Electricista industrial")
    assert "ingenieras mecanicas" in job_forms("Ingeniero mecánico")
    assert job_forms("Operador de montacargas") >= {"operadoras de montacargas", "operadores de montacargas"}


def test_english_entries_keep_their_names_and_gain_the_spanish_ones():
    kb = load(DEFAULT_PATH)
    both, heads = with_other_languages(kb)
    welder = next(r for r in both.roles if r.id == "welder")
    english = next(r for r in kb.roles if r.id == "welder")
    assert welder.title == english.title and welder.aliases[: len(english.aliases)] == english.aliases
    assert {"soldadoras", "soldador"} <= set(welder.aliases)
    assert "mechanical_engineer" in heads["ingenieras"] and "jefe" not in heads  # one job alone is no choice
    owners: dict = {}
    for r in both.roles:
        for name in [r.title, *r.aliases]:
            owners.setdefault(normalise(name), set()).add(r.id)
    assert not {n: ids for n, ids in owners.items() if len(ids) > 1}, "a generated form belongs to one job only"
