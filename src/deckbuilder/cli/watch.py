"""``deckbuilder watch``: build, then build again on every save."""

from __future__ import annotations

import threading
from pathlib import Path

import click

from ..errors import ContentError, Interrupted, UsageError
from .common import OUT_OPTION, _relative, _shown
from .editions import SHOW_EDITION_OPTION, edition_in_use
from .refusals import usage_line
from .stopping import ctrl_c_sets


@click.command(name="watch")
@click.argument("project", type=click.Path(file_okay=False, path_type=Path), default=".")
@OUT_OPTION
@SHOW_EDITION_OPTION
def watch_command(project: Path, out: Path | None, edition: str | None) -> None:
    """Build, then build again whenever a file in content/ or assets/ changes; problems
    are printed and watching goes on. Stop with Ctrl+C.

    \b
    Example:
      deckbuilder watch ~/decks/ihk
    """
    from watchfiles import watch

    from ..build.stages import build as run_build

    def once() -> None:
        try:
            report = run_build(project, folder)
        except Exception as exc:
            if stop.is_set():  # Ctrl+C reached the PDF process too: that is why it failed
                click.echo(Interrupted().said, err=True)
                return
            if not isinstance(exc, ContentError | UsageError | OSError):
                raise
            problems = ([_shown(d) for d in exc.diagnostics] if isinstance(exc, ContentError)
                        else [usage_line(exc)])
            for problem in problems:
                click.echo(problem, err=True)
            click.echo("not built; waiting for changes", err=True)
            return
        for w in report.warnings:
            click.echo(_shown(w), err=True)
        for path, what in report.outputs:
            click.echo(f"wrote {_relative(path)} ({what})")
        click.echo("waiting for changes (Ctrl+C stops)")

    stop = threading.Event()
    with edition_in_use(project, out, edition) as folder, ctrl_c_sets(stop):
        once()
        paths = [p for p in (project / "content", project / "assets") if p.is_dir()]
        for _ in watch(*paths, stop_event=stop, raise_interrupt=False):
            if stop.is_set():  # Ctrl+C while the change came in
                break
            once()
    click.echo("stopped", err=True)
