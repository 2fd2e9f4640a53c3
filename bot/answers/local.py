"""Questions about a place ("welding jobs near me", "what do welders earn in ohio").

The knowledge file has national figures only, so the honest answer says so, gives a named
role's national figure labelled as national, and points to where local wages and openings are
found. The place comes from the message's reading (bot/understanding/places.py).
"""

from __future__ import annotations

from bot.answers.turn import Turn
from bot.knowledge.model import Outlook
from bot.render import Answer, Button, outlook_line, pay_line, payload
from bot.understanding.places import STATES
from bot.understanding.reading import ROLE

SALARY_FINDER = "https://www.careeronestop.org/Toolkit/Wages/find-salary.aspx"
JOB_FINDER = "https://www.careeronestop.org/Toolkit/Jobs/find-jobs.aspx"


def answer(turn: Turn) -> Answer:
    from bot.answers.counselor import school_contact  # not at import: see the module docstring

    k = turn.knowledge
    place = turn.reading.place or "your area"
    named = [r for r in turn.mentioned(ROLE) if r in k.roles]
    role_id = named[0] if named else (turn.slot("role") if turn.slot("role") in k.roles else None)
    where = "your area" if place == "your area" else place
    parts = [
        f"I only have national figures for the whole U.S., not numbers for {where}. "
        "Pay and openings can be higher or lower where you live."
    ]
    sources, slots = [], {}
    if role_id:
        role = k.roles[role_id]
        growth = turn.asks("openings") and not turn.asks("pay")
        figure = role.outlook if growth and role.outlook else role.median_pay
        if figure is not None:
            line = outlook_line(k.kb, figure) if isinstance(figure, Outlook) else pay_line(k.kb, figure)
            parts.append(f"{role.title}, national figure (whole U.S.):\n{line}")
            sources.append(figure.source)
        slots = {"role": role_id, "last_aspect": "outlook" if growth else "pay"}
    lmi = (
        f"{place}'s labor market information office"
        if place != "your area" and place[0].isupper() and place in STATES.values()
        else "your state's labor market information office"
    )
    c = school_contact(turn.metadata)
    counselor = c.name or "Your school counselor"
    email = f" ({c.email})" if c.email else ""
    parts.append(
        "To find local pay and job openings:\n"
        f"• CareerOneStop salary finder: {SALARY_FINDER}\n"
        f"• CareerOneStop job finder: {JOB_FINDER}\n"
        f"• {lmi[0].upper() + lmi[1:]}, which publishes local wages and job trends\n"
        f"• {counselor}{email} knows local employers and training programs"
    )
    route = next((t for t in k.kb.training if t.id == "apprenticeship" and t.url), None)
    if route and turn.asks("training"):
        parts[-1] += f"\n• Apprenticeships near you: {route.url}"
    buttons = ([Button(f"National pay: {k.title(role_id)}", payload("ask_pay", role=role_id))] if role_id else []) + [
        Button("Jobs in manufacturing", payload("ask_roles")),
        Button("Talk to a counselor", payload("ask_counselor")),
    ]
    return Answer("\n\n".join(parts), buttons, sources, slots)
