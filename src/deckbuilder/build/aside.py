"""A second Python process that renders the PDFs while this one renders the deck.

It is started with "spawn", the start method every platform has: Windows has no "fork",
and macOS defaults to "spawn" because "fork" is unsafe with some system libraries. A
spawned process starts a fresh interpreter, so it is started early (before the content is
loaded) and imports the PDF renderer while this process loads and lays out; the work is
then sent to it as picklable writers. On Linux the early start (start_early) forks
instead: at that moment the command has imported nothing but the standard library's
basics and runs no thread, when "fork" is safe, and a forked process skips the new
interpreter's start (0.1 s of CPU, on a machine whose two cores the build keeps busy).
Every other start spawns, since threads may run by then (images.py prepares pictures on
a pool); the outputs are the same bytes either way (tests/test_portability.py).

A killed build leaves no process writing on: the child watches its parent's sentinel (a
pipe end on POSIX, the process handle on Windows) from a thread and ends itself when the
parent is gone, and it stops when the connection to the parent closes.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

#: The start method; DECKBUILDER_START_METHOD overrides it (tests compare the methods).
START_METHOD = "spawn"
#: The early start's method where it is safe and cheaper (see above).
EARLY_METHOD = "fork" if sys.platform.startswith("linux") else START_METHOD

Writer = Callable[[Path], str]


def _parallel() -> bool:
    return (os.cpu_count() or 1) >= 2 and not os.environ.get("DECKBUILDER_SERIAL")


#: The process start_early started, until start_for takes it over or end_early ends it.
_EARLY: list[Aside] = []


def start_early(args: Sequence[str]) -> None:
    """Starts the second process as soon as the command line says ``build``, before it is
    parsed and before the command's own modules are imported: the process's interpreter
    and imports, the longest part of the PDF lane, begin 0.1 s sooner. start_for takes it
    over, or ends it when the build needs none (no PDF asked for)."""
    if args[:1] == ["build"] and not {"-h", "--help", "--all-editions"} & set(args) \
            and _parallel():
        try:
            _EARLY.append(Aside(early_method()))
        except Exception:  # noqa: BLE001 - start_for tries again, where the build reports it
            pass


def early_method() -> str:
    """The early start's method: fork on Linux while the command is still single-threaded
    (a thread forked with would be lost in the child); spawn anywhere else.
    DECKBUILDER_START_METHOD overrides it as it does every start."""
    if os.environ.get("DECKBUILDER_START_METHOD"):
        return os.environ["DECKBUILDER_START_METHOD"]
    if EARLY_METHOD == "fork" and (threading.active_count() > 1
                                   or "fork" not in multiprocessing.get_all_start_methods()):
        return START_METHOD
    return EARLY_METHOD


def end_early() -> None:
    """Ends a process start_early started that no build took over (nothing changed)."""
    while _EARLY:
        _EARLY.pop().close()


def start_for(formats: tuple[str, ...]) -> Aside | None:
    """Starts the second process for the PDFs (the dossier is the slowest output) when
    the deck is written here and there is more than one core; None when everything runs
    here. The calendar goes there too (aside_jobs.py): the deck is the longer lane. A
    process start_early started is taken over (or ended, when none is needed)."""
    early = _EARLY.pop() if _EARLY else None
    if "pptx" not in formats or not {"pdf", "slides-pdf"} & set(formats) or not _parallel():
        if early is not None:
            early.close()
        return None
    return early or Aside()


class Aside:
    """The second process: ``submit`` work once, then collect its ``result``."""

    def __init__(self, method: str | None = None) -> None:
        chosen = method or os.environ.get("DECKBUILDER_START_METHOD") or START_METHOD
        context: Any = multiprocessing.get_context(chosen)
        self._conn, child_end = context.Pipe(duplex=True)
        inherited = self._conn if chosen == "fork" else None  # a spawned one gets only its own
        self._process = context.Process(target=serve, args=(child_end, inherited), daemon=True,
                                        name="deckbuilder-pdf")
        with ctrl_c_held():
            self._process.start()
        child_end.close()
        self._done = False
        self._batches = 0

    def submit(self, jobs: Mapping[Path, tuple[Writer, Path]]) -> None:
        """Each target's writer and the temporary file it writes to. Work may come in
        batches: the dossier and calendar before the deck is laid out, the handouts
        (which draw the deck's slides) after; each runs as soon as it arrives."""
        self._conn.send(jobs)
        self._batches += 1

    def result(self) -> dict[Path, str]:
        """What each writer of every batch said; re-raises the exception a writer raised
        there."""
        said: dict[Path, str] = {}
        failure: BaseException | None = None
        for _ in range(self._batches):
            try:
                status, value = self._conn.recv()
            except (EOFError, OSError):
                failure = failure or RuntimeError("the PDF process stopped without a result")
                break
            if status == "error":
                failure = failure or value
            else:
                said.update(value)
        self._done = True
        self.close()
        if failure is not None:
            raise failure
        return said

    def close(self) -> None:
        """Ends the process; safe to call twice. Before its result arrived (the build
        failed here) it is killed at once rather than waited for: it may still be
        importing, and what it writes is a temporary file that is removed next."""
        self._conn.close()
        if not self._done:
            self._process.kill()
        self._process.join()


@contextmanager
def ctrl_c_held() -> Iterator[None]:
    """A terminal's Ctrl+C reaches the whole process group, and a new process that has not
    yet ignored it (serve) died of it, or broke the pipe the build was sending on. This
    thread holds Ctrl+C back while it starts the process: a forked one starts with it held
    back until serve ignores it (a spawned one starts a new interpreter, which drops the
    hold: its build fails, and watch reports it as interrupted). A held-back Ctrl+C
    reaches this process right after."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) \
        if hasattr(signal, "pthread_sigmask") else None
    try:
        yield
    finally:
        if held is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)


def serve(conn: Connection, inherited: Connection | None = None) -> None:
    """The child's main: prepare, wait for the jobs, run them, send back what they said.
    ``inherited``: the parent's end of the pipe, which a forked process holds a copy of;
    closed first, or the pipe would stay open when the parent closes its end, and this
    process would wait for work that never comes."""
    if inherited is not None:
        inherited.close()
    # Ctrl+C in a terminal reaches the whole process group: the parent decides (it ends
    # this process, or lets watch and serve finish the build); here it only broke the pipe.
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # so from the start (Aside)
    if hasattr(signal, "pthread_sigmask"):  # a forked one also inherits the hold
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _end_with_parent(conn)
    _warm_up()
    while True:
        try:
            jobs: dict[Path, tuple[Writer, Path]] = conn.recv()
        except (EOFError, OSError):  # the parent has all it asked for, or gave up
            break
        try:
            conn.send(("ok", {target: write(temp) for target, (write, temp) in jobs.items()}))
        except BaseException as exc:  # reported by the parent, which owns the exit code
            conn.send(("error", exc))
    # Ends here, without the interpreter's teardown of reportlab, pikepdf and the rest
    # (0.1-0.2 s the parent would wait for in close()): everything is written and sent.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _end_with_parent(conn: Connection) -> None:
    """A thread that ends this process as soon as the parent is gone."""
    parent = multiprocessing.parent_process()
    sentinel: Any = parent.sentinel if parent is not None else None
    if sentinel is None:
        return

    def watch() -> None:
        wait([sentinel])
        os._exit(1)  # the parent was killed: the half-written temporary file is left

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def _warm_up() -> None:
    """Imports the renderers, and the writers whose unpickling would otherwise import
    them, while the parent still loads and lays out the content."""
    from ..render import ics  # noqa: F401
    from ..render.pdf import dossier, slides  # noqa: F401
    from . import aside_jobs  # noqa: F401
