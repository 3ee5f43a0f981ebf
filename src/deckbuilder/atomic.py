"""Files replaced in one step: a reader sees the old file or the new one, never half of one.

Every file deckbuilder writes (outputs, cache entries, the build state, content files that
``events`` and ``pull`` change) goes through here: a temporary file beside the target (same
folder, so the same file system), flushed to the disk, then a rename, then the folder's
entry flushed too; a set of files is replaced all or none. Without the flushes a power cut
right after a command can leave an empty file on some file systems (ext4, XFS), the rename
having reached the disk before the data.

On Windows an open file cannot be replaced (PermissionError), so a replace that fails
rolls back the files already replaced: the folder holds the previous set or the new one,
never a mix.
"""

from __future__ import annotations

import glob
import os
import signal
import stat
import tempfile
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol, TypeVar

from .errors import Interrupted, OutputInUse, PreviousKept

T = TypeVar("T")
Writer = Callable[[Path], str]  # writes one file's temporary copy, says what it holds


def temporary_beside(target: Path) -> Path:
    """A new empty file next to ``target``, named ``.<name>.<pid>.<random>.tmp`` so that a
    later build can tell the leftovers of a killed build by their process id."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp",
                                    dir=target.parent)
    except OSError as exc:  # a read-only folder, a name too long: say which file
        raise named(exc, target) from None
    os.close(fd)
    return Path(name)


def flush_to_disk(path: Path) -> None:
    """Makes the file's bytes durable before a rename publishes it. Opened for writing:
    Windows flushes (FlushFileBuffers) only a handle that may write; a copy that kept a
    read-only original's mode (guard.keep) is flushed through a reading one (POSIX)."""
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except PermissionError:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def flush_folders(targets: Iterable[Path]) -> None:
    """Makes the renames into the targets' folders durable. Windows has no handle for a
    folder to flush (the file's flush is what there is), and some file systems refuse it
    (EINVAL): the files are in place by now either way, so a refusal is no failure."""
    if os.name == "nt":
        return
    for folder in dict.fromkeys(t.parent for t in targets):
        try:
            fd = os.open(folder, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)


def mode_for(target: Path) -> int:
    """The permissions a new copy of ``target`` gets: those of the file it replaces (a
    content file shared with a group stays writable for it, a read-only one read-only), or
    for a new file readable by everyone like a file the user saved (mkstemp creates it for
    its owner only). On Windows always writable: a read-only copy could not be removed
    when the replace fails."""
    if os.name == "nt":  # only "read-only" there, which would keep the copy from going
        return 0o644
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o644


def move_into_place(tmp: Path, target: Path) -> None:
    """Renames a finished temporary file onto ``target`` with ``target``'s permissions
    (mode_for), its bytes on the disk first."""
    flush_to_disk(tmp)
    os.chmod(tmp, mode_for(target))
    os.replace(tmp, target)
    flush_folders([target])


def write_atomically(target: Path, data: bytes) -> None:
    """Writes ``data`` to ``target`` in one step; raises OSError naming ``target`` when that
    is impossible (a write that fails names no file of its own)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_beside(target)
    try:
        tmp.write_bytes(data)
        move_into_place(tmp, target)
    except OSError as exc:
        raise named(exc, target) from None
    finally:
        tmp.unlink(missing_ok=True)


def named(exc: OSError, target: Path) -> OSError:
    """``exc`` naming ``target`` where it names no file or only a temporary one, so that
    the message says which file could not be written."""
    if exc.filename is None or Path(exc.filename).name.endswith(".tmp"):
        exc.filename = str(target)
    return exc


class Elsewhere(Protocol):
    """Another process that writes some of the files meanwhile (build/aside.py)."""

    def submit(self, jobs: Mapping[Path, tuple[Writer, Path]]) -> None: ...

    def result(self) -> dict[Path, str]: ...

    def close(self) -> None: ...


def write_bytes_all(files: Mapping[Path, bytes]) -> None:
    """Several files whose bytes are known, replaced all together (write_all): the set
    form of write_atomically."""
    write_all({path: _bytes_writer(data) for path, data in files.items()})


def _bytes_writer(data: bytes) -> Writer:
    def write(tmp: Path) -> str:
        tmp.write_bytes(data)
        return ""
    return write


def write_all(writers: Mapping[Path, Writer], elsewhere: Elsewhere | None = None,
              there: Collection[Path] = (), made: Mapping[Path, Path] | None = None,
              then: Callable[[dict[Path, str]], None] | None = None) -> dict[Path, str]:
    """Writes every file to a temporary copy, then moves them all into place (all or none,
    see replace_all). ``there``: the targets ``elsewhere`` writes, handed to it here unless
    ``made`` says they were handed over before (with the temporary files they write); the
    rest of them go to it here, as a batch of their own. ``then`` gets what the writers
    said once the files are in place, before a Ctrl+C pressed meanwhile takes effect
    (the build records its outputs there: new outputs with an old record would look
    edited to the next build).

    Returns what each writer said about its file (its page or slide count).
    """
    made = made or {}
    there = there if elsewhere is not None else ()  # with no other process, all are here
    temps: dict[Path, Path] = {}  # in the writers' order: the order they replace in
    said: dict[Path, str] = {}
    try:
        for target in writers:
            temps[target] = made[target] if target in made else temporary_for(target)
        rest = {t: (writers[t], temps[t]) for t in writers if t in there and t not in made}
        if elsewhere is not None and rest:  # what was not handed over before
            elsewhere.submit(rest)
        for target, write in writers.items():
            if target not in there:
                said[target] = _written(write, temps[target], target)
        if elsewhere is not None:
            said.update(elsewhere.result())
        _flush_all(temps)
        for target, tmp in temps.items():
            os.chmod(tmp, mode_for(target))
        with ctrl_c_after():
            replace_all(temps)
            flush_folders(temps)
            said = {target: said[target] for target in writers}
            if then is not None:
                then(said)
        return said
    finally:
        if elsewhere is not None:
            elsewhere.close()
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)


def _written(write: Callable[[Path], T], tmp: Path, target: Path) -> T:
    """``write(tmp)``; a failure names ``target`` (a full disk names no file of its own)."""
    try:
        return write(tmp)
    except OSError as exc:
        raise named(exc, target) from None


def _flush_all(temps: Mapping[Path, Path]) -> None:
    """Flushes the temporary files side by side: the file system commits flushes that wait
    at the same moment together (ext4's journal), so three outputs cost about one."""
    if len(temps) <= 1:
        for target, tmp in temps.items():
            _written(flush_to_disk, tmp, target)
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(len(temps), 8)) as pool:
        for done in [pool.submit(_written, flush_to_disk, tmp, target)
                     for target, tmp in temps.items()]:
            done.result()  # the first failure, in the writers' order


def temporary_for(target: Path) -> Path:
    """A new temporary file beside ``target``, once those of killed builds are gone."""
    _remove_stale_temporaries(target)
    return temporary_beside(target)


def _remove_stale_temporaries(target: Path) -> None:
    """Temporary files left by a build that was killed; those of a running build stay.
    A previous output moved aside (replace_all) goes back when its place is empty."""
    for tmp in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        pid = tmp.name[len(target.name) + 2 :].split(".", 1)[0]
        if not pid.isdigit() or _running(int(pid)):
            continue
        if tmp.name.endswith(".old.tmp") and not target.exists():
            os.replace(tmp, target)
        else:
            tmp.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    """Whether a process ``pid`` exists (psutil: ``os.kill(pid, 0)`` would end it on
    Windows, where any signal but Ctrl+C/Break is TerminateProcess)."""
    import psutil

    return bool(psutil.pid_exists(pid))


def replace_all(temps: dict[Path, Path]) -> None:
    """Moves each temporary file onto its target; when one move fails, the targets already
    replaced get their previous files back and OutputInUse (file open elsewhere) or the
    OSError is raised; PreviousKept, naming where each one is, when some cannot be put
    back. The previous files are moved aside first, because on Windows a file that a
    program has open cannot be renamed either: that fails before any change."""
    done: list[tuple[Path, Path | None]] = []  # target, its previous file moved aside
    failed = next(iter(temps), Path())
    try:
        for failed, temp in temps.items():
            backup = _move_aside(failed)
            done.append((failed, backup))
            os.replace(temp, failed)
    except OSError as exc:
        kept = _roll_back(done)
        if kept:  # the folder holds a mix: say where each previous file is
            raise PreviousKept(failed, exc.strerror or str(exc), kept) from None
        if isinstance(exc, PermissionError):  # Windows: open in another program
            raise OutputInUse(failed, "", None) from None
        exc.filename = str(failed)
        raise
    except BaseException:  # an interrupt between two moves: the previous set, then stop
        _roll_back(done)
        raise
    for _, backup in done:
        if backup is not None:
            backup.unlink(missing_ok=True)


@contextmanager
def ctrl_c_after() -> Iterator[None]:
    """Within the block a Ctrl+C waits until the block is done, then has its usual effect:
    a set of files replaced and recorded is not left half done. After a block that ran
    to its end it says so (errors.Interrupted: "the files were written in full"); watch
    and serve get it as their event. Only the main thread gets Ctrl+C; elsewhere the
    block runs as it is."""
    pressed: list[int] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda signum, frame: pressed.append(signum))
    except ValueError:  # not the main thread
        yield
        return
    finished = False
    try:
        yield
        finished = True
    finally:
        signal.signal(signal.SIGINT, signal.SIG_DFL if previous is None else previous)
        if pressed:
            _press(previous, finished)


def _press(previous: Any, finished: bool) -> None:
    """The Ctrl+C held back, for the handler that was there before."""
    if previous is signal.default_int_handler:
        if finished:
            raise Interrupted("the files were written in full before it took effect")
        raise KeyboardInterrupt
    if callable(previous):
        previous(signal.SIGINT, None)
    elif previous != signal.SIG_IGN:  # the system's default (or a handler not Python's)
        signal.raise_signal(signal.SIGINT)


def _move_aside(target: Path) -> Path | None:
    """The previous output renamed beside itself, or None when there was none."""
    if not target.exists():
        return None
    backup = target.with_name(f".{target.name}.{os.getpid()}.old.tmp")
    os.replace(target, backup)
    return backup


def _roll_back(done: list[tuple[Path, Path | None]]) -> dict[Path, Path]:
    """Puts the previous outputs back, the last replaced first; returns the targets whose
    previous file could not be put back, with the file it stays in. One that fails does
    not stop the others: each one put back is one the user need not look for."""
    kept: dict[Path, Path] = {}
    for target, backup in reversed(done):
        try:
            if backup is not None and backup.exists():
                os.replace(backup, target)
            elif backup is None:
                target.unlink(missing_ok=True)
        except OSError:
            if backup is not None:
                kept[target] = backup
    return dict(reversed(kept.items()))  # in the order the files were replaced
