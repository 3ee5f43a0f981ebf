"""What commands changed in content/, kept so that `deckbuilder undo` takes it back byte for byte.

The staff who move dates and pull edits mostly keep no version control of content/. So every
command that changes content files writes them through ``write_content``: first the files as
they are now go into a new change in PROJECT/.deckbuilder/history/ (a numbered folder: the
copies, and change.json with the time, the command, the change log's words for it and a hash
of what the command writes), then the files are replaced in one step. A write that fails
takes its change off again; a change that never reached the files (a crash in between) is
recognised by undo, as the files still hold what the change kept.

Undo compares each file with the hash of what the command wrote: a file changed by hand
since is not overwritten unless asked (``force``), and then the hand-made version is kept
as a change of its own, listed by `history` but never undone. The last ``KEEP`` changes stay.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..atomic import flush_folders, flush_to_disk, write_bytes_all
from ..content.editions import program_file
from ..content.load import parse_program_text
from ..errors import ContentError
from . import changelog

FOLDER = Path(".deckbuilder") / "history"
KEEP = 50
RECORD = "change.json"
#: Lines of the difference undo shows for each file changed by hand.
DIFF_LINES = 12


@dataclass(frozen=True)
class Kept:
    """One file of a change: where (from the project, with '/'); the stored copy of what it
    held before (None: there was no file); the hash of what the command wrote (None: the
    command removed it), and the stored copy of that (for the difference undo shows)."""

    path: str
    before: str | None
    after: str | None
    written: str | None


@dataclass(frozen=True)
class Change:
    """One command's change to content/; ``kept``: hand-made files undo --force replaced."""

    folder: Path
    time: dt.datetime
    command: str
    summary: tuple[str, ...]
    files: tuple[Kept, ...]
    kept: bool = False
    damaged: str = ""  # what is missing or unreadable in its folder: it cannot be undone

    def stored(self, name: str | None) -> bytes | None:
        return None if name is None else (self.folder / name).read_bytes()


class NothingToUndo(Exception):
    """The history holds no change to take back."""


class Damaged(Exception):
    """The newest change's copies or record are missing or unreadable: it cannot be taken
    back; ``force`` takes it off the history, so the change before can be."""

    def __init__(self, change: Change) -> None:
        super().__init__(change)
        self.change = change


class EditedSince(Exception):
    """Files changed by hand since ``change``, each with the lines undo would lose."""

    def __init__(self, change: Change, edited: dict[str, list[str]]) -> None:
        super().__init__(change, edited)
        self.change, self.edited = change, edited


@dataclass(frozen=True)
class Undone:
    """The change taken back, and the change that keeps the hand-made files (--force)."""

    change: Change
    hand_made: Change | None


def write_content(root: Path, new: Mapping[Path, bytes], command: str,
                  summary: Sequence[str] = ()) -> Change:
    """Keeps the files in the history as they are, then replaces them all in one step;
    a write that fails leaves no change behind. ``summary``: the change log's words for
    what changed; a change to the program says itself what it did to the events."""
    lines = [*_program_lines(root, new), *summary] or \
        [f"{_relative(root, p)} geändert" for p in new]
    change = _record(root, {p: (_read(p), data) for p, data in new.items()}, command, lines)
    try:
        write_bytes_all(new)
    except BaseException:
        shutil.rmtree(change.folder, ignore_errors=True)
        raise
    _trim(root)
    return change


def changes(root: Path) -> list[Change]:
    """The kept changes, newest first."""
    folder = root / FOLDER
    found = [_load(p) for p in _numbered(folder)]
    return sorted(found, key=lambda c: int(c.folder.name), reverse=True)


def room(root: Path) -> int:
    """The bytes the history takes on the disk."""
    folder = root / FOLDER
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) \
        if folder.is_dir() else 0


def undo(root: Path, force: bool = False) -> Undone:
    """Puts the files of the last change back as they were (all or none) and takes the
    change off the history; EditedSince (nothing written) when a file was changed by hand
    since, unless ``force``, which keeps the hand-made files as a change of their own."""
    change = next((c for c in changes(root) if not c.kept), None)
    if change is None:
        raise NothingToUndo()
    if change.damaged:
        if not force:
            raise Damaged(change)
        shutil.rmtree(change.folder)  # nothing is restored: the next undo goes further back
        return Undone(change, None)
    edited = _edited_since(root, change)
    if edited and not force:
        raise EditedSince(change, edited)
    back = {root / k.path: change.stored(k.before) for k in change.files}
    hand_made = None
    if edited:
        hand_made = _record(root, {root / p: (_read(root / p), back[root / p])
                                   for p in edited}, f"{change.command} (undo --force)",
                            ["von Hand geänderte Fassung, beim Zurücknehmen aufbewahrt"],
                            kept=True)
    try:
        write_bytes_all({p: data for p, data in back.items() if data is not None})
        for path in (p for p, data in back.items() if data is None):
            path.unlink(missing_ok=True)  # made by the change
    except BaseException:
        if hand_made is not None:
            shutil.rmtree(hand_made.folder, ignore_errors=True)
        raise
    shutil.rmtree(change.folder)
    return Undone(change, hand_made)


def _edited_since(root: Path, change: Change) -> dict[str, list[str]]:
    """The files that hold neither what the change wrote nor what it kept (the change
    never reached them), each with the lines undo would lose."""
    edited = {}
    for k in change.files:
        now = _read(root / k.path)
        if now is None or _hash(now) == k.after or now == change.stored(k.before):
            continue  # deleted since: undo puts it back as it was, nothing is lost
        edited[k.path] = _diff(change.stored(k.written) or b"", now or b"", k.path)
    return edited


def _diff(wrote: bytes, now: bytes, path: str) -> list[str]:
    """The hand-made lines, as `git diff` shows them, cut to a few."""
    lines = list(difflib.unified_diff(
        wrote.decode("utf-8", "replace").splitlines(), now.decode("utf-8", "replace")
        .splitlines(), f"{path} (as the command wrote it)", f"{path} (now)", n=1,
        lineterm=""))
    if len(lines) > DIFF_LINES:
        lines = [*lines[:DIFF_LINES], f"… ({len(lines) - DIFF_LINES} more lines)"]
    return lines


def _program_lines(root: Path, new: Mapping[Path, bytes]) -> list[str]:
    """The change log's lines for the program's events ('12.11.2026 → 19.11.2026: …
    verschoben'), when the program is among the files."""
    programs = {"content/program.yaml", program_file(root)}  # an edition's own, too
    for path, data in new.items():
        if _relative(root, path) not in programs:
            continue
        try:
            before = parse_program_text(path.read_text("utf-8"), _relative(root, path))
            after = parse_program_text(data.decode("utf-8"), _relative(root, path))
        except (ContentError, OSError, ValueError):
            return []
        return changelog.compare({"events": changelog.summarize_events(before)},
                                 {"events": changelog.summarize_events(after)})
    return []


def _record(root: Path, files: Mapping[Path, tuple[bytes | None, bytes | None]],
            command: str, summary: Sequence[str], kept: bool = False) -> Change:
    """A new change in the history: each file's bytes before and after, flushed to the
    disk, in a folder that appears under its number only once it is complete."""
    folder = root / FOLDER
    staging = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".new-", dir=folder))
        _fill(staging, root, files, command, summary, kept)
        final = _place(staging, folder)
    except OSError as exc:  # the message names the history, not a file inside it
        if exc.filename is None or str(folder) in str(exc.filename):
            exc.filename = str(folder)
        raise
    finally:
        if staging is not None and staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return _load(final)


def _fill(staging: Path, root: Path, files: Mapping[Path, tuple[bytes | None, bytes | None]],
          command: str, summary: Sequence[str], kept: bool) -> dict[str, object]:
    """Writes a change's copies and record into ``staging``; returns the record."""
    entries = []
    for i, (path, (before, after)) in enumerate(files.items()):
        names = {}
        for side, data in (("before", before), ("after", after)):
            names[side] = None if data is None else f"{side}-{i}"
            if data is not None:
                _durable(staging / f"{side}-{i}", data)
        entries.append({"path": _relative(root, path), "before": names["before"],
                        "written": names["after"], "after": _hash(after)})
    record = {"time": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
              "command": command, "summary": list(summary), "files": entries, "kept": kept}
    _durable(staging / RECORD, json.dumps(record, ensure_ascii=False, indent=1).encode())
    flush_folders([staging / RECORD])  # the names in it, before it gets its own
    return record


def _place(staging: Path, folder: Path) -> Path:
    """Renames the complete change to the next free number."""
    number = max((int(p.name) for p in _numbered(folder)), default=0) + 1
    while True:
        final = folder / f"{number:06d}"
        try:
            os.rename(staging, final)  # fails when another command took the number
        except FileExistsError:
            number += 1
            continue
        except OSError:
            if not final.exists():
                raise
            number += 1
            continue
        flush_folders([final])
        return final


def _durable(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    flush_to_disk(path)


def _load(folder: Path) -> Change:
    """The change kept in ``folder``; one marked damaged when its record cannot be read or
    a copy it names is missing (a file deleted or overwritten by hand)."""
    try:
        record = json.loads((folder / RECORD).read_text("utf-8"))
        files = tuple(Kept(str(f["path"]), f["before"], f["after"], f.get("written"))
                      for f in record["files"])
        change = Change(folder, dt.datetime.fromisoformat(record["time"]),
                        str(record["command"]), tuple(map(str, record["summary"])), files,
                        bool(record.get("kept")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        when = dt.datetime.fromtimestamp(folder.stat().st_mtime).astimezone()
        return Change(folder, when, "?", (), (), damaged=f"its record {RECORD} cannot be read")
    missing = [name for k in files for name in (k.before, k.written)
               if name is not None and not (folder / name).is_file()]
    if missing:
        return replace(change, damaged=f"its copy {missing[0]} is missing")
    return change


def _trim(root: Path) -> None:
    """Only the last KEEP changes stay."""
    numbered = sorted(_numbered(root / FOLDER), key=lambda p: int(p.name))
    for old in numbered[:-KEEP]:
        shutil.rmtree(old, ignore_errors=True)


def _numbered(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return [p for p in folder.iterdir() if p.is_dir() and p.name.isdigit()]


def _read(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None


def _hash(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def _relative(root: Path, path: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()
