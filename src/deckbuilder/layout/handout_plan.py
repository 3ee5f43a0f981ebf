"""What a handout adds to the slides: the last page's coming events and calls to action,
and the header's date (render/pdf/handout.py draws them)."""

from __future__ import annotations

import datetime as dt

from ..content.dates import day_month, long_date
from ..content.model import Loaded
from ..content.program import entries, is_past
from .plan import Closing


def closing_of(loaded: Loaded, today: dt.date | None) -> Closing:
    """The program's entries from ``today`` on, by section, and every call to action
    with its address: what participants take home to act on."""
    project = loaded.project
    program = project.program
    sections: dict[str, list[tuple[str, str]]] = {}
    for entry in entries(program):
        event = entry.event
        if today is not None and is_past(event, today):
            continue
        sections.setdefault(entry.heading, []).append((day_month(event.date, event.end),
                                                       event.label))
    actions: list[tuple[str, str]] = []
    for slide in project.deck.slides:
        lines = getattr(slide, "lines", None)
        if slide.kind == "cta" and lines:
            actions.append((" ".join(" ".join(line.split()) for line in lines),
                            getattr(slide, "link", None) or ""))
    circle = project.future_circle
    if circle is not None and circle.button:
        actions.append((circle.button, circle.link or ""))
    return Closing(tuple((h, tuple(rows)) for h, rows in sections.items()), tuple(actions),
                   long_date(project.deck.date))
