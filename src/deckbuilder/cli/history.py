"""The commands that list and take back what commands changed in content/: history, undo."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import PROJECT_ARG, _project, _relative

if TYPE_CHECKING:
    from ..edits.history import Change


def command_line() -> str:
    """The running command as the user typed it, near enough ('events move "Future Day
    Frankfurt" 2026-11-19'), for `history`: its words, arguments and the options given."""
    ctx = click.get_current_context()
    words = ctx.command_path.split()[1:]
    for param in ctx.command.params:
        value = ctx.params.get(param.name or "")
        if isinstance(param, click.Argument):
            if param.name != "project" or str(value) != ".":
                words.append(_quoted(str(value)))
        elif value not in (None, False, param.default):
            flag = param.opts[0]
            words.append(flag if value is True else f"{flag} {_quoted(str(value))}")
    return " ".join(words)


def _quoted(word: str) -> str:
    return f'"{word}"' if not word or any(c in word for c in " \"'$&|;<>*?") else word


@click.command(name="history")
@PROJECT_ARG
def history_command(project: Path) -> None:
    """List the changes commands made to content/ (events, pull), newest first, with what
    each did; 'deckbuilder undo' takes back the newest.

    \b
    Example:
      deckbuilder history
    """
    from ..edits.history import FOLDER, KEEP, changes, room

    found = changes(_project(project))
    for change in found:
        click.echo(f"{_when(change)}  {change.command}")
        if change.damaged:
            click.echo(f"  damaged: {change.damaged}; 'deckbuilder undo --force' takes it "
                       "off the history")
        for kept in change.files:
            where = f" (kept as {_relative(change.folder / kept.before)})" \
                if change.kept and kept.before else ""
            click.echo(f"  {_relative(project / kept.path)}{where}")
        for line in change.summary:
            click.echo(f"  {line}")
    size = _size(room(project))
    if not found:
        click.echo(f"no changes kept yet ({size} in {_relative(project / FOLDER)})")
        return
    count = len(found)
    click.echo(f"{count} change{'s' if count != 1 else ''} kept (the last {KEEP} stay), "
               f"{size} in {_relative(project / FOLDER)}; 'deckbuilder undo' takes back "
               "the newest")


@click.command(name="undo")
@PROJECT_ARG
@click.option("--force", is_flag=True, help="Take the change back even where a file was "
              "changed by hand since; the hand-made file is kept in the history.")
def undo_command(project: Path, force: bool) -> None:
    """Take back the last change a command made to content/ (events, pull): its files
    become byte for byte what they were before. Run it again to take back the one before.

    \b
    Examples:
      deckbuilder undo
      deckbuilder undo --force    # a file was changed by hand since: keep that in the history
    """
    from ..edits.history import Damaged, EditedSince, NothingToUndo, undo
    from ..errors import ContentError, ExitCode, Location, error
    from .places import command_for, update_hint

    try:
        done = undo(_project(project), force)
    except NothingToUndo:
        click.echo("error: nothing to undo: no command has changed content/ since the "
                   "history began, or every change was taken back ('deckbuilder history' "
                   "lists what is kept)", err=True)
        sys.exit(ExitCode.CONTENT)
    except Damaged as exc:
        again = command_for(project, "deckbuilder undo")
        raise ContentError([error(
            Location(_relative(exc.change.folder)), f"the newest change kept "
            f"('{exc.change.command}', {_when(exc.change)}) is damaged: "
            f"{exc.change.damaged}, so it cannot be taken back",
            f"run '{again} --force' to take it off the history; then '{again}' takes "
            "back the change before it")]) from None
    except EditedSince as exc:
        for lines in exc.edited.values():
            for line in lines:
                click.echo(line, err=True)
        again = command_for(project, "deckbuilder undo")
        raise ContentError([error(Location(path), f"changed by hand since "
                                  f"'{exc.change.command}' ({_when(exc.change)}); undo "
                                  "would lose the lines shown above",
                                  f"copy them first, or run '{again} --force': it keeps "
                                  "this version in the history") for path in exc.edited]
                           ) from None
    if done.change.damaged:
        click.echo(f"took the damaged change ({_when(done.change)}) off the history; no "
                   "file was changed. 'deckbuilder undo' now takes back the one before")
        return
    click.echo(f"took back: {done.change.command} ({_when(done.change)})")
    for line in done.change.summary:
        click.echo(f"  {line}")
    if done.hand_made is not None:
        for kept in done.hand_made.files:
            if kept.before is not None:
                click.echo(f"kept the hand-made {kept.path} as "
                           f"{_relative(done.hand_made.folder / kept.before)}")
    names = ", ".join(_relative(project / k.path) for k in done.change.files)
    click.echo(f"restored {names}; "
               f"{update_hint(project, [project / k.path for k in done.change.files])}")


def _when(change: Change) -> str:
    return f"{change.time:%d.%m.%Y %H:%M}"


def _size(count: int) -> str:
    if count < 1024 * 1024:
        return f"{-(-count // 1024)} KB"  # rounded up: a few bytes are not "0 KB"
    return f"{count / 1048576:.1f} MB"
