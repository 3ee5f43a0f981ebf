"""The calendar plan: every dated entry of the program as one all-day calendar entry.

Pure, like the rest of layout: what the calendar holds is decided here, render/ics.py
only writes it (RFC 5545)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the plan types travel to the PDF process, which has no content model
    from ..content.model import EventSection, ProgramFile


@dataclass(frozen=True)
class CalendarEntry:
    """One all-day entry (over several days if ``last_day`` is later than ``date``);
    ``uid`` is derived from the entry's identity, not its date."""

    uid: str
    date: dt.date
    summary: str  # the title alone; the place goes to LOCATION
    location: str | None
    description: str
    last_day: dt.date | None = None


@dataclass(frozen=True)
class CalendarPlan:
    name: str
    language: str
    entries: tuple[CalendarEntry, ...]


def plan_calendar(program: ProgramFile, deck_title: str, language: str) -> CalendarPlan:
    """The calendar's entries: every event and deep dive, past ones included, in
    chronological order."""
    from ..content.program import entries  # imports the content model (see above)

    found = []
    for entry in sorted(entries(program), key=lambda e: e.event.date):
        section: EventSection = getattr(program, entry.section)
        event = entry.event
        found.append(CalendarEntry(
            entry.uid, event.date, event.title, event.place or section.location,
            f"{section.heading} – {program.title} ({deck_title})", event.last_day))
    return CalendarPlan(program.title, language, tuple(found))
