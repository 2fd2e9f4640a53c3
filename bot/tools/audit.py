"""Check the pinned packages against the advisory list kept in the repository (no network).

    python -m bot.tools.audit [--lock requirements.lock] [--advisories data/advisories.yml]   (make audit)

Every `name==version` pin of the lock file, and the installers the Makefile pins (pip, setuptools,
wheel), is matched against data/advisories.yml. A pin inside an entry's `affected` range fails
the audit unless the entry says why it is `accepted` (no fixed version can be installed and it
does not matter here); accepted matches are listed. Exit status 1 on a failure, 2 on a broken list.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import yaml
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from bot import ROOT

LOCK = ROOT / "requirements.lock"
ADVISORIES = ROOT / "data" / "advisories.yml"
MAKEFILE = ROOT / "Makefile"
_PIN = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;#]+)")
_INSTALLERS = ("pip", "setuptools", "wheel")


@dataclass(frozen=True)
class Advisory:
    package: str
    affected: SpecifierSet
    id: str
    note: str
    accepted: Optional[str]


@dataclass(frozen=True)
class Match:
    package: str
    version: str
    advisory: Advisory


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(text: str) -> Dict[str, str]:
    """`name==version` lines of a requirements file, by canonical name."""
    found = {}
    for line in text.splitlines():
        match = _PIN.match(line)
        if match:
            found[canonical(match.group(1))] = match.group(2)
    return found


def installer_pins(makefile: str) -> Dict[str, str]:
    """pip, setuptools and wheel as the Makefile installs them first (`pip==26.3 ...`)."""
    found = {}
    for name in _INSTALLERS:
        match = re.search(rf"\b{name}==([^\s]+)", makefile)
        if match:
            found[name] = match.group(1)
    return found


def load(text: str) -> List[Advisory]:
    """The advisory list; ValueError names the broken entry."""
    data = yaml.safe_load(text) or {}
    entries = data.get("advisories") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ValueError("the file must hold `advisories:`, a list of entries")
    advisories = []
    for n, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("package", "affected", "id")):
            raise ValueError(f"entry {n}: needs package, affected and id (text)")
        try:
            affected = SpecifierSet(entry["affected"])
        except InvalidSpecifier:
            raise ValueError(f"entry {n} ({entry['package']}): affected {entry['affected']!r} is not a range") from None
        if not str(affected):
            raise ValueError(f"entry {n} ({entry['package']}): affected must name versions")
        accepted = entry.get("accepted")
        advisories.append(
            Advisory(canonical(entry["package"]), affected, entry["id"], str(entry.get("note", "")), accepted or None)
        )
    return advisories


def matches(pinned: Dict[str, str], advisories: Sequence[Advisory]) -> List[Match]:
    found = []
    for advisory in advisories:
        version = pinned.get(advisory.package)
        if version is None:
            continue
        try:
            hit = advisory.affected.contains(Version(version), prereleases=True)
        except InvalidVersion:
            hit = True  # a pin we cannot compare is reported, not silently passed
        if hit:
            found.append(Match(advisory.package, version, advisory))
    return found


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lock", type=Path, default=LOCK)
    parser.add_argument("--advisories", type=Path, default=ADVISORIES)
    parser.add_argument("--makefile", type=Path, default=MAKEFILE)
    args = parser.parse_args(argv)
    pinned = pins(args.lock.read_text())
    if args.makefile.exists():
        pinned.update(installer_pins(args.makefile.read_text()))
    try:
        advisories = load(args.advisories.read_text())
    except ValueError as error:
        print(f"{args.advisories}: {error}", file=sys.stderr)
        return 2
    found = matches(pinned, advisories)
    failed = [m for m in found if not m.advisory.accepted]
    for m in found:
        status = "ACCEPTED" if m.advisory.accepted else "VULNERABLE"
        print(f"{status} {m.package}=={m.version} ({m.advisory.affected}): {m.advisory.id}: {m.advisory.note}")
        if m.advisory.accepted:
            print(f"    why: {m.advisory.accepted}")
    print(
        f"audit: {len(pinned)} pins against {len(advisories)} advisories: "
        f"{len(failed)} vulnerable, {len(found) - len(failed)} accepted"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
