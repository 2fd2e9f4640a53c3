"""Which rows of the blind batches a run scores, and the floor they are held to.

`make test-blind` scores every row of every batch. `make test` scores the newest batch of each
kind (understanding, conversations, spanish) in full, since that is the honest number, and
guards the older ones by a fixed share of them: every BLIND_SAMPLE-th play, a play being a single
row or a whole conversation (no turn loses the turns before it). The same rows every run, so a
sampled score is as reproducible as a full one. docs/understanding.md, "Blind batches in make test".
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable, List, NamedTuple, Optional, Set


class Floor(NamedTuple):
    """The share of a batch's rows that must pass: its score when first run, rounded down to the
    whole percent (raise it as the bot gets better; never lower it). `sampled`, when set, is the
    floor of its sampled rows where their first score was below the batch's (a sample scores a
    little above or below its batch)."""

    every_row: float
    sampled: Optional[float] = None

    def of(self, every: int) -> float:
        return self.every_row if every == 1 or self.sampled is None else self.sampled


def sample_every() -> int:
    """BLIND_SAMPLE: every how-many-th play of an older batch is scored (unset or 1: all of them)."""
    every = int(os.environ.get("BLIND_SAMPLE") or 1)
    assert every >= 1, f"BLIND_SAMPLE must be 1 or more, not {every}"
    return every


def newest(paths: Iterable[Path]) -> Set[str]:
    """The newest batch of each kind: "understanding_batch12" over "understanding_batch9"."""
    best: dict = {}
    for path in paths:
        named = re.fullmatch(r"(\w+?)_batch(\d+)", path.stem)
        assert named, f"not a blind batch's name: {path.stem}"
        kind, number = named.groups()
        if int(number) > best.get(kind, (0, ""))[0]:
            best[kind] = (int(number), path.stem)
    return {stem for _, stem in best.values()}


def every_for(path: Path, paths: Iterable[Path]) -> int:
    """1 (all rows) for the newest batch of its kind or one named in BLIND_BATCHES, else BLIND_SAMPLE."""
    return 1 if path.stem in newest(paths) | named() else sample_every()


def sample(rows: List[dict], every: int) -> List[dict]:
    """Every `every`-th play: a row, or all the turns of a conversation (rows with `conversation`)."""
    return [row for n, row in enumerate(rows) if row.get("conversation", n) % every == 0]


def described(every: int) -> str:
    return "" if every == 1 else f" (every {every}th play, as `make test` guards an older batch)"


def named() -> Set[str]:
    """The batches named in BLIND_BATCHES ("conversations_batch7,spanish_batch3"), scored alone and
    in full (`make test-blind BLIND=...`): a new batch is first scored that way."""
    names = {n.strip() for n in os.environ.get("BLIND_BATCHES", "").split(",") if n.strip()}
    unknown = names - {p.stem for p in Path(__file__).parents[1].joinpath("blind").glob("*_batch*.yml")}
    assert not unknown, f"no such blind batch: {sorted(unknown)}"
    return names


def chosen(paths: List[Path]) -> List[Path]:
    """The batches of `paths` named in BLIND_BATCHES, else all of them."""
    names = named()
    return [p for p in paths if not names or p.stem in names]
