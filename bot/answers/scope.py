"""What the assistant covers, and kind answers for what it does not."""

from __future__ import annotations

from functools import lru_cache
from os.path import commonprefix
from typing import Dict, Iterable, List, Optional

from rapidfuzz import fuzz

from bot.answers.aspects import ASPECT_INTENTS, BUTTON_TITLES
from bot.answers.loaded_knowledge import Knowledge
from bot.render import Answer, Button, join_names, payload
from bot.understanding.linking import ROLE, SECTOR, Linker, Links
from bot.understanding.vocabulary import LOOK_ALIKE_WORDS, NEARBY_WORDS

COVERS = (
    "I can tell you about manufacturing careers. I know what jobs like welder, machinist or "
    "robotics technician are like. I know the skills and training they need, and their pay and "
    "job outlook. I can also tell you about industries like aerospace, career pathways, "
    "how robots are changing factory work, and ways to get started."
)


def menu_buttons() -> list:
    return [
        Button("Jobs in manufacturing", payload("ask_roles")),
        Button("Industries", payload("ask_sectors")),
        Button("Career pathways", payload("ask_pathways")),
    ]


def explain(k: Knowledge, lead: str = "Sorry, I didn't understand that.") -> Answer:
    return Answer(f"{lead} {COVERS}", menu_buttons())


def other_cluster(k: Knowledge, other_id: str) -> Answer:
    other = k.kb.other_careers[int(other_id)]
    text = (
        f"That job is part of the {other.cluster} career cluster. I only cover the Manufacturing "
        f"cluster. Your school counselor can help you explore it, and so can CareerOneStop "
        f"(https://www.careeronestop.org/). Want to see some manufacturing jobs?"
    )
    return Answer(text, menu_buttons())


def unknown_role(k: Knowledge, current: Optional[str], aspect: str, links: Optional[Links] = None) -> Answer:
    """The user named a job we do not know: never answer with another role's facts. Offer the
    known jobs closest to it (by its words, or the industry named), or else the full list."""
    closest = closest_roles(k, links.unknown_words, links.ids(SECTOR)) if links else []
    intent = ASPECT_INTENTS[aspect]
    if closest:
        titles = join_names([k.title(r) for r in closest])
        text = (
            f"I don't have that job on my manufacturing list, so I can't give you facts about it. "
            f"The closest jobs I know are: {titles}."
        )
        buttons = [Button(k.title(r), payload(intent, role=r)) for r in closest]
    else:
        text = (
            "I don't have that job on my manufacturing list, so I can't give you facts about it. "
            "Here are jobs I do know about."
        )
        buttons = []
    if current in k.roles and current not in closest:
        title = f"{BUTTON_TITLES[aspect]}: {k.title(current)}"
        buttons.append(Button(title, payload(intent, role=current)))
    buttons.append(Button("All roles", payload("ask_roles")))
    return Answer(text, buttons, slots={"last_aspect": aspect})


#: How close a typed word must be to a word of a role's name (rapidfuzz ratio) to count.
_CLOSE_WORD = 80.0
_SHARED_STEM = 5


@lru_cache(maxsize=4)
def _role_words(linker: Linker) -> Dict[str, Dict[str, List[str]]]:
    """First letter -> word of a role name -> the roles whose names use it (built once per
    linker, so a turn compares the typed words with a few dozen words, not every name)."""
    index: Dict[str, Dict[str, List[str]]] = {}
    for name in linker.names:
        if name.kind != ROLE:
            continue
        for word in name.text.split():
            if len(word) >= 4 and word not in linker.stop_words:
                ids = index.setdefault(word[0], {}).setdefault(word, [])
                if name.id not in ids:
                    ids.append(name.id)
    return index


def closest_roles(k: Knowledge, words: Iterable[str], sectors: Iterable[str] = (), limit: int = 3) -> List[str]:
    """Known roles nearest to a job we do not know, best first: a word of the job like a word of
    a role's title or aliases ("designer" -> industrial designer), jobs and industries chosen for
    the word in `NEARBY_WORDS` ("astronaut" -> aerospace engineer), and roles of an industry the
    message names."""
    scores: Dict[str, float] = {}

    def add(role_id: str, score: float) -> None:
        if role_id in k.roles:
            scores[role_id] = max(scores.get(role_id, 0.0), score)

    index = _role_words(k.linker)
    word_hits: Dict[str, float] = {}
    for w in (w for w in words if len(w) >= 4):
        for word, role_ids in index.get(w[0], {}).items():  # a close word starts with the same letter
            score = max(fuzz.ratio(w, word), fuzz.ratio(w.rstrip("s"), word))
            stem = len(commonprefix([w, word])) >= _SHARED_STEM and not {w, word} & LOOK_ALIKE_WORDS
            if score >= _CLOSE_WORD or stem:
                for role_id in role_ids:
                    word_hits[role_id] = max(word_hits.get(role_id, 0.0), score, 80.0)
    for role_id in k.roles:  # in file order, so equal scores keep the file's order
        if role_id in word_hits:
            add(role_id, word_hits[role_id])
    for sector in sectors:
        for role_id in k.sectors[sector].roles if sector in k.sectors else ():
            add(role_id, 60.0)
    for w in words:
        # A job named in NEARBY_WORDS was chosen by hand for that word: it beats a shared
        # everyday word such as "worker" ("warehouse worker" -> forklift operator first).
        for rank, target in enumerate(NEARBY_WORDS.get(w) or NEARBY_WORDS.get(w.rstrip("s")) or ()):
            if target in k.sectors:
                for role_id in k.sectors[target].roles[:limit]:
                    add(role_id, 55.0)
            add(target, 101.0 - rank)
    return sorted(scores, key=lambda r: -scores[r])[:limit]


def out_of_scope(turn) -> Answer:
    """A question outside the assistant's subject; a career from another cluster gets a pointer."""
    others = turn.links.ids("other_career")
    if others:
        return other_cluster(turn.knowledge, others[0])
    return explain(turn.knowledge, "That's outside what I can help with.")
