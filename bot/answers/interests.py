"""What students say they like, in their own words (English and Spanish), mapped onto the career
finder's interests.

"I enjoy repairing bikes" means hands-on work; "I like sketching" means drawing and design,
which the finder files under technology (CAD). Each phrase also names the words in a role's
summary, tasks and skills that show why the role fits, so "fixing things" ranks the
maintenance mechanic first among the hands-on jobs.

The interests themselves are the knowledge file's tags (`roles[].interests`). The "What fits me?"
quiz (bot/answers/quiz.py) matches on O*NET's interest profiles (RIASEC) instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Tuple

from bot.phrases import say
from bot.text import normalise


@dataclass(frozen=True)
class OwnWord:
    interest: str  # a finder interest: hands_on, technology, people or data
    phrase: str  # how the answer says it back (data/phrases/<language>/finder.yml): "fixing things"
    pattern: str  # regular expression over the normalised message
    stems: Tuple[str, ...]  # word starts in a role's (English) text that show the fit

    @property
    def label(self) -> str:
        """How an English answer says it back."""
        return say("en", self.phrase)


OWN_WORDS: List[OwnWord] = [
    OwnWord(
        "hands_on",
        "finder.like_fixing",
        r"fix\w*|repair\w*|bikes?|bicycles?|cars?|engines?|motors?|tinker\w*|mechanic\w*"
        r"|tak\w* things apart|how machines work"
        r"|arregl\w*|repar\w*|bicis?|bicicletas?|carros?|coches?|motores?|mecanic\w*|desarm\w*",
        ("repair", "fix", "maint", "troubleshoot", "servic"),
    ),
    OwnWord(
        "technology",
        "finder.like_drawing",
        r"draw\w*|sketch\w*|design\w*|drafting|art|arts|artistic|3d model\w*|cad"
        r"|dibuj\w*|disen\w*|arte|artistic[oa]s?|modelos? 3d",
        ("draw", "design", "cad", "model", "blueprint"),
    ),
    OwnWord(
        "hands_on",
        "finder.like_building",
        r"build\w*|mak\w* things|mak\w* stuff|assembl\w*|woodwork\w*|legos?|crafts?|put\w* things together"
        r"|construir|construyendo|hacer cosas|armar cosas|ensambl\w*|carpinteria|manualidades",
        ("build", "assembl", "weld", "join", "put parts"),
    ),
    OwnWord(
        "hands_on",
        "finder.like_hands",
        r"hands|hands on|tools?|weld\w*|metal\w*|physical work"
        r"|manos|herramientas?|soldar|soldadura|metales|trabajo fisico",
        ("hand", "tool", "weld", "metal"),
    ),
    OwnWord(
        "hands_on",
        "finder.like_active",
        r"outside|outdoors?|moving around|on my feet|active|sports?|working out"
        r"|afuera|al aire libre|moverme|deportes?|activo|activa|ejercicio",
        ("floor", "lift", "move"),
    ),
    OwnWord(
        "technology",
        "finder.like_tech",
        r"computers?|coding|code|program\w*|tech|technology|video games?|gaming|electronics?|robots?|robotics"
        r"|gadgets?|software|computadoras?|compu|programar|programacion|codigo|tecnologia|videojuegos?"
        r"|electronica|robotica",
        ("program", "robot", "computer", "software", "automat", "electronic", "sensor"),
    ),
    OwnWord(
        "data",
        "finder.like_math",
        r"math\w*|numbers?|algebra|geometry|calculus|statistics|stats|data|spreadsheets?|puzzles?"
        r"|problem solving|solving problems"
        r"|matematicas?|mates|numeros?|geometria|calculo|estadistica|datos|rompecabezas|resolver problemas",
        ("data", "math", "analy", "measur", "statistic"),
    ),
    OwnWord(
        "data",
        "finder.like_science",
        r"science|chemistry|physics|biology|experiments?|how things work|labs?"
        r"|ciencias?|quimica|fisica|biologia|experimentos?|laboratorio|como funcionan las cosas",
        ("physics", "science", "test", "experiment"),
    ),
    OwnWord(
        "people",
        "finder.like_people",
        r"help\w* (?:people|others|out)|people|leading|leader\w*|lead|teach\w*|teamwork|teams?|organi[sz]\w*"
        r"|talking|planning|in charge|keeping people safe"
        r"|ayudar a (?:la )?gente|ayudar a (?:los )?demas|gente|personas|dirigir|liderar|lider\w*|ensenar|equipo"
        r"|organizar|platicar|planear",
        ("lead", "train", "team", "safe", "plan", "coordinat"),
    ),
]
_COMPILED = [(w, re.compile(rf"\b(?:{w.pattern})\b")) for w in OWN_WORDS]
#: Words that say the message is about the student's likes or strengths.
_LIKING = re.compile(
    r"\b(like|likes|love|loves|enjoy\w*|into|good at|good with|great at|great with|fan of"
    r"|interested in|passion\w*|fun|favou?rite|skilled at|best at|obsessed|dream"
    r"|me gusta\w*|le gusta\w*|me encanta\w*|le encanta\w*|me interesa\w*|me late|me fascina\w*|disfruto"
    r"|soy buen[oa]|es buen[oa]|se me da\w*|lo mio|mi pasion)\b"
)


def own_words(text: str) -> List[OwnWord]:
    """What the message says the student likes, in the order said, each once."""
    t = normalise(text)
    hits = sorted((m.start(), i, w) for i, (w, rx) in enumerate(_COMPILED) for m in [rx.search(t)] if m)
    return list(dict.fromkeys(w for _, _, w in hits))


def states_a_liking(text: str) -> bool:
    """'I enjoy ...', 'I'm good at ...': the message tells us about the student."""
    return bool(_LIKING.search(normalise(text)))
