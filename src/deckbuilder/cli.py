"""The command line: the only module that prints or exits."""

from __future__ import annotations

import sys
import traceback
from importlib.metadata import version
from pathlib import Path

import click

from .errors import ContentError, ExitCode, UsageError

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


@cli.command(epilog=EPILOG_BUILD)
@click.argument("project", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the results (default: PROJECT/output).")
@click.option("--format", "formats", default="pptx,pdf", show_default=True,
              help="Comma-separated outputs: pptx (the deck), pdf (the A4 dossier), "
                   "slides-pdf (the slides as 16:9 PDF pages).")
def build(project: Path, out: Path | None, formats: str) -> None:
    """Check the content and write the deck (PPTX) and dossier (PDF) into the output folder.

    PROJECT is the folder that holds content/ and assets/ (default: this folder).
    Every problem is listed as file:line:column with what to do; nothing is written
    when there is an error, and earlier results stay as they were.
    """
    from .build import FORMATS
    from .build import build as run_build

    chosen = tuple(f.strip() for f in formats.split(",") if f.strip())
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise UsageError(f"unknown format '{','.join(unknown)}': choose from "
                         + ", ".join(FORMATS))
    report = run_build(project, out if out is not None else project / "output", chosen)
    for w in report.warnings:
        click.echo(str(w), err=True)
    for path, what in report.outputs:
        click.echo(f"wrote {_relative(path)} ({what})")


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
