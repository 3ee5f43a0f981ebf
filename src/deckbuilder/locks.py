"""Outputs that another program has open, and replacing a set of files all or none.

PowerPoint leaves ``~$NAME.pptx`` beside a deck it has open (Word and Excel cut the first
two letters of a long name: ``~$me.docx``), LibreOffice ``.~lock.NAME#``. On Windows the
open file cannot be replaced either (PermissionError), so a build checks for the lock
files before it renders anything, and a replace that fails anyway rolls back the outputs
already replaced: the output folder holds the previous set or the new one, never a mix.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import OutputInUse


def lock_files(target: Path) -> list[tuple[Path, str]]:
    """Each lock file beside ``target`` that says a program has it open, with the program."""
    office = "PowerPoint" if target.suffix.lower() in (".pptx", ".ppt") else "Microsoft Office"
    candidates = [(target.with_name(f"~${target.name}"), office),
                  (target.with_name(f".~lock.{target.name}#"), "LibreOffice")]
    if len(target.name) > 2:
        candidates.insert(1, (target.with_name(f"~${target.name[2:]}"), office))
    return [(path, program) for path, program in candidates if path.is_file()]


def refuse_open_outputs(targets: list[Path]) -> None:
    """Raises OutputInUse for the first target that a program has open."""
    for target in targets:
        found = lock_files(target)
        if found:
            lock, program = found[0]
            raise OutputInUse(target, program, lock)


def replace_all(temps: dict[Path, Path]) -> None:
    """Moves each temporary file onto its target; when one move fails, the targets already
    replaced get their previous files back and OutputInUse (file open elsewhere) or the
    OSError is raised. The previous files are moved aside first, because on Windows a
    file that a program has open cannot be renamed either: that fails before any change."""
    done: list[tuple[Path, Path | None]] = []  # target, its previous file moved aside
    failed = next(iter(temps), Path())
    try:
        for failed, temp in temps.items():
            backup = _move_aside(failed)
            done.append((failed, backup))
            os.replace(temp, failed)
    except OSError as exc:
        _roll_back(done)
        if isinstance(exc, PermissionError):  # Windows: open in another program
            raise OutputInUse(failed, "", None) from None
        exc.filename = str(failed)
        raise
    for _, backup in done:
        if backup is not None:
            backup.unlink(missing_ok=True)


def _move_aside(target: Path) -> Path | None:
    """The previous output renamed beside itself, or None when there was none."""
    if not target.exists():
        return None
    backup = target.with_name(f".{target.name}.{os.getpid()}.old.tmp")
    os.replace(target, backup)
    return backup


def _roll_back(done: list[tuple[Path, Path | None]]) -> None:
    """Puts the previous outputs back, the last replaced first."""
    for target, backup in reversed(done):
        if backup is not None and backup.exists():
            os.replace(backup, target)
        elif backup is None:
            target.unlink(missing_ok=True)
