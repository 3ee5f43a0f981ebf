"""Edits the program's dates in content/program.yaml, keeping everything else byte for byte.

ruamel.yaml round-trips the file (comments, order, quoting); the edited text is validated
like a build would before it replaces the file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from .build import write_all_atomically
from .errors import ContentError, UsageError
from .load import load_project, validate_program_text
from .program import Entry, entries

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
    """The one entry called ``title`` (its title, or title and place); ``on`` picks by date."""
    program = load_project(root).project.program
    wanted = " ".join(title.split()).casefold()
    all_entries = entries(program)
    matches = [e for e in all_entries if wanted in _names(e)]
    if on is not None:
        matches = [e for e in matches if e.event.date == on]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        labels = sorted({e.event.label for e in all_entries})
        near = difflib.get_close_matches(title, labels, n=3, cutoff=0.5)
        listed = near or labels
        hint = ("did you mean: " if near else "the program has: ") + "; ".join(
            f"'{label}'" for label in listed)
        when = f" on {on.isoformat()}" if on else ""
        raise UsageError(f"no program entry called '{title}'{when}; {hint}")
    lines = "\n".join(f"  {e.event.date.isoformat()}  {e.event.label}" for e in matches)
    raise UsageError(f"'{title}' names {len(matches)} entries; add --on DATE to choose one:\n"
                     f"{lines}")


def _names(entry: Entry) -> set[str]:
    """What a person may call an entry: its title, or title and place as the slide
    reads them ("Future Day Frankfurt") or as messages write them."""
    event = entry.event
    return {n.casefold() for n in (event.title, event.label, f"{event.title} {event.place}")}


def _edit(root: Path, change: str, mutate) -> Change:  # type: ignore[no-untyped-def]
    path = root / PROGRAM
    y = _yaml()
    data = y.load(path.read_text("utf-8"))
    mutate(data)
    out = io.StringIO()
    y.dump(data, out)
    text = out.getvalue()
    problems = validate_program_text(text)
    if problems:
        raise ContentError(problems)
    write_all_atomically({path: lambda tmp: (tmp.write_text(text, "utf-8"), "")[1]})
    return Change(change, path)


def move(root: Path, title: str, new_date: dt.date, on: dt.date | None = None) -> Change:
    entry = find_entry(root, title, on)
    index = entry.index

    def mutate(data: CommentedMap) -> None:
        data[entry.section]["entries"][index]["date"] = new_date

    return _edit(root, f"moved '{entry.event.label}' from {entry.event.date.isoformat()} "
                       f"to {new_date.isoformat()}", mutate)


def add(root: Path, section: str, date: dt.date, title: str, place: str | None) -> Change:
    key = SECTIONS[section]

    def mutate(data: CommentedMap) -> None:
        items = data[key]["entries"]
        entry = CommentedMap()
        entry["date"] = date
        entry["title"] = title
        if place:
            entry["place"] = place
        at = next((i for i, e in enumerate(items) if _as_date(e["date"]) > date), len(items))
        if at == len(items) and items:
            _hand_over_trailing_lines(items[-1], entry)
        items.insert(at, entry)

    label = f"{title} {place}" if place else title
    return _edit(root, f"added '{label}' on {date.isoformat()}", mutate)


def remove(root: Path, title: str, on: dt.date | None = None) -> Change:
    entry = find_entry(root, title, on)
    index = entry.index

    def mutate(data: CommentedMap) -> None:
        items = data[entry.section]["entries"]
        if index == len(items) - 1 and index > 0:
            _hand_over_trailing_lines(items[index], items[index - 1])
        del items[index]

    return _edit(root, f"removed '{entry.event.label}' on {entry.event.date.isoformat()}",
                 mutate)


def _hand_over_trailing_lines(previous: CommentedMap, new: CommentedMap) -> None:
    """ruamel keeps the blank line after a list with its last entry; a new last entry
    takes it over, so the blank line still separates the list from what follows."""
    last = list(previous.keys())[-1]
    comment = previous.ca.items.pop(last, None)
    if comment is not None:
        new.ca.items[list(new.keys())[-1]] = comment


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[-10:])
    except ValueError:
        return dt.date.max
