"""Draws the deck's slide plan as 16:9 PDF pages: "send me the slides as PDF", no LibreOffice.

It reads the same plan as the PPTX renderer, so both show the same boxes; text is set with
the same exact line pitch the layout measured. The pages are tagged where it is cheap: each
slide a section (Sect) whose title is an H1, text boxes paragraphs, pictures and the radar
Figures with their descriptions, tables with their dates as row headers; backgrounds,
rules and decorative shapes are artifacts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab import rl_config

from ...layout.plan import (
    DeckPlan,
    Element,
    GroupBox,
    PictureBox,
    ShapeBox,
    SlidePlan,
    TableBox,
    TextBox,
)
from ...text.languages import Foreign, language_of
from ..images import ImageStore
from .draw import Painter, mark, radar_alt
from .finish import finish
from .tags import Node, Tags, tagging_canvas
from .template_art import draw_template
from .text import PdfText, describe_address

if TYPE_CHECKING:  # the PDF process gets a plain theme (theme_plain.py), no pydantic
    from ...theme import Theme


def render(plan: DeckPlan, theme: Theme, path: Path, *, images: ImageStore,
           fonts: dict[str, str], timestamp: dt.datetime) -> str:
    """Writes one 16:9 page per slide to ``path``."""
    rl_config.useA85 = 0
    tags = Tags(describe_address)
    c = tagging_canvas(tags, timestamp.replace(tzinfo=None))(
        str(path), pagesize=(plan.width, plan.height), invariant=1,
        initialFontName=fonts["regular"], lang=plan.language)
    c.setTitle(plan.title)
    c.setAuthor(plan.author)
    c.setSubject(plan.subject)
    c.setCreator("deckbuilder")
    c.setProducer("deckbuilder")
    c.setViewerPreference("DisplayDocTitle", "true")
    painter = Painter(c, PdfText(theme, fonts), images, plan.height)
    painter.t.foreign = plan.foreign
    for slide in plan.slides:
        tags.begin_page(c)
        _slide(painter, slide, plan.width, tags)
        tags.end_page(c)
        c.showPage()
    c.save()
    finish(path, tags, title=plan.title, lang=plan.language)
    return f"{len(plan.slides)} pages"


def _slide(painter: Painter, slide: SlidePlan, width: float, tags: Tags) -> None:
    """The background, then each element in the plan's reading order as its element; the
    slide's title is also its bookmark."""
    sect = tags.root.add("Sect")
    title = next((e for e in slide.elements if isinstance(e, TextBox) and e.role == "title"),
                 None)
    if title is not None:
        key = f"slide-{painter.c.getPageNumber()}"
        painter.c.bookmarkPage(key)
        painter.c.addOutlineEntry(" ".join(p.text for p in title.paras), key, level=0)
    draw_slide(painter, slide, width, sect, tags)


def draw_slide(painter: Painter, slide: SlidePlan, width: float, sect: Node, tags: Tags
               ) -> None:
    """The slide's background, then each element in the plan's reading order as its
    structure element in ``sect``: the slides PDF's pages and the handouts' frames."""
    painter.c.setFillColor(painter.t.color(slide.background))
    painter.c.rect(0, 0, width, painter.h, stroke=0, fill=1)
    draw_template(painter, slide)  # a template's band (under the footer), claim, logo
    for el in slide.elements:
        if isinstance(el, TableBox):
            painter.table(el, sect)
        elif isinstance(el, TextBox) and el.role == "footer":
            with tags.pagination(painter.c), tags.owner(sect):  # its link is the slide's
                painter.element(el)
        else:
            with mark(painter.c, structure_of(el, sect, painter.t.foreign)):
                painter.element(el)


def structure_of(el: Element, sect: Node, foreign: Foreign = ()) -> Node | None:
    """The structure element an element is drawn as; None draws it as an artifact. A text
    wholly in another language (an English trend's name) says so in its /Lang."""
    if isinstance(el, TextBox):
        text = " ".join(p.text for p in el.paras)
        return sect.add("H1" if el.role == "title" else "P", lang=language_of(text, foreign))
    if isinstance(el, PictureBox):
        return sect.add("Figure", alt=el.alt)
    if isinstance(el, GroupBox):
        return sect.add("Figure", alt=radar_alt((el,)))
    if isinstance(el, ShapeBox) and el.text is not None:
        return sect.add("P")
    if isinstance(el, ShapeBox) and el.alt:
        return sect.add("Figure", alt=el.alt)
    return None
