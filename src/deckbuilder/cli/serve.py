"""``deckbuilder serve``: the slides and dossier pages in the browser, redrawn on every save."""

from __future__ import annotations

import threading
import webbrowser
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import Location, UsageError
from .common import OUT_OPTION, PROJECT_ARG, _shown
from .editions import SHOW_EDITION_OPTION, edition_in_use
from .stopping import ctrl_c_sets

if TYPE_CHECKING:  # imported when the command runs: every other command starts faster
    from ..build.serve import Round

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
@SHOW_EDITION_OPTION
def serve_command(project: Path, out: Path | None, port: int | None, editor: str | None,
                  open_browser: bool, edition: str | None) -> None:
    """Show every slide and dossier page in the browser, and redraw what changed each time
    a file in content/ or assets/ is saved: the page updates itself. Problems appear on
    the page with their file and line while the last good pictures stay. Each slide names
    the content file and line it comes from. Only this computer can open the page.
    Stop with Ctrl+C.
    """
    from ..build.serve import Loop, open_server
    from ..build.serve_board import Board, View, editor_template
    from .places import in_project

    try:
        template = editor_template(editor) if editor else None
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    in_use = ExitStack()  # the edition, chosen before the server starts
    folder = in_use.enter_context(edition_in_use(project, out, edition))

    def place(where: Location) -> str:
        return str(replace(where, file=in_project(project, where.file)))

    server = open_server(Board(View(project.resolve(), place, template)), port)

    def report(done: Round) -> None:
        for problem in done.problems:
            click.echo(_shown(problem), err=True)
        if done.bug:
            click.echo(done.bug + "This is a bug in deckbuilder; serve goes on. Please report "
                       "it with the text above.", err=True)
        elif not done.ok:
            click.echo("not drawn; the page keeps the last good pictures", err=True)
        else:
            click.echo(f"{_drawn(done)} in {done.seconds:.2f} s", err=True)

    stop = threading.Event()
    loop = None
    in_use.enter_context(ctrl_c_sets(stop))  # Ctrl+C ends the watching below
    try:  # from the first line on: a Ctrl+C right after the address still stops cleanly
        click.echo(server.address)
        click.echo(f"open {server.address} in the browser; Ctrl+C stops", err=True)
        if open_browser:
            webbrowser.open(server.address)
        loop = Loop(project, folder, server.board, _shown)
        loop.watch(report, stop)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.board.close()
        server.shutdown()
        server.server_close()
        if loop is not None:
            loop.close()
        in_use.close()
    click.echo("stopped", err=True)


def _drawn(done: Round) -> str:
    """What a round drew anew, as "drew slide 5 and dossier page 3"."""
    parts = []
    for kind, name, total in (("slide", "slide", done.slides),
                              ("page", "dossier page", done.pages)):
        numbers = [i.rpartition("-")[2] for i in done.drawn if i.startswith(kind + "-")]
        if len(numbers) == total > 1:
            parts.append(f"all {total} {name}s")
        elif numbers:
            parts.append(f"{name}{'s' if len(numbers) > 1 else ''} {', '.join(numbers)}")
    return "drew " + " and ".join(parts) if parts else "nothing looks different"
