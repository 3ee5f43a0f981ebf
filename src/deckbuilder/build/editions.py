"""Building and checking several editions: each into its own folder, all on shared caches.

``build --all-editions`` first asks each edition, cheaply and in this process, whether its
outputs still stand (uptodate.py: the shared files are read once for all). The rest are
built by a pool of processes, one per core, each building one edition after another with
its PDFs in the same process: on a machine whose cores are all busy, a second process per
build would only take turns with the others. The pool is forked on Linux after this
process imported the stages (each worker starts with them loaded), spawned elsewhere.
Prepared pictures, font facts, hyphenation and dates are kept in the project's
``output/.cache``, which every edition reads and adds to (each file replaced in one step,
cache_file.py); the up-to-date state, the change log and the edit guard's record stay in
the edition's own folder.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..content import edition_names as editions
from ..errors import ContentError, Diagnostic, Interrupted, UsageError
from . import incremental, uptodate
from .incremental import Outcome

CACHE = uptodate.CACHE  # the caches' folder, shared by the editions built into one folder


@dataclass(frozen=True)
class EditionPlace:
    """An edition, its file, its own program file if any, and where its outputs go."""

    name: str
    file: Path
    program: str | None
    out: Path
    default: bool


def places(root: Path, out: Path) -> list[EditionPlace]:
    """Every edition of the project at ``root`` with its output folder under ``out``."""
    from ..content.editions import default_of, own_program

    default = default_of(root)
    found = []
    for name in editions.names(root):
        own = own_program(root, name)
        found.append(EditionPlace(name, root / editions.file_of(name), own, out / name,
                                  name == default))
    return found


def chosen(root: Path, names: list[str] | None) -> list[str]:
    """The editions asked for (None: all), each known; an unknown name is a usage error
    that lists the known ones."""
    known = editions.names(root)
    if names is None:
        if not known:
            raise UsageError("this project has no editions (content/editions/*.yaml): "
                             "build it without --all-editions")
        return known
    for name in names:
        if name not in known:
            raise editions.unknown_edition(root, name)
    return names


Result = Outcome | ContentError | UsageError


def build_editions(root: Path, out: Path, formats: tuple[str, ...], names: list[str], *,
                   force: bool = False, discard_edits: bool = False,
                   progress: Callable[[str], None] = lambda stage: None
                   ) -> dict[str, Result]:
    """Each edition's outcome (or its problems), built into ``out``/NAME/."""
    cache = out / CACHE
    results: dict[str, Result] = {}
    todo = []
    for name in names:
        state = None if force else uptodate.current(root, out / name, formats, name)
        if state is not None:
            said = tuple((out / name / file, what) for file, what in state["said"].items())
            warnings = tuple(uptodate.diagnostic(w) for w in state["warnings"])
            results[name] = Outcome(said, warnings, up_to_date=True)
        else:
            todo.append(name)
    from .aside import end_early

    end_early()
    if len(todo) == 1:  # one edition: the usual build, with its PDF process
        results[todo[0]] = _one(root, out, formats, todo[0], True, discard_edits, cache)
    elif todo:
        results.update(_in_pool(root, out, formats, todo, discard_edits, cache, progress))
    return {name: results[name] for name in names}


def _one(root: Path, out: Path, formats: tuple[str, ...], name: str, force: bool,
         discard_edits: bool, cache: Path) -> Result:
    try:
        return incremental.build(root, out / name, formats, force=force,
                                 discard_edits=discard_edits, edition=name, cache=cache)
    except (ContentError, UsageError) as exc:
        return exc


def _worker_start() -> None:
    """Each worker builds one edition at a time, its PDFs included (aside.py), on the
    measurer of the edition before when the theme is the same (reuse.py)."""
    from .reuse import keep_measurers

    os.environ["DECKBUILDER_SERIAL"] = "1"
    keep_measurers()
    # A terminal's Ctrl+C reaches the workers too: the command decides (_in_pool), and a
    # worker finishes the edition it builds rather than printing a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _pool_context() -> multiprocessing.context.BaseContext:
    method = os.environ.get("DECKBUILDER_START_METHOD")
    if method is None:
        fork = (sys.platform.startswith("linux") and threading.active_count() == 1
                and "fork" in multiprocessing.get_all_start_methods())
        method = "fork" if fork else "spawn"
    return multiprocessing.get_context(method)


def _in_pool(root: Path, out: Path, formats: tuple[str, ...], names: list[str],
             discard_edits: bool, cache: Path, progress: Callable[[str], None]
             ) -> dict[str, Result]:
    from concurrent.futures import Future, ProcessPoolExecutor

    from . import stages  # noqa: F401 - imported once here, inherited by forked workers
    from .aside import _warm_up, ctrl_c_held

    _warm_up()
    workers = max(1, min(len(names), os.cpu_count() or 1))
    results: dict[str, Result] = {}
    with ProcessPoolExecutor(workers, mp_context=_pool_context(),
                             initializer=_worker_start) as pool:
        running: dict[str, Future[Result]] = {}
        try:
            with ctrl_c_held():  # the workers start with it held back, then ignore it
                for name in names:
                    running[name] = pool.submit(_one, root, out, formats, name, True,
                                                discard_edits, cache)
            for name, future in running.items():
                results[name] = future.result()
                progress(f"built edition {name}")
        except KeyboardInterrupt:  # the editions being built finish; no other starts
            pool.shutdown(wait=True, cancel_futures=True)
            built = [n for n, f in running.items() if not f.cancelled()
                     and f.exception() is None and not isinstance(f.result(), Exception)]
            raise (Interrupted(f"{_editions(built)} built in full before it took effect; "
                               "the others are unchanged") if built else Interrupted()
                   ) from None
    return results


def _editions(names: list[str]) -> str:
    return f"the edition {names[0]} was" if len(names) == 1 else \
        f"the editions {', '.join(names)} were"


def problems_of(results: dict[str, Result]) -> list[Diagnostic]:
    """Every edition's content problems, each once, in file order."""
    from ..content.load import sort_diagnostics

    found = [d for r in results.values() if isinstance(r, ContentError) for d in r.diagnostics]
    return sort_diagnostics(found)


@dataclass(frozen=True)
class Checked:
    """What ``check`` found across the editions (one entry for a project without any)."""

    slides: tuple[tuple[str | None, int], ...]  # each edition's name and slide count
    warnings: tuple[Diagnostic, ...]


def check_all(root: Path) -> Checked:
    """Everything a build checks, for every edition in one pass: all problems of all
    editions together (each once), nothing written."""
    from ..content.editions import chosen as choose
    from ..content.load import sort_diagnostics
    from .stages import check

    names: list[str | None] = list(editions.names(root)) or [None]
    counts: list[tuple[str | None, int]] = []
    warnings: list[Diagnostic] = []
    from ..content.editions import default_problems

    errors: list[Diagnostic] = default_problems(root)  # what a build without --edition finds
    for name in names:
        try:
            with choose(name):
                report = check(root)
        except ContentError as exc:
            errors += exc.diagnostics
            continue
        counts.append((name, report.slides))
        warnings += report.warnings
    if errors:
        raise ContentError(sort_diagnostics(list({str(e): e for e in errors}.values())))
    unique = {str(w): w for w in warnings}
    return Checked(tuple(counts), tuple(unique.values()))
