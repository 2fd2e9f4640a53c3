"""Problems found in a knowledge file, phrased for the counselor who edits it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import List, Sequence


@dataclass(frozen=True)
class Problem:
    entry: str  # "roles[welder]", "meta": where to look in the file
    field: str  # "median_pay.year"; "" when the entry itself is the problem
    message: str

    def describe(self) -> str:
        where = f"entry {self.entry}" + (f", field {self.field}" if self.field else "")
        return f"{where}: {self.message}"


class KnowledgeError(Exception):
    """The knowledge file cannot be used. Carries every problem found."""

    def __init__(self, path: Path, problems: Sequence[Problem]):
        self.path = Path(path)
        self.problems: List[Problem] = list(problems)
        lines = [f"{self.path}: {len(self.problems)} problem(s) in the knowledge file"]
        lines += [f"  - {p.describe()}" for p in self.problems]
        super().__init__("\n".join(lines))
