"""Stand-ins for faulty content: the rest of a broken file can still be laid out."""

from __future__ import annotations

import datetime as dt

from deckbuilder.content.model import Deck, MethodSlide, ProgramFile, RadarSlide
from deckbuilder.content.salvage import STAND_IN_TEXT, salvage

DECK = {"name": "d", "title": "T", "author": "A", "date": "2026-02-30", "footer": "F",
        "legal": {"copyright": "C", "paragraphs": ["P"]}}


def test_each_slide_keeps_its_place() -> None:
    """A misspelt kind becomes the kind meant (its text kept); a slide without a kind
    stands in as one slide; an unknown key is dropped; a missing one is filled in."""
    deck = salvage(Deck, {**DECK, "slides": [
        {"kind": "methd", "title": "VORGEHEN", "steps": [{"number": "1", "text": "a"}]},
        {"title": "OHNE ART"},
        {"kind": "method", "titel": "X"},
    ]})
    assert deck is not None
    first, second, third = deck.slides
    assert isinstance(first, MethodSlide) and first.title == "VORGEHEN"
    assert isinstance(second, RadarSlide)
    assert isinstance(third, MethodSlide) and third.title == STAND_IN_TEXT
    assert deck.date == dt.date(2000, 1, 1)


def test_numbers_take_their_smallest_allowed_value() -> None:
    program = salvage(ProgramFile, {"title": "P", "year": "zwanzig", "events": [1]})
    assert program is not None
    assert program.year == 2000
    assert [e.title for e in program.events.entries] == [STAND_IN_TEXT]


def test_a_file_that_is_no_group_of_keys_is_not_salvaged() -> None:
    assert salvage(ProgramFile, ["a", "b"]) is None


def test_valid_content_comes_back_unchanged() -> None:
    data = {**DECK, "date": "2026-02-27", "slides": [{"kind": "legal"}]}
    assert salvage(Deck, data) == Deck.model_validate(data)
