"""Rasa checks, for every message, whether the domain is empty, by turning the whole domain into
a dict and comparing it with a freshly built empty domain (~0.2 ms a turn). A loaded domain does
not change, so the answer is worked out once per domain object.

Replaces rasa.shared.core.domain.Domain.is_empty (applied, guarded, by bot.speedups)."""

from __future__ import annotations

from typing import Any

from rasa.shared.core.domain import Domain

# Rasa's own. None if this Rasa lacks it, and then the guard never applies the patch (hence Any).
_rasa_is_empty: Any = getattr(Domain, "is_empty", None)
PATCHED = ("rasa.shared.core.domain.Domain.is_empty",)


def is_empty(self: Domain) -> bool:
    cached = self.__dict__.get("_speedups_is_empty")
    if cached is None:
        cached = self.__dict__["_speedups_is_empty"] = _rasa_is_empty(self)
    return cached
