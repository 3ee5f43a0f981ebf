"""The ``deckbuilder`` command in a process of its own, forked from the test process.

A new interpreter spends about 0.5 s starting and importing pydantic, python-pptx,
reportlab and the content model before a build begins; the suite runs the command some
400 times. Forked from a test process that has imported them already, each run starts
where that work is done: the same entry point (``deckbuilder.cli.start.run``) with its own
arguments, folder, environment, standard streams and exit status, and its own copy of
everything in memory, so a run changes nothing in the test process. What a fresh
interpreter would not have is undone in the new process: pytest's warning filters
(``error``: a library's warning would end the run where a user sees a line), the dates
and fonts deckbuilder keeps in memory for the process's life (but not the facts read from
font files, kept by their bytes' hash: the same whichever project asks, so every run
inherits the repository theme's, read once in the test process; parsing a font and
reading it back from .cache/fonts are tested in test_font_facts.py). A monkeypatch of the
calling test does carry over. Only Linux forks here (Windows has no fork; macOS's system
libraries do not survive one); elsewhere, for tests about how processes start
(``DECKBUILDER_START_METHOD``), and with ``DECKBUILDER_TEST_FORK=0`` it is
``python -m deckbuilder`` as before.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import warnings
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

#: Imported here, in the test process, so that every forked run finds them loaded.
WARM = ("deckbuilder.cli.main", "deckbuilder.build.stages", "deckbuilder.build.aside_jobs",
        "deckbuilder.edits.pull_write", "deckbuilder.edits.events",
        "deckbuilder.render.pptx.deck", "deckbuilder.render.pdf.dossier",
        "deckbuilder.render.pdf.slides", "deckbuilder.render.ics")


#: A new interpreter's warning filters (CPython's defaults, no -W), the first applied first.
DEFAULT_FILTERS: tuple[tuple[str, type[Warning], str], ...] = (
    ("default", DeprecationWarning, "__main__"), ("ignore", DeprecationWarning, ""),
    ("ignore", PendingDeprecationWarning, ""), ("ignore", ImportWarning, ""),
    ("ignore", ResourceWarning, ""))


def can_fork(env: Mapping[str, str]) -> bool:
    return (sys.platform.startswith("linux") and "DECKBUILDER_START_METHOD" not in env
            and env.get("DECKBUILDER_TEST_FORK") != "0")


def run(args: Sequence[str], cwd: Path | None, env: Mapping[str, str], timeout: float,
        before: Callable[[], None] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m deckbuilder ARGS`` as subprocess.run(capture_output=True, text=True)
    would give it; ``before`` runs in the new process first (preexec_fn)."""
    command = [sys.executable, "-m", "deckbuilder", *args]
    if not can_fork(env):
        return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=dict(env),
                              timeout=timeout, preexec_fn=before)
    _warm_up()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        sys.stdout.flush()
        sys.stderr.flush()
        with warnings.catch_warnings():
            # 3.12+ warns of a fork beside other threads: an xdist worker has execnet's
            # receiver thread, which the new process never uses (it talks to no worker).
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
        if pid == 0:
            _child(list(args), cwd, env, out.fileno(), err.fileno(), before)
        status = _wait(pid, timeout, command)
        return subprocess.CompletedProcess(command, status, _read(out), _read(err))


def _warm_up() -> None:
    """Imports, and what every build reads the same in every project: the repository
    theme's font files (9 parses, 0.3 s; a different file is read by its own hash) and
    the German hyphenation patterns (0.1 s), both kept per process by deckbuilder."""
    import importlib

    if _WARM_DONE:
        return
    for name in WARM:
        importlib.import_module(name)
    from deckbuilder.content.load import load_theme
    from deckbuilder.text.hyph_patterns import dictionary
    from deckbuilder.text.measure import Measurer

    root = Path(__file__).resolve().parents[1]
    measurer = Measurer(load_theme(root), root)
    for path in {*measurer.paths.values(), *measurer.fallback_paths.values()}:
        measurer.facts(path)
    dictionary(measurer.splits.lang)
    _WARM_DONE.append(True)


_WARM_DONE: list[bool] = []


def _child(args: list[str], cwd: Path | None, env: Mapping[str, str], out: int, err: int,
           before: Callable[[], None] | None) -> None:
    """Runs the command as the new process's whole life; never returns (the command ends
    with os._exit, as the real one does; anything else is reported and ends with 1)."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(out, 1)
        os.dup2(err, 2)
        _as_a_new_interpreter(env)
        if cwd is not None:
            os.chdir(cwd)
        if before is not None:
            before()
        sys.argv = [str(Path(sys.executable).parent / "deckbuilder"), *args]
        from deckbuilder.cli.start import run as command

        command()
    except BaseException:
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
        os._exit(1)


def _as_a_new_interpreter(env: Mapping[str, str]) -> None:
    """Streams, environment, warning filters and deckbuilder's per-process memory as
    ``python -m deckbuilder`` would start with them."""
    encoding, _, errors = env.get("PYTHONIOENCODING", "").partition(":")
    encoding = encoding or "utf-8"  # this machine's locale; Python coerces C to UTF-8
    sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding=encoding,
                                  errors=errors or "strict")
    sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding=encoding,
                                  errors="backslashreplace", line_buffering=True)
    os.environ.clear()
    os.environ.update(env)
    warnings.resetwarnings()
    for action, category, module in reversed(DEFAULT_FILTERS):  # each goes to the front
        warnings.filterwarnings(action, category=category, module=module)  # type: ignore[arg-type]
    from deckbuilder.content import dates
    from deckbuilder.text import measure

    dates._KEPT = dates._Kept()
    measure._register.cache_clear()


def _wait(pid: int, timeout: float, command: list[str]) -> int:
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise subprocess.TimeoutExpired(command, timeout)
        time.sleep(0.005)


def _read(file: tempfile._TemporaryFileWrapper[bytes] | io.BufferedRandom) -> str:
    """The stream's text, decoded as subprocess.run(text=True) decodes it."""
    file.seek(0)
    data = file.read()
    return io.TextIOWrapper(io.BytesIO(data), encoding=None, newline=None).read()
