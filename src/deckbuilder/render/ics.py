"""Writes the calendar plan (layout/calendar.py) as an iCalendar file (RFC 5545).

The icalendar library does the escaping, CRLF line ends and line folding.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar, Event

from ..layout.calendar import CalendarPlan


def to_bytes(plan: CalendarPlan, timestamp: dt.datetime) -> bytes:
    """The calendar's bytes; every entry is stamped with the build time (reproducible)."""
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
