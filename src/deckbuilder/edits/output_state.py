"""What the last build wrote into an output folder: a hash of each output, a per-slide
summary of each deck, and a summary of the content it was built from.

This is kept outside output/.cache on purpose: the cache may be deleted at any time, but
this record is what lets the next build notice that someone edited the deck (the guard)
and say what changed in the content (the change log). Without it both would be blind.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

from ..atomic import write_atomically

STATE = ".deckbuilder-state.json"

State = dict[str, Any]

#: The identity of the slide parts a record's slide summary was read from (slides_key).
#: A record whose slides were set otherwise (pull_write: the slides accepted from an
#: edited deck) has none.
READ_FROM = "slides_read_from"
#: The parts the slide summary is read from (deck_summary.read_deck), besides the slides.
_ORDER_PARTS = ("ppt/presentation.xml", "ppt/_rels/presentation.xml.rels")


def load(out: Path) -> State:
    """The recorded state of ``out``; empty when there is none or it is unreadable (a
    folder built by an older deckbuilder, or a damaged file), which means: nothing known."""
    try:
        state = json.loads((out / STATE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def save(out: Path, state: State) -> None:
    """Writes the state through a temporary file, so a killed build leaves the old one."""
    write_atomically(out / STATE, json.dumps(state, ensure_ascii=False).encode("utf-8"))


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def stamp(path: Path) -> list[int]:
    """Size and modification time: when both are as recorded, the file was not touched."""
    stat = path.stat()
    return [stat.st_size, stat.st_mtime_ns]


def slides_key(path: Path) -> str | None:
    """The identity of a deck's slide parts: name, CRC-32 and size of each, from the ZIP's
    directory (nothing is decompressed). The slide summary is read from these parts only,
    so a rebuilt deck with the same slides has the same key although its bytes differ:
    without SOURCE_DATE_EPOCH each build stamps its own time into docProps/core.xml.
    None for a file that is not a readable ZIP."""
    try:
        with zipfile.ZipFile(path) as package:
            parts = sorted(f"{i.filename}|{i.CRC}|{i.file_size}" for i in package.infolist()
                           if i.filename.startswith("ppt/slides/")
                           or i.filename in _ORDER_PARTS)
    except (OSError, zipfile.BadZipFile):
        return None
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def describe_output(path: Path, last: dict[str, Any] | None = None) -> dict[str, Any]:
    """The record of one output just written: hash and stamp; for a deck also what each
    slide holds, so a later edit can be described slide by slide. A deck whose slide
    parts are those of the ``last`` record's holds the same slides: reading it back
    (0.05-0.1 s) is then skipped, as it is in every rebuild that changed no slide."""
    record: dict[str, Any] = {"sha256": sha256(path), "stamp": stamp(path)}
    if path.suffix.lower() == ".pptx":
        key = slides_key(path)
        if key is not None:
            record[READ_FROM] = key  # these slides were read from these parts
        if key is not None and last and last.get(READ_FROM) == key and "slides" in last:
            record["slides"] = last["slides"]
            return record
        from .deck_summary import read_deck, to_json

        record["slides"] = to_json(read_deck(path))
    return record


def record_outputs(out: Path, written: list[Path], content: Any = None) -> None:
    """Records the outputs a build just wrote (and the content summary for the change log);
    records of outputs this build did not write stay, those of deleted files go."""
    state = load(out)
    outputs = {name: rec for name, rec in state.get("outputs", {}).items()
               if (out / name).exists()}
    for path in written:
        outputs[path.name] = describe_output(path, outputs.get(path.name))
    state["outputs"] = outputs
    if content is not None:
        state["content"] = content
    save(out, state)
