"""Paths in messages as the user can click or type them, wherever the command was run.

Content places are found relative to the project (``content/program.yaml:8:13``); the CLI
shows them relative to the folder the command was run from, so a terminal or editor opens
them. A path outside that folder is shown as the user typed it (backslashes and drive
letters on Windows kept), never resolved: resolving turns a mapped Windows drive into its
network name and a symlinked folder into one the user never typed.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path, PurePath

from ..errors import Diagnostic


def shown(path: PurePath, cwd: PurePath | None = None) -> str:
    """``path`` relative to ``cwd`` (default: the current folder) when it lies inside it,
    else as typed."""
    if not path.is_absolute():
        return str(path)
    base = cwd if cwd is not None else Path.cwd()
    try:
        return str(path.relative_to(base)) or "."
    except ValueError:
        return str(path)


def in_project(project: PurePath, file: str, cwd: PurePath | None = None) -> str:
    """A project file (``content/x.yaml``) as shown from ``cwd``."""
    if PurePath(file).is_absolute() or file in ("", "?"):
        return file
    return shown(project / file, cwd)


def rebased(diagnostic: Diagnostic, project: PurePath) -> Diagnostic:
    """The diagnostic with its file shown from the current folder."""
    where = diagnostic.location
    return replace(diagnostic, location=replace(where, file=in_project(project, where.file)))


def is_here(project: Path) -> bool:
    """Whether ``project`` is the folder the command was run from."""
    try:
        return os.path.samefile(project, Path.cwd())
    except OSError:
        return False


def command_for(project: Path, command: str) -> str:
    """``deckbuilder build`` or ``deckbuilder build PROJECT`` when run from elsewhere;
    a path with spaces in double quotes, which cmd.exe, PowerShell and POSIX shells read.
    A plain build while an edition is chosen (--edition) builds that edition: it says so."""
    from ..content.editions import current_name

    edition = current_name()
    if edition is not None and command == "deckbuilder build":
        command += f" --edition {edition}"
    if is_here(project):
        return command
    where = shown(project)
    if any(c.isspace() for c in where):
        where = f'"{where}"'
    return f"{command} {where}"


def update_hint(project: Path, changed: list[Path]) -> str:
    """"run 'deckbuilder build ...' to update ...": the build that brings every output
    reading the ``changed`` content files up to date. The shared program is every
    edition's that has none of its own: all of them are named, not only the one chosen."""
    from ..content.editions import current_name, default_of, editions_reading

    root = project.resolve()
    users = sorted({name for path in changed
                    for name in editions_reading(root, _rel(project, path))})
    if len(users) > 1:
        return (f"run '{command_for(project, 'deckbuilder build --all-editions')}' to update "
                f"the editions {', '.join(users[:-1])} and {users[-1]}")
    if users and users[0] != (current_name() or default_of(root)):
        return (f"run '{command_for(project, f'deckbuilder build --edition {users[0]}')}' "
                "to update its deck, dossier and calendar")
    return (f"run '{command_for(project, 'deckbuilder build')}' to update the deck, dossier "
            "and calendar")


def _rel(project: Path, path: Path) -> str:
    """``path`` from the project's folder as written ("content/program.yaml"), not resolved:
    content/ may be a link to a folder elsewhere."""
    return Path(os.path.relpath(os.path.abspath(path), os.path.abspath(project))).as_posix()
