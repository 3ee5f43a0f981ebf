"""Stops a build that would overwrite an output someone edited since the last build.

People fix typos where they see them, in the deck or on the dossier PDF. A build that
silently replaced such a file would lose that work, so before anything is written every
output about to be replaced is compared with what the last build recorded (see
output_state): unchanged size and time, or the same hash, means untouched; anything else
stops the build with the file named and what changed. ``--discard-edits`` instead keeps
the edited file under output/replaced/ and builds. A deleted output is no edit.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..atomic import flush_folders, flush_to_disk, named
from ..errors import ContentError, Location, error
from . import output_state

#: Edited outputs are kept here (inside the output folder) by --discard-edits.
REPLACED = "replaced"


@dataclass(frozen=True)
class Edit:
    """An output that differs from what the last build wrote, and how, in plain words."""

    path: Path
    what: str


def find_edits(out: Path, targets: Iterable[Path]) -> list[Edit]:
    """The outputs among ``targets`` that were changed after the last build wrote them."""
    records = output_state.load(out).get("outputs", {})
    edits = []
    for target in targets:
        record = records.get(target.name)
        if not isinstance(record, dict) or not target.is_file():
            continue  # never recorded (nothing known) or deleted (no edit): just build
        if output_state.stamp(target) == record.get("stamp"):
            continue
        if output_state.sha256(target) == record.get("sha256"):
            continue  # touched or copied back, but the same bytes
        edits.append(Edit(target, _what_changed(target, record)))
    return edits


def _what_changed(path: Path, record: dict[str, Any]) -> str:
    if path.suffix.lower() != ".pptx" or not isinstance(record.get("slides"), list):
        if path.suffix.lower() == ".pdf":
            return "its content differs, for example notes or highlights added in a PDF viewer"
        return "its content differs"
    from .deck_summary import changes, describe, from_json, read_deck

    try:
        now = read_deck(path)
        before = from_json(record["slides"])
    except ValueError as exc:
        return f"it is {exc}"
    found = changes(before, now)
    if not found:
        return "saved again; no text or notes were changed and no shape moved, but " \
               "formatting or pictures may have been"
    return describe(found)


def check(root: Path, out: Path, targets: Iterable[Path], discard: bool,
          now: dt.datetime | None = None) -> list[tuple[Path, Path]]:
    """Raises ContentError naming every edited output among ``targets``; with ``discard``
    copies each edited output to output/replaced/ instead and returns (output, copy) pairs.

    Copying (not moving) keeps the edited file in place should the build still fail.
    """
    edits = find_edits(out, targets)
    if not edits:
        return []
    if not discard:
        raise ContentError([error(Location(_shown(root, e.path)),
                                  f"edited after the last build ({e.what})", _ways_on(root, e))
                            for e in edits])
    when = now or dt.datetime.now()
    return [(e.path, keep(e.path, out / REPLACED, when)) for e in edits]


def _ways_on(root: Path, edit: Edit) -> str:
    """What to do next, for someone who never opened a terminal before today."""
    aside = _shown(root, edit.path.parent / REPLACED /
                   f"{edit.path.stem}-YYYYMMDD-HHMMSS{edit.path.suffix}")
    discard = (f"'deckbuilder build --discard-edits' keeps the edited file as {aside} and "
               "builds anew")
    if edit.path.suffix.lower() == ".pptx":
        return ("a new build would overwrite the edits: 'deckbuilder pull' takes the edited "
                "texts into content/ ('deckbuilder pull --dry-run' only shows them), then "
                f"build again; or {discard}")
    return ("a new build would overwrite the edits: make the same changes in content/ to "
            f"keep them, then run {discard}")


def _shown(root: Path, path: Path) -> str:
    """The path as the user knows it: relative to the project folder when inside it."""
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def keep(path: Path, folder: Path, when: dt.datetime) -> Path:
    """Copies ``path`` to ``folder``/NAME-YYYYMMDD-HHMMSS.EXT (bytes and time kept) and
    returns the copy; a copy with the same bytes kept earlier is reused, not repeated."""
    folder.mkdir(parents=True, exist_ok=True)
    digest = output_state.sha256(path)
    size = path.stat().st_size
    for earlier in sorted(folder.glob(f"{path.stem}-*{path.suffix}")):
        if earlier.stat().st_size == size and output_state.sha256(earlier) == digest:
            return earlier
    base = f"{path.stem}-{when:%Y%m%d-%H%M%S}"
    copy = folder / f"{base}{path.suffix}"
    count = 1
    while copy.exists():
        count += 1
        copy = folder / f"{base}-{count}{path.suffix}"
    tmp = folder / f".{copy.name}.tmp"
    try:
        shutil.copy2(path, tmp)
        flush_to_disk(tmp)
        tmp.replace(copy)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise named(exc, copy) from None
    flush_folders([copy])
    return copy
