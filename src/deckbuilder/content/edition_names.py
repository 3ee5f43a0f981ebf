"""The editions a project has, by name: cheap enough for the up-to-date check, which
runs before any heavy library is imported."""

from __future__ import annotations

import difflib
from pathlib import Path

from ..errors import Diagnostic, Location, UsageError, error

#: The editions' folder under content/.
FOLDER = "editions"


#: Folders deckbuilder itself writes in the output folder: no edition's folder.
RESERVED = ("preview", "replaced")


def names(root: Path) -> list[str]:
    """The project's editions, by name (their files' names), sorted; a hidden file
    (.NAME.yaml, an editor's copy) is none."""
    folder = root / "content" / FOLDER
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.yaml")
                  if p.is_file() and not p.name.startswith("."))


def name_problems(root: Path) -> list[Diagnostic]:
    """Edition names that cannot be output folders: one of deckbuilder's own, or two
    that differ only in capitals (one folder on Windows and macOS)."""
    found: list[Diagnostic] = []
    seen: dict[str, str] = {}
    for name in names(root):
        where = Location(file_of(name), 1, 1)
        if name.lower() in RESERVED:
            found.append(error(where, f"'{name}' is the name of a folder deckbuilder "
                               "writes in the output folder", "rename the edition's file"))
        other = seen.setdefault(name.lower(), name)
        if other != name:
            found.append(error(where, f"the editions '{other}' and '{name}' differ only in "
                               "capitals: Windows and macOS would write both into one "
                               "folder", "rename one of the files"))
    return found


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
