"""The command line: the only module that prints or exits."""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from importlib.metadata import version
from pathlib import Path

import click

from .errors import ContentError, ExitCode, UsageError

#: Kept here, not imported from build.py, so `build` can decide "up to date" cheaply.
FORMATS = ("pptx", "pdf", "ics", "slides-pdf")

EPILOG_BUILD = """\b
Examples:
  deckbuilder build                      # the project in this folder, into ./output
  deckbuilder build ~/decks/ihk --out /tmp/ihk-deck
"""


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


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
def build(project: Path, out: Path | None, formats: str, force: bool) -> None:
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
    folder = out if out is not None else project / "output"
    state = None if force or not (project / "content").is_dir() else \
        uptodate.current(project, folder, chosen)
    if state is not None:  # decided before the heavy libraries are imported
        for line in state["warnings"]:
            click.echo(line, err=True)
        for name, what in state["said"].items():
            click.echo(f"up to date: {_relative(folder / name)} ({what})")
        return
    from .build import build as run_build
    from .progress import Progress

    with Progress() as progress:
        report = run_build(project, folder, chosen, progress)
    uptodate.record(project, folder, chosen, list(report.outputs),
                    [str(w) for w in report.warnings])
    for w in report.warnings:
        click.echo(str(w), err=True)
    for path, what in report.outputs:
        click.echo(f"wrote {_relative(path)} ({what})")


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

    report = check(project)
    if strict and report.warnings:
        raise ContentError([replace(w, severity="error") for w in report.warnings])
    for w in report.warnings:
        click.echo(str(w), err=True)
    count = len(report.warnings)
    click.echo(f"no errors ({report.slides} slides, {count} warning{'' if count == 1 else 's'})")


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
    from .scaffold import create_project

    for path in create_project(directory):
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

    folder = out if out is not None else project / "output"
    report = run_build(project, folder, ("pdf", "slides-pdf"))
    for w in report.warnings:
        click.echo(str(w), err=True)
    for path in write_previews([p for p, _ in report.outputs], folder / "preview"):
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
            problems = exc.diagnostics if isinstance(exc, ContentError) else [f"error: {exc}"]
            for problem in problems:
                click.echo(str(problem), err=True)
            click.echo("not built; waiting for changes", err=True)
            return
        for w in report.warnings:
            click.echo(str(w), err=True)
        for path, what in report.outputs:
            click.echo(f"wrote {_relative(path)} ({what})")
        click.echo("waiting for changes (Ctrl+C stops)")

    if not (project / "content").is_dir():
        raise UsageError(f"the folder '{project.resolve()}' has no content/ folder")
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

    program = load_project(project).project.program
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
    _report(move(project, title, new, _date(on)))


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
    _report(add(project, section, day, title, place))


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

    _report(remove(project, title, _date(on)))


def _report(change) -> None:  # type: ignore[no-untyped-def]
    click.echo(f"{change.summary} in {_relative(change.path)}; run 'deckbuilder build' to "
               "update the deck, dossier and calendar")


def main(argv: list[str] | None = None) -> None:
    """Entry point: maps every outcome to one exit status and never shows a raw traceback
    for a content or usage problem."""
    try:
        cli.main(args=argv, prog_name="deckbuilder", standalone_mode=False)
    except ContentError as exc:
        for d in exc.diagnostics:
            click.echo(str(d), err=True)
        errors = sum(1 for d in exc.diagnostics if d.severity == "error")
        click.echo(f"{errors} error{'s' if errors != 1 else ''}; nothing was written.", err=True)
        sys.exit(ExitCode.CONTENT)
    except UsageError as exc:
        click.echo(f"error: {exc}", err=True)
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
