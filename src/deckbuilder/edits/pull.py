"""Finds where the texts edited in a built deck belong in content/ (``pull``).

The edited deck is compared slide by slide with the summary the last build recorded (see
output_state), each changed paragraph or table cell is paired with its old text, and the
old text is looked up among the content files' values. The recorded shape's identity
(``trends.yaml:trends[7].factors:body``, layout/identity.py; deck_summary reads it from
the shape's extension, or from its name in a deck built before) narrows the look-up to
its own field; it is read from the record, not from the edited deck, because LibreOffice
drops it and renames placeholders ("PlaceHolder 1"): shapes are then paired by order. A date edited
in the program table is read as a German date of the program's year. pull_write carries
the proposals into the files.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel.dates import get_month_names

from ..content import sourcemap
from ..content.dates import LOCALE, day_month
from ..content.editions import file_in_use
from ..content.model import ProgramFile
from ..content.notes import notes_text, parse_notes
from ..content.pptx_package import PackageProblem
from ..content.program import entries
from ..errors import Location, UsageError
from ..layout.slides import clean
from .deck_summary import (
    Shape,
    Slide,
    changes,
    describe,
    notes_of,
    pair_shapes,
    pair_slides,
)

#: Notes values are also found by their paragraphs (notes_text), under this prefix.
NOTES_KEY = "\0notes\0"


@dataclass(frozen=True)
class Proposal:
    """One edited text: where it came from in content/ (None: not found), and how; ``path``
    is the value's data path in ``where.file``, ``value`` the text to write there (an ISO
    date, ``literal``, for a date)."""

    slide: int
    old: str
    new: str
    where: Location | None
    note: str = ""
    path: sourcemap.Path = ()
    value: str = ""
    literal: bool = False
    notes: bool = False  # ``value`` is speaker notes in notes_text's form (content/notes.py)

    def __str__(self) -> str:
        place = f"{self.where}: " if self.where else "(not found in content/): "
        what = self.note or f"'{self.old}' → '{self.new}'"
        return f"{place}slide {self.slide}: {what}"


@dataclass(frozen=True)
class Found:
    """What pull found: the proposals with a place, what is left alone (in words, and the
    slide numbers of the edited deck it concerns; ``unplaced``: slides with a text not
    found in content/), and both summaries."""

    proposals: list[Proposal]
    left: list[str]
    left_slides: set[int]
    before: list[Slide]
    now: list[Slide]
    unplaced: set[int] = field(default_factory=set)


def read_edits(root: Path, deck: Path, built: str, state: dict[str, Any], project: Any
               ) -> Found:
    """``propose`` for the deck file at ``deck`` against the last build's record of the
    deck it wrote as ``built``; raises UsageError when the deck or the record is missing."""
    from .deck_summary import from_json, read_deck

    record = state.get("outputs", {}).get(built)
    if not deck.is_file():
        raise UsageError(f"there is no deck '{deck}' to read the edits from")
    if not isinstance(record, dict) or "slides" not in record:
        raise UsageError(f"there is no record of what the last build wrote to '{built}': "
                         "pull compares with it (build once, then edit the deck)")
    try:
        now = read_deck(deck)
        before = from_json(record["slides"])
    except ValueError as exc:
        hint = exc.hint if isinstance(exc, PackageProblem) else ""
        raise UsageError(f"'{deck}' is {exc}" + (f" ({hint})" if hint else "")) from None
    slides = state.get("content", {}).get("slides", [])
    sources = [str(s.get("source", "")) for s in slides if isinstance(s, dict)]
    return propose(root, before, now, project.program, sources)


def propose(root: Path, before: list[Slide], now: list[Slide], program: ProgramFile,
            sources: list[str] | None = None) -> Found:
    """The text edits with their places in content/, and what cannot be carried back.
    ``sources`` holds each slide's origin ('content/trends.yaml:100:5'): a text found in
    several places is taken from the one nearest after it in the same file."""
    index = _index(root)
    found: list[Proposal] = []
    for a, b in pair_slides(before, now):
        if a is None or b is None:
            continue
        origin = sources[a] if sources and a < len(sources) else ""
        places = _Places(index, origin)
        for old, new in pair_shapes(before[a], now[b]) or []:
            if old.text != new.text:
                found += _shape_edits(b + 1, old, new, places, program)
        notes = notes_of(before[a]), notes_of(now[b])
        if notes[0] is not None and notes[1] is not None and notes[0] != notes[1]:
            found.append(_notes_edit(b + 1, notes[0], notes[1], places))
    left = changes(before, now)
    left.pop("text edited", None)
    left.pop("notes edited", None)
    kept = [describe({kind: numbers}) for kind, numbers in left.items()]
    kept += [f"slide {p.slide}: {p.note or f'{p.old!r} → {p.new!r}'}"
             for p in found if p.where is None]
    unplaced = {p.slide for p in found if p.where is None}
    slides = unplaced | {n for numbers in left.values() for n in numbers}
    return Found([p for p in found if p.where is not None], kept, slides, before, now,
                 unplaced)


def _shape_edits(slide: int, old: Shape, new: Shape, index: _Places,
                 program: ProgramFile) -> Iterator[Proposal]:
    for was, now in _changed_lines(old.text.splitlines(), new.text.splitlines()):
        if was is None or now is None:  # no value to write it to: left alone, so guarded
            what = f"paragraph added: '{now}'" if was is None else f"paragraph deleted: '{was}'"
            yield Proposal(slide, was or "", now or "", None, what)
            continue
        cells_was, cells_now = was.split(" | "), now.split(" | ")
        if len(cells_was) > 1 and len(cells_was) == len(cells_now):
            for col, (c_was, c_now) in enumerate(zip(cells_was, cells_now, strict=True)):
                if c_was != c_now:
                    yield _cell(slide, c_was, c_now, cells_was[col + 1:], index, program)
        else:
            yield _place(slide, was, now, index, old.name)


def _notes_edit(slide: int, old: str, new: str, index: _Places) -> Proposal:
    """Notes edited in the notes pane: the whole notes value is rewritten (pull_write
    changes only the lines of the paragraphs that changed); notes added to a slide that had
    none, or all deleted, have no value to go to and are left alone, so guarded."""
    what = "; ".join(f"notes: paragraph added: '{now}'" if was is None else
                     f"notes: paragraph deleted: '{was}'" if now is None else
                     f"notes: '{was}' → '{now}'"
                     for was, now in _changed_lines(old.splitlines(), new.splitlines()))
    if not old or not new:
        return Proposal(slide, old, new, None, "notes added" if new else "notes deleted")
    places = index.find(NOTES_KEY + old)
    if len(places) != 1:
        shown = ", ".join(str(v.where) for v in places[:3]) + (", …" if len(places) > 3 else "")
        return Proposal(slide, old, new, None, what + (
            f" (the old notes are in several places: {shown})" if places else ""))
    return Proposal(slide, old, new, places[0].where, what, places[0].path, new, notes=True)


def _changed_lines(old: list[str], new: list[str]
                   ) -> Iterator[tuple[str | None, str | None]]:
    """Pairs of an old and a new paragraph (or table row); an added or removed one is
    paired with None."""
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op != "equal":
            yield from itertools.zip_longest(old[a0:a1], new[b0:b1])


def _cell(slide: int, was: str, now: str, rest: list[str], index: _Places,
          program: ProgramFile) -> Proposal:
    """A table cell; a program date cell ('12. November') is looked up by its row's title
    (the cell's first paragraph: the place, when there is one, is the cell's second)."""
    label = rest[0] if rest else ""
    for entry in entries(program):
        event = entry.event
        if label in (event.label, event.title) and day_month(event.date) == was:
            new_date = _german_date(now, program.year)
            if new_date is None:
                return Proposal(slide, was, now, None)
            return Proposal(slide, was, now, event.where("date"),
                            f"{event.label}: {event.date.isoformat()} → "
                            f"{new_date.isoformat()}",
                            (entry.section, "entries", entry.index, "date"),
                            new_date.isoformat(), literal=True)
    return _place(slide, was, now, index)


def _german_date(text: str, year: int) -> dt.date | None:
    """'19. November' as a date of ``year``, month names from CLDR; None if it is none."""
    match = re.fullmatch(r"(\d{1,2})\.\s*(\S+)", text.strip())
    if match is None:
        return None
    months = {name.casefold(): n for n, name in get_month_names("wide", locale=LOCALE).items()}
    month = months.get(match[2].casefold())
    try:
        return dt.date(year, month, int(match[1])) if month else None
    except ValueError:
        return None


@dataclass(frozen=True)
class _Value:
    """One text value of content/: its place and its data path in that file."""

    where: Location
    path: sourcemap.Path


def identity(name: str) -> tuple[str, sourcemap.Path] | None:
    """The content file and data path an identity name gives (``trends.yaml:trends[7].
    factors:body#2`` → content/trends.yaml, ('trends', 7, 'factors')); None for other names
    (an editor's 'PlaceHolder 1', a slide number)."""
    parts = re.sub(r"#\d+$", "", name).split(":")
    if len(parts) < 3 or not parts[0].endswith(".yaml") or not parts[1]:
        return None
    path: list[str | int] = []
    for word, number in re.findall(r"([^.\[\]]+)|\[(\d+)\]", parts[1]):
        path.append(int(number) if number else word)
    return f"content/{parts[0]}", tuple(path)


@dataclass(frozen=True)
class _Places:
    """The content's texts and the origin of the slide being read."""

    index: dict[str, list[_Value]]
    origin: str

    def find(self, text: str, name: str = "") -> list[_Value]:
        """The values that read ``text``: the one under the shape's identity when there
        is exactly one, else the nearest after the slide's origin, else all."""
        places = self.index.get(clean(text), [])
        ident = identity(name)
        if ident is not None:
            mine = [v for v in places if v.where.file == ident[0]
                    and v.path[:len(ident[1])] == ident[1]]
            if len(mine) == 1:
                return mine
        file, _, line = self.origin.partition(":")
        first_line = int(line.split(":")[0]) if line.split(":")[0].isdigit() else 0
        near = sorted((v for v in places if v.where.file == file and v.where.line >= first_line),
                      key=lambda v: v.where.line)
        return near[:1] if near else places


def _place(slide: int, was: str, now: str, index: _Places, name: str = "") -> Proposal:
    places = index.find(was, name)
    if len(places) == 1:
        return Proposal(slide, was, now, places[0].where, path=places[0].path, value=now)
    if not places:
        return Proposal(slide, was, now, None)
    shown = ", ".join(str(v.where) for v in places[:3]) + (", …" if len(places) > 3 else "")
    return Proposal(slide, was, now, None,
                    f"'{was}' → '{now}' (the old text is in several places: {shown})")


def _index(root: Path) -> dict[str, list[_Value]]:
    """Every text value of the content files, by its text as the slides show it."""
    index: dict[str, list[_Value]] = {}
    for path in [*sorted((root / "content").glob("*.yaml")), *file_in_use(root)]:
        name = path.relative_to(root).as_posix()  # an edition's texts are in its file
        data, smap = sourcemap.parse(sourcemap.decode(path.read_bytes(), name), name)
        for key, value in _strings(data, ()):
            index.setdefault(clean(value), []).append(_Value(smap.locate(key), key))
            if key and key[-1] == "notes":
                index.setdefault(clean(NOTES_KEY + notes_text(parse_notes(value))), []).append(
                    _Value(smap.locate(key), key))
    return index


def _strings(data: Any, path: sourcemap.Path) -> Iterator[tuple[sourcemap.Path, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, (*path, i))
