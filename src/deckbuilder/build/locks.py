"""Outputs that another program has open.

PowerPoint leaves ``~$NAME.pptx`` beside a deck it has open (Word and Excel cut the first
two letters of a long name: ``~$me.docx``), LibreOffice ``.~lock.NAME#``. On Windows the
open file cannot be replaced either (PermissionError), so a build checks for the lock
files before it renders anything (a replace that fails anyway rolls back: atomic.py).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import OutputInUse


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
