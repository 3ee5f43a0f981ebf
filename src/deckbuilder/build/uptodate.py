"""Decides that nothing changed since the last build, before any heavy library is imported.

A build records a fingerprint of its inputs (every file under content/ and assets/, the
requested formats, the build date and deckbuilder's own code) and of each output it wrote.
If the inputs hash the same and the outputs are still as written, the build is skipped.
An output changed since (edited in PowerPoint, say) is not simply rebuilt: the build then
runs, and guard.py stops it before it overwrites the edits.
Only the standard library is used here: the point is to stay cheap. The build writes
the state (build/stages.py calls ``record``); incremental.py is the one place that decides, so no
caller keeps state of its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..atomic import write_atomically
from ..cache_file import code_stamp
from ..content import edition_names
from ..errors import Diagnostic, Location
from .clock import source_date_epoch

#: Prepared pictures, hyphenation and this state are kept here, inside the output folder,
#: between builds (shared by the editions built into one folder).
CACHE = ".cache"
STATE = Path(CACHE) / "build-state.json"


def _build_day() -> str:
    try:
        epoch = source_date_epoch()
    except ValueError:  # never up to date: the build itself reports the malformed variable
        return f"bad-epoch:{dt.datetime.now().isoformat()}"
    if epoch is not None:
        return f"epoch:{epoch}"
    return dt.date.today().isoformat()  # past events depend on the day


#: Each file's hash by its path, size and time of change: ten editions checked in one
#: command read the shared files once.
_READ: dict[tuple[str, int, int], bytes] = {}


def _hash(path: Path) -> bytes:
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _READ:
        _READ[key] = hashlib.sha256(path.read_bytes()).digest()
    return _READ[key]


def fingerprint(root: Path, formats: tuple[str, ...], edition: str | None = None) -> str:
    """What a build of ``edition`` reads (other editions' files aside when one is named)."""
    digest = hashlib.sha256()
    digest.update(f"{_build_day()}|{','.join(formats)}|{code_stamp()}".encode())
    if edition is not None:
        digest.update(f"|edition:{edition}".encode())
    others = root / "content" / edition_names.FOLDER
    for folder in ("content", "assets"):
        base = root / folder
        for path in sorted(p for p in base.rglob("*") if p.is_file()):
            if edition is not None and path.parent == others and path.stem != edition:
                continue
            digest.update(str(path.relative_to(root)).encode() + b"\0")
            digest.update(_hash(path))
    return digest.hexdigest()


def _stamp(path: Path) -> list[int]:
    stat = path.stat()
    return [stat.st_size, stat.st_mtime_ns]


def current(root: Path, out: Path, formats: tuple[str, ...],
            edition: str | None = None) -> dict[str, Any] | None:
    """The recorded state when the last build's outputs are still valid, else None."""
    try:
        state = json.loads((out / STATE).read_text("utf-8"))
        if state["fingerprint"] != fingerprint(root, formats, edition):
            return None
        for name, stamp in state["outputs"].items():
            if _stamp(out / name) != stamp:
                return None
        for warning in state["warnings"]:
            diagnostic(warning)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return state  # type: ignore[no-any-return]


def diagnostic(stored: dict[str, Any]) -> Diagnostic:
    where = stored["location"]
    return Diagnostic(str(stored["severity"]),
                      Location(str(where["file"]), int(where["line"]), int(where["column"])),
                      str(stored["message"]), str(stored["hint"]))


def record(inputs: str, out: Path, outputs: list[tuple[Path, str]],
           warnings: list[Diagnostic]) -> None:
    """Called by the build once its results are in place, with the ``fingerprint`` of
    the inputs taken when it began: a file edited while it ran is then not taken for
    built, and the next build runs."""
    # The change log is no result to declare "up to date": it is only written when the
    # content changed, and people may add to it by hand.
    outputs = [(p, what) for p, what in outputs if not p.name.endswith("-changes.md")]
    state = {"fingerprint": inputs,
             "outputs": {p.name: _stamp(p) for p, _ in outputs},
             "said": {p.name: what for p, what in outputs},
             "warnings": [asdict(w) for w in warnings]}
    write_atomically(out / STATE, json.dumps(state).encode("utf-8"))
