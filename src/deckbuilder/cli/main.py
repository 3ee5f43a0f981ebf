"""The command line: the only module that prints or exits."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

import click

from ..errors import ContentError, ExitCode, Interrupted, UsageError
from . import editions as ed
from .common import OUT_OPTION, _current, _project, _relative, _shown, output_folder
from .edits import changes_command, pull_command
from .events import events, template_group
from .history import history_command, undo_command
from .refusals import refusal_line, usage_line
from .serve import serve_command
from .watch import watch_command

#: Kept here, not imported from build/stages.py, so `build` can decide "up to date" cheaply.
FORMATS = ("pptx", "pdf", "ics", "slides-pdf", "handout", "notes")

EPILOG_BUILD = """\b
Examples:
  deckbuilder build                      # the project in this folder, into ./output
  deckbuilder build ~/decks/ihk --out /tmp/ihk-deck
"""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="deckbuilder", prog_name="deckbuilder")
def cli() -> None:
    """deckbuilder turns the YAML files in content/ and the pictures in assets/ into an
    editable PowerPoint deck in output/.

    \b
    Example:
      deckbuilder build
    """



@cli.command(epilog=EPILOG_BUILD)
@click.argument("project", type=click.Path(file_okay=False, path_type=Path), default=".")
@OUT_OPTION
@click.option("--format", "formats", default="pptx,pdf,ics", show_default=True,
              help="Comma-separated outputs: pptx (the deck), pdf (the A4 dossier), "
                   "ics (the program as a calendar file), slides-pdf (the slides as "
                   "16:9 PDF pages), handout (slides on A4 to take home), notes (one "
                   "slide a page with its speaker notes).")
@click.option("--per-page", type=click.Choice(["2", "3", "4", "6"]), default="3",
              show_default=True, help="Slides on a handout page (lines for notes with 3).")
@click.option("--force", is_flag=True, help="Build even when nothing changed since the last "
              "build.")
@click.option("--discard-edits", is_flag=True, help="When a result was edited after the last "
              "build (in PowerPoint, say), keep the edited file in output/replaced/ and build "
              "anyway; without this the build stops and names the edits.")
@ed.EDITION_OPTION
@ed.ALL_EDITIONS_OPTION
def build(project: Path, out: Path | None, formats: str, per_page: str, force: bool,
          discard_edits: bool, edition: str | None, all_editions: bool) -> None:
    """Check the content and write the deck (PPTX), the dossier (PDF) and the program's
    calendar (ICS) into the output folder.

    PROJECT is the folder that holds content/ and assets/ (default: this folder).
    Every problem is listed as file:line:column with what to do; nothing is written
    when there is an error, and earlier results stay as they were.
    """
    from ..build.incremental import build as run_build
    from .progress import Progress

    chosen = tuple(f.strip() for f in formats.split(",") if f.strip())
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise UsageError(f"unknown format '{','.join(unknown)}': choose from "
                         + ", ".join(FORMATS))
    if per_page != "3":  # the handout's slides a page travel with its format
        chosen = tuple(f"handout-{per_page}" if f == "handout" else f for f in chosen)
    if _project(project) and (edition is not None or all_editions):
        return ed.build_some(project, out, chosen, force, discard_edits, edition, all_editions)
    folder = output_folder(project, out)
    with Progress() as progress:
        outcome = run_build(project, folder, chosen, force=force, discard_edits=discard_edits,
                            progress=progress)
    for w in outcome.warnings:
        click.echo(_shown(w), err=True)
    for edited, kept in outcome.replaced:
        click.echo(f"kept the edited {_relative(edited)} as {_relative(kept)}")
    for path, what in outcome.outputs:
        said = "up to date:" if outcome.up_to_date else "wrote"
        click.echo(f"{said} {_relative(path)} ({what})")


@cli.command(name="check")
@click.argument("project", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("--strict", is_flag=True, help="Treat warnings (blurry pictures, past events, "
              "continued slides) as errors: exit status 1 when there is any.")
@click.option("--libreoffice", is_flag=True, help="Also open the deck in this computer's "
              "LibreOffice and warn where its text runs into the footer or off a slide.")
def check_command(project: Path, strict: bool, libreoffice: bool) -> None:
    """Check everything a build would (content, dates, pictures, characters, text fit)
    without writing anything. Exit status 1 when there is an error.

    \b
    Examples:
      deckbuilder check ~/decks/ihk
      deckbuilder check --strict        # warnings count as errors too
      deckbuilder check --libreoffice   # and as LibreOffice shows the deck here
    """
    from dataclasses import replace

    from ..build.editions import check_all

    report = check_all(_project(project))
    seen = _check_in_libreoffice(project) if libreoffice else 0
    if strict and report.warnings:
        raise ContentError([replace(w, severity="error") for w in report.warnings])
    for w in report.warnings:
        click.echo(_shown(w), err=True)
    click.echo(ed.check_summary(report, seen))
    _note_missing_fonts(project)


def _check_in_libreoffice(project: Path) -> int:
    """Writes the deck into a temporary folder (nothing in output/ changes), prints
    where LibreOffice's text disagrees with the layout, and says how often."""
    import tempfile

    from ..build.stages import build as run_build

    with tempfile.TemporaryDirectory(prefix="deckbuilder-check-") as tmp:
        report = run_build(project, Path(tmp), ("pptx",))
        deck = next(p for p, _ in report.outputs if p.suffix == ".pptx")
        lines = _libreoffice_view(project, deck, Path(tmp) / "preview")
    for line in lines[1:]:
        click.echo(line, err=True)
    return sum(1 for line in lines[1:] if "warning:" in line)


def _libreoffice_view(project: Path, deck: Path, folder: Path) -> list[str]:
    """The deck drawn by LibreOffice into ``folder``/libreoffice, and a warning for each
    slide where its text runs into the footer or off the slide."""
    import tempfile

    from ..build.libreoffice import convert, deck_words, disagreements, template_text
    from ..build.preview import contact_sheet, render_pages
    from ..content.load import load_project

    with tempfile.TemporaryDirectory(prefix="deckbuilder-lo-") as tmp:
        pdf = convert(deck, Path(tmp))
        pages = render_pages(pdf, folder / "libreoffice", "slide")
        shown = [f"wrote {_relative(contact_sheet(pages, folder / 'libreoffice.png'))}"]
        footer = [load_project(project).project.deck.footer, *template_text(deck)]
        found = disagreements(pdf, footer, deck_words(deck))
    by_slide: dict[int, list[str]] = {}
    for d in found:
        by_slide.setdefault(d.slide, []).append(f"'{d.text}' {d.where}")
    return shown + [f"warning: slide {n}: LibreOffice draws {', '.join(words[:4])}"
                    f"{' …' if len(words) > 4 else ''} (its fonts differ from the deck's: "
                    "shorten the text or make its box taller)" for n, words in by_slide.items()]


def _note_missing_fonts(project: Path) -> None:
    """Says when this computer lacks the deck's fonts: PowerPoint would then show the deck
    in another font, with other line breaks than deckbuilder measured."""
    from ..content.load import load_theme
    from ..text.fonts_install import deck_fonts, font_folders, missing
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
    from ..content.load import load_theme
    from ..text.fonts_install import deck_fonts, font_folders, missing, user_font_folder
    from ..text.fonts_install import install as install_fonts

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
    from ..content.schema import write_schemas

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
    from ..build.stages import build_timestamp
    from ..content.scaffold import create_project

    for path in create_project(directory, build_timestamp().date()):
        click.echo(f"created {_relative(path)}")
    click.echo(f"next: deckbuilder build {_relative(directory)}")


@cli.command(name="preview")
@click.argument("project", type=click.Path(file_okay=False, path_type=Path), default=".")
@OUT_OPTION
@click.option("--libreoffice", is_flag=True, help="Also draw the deck as this computer's "
              "LibreOffice does (its fonts, its line breaks) into output/preview/libreoffice/, "
              "and say where its text runs into the footer or off a slide.")
@ed.SHOW_EDITION_OPTION
def preview_command(project: Path, out: Path | None, libreoffice: bool,
                    edition: str | None) -> None:
    """Build, then draw every slide and dossier page as PNG into output/preview/, with a
    contact sheet (slides.png, dossier.png) that shows them all at a glance.

    \b
    Examples:
      deckbuilder preview && open output/preview/slides.png
      deckbuilder preview --libreoffice    # and as LibreOffice draws it: libreoffice.png
    """
    from ..build.preview import write_previews
    from ..build.stages import build as run_build

    formats = ("pptx", "pdf", "slides-pdf") if libreoffice else ("pdf", "slides-pdf")
    with ed.edition_in_use(project, out, edition) as folder:
        report = run_build(project, folder, formats)
        for w in report.warnings:
            click.echo(_shown(w), err=True)
        pdfs = [p for p, _ in report.outputs if p.suffix == ".pdf"]  # not the change log
        for path in write_previews(pdfs, folder / "preview"):
            click.echo(f"wrote {_relative(path)}")
        if libreoffice:
            deck = next(p for p, _ in report.outputs if p.suffix == ".pptx")
            for line in _libreoffice_view(project, deck, folder / "preview"):
                click.echo(line, err=line.startswith("warning"))


for command in (changes_command, pull_command, template_group, events, history_command,
                undo_command, serve_command, ed.editions_command, watch_command):
    cli.add_command(command)


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
        click.echo(f"{errors} error{'s' if errors != 1 else ''}; "
                   f"{exc.written or 'nothing was written'}.", err=True)
        sys.exit(ExitCode.CONTENT)
    except UsageError as exc:
        click.echo(usage_line(exc), err=True)
        sys.exit(ExitCode.USAGE)
    except click.exceptions.Abort as exc:
        if isinstance(exc.__cause__, KeyboardInterrupt):  # click's form of Ctrl+C
            click.echo(_interrupted(exc.__cause__), err=True)
            sys.exit(130)
        click.echo("aborted", err=True)
        sys.exit(ExitCode.USAGE)
    except click.ClickException as exc:
        exc.show()
        sys.exit(ExitCode.USAGE)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except OSError as exc:  # disk full, read-only, in use: cli/refusals.py
        click.echo(refusal_line(exc)[0], err=True)
        sys.exit(refusal_line(exc)[1])
    except KeyboardInterrupt as exc:
        click.echo(_interrupted(exc), err=True)
        sys.exit(130)
    except Exception:
        traceback.print_exc()
        click.echo("\nThis is a bug in deckbuilder, not a problem with your content. Please "
                   "report it with the command you ran and the text above.", err=True)
        sys.exit(ExitCode.BUG)
    sys.exit(ExitCode.OK)


def _interrupted(exc: KeyboardInterrupt) -> str:
    """What a Ctrl+C left: nothing changed, or what was written in full before it."""
    return (exc if isinstance(exc, Interrupted) else Interrupted()).said


def run() -> None:
    """The console command: ``main`` and then an immediate exit.

    Once every output is written and closed, tearing down the interpreter (freeing the
    layout, the XML trees and every imported module one by one) takes another 0.1 s and
    does nothing for the user, so the process ends right after flushing its messages.

    Pydantic plugins are off in the command's process and in the PDF process (cli/start.py
    turns them off before it starts that one): looking for them reads the entry points of
    every installed package (0.05-0.13 s here, more with more packages), and no plugin
    should hook into a build anyway.
    """
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
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
