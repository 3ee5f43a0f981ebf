"""Writes the program's events and deep dives as an iCalendar file (RFC 5545).

The icalendar library does the escaping, CRLF line ends and line folding.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from icalendar import Calendar, Event


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


def to_bytes(plan: CalendarPlan, timestamp: dt.datetime) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//deckbuilder//Future Circle program//DE")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", plan.name)
    stamp = timestamp.astimezone(dt.UTC)
    for entry in plan.entries:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.date)
        # RFC 5545 3.6.1: an all-day DTEND is exclusive, the day after the last one
        event.add("dtend", (entry.last_day or entry.date) + dt.timedelta(days=1))
        event.add("summary", entry.summary)
        if entry.location:
            event.add("location", entry.location)
        event.add("description", entry.description)
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()


def render(plan: CalendarPlan, path: Path, *, timestamp: dt.datetime) -> str:
    """Writes the calendar to ``path``."""
    path.write_bytes(to_bytes(plan, timestamp))
    return f"{len(plan.entries)} events"
