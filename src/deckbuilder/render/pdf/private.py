"""Every use of reportlab's private API, each with the reason no public way serves.

reportlab is pinned to the major version tested (pyproject.toml); when it moves, these
functions are what to check. The rest of render/pdf/ uses reportlab's public API
(canvas, platypus flowables and templates, ``addLiteral`` for marked content).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table
from reportlab.platypus.tableofcontents import TableOfContents

#: An entry of reportlab's contents list: level, text, page number, bookmark key.
ContentsEntry = tuple[int, str, int, Any]


def date_document(canvas: Canvas, stamp: dt.datetime) -> None:
    """Dates the canvas's document (its CreationDate and ModDate) at ``stamp``, the build
    time: ``invariant=1`` alone gives a fixed date, the wall clock a new one every build,
    and reportlab has no public way to give the date."""
    ts = TimeStamp(invariant=1)
    ts.t = stamp.replace(tzinfo=dt.UTC).timestamp()
    ts.lt = time.gmtime(ts.t)
    ts.YMDhms = tuple(ts.lt)[:6]
    canvas._doc._timeStamp = ts


def seed_contents(toc: TableOfContents, entries: list[ContentsEntry]) -> None:
    """Gives the contents list the last build's entries as its first guess (see
    contents.py: one layout pass instead of two when the pages did not move); the list
    otherwise learns its entries only from the first pass's notifications."""
    toc._entries = entries


def drawn_contents(toc: TableOfContents) -> list[ContentsEntry]:
    """The entries the contents list shows: those the last layout pass found. Kept for
    the next build, and drawn by TaggedContents; reportlab keeps them only privately."""
    entries: list[ContentsEntry] = toc._lastEntries
    return entries


def set_contents_table(toc: TableOfContents, table: Table) -> None:
    """The table the contents list draws and splits (its ``drawOn`` and ``split`` read
    it): TaggedContents builds it from tagged paragraphs in its own ``wrap``, as
    reportlab's ``wrap`` builds it from plain ones."""
    toc._table = table


def text_being_drawn(canvas: Canvas) -> Callable[[str], None]:
    """Appends PDF operators to the text object a paragraph is drawing, where an
    ``<onDraw>`` callback of its markup stands: a phrase in another language becomes a
    marked-content sequence of its own inside the paragraph's line (tags.py). reportlab
    gives the callback the text object only in this attribute; ``addLiteral`` would land
    before the whole text object."""
    code: list[str] = canvas._curr_tx_info["tx"]._code
    return code.append
