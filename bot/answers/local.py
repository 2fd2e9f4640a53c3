"""Questions about a place ("what do welders earn in ohio", "welder salary GA", "in Philly").

A role's pay in a state or metro area comes from BLS's OEWS extract (bot/answers/
local_figures.py); the place is found by bot/understanding/places.py and remembered for the
conversation (the `place` slot: a BLS area code), so "in my state" works after the student named
it. Where there is no local figure (growth questions, "near me" before a place is known, a place
we cannot find) the answer says so, gives the national figure labelled as national, and points
to where local wages and openings are found. The sentences are the `local` phrasebook's
(data/phrases/<language>/local.yml), so a Spanish conversation gets them in Spanish.
"""

from __future__ import annotations

from typing import List, Optional

from bot import school_places, schools
from bot.answers import local_figures
from bot.answers.turn import Turn
from bot.knowledge import local_pay
from bot.knowledge.model import Outlook
from bot.phrases import say
from bot.render import Answer, Button, bullets, in_sentence, month_year, outlook_line, pay_line, payload
from bot.understanding.places import NEAR, Place
from bot.understanding.reading import ROLE

SALARY_FINDER = "https://www.careeronestop.org/Toolkit/Wages/find-salary.aspx"
JOB_FINDER = "https://www.careeronestop.org/Toolkit/Jobs/find-jobs.aspx"
#: Roles offered as buttons when a place is known but no job is named.
EXAMPLE_ROLES = ("welder", "machinist", "cnc_operator", "quality_inspector")
#: A button's `place` entity that asks for the national figure while a place is remembered.
NATIONAL = "us"


def answer(turn: Turn) -> Answer:
    k, lang = turn.knowledge, turn.language
    table = local_pay.load()
    named = [r for r in turn.mentioned(ROLE) if r in k.roles]
    role_id = named[0] if named else (turn.slot("role") if turn.slot("role") in k.roles else None)
    place = _place(turn, table)
    growth = turn.asks("openings") and not turn.asks("pay")
    occupation = table.occupation(role_id) if role_id else None
    if occupation and role_id and turn.asks("where_most") and (place is None or place.kind == "near"):
        text = local_figures.top_states(k, table, k.roles[role_id], occupation)
        return Answer(text, _buttons(k, role_id), [table.source.id], {"role": role_id, "last_aspect": "pay"})
    pair = turn.reading.compared_places
    if occupation and role_id and pair and not growth:
        areas = [p.area for p in pair if p.area]
        text = local_figures.compare_areas(k, table, k.roles[role_id], occupation, areas)
        return Answer(text, _buttons(k, role_id), [table.source.id], {"role": role_id, "last_aspect": "pay"})
    if not role_id and turn.asks("where_most") and (place is None or place.kind == "near"):
        return Answer(
            say(lang, "local.which_job_where_most"), [Button(say(lang, "scope.button_jobs"), payload("ask_roles"))]
        )
    if place and place.area and not growth:
        remember = {"place": place.area}
        if occupation and role_id:
            text = local_figures.role_in_area(k, table, k.roles[role_id], occupation, place.area)
            slots = {**remember, "role": role_id, "last_aspect": "pay"}
            return Answer(text, _buttons(k, role_id), [table.source.id], slots)
        return _which_job(k, table, place, remember)
    if place and place.kind == "ambiguous":
        return _which_place(k, place, role_id)
    if place and place.kind == "unknown":
        return Answer(say(lang, "local.not_found", name=place.name), _ways_on(lang))
    if place and place.kind == "zip":  # no ZIP-to-area table: ask for the state or city
        return Answer(say(lang, "local.zip_code"), _ways_on(lang), slots={"role": role_id} if role_id else {})
    return _national(turn, place, role_id, growth)


def _place(turn: Turn, table: local_pay.LocalPay) -> Optional[Place]:
    """The place named now, else the one remembered ("in my state" after naming it), else for
    "near me" on a school's chat the school's own area (its registry entry's `area`)."""
    found = turn.reading.where
    remembered = turn.slot("place")
    if (found is None or found.kind == "near") and remembered in table.areas:
        return _area_place(table.areas[remembered])
    school = schools.lookup((turn.metadata or {}).get("school"))
    code = school_places.area_code(school.area) if school else None
    if found is not None and found.kind == "near" and code in table.areas:
        return _area_place(table.areas[code])
    return found


def _which_place(k, place: Place, role_id: Optional[str]) -> Answer:
    """A place name BLS has several of ("Springfield"): its metro areas, each a button that sends the
    question as if typed, in the conversation's language ("welder pay in Springfield, IL")."""
    lang = k.language
    text = say(lang, "local.more_than_one", name=place.name, options=bullets(place.options))
    job = k.roles[role_id].title.lower() if role_id else None
    what = say(lang, "local.pay_of_job", job=job) if job else say(lang, "local.pay_word")
    return Answer(text, [Button(o, say(lang, "local.asked_in_place", what=what, place=o)) for o in place.options[:4]])


def _area_place(area: local_pay.Area) -> Place:
    return Place("state" if area.kind == "S" else "metro", area.name, area.code)


def _which_job(k, table: local_pay.LocalPay, place: Place, slots) -> Answer:
    text = say(k.language, "local.which_job", place=place.name, release=month_year(table.release, k.language))
    buttons = [Button(k.title(r), payload("ask_local", role=r)) for r in EXAMPLE_ROLES if r in k.roles]
    return Answer(text, buttons, [], slots)


def _buttons(k, role_id: str) -> list:
    return [
        Button(
            say(k.language, "local.button_national", title=k.title(role_id)),
            payload("ask_pay", role=role_id, place=NATIONAL),
        ),
        Button(say(k.language, "scope.button_jobs"), payload("ask_roles")),
    ]


def _ways_on(lang: str) -> list:
    return [
        Button(say(lang, "scope.button_jobs"), payload("ask_roles")),
        Button(say(lang, "programs.button_counselor"), payload("ask_counselor")),
    ]


def remembered_area(turn: Turn) -> Optional[str]:
    """The state or metro area this conversation is about (the `place` slot: "I live in Ohio",
    then "how much do welders make"), unless this turn asks for the national figure (its button,
    or words: "ok, and nationally?")."""
    if turn.entities.get("place") == NATIONAL or turn.asks("national"):
        return None
    area = turn.slot("place")
    return area if isinstance(area, str) and area in local_pay.load().areas else None


def pay_here(turn: Turn, role_ids: List[str]) -> Optional[Answer]:
    """A pay answer (one job, or several side by side) with the remembered place's figures; None
    without a remembered place or a BLS group for each job (the national answer stands)."""
    area = remembered_area(turn)
    table = local_pay.load()
    found = [table.occupation(r) for r in role_ids]
    occupations = [o for o in found if o is not None]
    if area is None or not role_ids or len(occupations) < len(role_ids):
        return None
    k = turn.knowledge
    slots = {"role": role_ids[-1], "last_aspect": "pay", "place": area}
    if len(role_ids) == 1:
        text = local_figures.role_in_area(k, table, k.roles[role_ids[0]], occupations[0], area)
        return Answer(text, _buttons(k, role_ids[0]), [table.source.id], slots)
    pairs = [(k.roles[r], o) for r, o in zip(role_ids, occupations, strict=True)]
    text = local_figures.roles_in_area(k, table, pairs, area)
    about = [say(k.language, "explore.about_button", job=in_sentence(k.title(r))) for r in role_ids]
    buttons = [Button(title, payload("ask_about", role=r)) for title, r in zip(about, role_ids, strict=True)]
    return Answer(text, buttons, [table.source.id], slots)  # U.S. medians are in the text


def judge_here(turn: Turn, role_id: str) -> Optional[Answer]:
    """ "Is that good pay?" with the remembered place's figures; None without one."""
    area = remembered_area(turn)
    table = local_pay.load()
    occupation = table.occupation(role_id)
    if area is None or occupation is None:
        return None
    text = local_figures.judge_in_area(turn.knowledge, table, turn.knowledge.roles[role_id], occupation, area)
    slots = {"role": role_id, "last_aspect": "pay", "place": area}
    return Answer(text, _buttons(turn.knowledge, role_id), [table.source.id], slots)


def _national(turn: Turn, place: Optional[Place], role_id: Optional[str], growth: bool) -> Answer:
    from bot.answers.counselor import school_contact  # not at import: it loads the school registry

    k, lang = turn.knowledge, turn.language
    where = place.name if place and place.kind in ("state", "metro") else NEAR
    if growth and where != NEAR:
        parts = [say(lang, "local.growth_elsewhere", place=where)]
    else:
        parts = [say(lang, "local.varies" if where != NEAR else "local.varies_tell_me")]
    sources: list = []
    slots = {"place": place.area} if place and place.area else {}
    if role_id:
        role = k.roles[role_id]
        figure = role.outlook if growth and role.outlook else role.median_pay
        if figure is not None:
            if isinstance(figure, Outlook):
                line = outlook_line(k.kb, figure, lang)
            else:
                line = pay_line(k.kb, figure, lang)
            parts.append(say(lang, "local.national_figure", title=role.title, line=line))
            sources.append(figure.source)
        slots.update({"role": role_id, "last_aspect": "outlook" if growth else "pay"})
    if place and place.kind == "state":
        office = say(lang, "local.office_of_state", place=place.name)
    else:
        office = say(lang, "local.office_of_your_state")
    c = school_contact(turn.metadata)
    parts.append(
        say(
            lang,
            "local.find_local",
            salary_finder=SALARY_FINDER,
            job_finder=JOB_FINDER,
            office=office,
            counselor=c.name or say(lang, "local.your_counselor"),
            email=f" ({c.email})" if c.email else "",
        )
    )
    route = next((t for t in k.kb.training if t.id == "apprenticeship" and t.url), None)
    if route and turn.asks("training"):
        parts[-1] += "\n" + bullets([say(lang, "local.apprenticeships", url=route.url)])
    national = say(lang, "local.button_national", title=k.title(role_id)) if role_id else ""
    buttons = ([Button(national, payload("ask_pay", role=role_id))] if role_id else []) + _ways_on(lang)
    return Answer("\n\n".join(parts), buttons, sources, slots)
