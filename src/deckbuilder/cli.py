"""The command line: the only module that prints or exits."""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .errors import ContentError, Diagnostic, ExitCode, OutputInUse, UsageError

if TYPE_CHECKING:
    from .pull import Found
    from .pull_write import Plan

#: Kept here, not imported from build.py, so `build` can decide "up to date" cheaply.
FORMATS = ("pptx", "pdf", "ics", "slides-pdf")

EPILOG_BUILD = """\b
Examples:
  deckbuilder build                      # the project in this folder, into ./output
  deckbuilder build ~/decks/ihk --out /tmp/ihk-deck
"""


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version("deckbuilder"), prog_name="deckbuilder")
def cli() -> None:
    """deckbuilder turns the YAML files in content/ and the pictures in assets/ into an
    editable PowerPoint deck in output/.

    \b
    Example:
      deckbuilder build
    """


OUT_OPTION = click.option("--out", type=click.Path(file_okay=False, path_type=Path),
                          default=None, help="Folder for the results (default: PROJECT/output).")


@cli.command(epilog=EPILOG_BUILD)
@click.argument("project", type=click.Path(file_okay=False, path_type=Path), default=".")
@OUT_OPTION
@click.option("--format", "formats", default="pptx,pdf,ics", show_default=True,
              help="Comma-separated outputs: pptx (the deck), pdf (the A4 dossier), "
                   "ics (the program as a calendar file), slides-pdf (the slides as "
                   "16:9 PDF pages).")
@click.option("--force", is_flag=True, help="Build even when nothing changed since the last "
              "build.")
@click.option("--discard-edits", is_flag=True, help="When a result was edited after the last "
              "build (in PowerPoint, say), keep the edited file in output/replaced/ and build "
              "anyway; without this the build stops and names the edits.")
def build(project: Path, out: Path | None, formats: str, force: bool,
          discard_edits: bool) -> None:
    """Check the content and write the deck (PPTX), the dossier (PDF) and the program's
    calendar (ICS) into the output folder.

    PROJECT is the folder that holds content/ and assets/ (default: this folder).
    Every problem is listed as file:line:column with what to do; nothing is written
    when there is an error, and earlier results stay as they were.
    """
    from . import uptodate

    chosen = tuple(f.strip() for f in formats.split(",") if f.strip())
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise UsageError(f"unknown format '{','.join(unknown)}': choose from "
                         + ", ".join(FORMATS))
    _project(project)
    folder = out if out is not None else project / "output"
    state = None if force else uptodate.current(project, folder, chosen)
    if state is not None:  # decided before the heavy libraries are imported
        from .places import rebased_line

        for line in state["warnings"]:
            click.echo(rebased_line(line, project), err=True)
        for name, what in state["said"].items():
            click.echo(f"up to date: {_relative(folder / name)} ({what})")
        return
    from .build import build as run_build
    from .progress import Progress

    with Progress() as progress:
        report = run_build(project, folder, chosen, progress, discard_edits)
    uptodate.record(project, folder, chosen, list(report.outputs),
                    [str(w) for w in report.warnings])
    for w in report.warnings:
        click.echo(_shown(w), err=True)
    for edited, kept in report.replaced:
        click.echo(f"kept the edited {_relative(edited)} as {_relative(kept)}")
    for path, what in report.outputs:
        click.echo(f"wrote {_relative(path)} ({what})")


@cli.command(name="changes")
@click.argument("project", type=click.Path(file_okay=False, path_type=Path), default=".")
@OUT_OPTION
@click.option("--since", default=None, metavar="YYYY-MM-DD",
              help="Only the versions built on this day or later.")
def changes_command(project: Path, out: Path | None, since: str | None) -> None:
    """Print the change log: what changed in the content from build to build (moved
    events, edited slides), as kept in output/NAME-changes.md for hand-outs.

    \b
    Examples:
      deckbuilder changes
      deckbuilder changes --since 2026-11-01
    """
    from .changelog import since as sections_since

    folder = out if out is not None else project / "output"
    logs = sorted(folder.glob("*-changes.md"))
    if not logs:
        raise UsageError(f"there is no change log in '{_relative(folder)}' yet: run "
                         "'deckbuilder build' first")
    day = _date(since)
    for log in logs:
        text = log.read_text("utf-8")
        click.echo(text if day is None else sections_since(text, day), nl=False)


@cli.command(name="pull")
@click.argument("project", type=click.Path(file_okay=False, path_type=Path), default=".")
@OUT_OPTION
@click.option("--from", "source", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The edited deck (default: the deck in the output folder).")
@click.option("--dry-run", is_flag=True, help="Only show the edits and where they belong.")
def pull_command(project: Path, out: Path | None, source: Path | None, dry_run: bool) -> None:
    """Take the texts edited in the built deck (in PowerPoint, say) into content/: each
    edited text replaces the value it came from, nothing else in the files changes. What
    cannot be carried back (moved shapes, new slides) is listed and left alone.

    \b
    Examples:
      deckbuilder pull --dry-run      # only show the edits and where they belong
      deckbuilder pull                # write them into content/, then build
    """
    from . import pull_write
    from .load import load_project
    from .output_state import load
    from .pull import read_edits

    loaded = load_project(project)
    folder = out if out is not None else project / "output"
    built = f"{loaded.project.deck.name}.pptx"
    deck = source or folder / built
    found = read_edits(project, deck, built, load(folder), loaded.project)
    plan = pull_write.plan(project, found)
    for proposal in plan.changes:
        click.echo(str(proposal))
        for follow in (f for f in plan.follows if f.old == proposal.old):
            click.echo(f"  and {follow.where}: {follow.note}")
    if plan.left:
        click.echo("left alone (cannot be carried back into content/):")
        for line in plan.left:
            click.echo(f"  {line}")
    if not plan.changes and not plan.left:
        click.echo(f"no edits in {_relative(deck)} since the last build")
    if dry_run or not plan.changes:
        return
    _pull(project, folder, built, deck, found, plan)


def _pull(project: Path, folder: Path, built: str, deck: Path, found: Found, plan: Plan) -> None:
    """Writes the planned changes and says what comes next."""
    from . import pull_write

    texts = pull_write.new_texts(project, [*plan.changes, *plan.follows])
    pull_write.write(texts)
    names = ", ".join(_relative(p) for p in texts)
    count = len(plan.changes)
    click.echo(f"wrote {count} edit{'s' if count != 1 else ''} into {names}")
    if deck.resolve() == (folder / built).resolve():
        copy = pull_write.accept(folder, built, found, plan)
        click.echo(f"kept the edited deck as {_relative(copy)} (pull takes the texts; "
                   "formatting, pictures and notes stay only in that copy)")
    if plan.left:
        click.echo("the next build stops because of what is left alone: if it should stay, "
                   "make it in content/ by hand; then run 'deckbuilder build --discard-edits' "
                   "(it keeps the edited deck under output/replaced/ and builds anew)")
    else:
        click.echo("next: 'deckbuilder build' makes the deck from content/ with these texts")


@cli.command(name="check")
@click.argument("project", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("--strict", is_flag=True, help="Treat warnings (blurry pictures, past events, "
              "continued slides) as errors: exit status 1 when there is any.")
def check_command(project: Path, strict: bool) -> None:
    """Check everything a build would (content, dates, pictures, characters, text fit)
    without writing anything. Exit status 1 when there is an error.

    \b
    Examples:
      deckbuilder check ~/decks/ihk
      deckbuilder check --strict        # warnings count as errors too
    """
    from dataclasses import replace

    from .build import check

    report = check(_project(project))
    if strict and report.warnings:
        raise ContentError([replace(w, severity="error") for w in report.warnings])
    for w in report.warnings:
        click.echo(_shown(w), err=True)
    count = len(report.warnings)
    click.echo(f"no errors ({report.slides} slides, {count} warning{'' if count == 1 else 's'})")
    _note_missing_fonts(project)


def _note_missing_fonts(project: Path) -> None:
    """Says when this computer lacks the deck's fonts: PowerPoint would then show the deck
    in another font, with other line breaks than deckbuilder measured."""
    from .fonts_install import deck_fonts, font_folders, missing
    from .load import load_theme
    from .places import command_for

    absent = missing(deck_fonts(load_theme(project), project), font_folders())
    if absent:
        click.echo(f"note: the deck's fonts are not installed on this computer "
                   f"({', '.join(f.name for f in absent)}); PowerPoint would show another "
                   f"font here: run '{command_for(project, 'deckbuilder fonts')} --install'",
                   err=True)


@cli.command(name="fonts")
@click.argument("project", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("--install", is_flag=True, help="Copy the font files into this user's font "
              "folder (no admin rights needed).")
def fonts_command(project: Path, install: bool) -> None:
    """Show where the deck's font files are, and whether this computer has them
    installed; with --install, install them for the current user (Windows: the per-user
    fonts folder, macOS: ~/Library/Fonts, Linux: ~/.local/share/fonts). Install them on
    every computer that presents the deck, so that lines break where deckbuilder measured.

    \b
    Example:
      deckbuilder fonts --install
    """
    from .fonts_install import deck_fonts, font_folders, missing, user_font_folder
    from .fonts_install import install as install_fonts
    from .load import load_theme

    files = deck_fonts(load_theme(_project(project)), project)
    if install:
        for path in install_fonts(files, user_font_folder()):
            click.echo(f"installed {path}")
        click.echo("restart PowerPoint (or other programs) so that they see the fonts")
        return
    absent = set(missing(files, font_folders()))
    for path in files:
        click.echo(f"{path}{'  (not installed)' if path in absent else ''}")
    if absent:
        click.echo("install them for this user: deckbuilder fonts --install")


@cli.command(name="schema")
@click.argument("project", type=click.Path(file_okay=False, path_type=Path), default=".")
def schema_command(project: Path) -> None:
    """Write JSON Schemas for the content files into PROJECT/schema/, so that editors
    (VS Code with the YAML extension, for example) check and complete while you type.
    Each content file names its schema on its first line.

    \b
    Example:
      deckbuilder schema
    """
    from .schema import write_schemas

    for path in write_schemas(project):
        click.echo(f"wrote {_relative(path)}")


@cli.command(name="new")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def new_command(directory: Path) -> None:
    """Create a small deck project in DIRECTORY that builds at once and shows every
    kind of slide; edit its content/ files from there.

    \b
    Example:
      deckbuilder new ~/decks/workshop && deckbuilder build ~/decks/workshop
    """
    from .build import build_timestamp
    from .scaffold import create_project

    for path in create_project(directory, build_timestamp().date()):
        click.echo(f"created {_relative(path)}")
    click.echo(f"next: deckbuilder build {_relative(directory)}")


@cli.command(name="preview")
@click.argument("project", type=click.Path(file_okay=False, path_type=Path), default=".")
@OUT_OPTION
def preview_command(project: Path, out: Path | None) -> None:
    """Build, then draw every slide and dossier page as PNG into output/preview/, with a
    contact sheet (slides.png, dossier.png) that shows them all at a glance.

    \b
    Example:
      deckbuilder preview && open output/preview/slides.png
    """
    from .build import build as run_build
    from .preview import write_previews

    _project(project)
    folder = out if out is not None else project / "output"
    report = run_build(project, folder, ("pdf", "slides-pdf"))
    for w in report.warnings:
        click.echo(_shown(w), err=True)
    pdfs = [p for p, _ in report.outputs if p.suffix == ".pdf"]  # not the change log
    for path in write_previews(pdfs, folder / "preview"):
        click.echo(f"wrote {_relative(path)}")


@cli.command(name="watch")
@click.argument("project", type=click.Path(file_okay=False, path_type=Path), default=".")
@OUT_OPTION
def watch_command(project: Path, out: Path | None) -> None:
    """Build, then build again whenever a file in content/ or assets/ changes; problems
    are printed and watching goes on. Stop with Ctrl+C.

    \b
    Example:
      deckbuilder watch ~/decks/ihk
    """
    from watchfiles import watch

    from .build import build as run_build

    folder = out if out is not None else project / "output"

    def once() -> None:
        try:
            report = run_build(project, folder)
        except (ContentError, UsageError) as exc:
            problems = ([_shown(d) for d in exc.diagnostics] if isinstance(exc, ContentError)
                        else [_usage_line(exc)])
            for problem in problems:
                click.echo(problem, err=True)
            click.echo("not built; waiting for changes", err=True)
            return
        for w in report.warnings:
            click.echo(_shown(w), err=True)
        for path, what in report.outputs:
            click.echo(f"wrote {_relative(path)} ({what})")
        click.echo("waiting for changes (Ctrl+C stops)")

    _project(project)
    once()
    paths = [p for p in (project / "content", project / "assets") if p.is_dir()]
    for _ in watch(*paths, raise_interrupt=False):
        once()


@cli.group(name="template")
def template_group() -> None:
    """Inspect a corporate PowerPoint template (its masters and layouts).

    \b
    Example:
      deckbuilder template check assets/corporate.pptx
    """


@template_group.command(name="check")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def template_check(file: Path) -> None:
    """List FILE's layouts and placeholders and say which slide kinds each can serve.

    \b
    Example:
      deckbuilder template check assets/corporate.pptx
    """
    from .template import describe_template

    for line in describe_template(file):
        click.echo(line)


def _date(value: str | None) -> dt.date | None:
    """A date from the command line, with the same rules and messages as in the YAML."""
    if value is None:
        return None
    from .model import _parse_date

    try:
        parsed = _parse_date(value)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    assert isinstance(parsed, dt.date)
    return parsed


PROJECT_ARG = click.argument("project", type=click.Path(file_okay=False, path_type=Path),
                             default=".")


@cli.group()
def events() -> None:
    """List and change the dates of the program (content/program.yaml).

    \b
    Examples:
      deckbuilder events list
      deckbuilder events move "Future Day Frankfurt" 2026-11-19
      deckbuilder events move "Virtuelle Sprechstunde" 2026-04-24 --on 2026-04-17
      deckbuilder events add 2026-12-03 "Future Work Session" --place "Essen"
      deckbuilder events remove "Deep Dive Szenariotechnik"
    """


@events.command("list")
@PROJECT_ARG
def events_list(project: Path) -> None:
    """Print the program as a table; entries before today are marked 'past'.

    \b
    Example:
      deckbuilder events list ~/decks/ihk
    """
    from .build import build_timestamp
    from .dates import weekday_date
    from .load import load_project
    from .program import entries, is_past

    program = load_project(_project(project)).project.program
    today = build_timestamp().date()
    rows = [(e.heading, weekday_date(e.event.date), e.event.label,
             "past" if is_past(e.event, today) else "") for e in entries(program)]
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    for section, date, label, past in rows:
        click.echo(f"{section:<{widths[0]}}  {date:<{widths[1]}}  {label:<{widths[2]}}  {past}"
                   .rstrip())


@events.command("move")
@click.argument("title")
@click.argument("date")
@PROJECT_ARG
@click.option("--on", "on", default=None, help="The entry's current date, when the title "
              "names several entries.")
def events_move(title: str, date: str, project: Path, on: str | None) -> None:
    """Give the entry TITLE the new DATE (YYYY-MM-DD); only that line of YAML changes.

    \b
    Example:
      deckbuilder events move "Future Day Frankfurt" 2026-11-19
    """
    from .events import move

    new = _date(date)
    assert new is not None
    _report(move(_project(project), title, new, _date(on)), project)


@events.command("add")
@click.argument("date")
@click.argument("title")
@PROJECT_ARG
@click.option("--place", default=None, help="Place or partner, shown under the title.")
@click.option("--section", type=click.Choice(["events", "deep-dives"]), default="events",
              show_default=True, help="Which list of the program gets the entry.")
def events_add(date: str, title: str, project: Path, place: str | None, section: str) -> None:
    """Add an entry on DATE called TITLE, in date order.

    \b
    Example:
      deckbuilder events add 2026-12-03 "Future Work Session" --place "Essen"
    """
    from .events import add

    day = _date(date)
    assert day is not None
    _report(add(_project(project), section, day, title, place), project)


@events.command("remove")
@click.argument("title")
@PROJECT_ARG
@click.option("--on", "on", default=None, help="The entry's date, when the title names "
              "several entries.")
def events_remove(title: str, project: Path, on: str | None) -> None:
    """Remove the entry TITLE from the program.

    \b
    Example:
      deckbuilder events remove "Deep Dive Szenariotechnik"
    """
    from .events import remove

    _report(remove(_project(project), title, _date(on)), project)


def _report(change, project: Path) -> None:  # type: ignore[no-untyped-def]
    """What changed, and the command that brings the outputs up to date (naming the
    project when it is not the current folder)."""
    from .places import command_for

    click.echo(f"{change.summary} in {_relative(change.path)}; run "
               f"'{command_for(project, 'deckbuilder build')}' to update the deck, dossier "
               "and calendar")


def _usage_line(exc: UsageError) -> str:
    """The one line for a usage problem; an output open elsewhere names the file as the
    user sees it from here."""
    if isinstance(exc, OutputInUse):
        lock = _relative(exc.lock) if exc.lock is not None else ""
        return f"error: {exc.describe(_relative(exc.path), lock)}"
    return f"error: {exc}"


def main(argv: list[str] | None = None) -> None:
    """Entry point: maps every outcome to one exit status and never shows a raw traceback
    for a content or usage problem."""
    from .console import make_safe

    make_safe()
    _current.clear()
    try:
        cli.main(args=argv, prog_name="deckbuilder", standalone_mode=False)
    except ContentError as exc:
        for d in exc.diagnostics:
            click.echo(_shown(d), err=True)
        errors = sum(1 for d in exc.diagnostics if d.severity == "error")
        click.echo(f"{errors} error{'s' if errors != 1 else ''}; nothing was written.", err=True)
        sys.exit(ExitCode.CONTENT)
    except UsageError as exc:
        click.echo(_usage_line(exc), err=True)
        sys.exit(ExitCode.USAGE)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(ExitCode.USAGE)
    except click.ClickException as exc:
        exc.show()
        sys.exit(ExitCode.USAGE)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("interrupted; earlier results are unchanged", err=True)
        sys.exit(130)
    except Exception:
        traceback.print_exc()
        click.echo("\nThis is a bug in deckbuilder, not a problem with your content. Please "
                   "report it with the command you ran and the text above.", err=True)
        sys.exit(ExitCode.BUG)
    sys.exit(ExitCode.OK)


def run() -> None:
    """The console command: ``main`` and then an immediate exit.

    Once every output is written and closed, tearing down the interpreter (freeing the
    layout, the XML trees and every imported module one by one) takes another 0.1 s and
    does nothing for the user, so the process ends right after flushing its messages.
    """
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if isinstance(exc.code, str):
            click.echo(exc.code, err=True)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # the reader went away (| head) or closed the stream
            pass
    os._exit(code)
