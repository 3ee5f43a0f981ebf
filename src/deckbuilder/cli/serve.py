"""``deckbuilder serve``: the slides and dossier pages in the browser, redrawn on every save."""

from __future__ import annotations

import threading
import webbrowser
from dataclasses import replace
from pathlib import Path

import click

from ..errors import Location, UsageError
from .common import OUT_OPTION, PROJECT_ARG, _project, _shown

EPILOG = """\b
Examples:
  deckbuilder serve                     # this project, at http://127.0.0.1:8700/
  deckbuilder serve ~/decks/ihk --open  # another one, opened in the browser
  deckbuilder serve --editor vscode     # a click on a place opens it in VS Code
"""


@click.command(name="serve", epilog=EPILOG)
@PROJECT_ARG
@OUT_OPTION
@click.option("--port", type=click.IntRange(0, 65535), default=None,
              help="The port to listen on (default 8700, or any free one when it is taken; "
                   "0: any free one).")
@click.option("--editor", envvar="DECKBUILDER_EDITOR", default=None, metavar="EDITOR",
              help="Make each place on the page a link that opens the file at its line: "
                   "vscode, vscode-insiders, vscodium, cursor, idea, textmate, or the "
                   "editor's link with {path}, {line} and {column}. Without it a click "
                   "copies the place. Also read from DECKBUILDER_EDITOR.")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the browser.")
def serve_command(project: Path, out: Path | None, port: int | None, editor: str | None,
                  open_browser: bool) -> None:
    """Show every slide and dossier page in the browser, and redraw what changed each time
    a file in content/ or assets/ is saved: the page updates itself. Problems appear on
    the page with their file and line while the last good pictures stay. Each slide names
    the content file and line it comes from. Only this computer can open the page.
    Stop with Ctrl+C.
    """
    from ..build.serve import Loop, Round, open_server
    from ..build.serve_board import View, editor_template
    from .places import in_project

    _project(project)
    try:
        template = editor_template(editor) if editor else None
    except ValueError as exc:
        raise UsageError(str(exc)) from None

    def place(where: Location) -> str:
        return str(replace(where, file=in_project(project, where.file)))

    server = open_server(View(project.resolve(), place, template), port)
    click.echo(server.address)
    click.echo(f"open {server.address} in the browser; Ctrl+C stops", err=True)
    if open_browser:
        webbrowser.open(server.address)

    def report(done: Round) -> None:
        for problem in done.problems:
            click.echo(_shown(problem), err=True)
        if done.bug:
            click.echo(done.bug + "This is a bug in deckbuilder; serve goes on. Please report "
                       "it with the text above.", err=True)
        elif not done.ok:
            click.echo("not drawn; the page keeps the last good pictures", err=True)
        else:
            what = ", ".join(done.drawn) if done.drawn else "nothing changed"
            click.echo(f"drew {what} ({done.slides} slides, {done.pages} dossier pages) "
                       f"in {done.seconds:.2f} s", err=True)

    loop = Loop(project, out if out is not None else project / "output", server.board, _shown)
    stop = threading.Event()
    try:
        loop.watch(report, stop)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.board.close()
        server.shutdown()
        server.server_close()
        loop.close()
    click.echo("stopped", err=True)
