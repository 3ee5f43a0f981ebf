"""The editions a project has, by name: cheap enough for the up-to-date check, which
runs before any heavy library is imported."""

from __future__ import annotations

import difflib
from pathlib import Path

from ..errors import UsageError

#: The editions' folder under content/.
FOLDER = "editions"


def names(root: Path) -> list[str]:
    """The project's editions, by name (their files' names), sorted."""
    folder = root / "content" / FOLDER
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.yaml") if p.is_file())


def file_of(name: str) -> str:
    """An edition's file, from the project's root."""
    return f"content/{FOLDER}/{name}.yaml"


def unknown_edition(root: Path, name: str) -> UsageError:
    """The usage error for an edition name the project does not have."""
    known = names(root)
    if not known:
        return UsageError(f"this project has no editions (no content/{FOLDER}/*.yaml), so "
                          f"there is no edition '{name}': leave out --edition")
    near = difflib.get_close_matches(name, known, n=1)
    guess = f"did you mean '{near[0]}'? " if near else ""
    return UsageError(f"unknown edition '{name}': {guess}the editions are "
                      + ", ".join(known))
