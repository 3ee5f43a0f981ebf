"""Draws the deck's slide plan as 16:9 PDF pages: "send me the slides as PDF", no LibreOffice.

It reads the same plan as the PPTX renderer, so both show the same boxes; text is set with
the same exact line pitch the layout measured.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen.canvas import Canvas

from .images import ImageStore
from .layout.plan import DeckPlan
from .pdf_draw import Painter
from .pdf_text import PdfText
from .theme import Theme


def render(plan: DeckPlan, theme: Theme, path: Path, *, images: ImageStore,
           fonts: dict[str, str], timestamp: dt.datetime) -> str:
    """Writes one 16:9 page per slide to ``path``."""
    rl_config.useA85 = 0
    c = Canvas(str(path), pagesize=(plan.width, plan.height), invariant=1,
               initialFontName=fonts["regular"], lang=plan.language)
    stamp = TimeStamp(invariant=1)
    stamp.t = timestamp.replace(tzinfo=dt.UTC).timestamp()
    stamp.lt = time.gmtime(stamp.t)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    c._doc._timeStamp = stamp
    c.setTitle(plan.title)
    c.setAuthor(plan.author)
    c.setSubject(plan.subject)
    c.setCreator("deckbuilder")
    c.setProducer("deckbuilder")
    c.setViewerPreference("DisplayDocTitle", "true")
    painter = Painter(c, PdfText(theme, fonts), images, plan.height)
    for slide in plan.slides:
        painter.slide(slide, plan.width)
        c.showPage()
    c.save()
    return f"{len(plan.slides)} pages"
