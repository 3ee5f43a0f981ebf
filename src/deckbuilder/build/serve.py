"""``deckbuilder serve``: draws the deck and the dossier, serves them, and redraws on each save.

The server starts first (``open_server``), so its address is known at once; the drawing
loop (``run``) then loads, checks and lays out the project as a build does (``prepare``),
draws what changed (serve_draw.py) and puts it on the board (serve_board.py), the slides
before the dossier: a saved slide shows while the dossier is still being drawn. When the
content has errors, the board shows them and keeps the last good pictures. Nothing is
written to the output folder but its cache (prepared pictures, word splits), which builds
share.
"""

from __future__ import annotations

import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ContentError, Diagnostic, Location, UsageError, error
from .serve_board import Board
from .serve_http import Server

#: The port ``serve`` tries when none is given; when it is taken, any free one.
DEFAULT_PORT = 8700


@dataclass(frozen=True)
class Round:
    """What one round of drawing found, for the command to report."""

    problems: tuple[Diagnostic, ...] = ()
    drawn: tuple[str, ...] = ()  # "slide-3", "page-2": drawn anew
    seconds: float = 0.0
    ok: bool = True
    bug: str = ""  # the traceback of an unexpected failure
    slides: int = 0
    pages: int = 0


def open_server(board: Board, port: int | None) -> Server:
    """The server of ``board`` on 127.0.0.1, serving in a thread of its own. ``port``
    None: the default port, or a free one when that is taken; 0: a free one. UsageError
    when the port asked for is taken."""
    try:
        server = Server(board, DEFAULT_PORT if port is None else port)
    except OSError as exc:
        if port is not None:
            raise UsageError(f"cannot listen on port {port} ({exc.strerror}): choose "
                             "another with --port, or --port 0 for any free one") from None
        server = Server(board, 0)
    # Looks for a shutdown every 0.05 s (0.5 by default): Ctrl+C ends serve at once.
    threading.Thread(target=server.serve_forever, args=(0.05,), name="serve",
                     daemon=True).start()
    return server


@dataclass
class Loop:
    """Draws rounds for one project onto one board."""

    root: Path
    out: Path
    board: Board
    shown: Callable[[Diagnostic], str] = str
    scratch: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="deckbuilder-")))

    def __post_init__(self) -> None:
        from .serve_draw import Drawer
        from .stages import CACHE

        self.cache = self.out / CACHE
        self.drawer = Drawer(self.root, self.cache, self.scratch)

    def _problems(self, found: list[Diagnostic]) -> list[dict[str, object]]:
        return [self.board.view.problem(d, self.shown(d)) for d in found]

    def draw(self) -> Round:
        """One round: check and lay out everything, draw what changed, show it."""
        started = time.perf_counter()
        self.board.show(status="drawing")
        try:
            return self._draw(started)
        except (ContentError, UsageError) as exc:
            found = (list(exc.diagnostics) if isinstance(exc, ContentError)
                     else [error(Location(""), str(exc))])
            self.board.show(problems=self._problems(found), status="errors")
            return Round(tuple(found), seconds=time.perf_counter() - started, ok=False)
        except Exception:  # noqa: BLE001 - shown, and the loop goes on with the next save
            text = traceback.format_exc()
            self.board.show(problems=[{"severity": "error", "where": "",
                                       "text": "deckbuilder hit a bug (see its window): "
                                               + text.strip().splitlines()[-1]}],
                            status="bug")
            return Round(seconds=time.perf_counter() - started, ok=False, bug=text)

    def _draw(self, started: float) -> Round:
        # The fonts' facts and word splits a round learned are kept as a build keeps them:
        # the next round reads them instead of parsing nine fonts (0.28 s to 0.12 s a
        # round for the IHK deck).
        from .stages import _save_learned as save_learned
        from .stages import prepare

        self.cache.mkdir(parents=True, exist_ok=True)
        ready = prepare(self.root, dossier=True, cache=self.cache)
        save_learned(ready)
        warnings = list(ready.warnings)
        slides = self.drawer.slides(ready)
        drawn = list(self.drawer.redrawn)
        self.board.show(slides=slides, problems=self._problems(warnings), status="drawing",
                        title=ready.loaded.project.deck.title)
        pages = self.drawer.dossier(ready)
        drawn += self.drawer.redrawn
        self.board.show(pages=pages, status="ready")
        return Round(tuple(warnings), tuple(drawn), time.perf_counter() - started,
                     slides=len(slides), pages=len(pages))

    def watch(self, report: Callable[[Round], None], stop: threading.Event) -> None:
        """Draws now, then after each change in content/ or assets/, until ``stop``."""
        from watchfiles import watch

        report(self.draw())
        paths = [p for p in (self.root / "content", self.root / "assets") if p.is_dir()]
        for _ in watch(*paths, stop_event=stop, raise_interrupt=False, step=30):
            report(self.draw())

    def close(self) -> None:
        import shutil

        shutil.rmtree(self.scratch, ignore_errors=True)
