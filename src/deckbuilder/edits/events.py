"""Edits the program's dates in content/program.yaml, keeping everything else byte for byte.

ruamel.yaml round-trips the file (comments, order, quoting); the edited text is validated
like a build would before it replaces the file.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from ..content import sourcemap
from ..content.editions import program_file
from ..content.load import load_project, validate_program_text
from ..content.model import Event
from ..content.program import Entry, entries, when
from ..errors import ContentError
from .event_match import match_entry
from .history import write_content
from .program_text import move_entry, remove_entry
from .yaml_text import encoded_like

PROGRAM = Path("content") / "program.yaml"
SECTIONS = {"events": "events", "deep-dives": "deep_dives"}


@dataclass(frozen=True)
class Change:
    """What an edit did, in words for the person who asked for it."""

    summary: str
    path: Path


def _yaml() -> YAML:
    y = YAML()
    y.indent(mapping=2, sequence=4, offset=2)
    y.preserve_quotes = True
    y.width = 4096
    return y


def find_entry(root: Path, title: str, on: dt.date | None = None) -> Entry:
    """The one entry ``title`` names (by title, place or both); ``on`` picks by date."""
    return match_entry(entries(load_project(root).project.program), title, on)


def _edit(root: Path, change: str, mutate, reorder=None,  # type: ignore[no-untyped-def]
          command: str = "events") -> Change:
    """Applies ``mutate`` to the round-tripped data, then ``reorder`` to the text (which
    moves an entry's lines into date order); writes only a result that validates, keeping
    the file as it was in the history (``command``: what `history` lists)."""
    rel = program_file(root)  # the program of the edition in use (editions.py)
    path = root / rel
    y = _yaml()
    raw = path.read_bytes()
    text = sourcemap.decode(raw, rel).replace("\r\n", "\n")
    if mutate is not None:
        data = y.load(text)
        mutate(data)
        out = io.StringIO()
        y.dump(data, out)
        text = out.getvalue()
    if reorder is not None:
        text = reorder(text)
    problems = validate_program_text(text, rel)
    if problems:
        raise ContentError(problems)
    write_content(root, {path: encoded_like(raw, text)}, command)  # its BOM, its line ends
    return Change(change, path)


def move(root: Path, title: str, new_date: dt.date, on: dt.date | None = None,
         end: dt.date | None = None, command: str = "events move") -> Change:
    """Gives one entry a new date and moves its lines (comments included) to where that
    date belongs in its section, so every output lists the program in date order. A
    multi-day event keeps its length unless ``end`` gives its new last day."""
    entry = find_entry(root, title, on)
    event, index = entry.event, entry.index
    if end is None and event.end is not None:
        end = event.end + (new_date - event.date)

    def mutate(data: CommentedMap) -> None:
        item = data[entry.section]["entries"][index]
        item["date"] = new_date
        if end is not None:
            _set_end(item, end)

    def reorder(text: str) -> str:
        return move_entry(text, entry.section, index)

    return _edit(root, _moved(event, new_date, end), mutate, reorder, command)


def _moved(event: Event, new_date: dt.date, end: dt.date | None) -> str:
    """What a move did: the new start, and the new last day of a multi-day event."""
    if new_date == event.date and end is not None:
        was = f" (was {event.end.isoformat()})" if event.end else ""
        return f"'{event.label}' on {new_date.isoformat()} now ends {end.isoformat()}{was}"
    ending = f", ending {end.isoformat()}" if end else ""
    return (f"moved '{event.label}' from {event.date.isoformat()} to {new_date.isoformat()}"
            f"{ending}")


def add(root: Path, section: str, date: dt.date, title: str, place: str | None,
        end: dt.date | None = None, command: str = "events add") -> Change:
    """Adds an entry at the end of its section, then moves it to its place by date."""
    key = SECTIONS[section]
    count = len(getattr(load_project(root).project.program, key).entries)

    def mutate(data: CommentedMap) -> None:
        items = data[key]["entries"]
        entry = CommentedMap()
        entry["date"] = date
        if end is not None:
            entry["end"] = end
        entry["title"] = title
        if place:
            entry["place"] = place
        if items:
            _hand_over_trailing_lines(items[-1], entry)
        items.append(entry)

    def reorder(text: str) -> str:
        return move_entry(text, key, count)

    label = f"{title} ({place})" if place else title
    ending = f", ending {end.isoformat()}" if end else ""
    return _edit(root, f"added '{label}' on {date.isoformat()}{ending}", mutate, reorder,
                 command)


def remove(root: Path, title: str, on: dt.date | None = None,
           command: str = "events remove") -> Change:
    """Removes an entry's lines with the comments above it; the rest stays as it was."""
    entry = find_entry(root, title, on)

    def reorder(text: str) -> str:
        removed = remove_entry(text, entry.section, entry.index)
        if removed is not None:
            return removed
        y = _yaml()  # a layout program_text cannot split (flow style): let ruamel do it
        data = y.load(text)
        del data[entry.section]["entries"][entry.index]
        out = io.StringIO()
        y.dump(data, out)
        return out.getvalue()

    return _edit(root, f"removed '{entry.event.label}' on {when(entry.event)}", None, reorder,
                 command)


def _hand_over_trailing_lines(previous: CommentedMap, new: CommentedMap) -> None:
    """ruamel keeps the blank line after a list with its last entry; a new last entry
    takes it over, so the blank line still separates the list from what follows."""
    last = list(previous.keys())[-1]
    comment = previous.ca.items.pop(last, None)
    if comment is not None:
        new.ca.items[list(new.keys())[-1]] = comment


def _set_end(item: CommentedMap, end: dt.date) -> None:
    """Writes an entry's last day: in place, or as a new line right below its date."""
    if "end" in item:
        item["end"] = end
        return
    keys = list(item.keys())
    at = keys.index("date") + 1 if "date" in keys else len(keys)
    if at == len(keys):  # the date is the entry's last line: the new one takes its gap
        item["end"] = end
        comment = item.ca.items.pop(keys[-1], None)
        if comment is not None:
            item.ca.items["end"] = comment
    else:
        item.insert(at, "end", end)
