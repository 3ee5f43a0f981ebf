"""What every command shares: the project folder check, places shown from the current
folder, and the options and arguments several commands take."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

from ..errors import Diagnostic, UsageError


def _relative(path: Path) -> str:
    from .places import shown

    return shown(path)


#: The project the running command works on: content places are shown from the current
#: folder through it (places.py). Set by ``_project``.
_current: list[Path] = []


def _project(project: Path) -> Path:
    """Checks the project folder (one message each for missing, a file, no content/) and
    remembers it for the messages."""
    if not project.exists():
        raise UsageError(f"the project folder '{_relative(project)}' does not exist")
    if not project.is_dir():
        raise UsageError(f"'{_relative(project)}' is a file, not a project folder")
    if not (project / "content").is_dir():
        where = _relative(project) if _relative(project) != "." else str(Path.cwd())
        raise UsageError(f"the folder '{where}' has no content/ folder: run "
                         "deckbuilder in a deck project, or name the project folder")
    _current[:] = [project]
    return project


def _shown(problem: Diagnostic) -> str:
    """A diagnostic with its file shown from the current folder."""
    from .places import rebased

    return str(rebased(problem, _current[0])) if _current else str(problem)


OUT_OPTION = click.option("--out", type=click.Path(file_okay=False, path_type=Path),
                          default=None, help="Folder for the results (default: PROJECT/output).")


def output_folder(project: Path, out: Path | None) -> Path:
    """``--out``, or PROJECT/output. Never content/ or assets/ or a folder in them: the
    build reads those, ``watch`` would rebuild after each of its own writes, and an
    edition's folder could land among the edition files."""
    if out is None:
        return project / "output"
    where = Path(os.path.abspath(out))  # "content/../results" is not in content/
    folders = [f for f in (where, *where.parents) if f.is_dir()]  # samefile: also on a
    for read in ("content", "assets"):                             # disk that ignores case
        source = project / read
        if source.is_dir() and (any(os.path.samefile(f, source) for f in folders)
                                or where.resolve().is_relative_to(source.resolve())):
            raise UsageError(f"--out {_relative(out)}: the results cannot go into the "
                             f"project's {read}/ folder, which every build reads (leave "
                             "--out away for output/, or name a folder outside content/ "
                             "and assets/)")
    return out


PROJECT_ARG = click.argument("project", type=click.Path(file_okay=False, path_type=Path),
                             default=".")


def _date(value: str | None) -> dt.date | None:
    """A date from the command line, with the same rules and messages as in the YAML."""
    if value is None:
        return None
    from ..content.model_types import parse_date

    try:
        parsed = parse_date(value)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    assert isinstance(parsed, dt.date)
    return parsed


def _report(change, project: Path) -> None:  # type: ignore[no-untyped-def]
    """What changed, and the command that brings the outputs up to date (naming the
    project when it is not the current folder)."""
    from .places import update_hint

    click.echo(f"{change.summary} in {_relative(change.path)}; "
               f"{update_hint(project, [change.path])}")
