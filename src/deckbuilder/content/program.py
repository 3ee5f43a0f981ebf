"""The program's dated entries: identity, cross-checks and what counts as past."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from ..errors import Diagnostic, error, warning
from .model import Event, EventSection, ProgramFile

SECTIONS = ("events", "deep_dives")


@dataclass(frozen=True)
class Entry:
    """One dated entry with the section it belongs to and a date-independent identity."""

    section: str  # "events" or "deep_dives"
    heading: str
    event: Event
    identity: str
    index: int  # position in its section's list, as in the file

    @property
    def uid(self) -> str:
        """Stable across date changes, so a calendar re-import moves the event."""
        digest = hashlib.sha256(self.identity.encode("utf-8")).hexdigest()[:24]
        return f"{digest}@deckbuilder"

    @property
    def location(self) -> str | None:
        return self.event.place


def _section(program: ProgramFile, key: str) -> EventSection:
    section: EventSection = getattr(program, key)
    return section


def entries(program: ProgramFile) -> list[Entry]:
    """Every dated entry in file order; repeated titles are told apart by their order."""
    found: list[Entry] = []
    for key in SECTIONS:
        section = _section(program, key)
        seen: dict[str, int] = {}
        for index, event in enumerate(section.entries):
            base = event.id or f"{event.title}|{event.place or ''}"
            seen[base] = seen.get(base, 0) + 1
            identity = f"{program.year}|{key}|{base}|{seen[base]}" if not event.id else \
                f"{program.year}|{event.id}"
            found.append(Entry(key, section.heading, event, identity, index))
    return found


def _check_end(event: Event, year: int) -> list[Diagnostic]:
    """A multi-day event's last day: after its first, in the program's year."""
    if event.end is None:
        return []
    where = event.where("end")
    if event.end <= event.date:
        hint = ("remove 'end' for an event on one day" if event.end == event.date
                else "write the last day of the event, or correct its 'date'")
        return [error(where, f"the end {event.end.isoformat()} is not after the start "
                      f"{event.date.isoformat()}", hint)]
    if event.end.year != year:
        return [error(where, f"{event.end.isoformat()} is not in {year}, the year of this "
                      "program", "correct the year, or the program's 'year'")]
    return []


def check_program(program: ProgramFile) -> list[Diagnostic]:
    """Errors an editor makes when moving dates: wrong year, an end before the start,
    an entry given twice."""
    problems: list[Diagnostic] = []
    firsts: dict[tuple[dt.date, str], Event] = {}
    for entry in entries(program):
        event = entry.event
        if event.date.year != program.year:
            problems.append(error(event.where("date"), f"{event.date.isoformat()} is not in "
                                  f"{program.year}, the year of this program",
                                  "correct the year, or the program's 'year'"))
        problems += _check_end(event, program.year)
        key = (event.date, event.label)
        if key in firsts:
            problems.append(error(event.where("date"), f"'{event.label}' on "
                                  f"{event.date.isoformat()} is listed twice (first on line "
                                  f"{firsts[key].loc.line})", "remove one of them"))
        firsts.setdefault(key, event)
    return problems


def when(event: Event) -> str:
    """The event's day or days as written in the file: '2026-06-10 to 2026-06-12'."""
    if event.end is None:
        return event.date.isoformat()
    return f"{event.date.isoformat()} to {event.end.isoformat()}"


def is_past(event: Event, today: dt.date) -> bool:
    """Past once its last day is over: a fair that began yesterday is still on."""
    return event.last_day < today


def past_warnings(program: ProgramFile, today: dt.date) -> list[Diagnostic]:
    """A warning per entry before the build date; the program's 'past' setting says how
    they show (greyed, hidden or as usual)."""
    shown = {"grey": "greyed out", "hide": "left out", "show": "shown as usual"}[program.past]
    return [warning(e.event.where("date"), f"'{e.event.label}' on {when(e.event)} "
                    f"is in the past; it is {shown}")
            for e in entries(program) if is_past(e.event, today)]

