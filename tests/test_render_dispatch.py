"""Each renderer's one dispatch covers every kind of plan element, and the calendar writer
works from a hand-made plan (no content, no layout)."""

from __future__ import annotations

import datetime as dt
from typing import get_args

import vobject

from deckbuilder.layout import dossier as d
from deckbuilder.layout.calendar import CalendarEntry, CalendarPlan
from deckbuilder.layout.plan import Element
from deckbuilder.render.ics import to_bytes
from deckbuilder.render.pdf.dossier import WRITERS as DOSSIER_WRITERS
from deckbuilder.render.pdf.draw import PAINTERS
from deckbuilder.render.pptx.deck import WRITERS as DECK_WRITERS


def test_every_slide_element_has_a_writer_in_the_deck_and_the_slides_pdf() -> None:
    kinds = set(get_args(Element))
    assert len(kinds) == 6
    assert set(DECK_WRITERS) == kinds
    assert set(PAINTERS) == kinds


def test_every_dossier_block_has_a_writer() -> None:
    kinds = set(get_args(d.Block))
    assert len(kinds) == 12
    assert set(DOSSIER_WRITERS) == kinds


def test_the_calendar_writes_a_hand_made_plan() -> None:
    plan = CalendarPlan("Programm 2026", "de-DE", (
        CalendarEntry("a@deckbuilder", dt.date(2026, 3, 4), "Auftakt", "Essen",
                      "Veranstaltungen – Programm 2026 (Szenarien)"),
        CalendarEntry("b@deckbuilder", dt.date(2026, 6, 10), "Messe „Zukunft“", None,
                      "Vertiefungen", last_day=dt.date(2026, 6, 12)),
    ))
    stamp = dt.datetime(2025, 11, 4, tzinfo=dt.UTC)
    cal = vobject.readOne(to_bytes(plan, stamp).decode("utf-8"))
    events = {e.uid.value: e for e in cal.vevent_list}
    assert cal.contents["x-wr-calname"][0].value == "Programm 2026"
    first, fair = events["a@deckbuilder"], events["b@deckbuilder"]
    assert (first.dtstart.value, first.dtend.value) == (dt.date(2026, 3, 4), dt.date(2026, 3, 5))
    assert first.location.value == "Essen"
    # all-day DTEND is exclusive: the day after the last day
    assert (fair.dtstart.value, fair.dtend.value) == (dt.date(2026, 6, 10), dt.date(2026, 6, 13))
    assert fair.summary.value == "Messe „Zukunft“"
    assert not hasattr(fair, "location")
    assert fair.dtstamp.value == stamp
