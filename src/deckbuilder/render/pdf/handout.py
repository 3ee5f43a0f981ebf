"""Handouts: what participants take home, drawn from the same slide plan as the slides PDF.

Two kinds, as PowerPoint prints them: ``handout`` puts 2, 3, 4 or 6 slides on an A4 page
(three with ruled lines for notes beside them), ``notes`` one slide a page with its
speaker notes below. Each slide is drawn as vector by the slides PDF's painter, scaled
into its frame, and tagged as the slides PDF tags it (a Sect with its title as H1, its
pictures as Figures); frames, ruled lines, header and page numbers are artifacts. The
handout's last page lists the program's coming events and the calls to action.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab import rl_config
from reportlab.lib.pagesizes import A4

from ...layout.plan import Closing, DeckPlan, Para, Run, SlidePlan, TextBox
from ..images import ImageStore
from .draw import Painter
from .finish import finish
from .qr import QUIET, QrFigure
from .slides import draw_slide
from .tags import Node, Tags, tagging_canvas
from .text import PdfText, describe_address

if TYPE_CHECKING:  # the PDF process gets a plain theme (theme_plain.py), no pydantic
    from ...theme import Theme

#: Slides a page: (columns, rows); three a page get ruled lines beside each slide.
GRIDS = {2: (1, 2), 3: (1, 3), 4: (2, 2), 6: (2, 3)}
#: The page's margins and the space between frames, in points (A4: 595 × 842).
MARGIN, HEAD, GAP = 50.0, 40.0, 24.0
#: Ruled lines for notes beside a slide of the three-a-page handout: how many, how thin.
LINE_PITCH, LINE_WIDTH = 24.0, 0.5
RULE = "rule"
#: The space between the notes' paragraphs.
NOTE_GAP = 6.0


def render(plan: DeckPlan, theme: Theme, path: Path, *, images: ImageStore,
           fonts: dict[str, str], timestamp: dt.datetime, kind: str = "handout",
           per_page: int = 3, closing: Closing | None = None) -> str:
    """Writes the handout (``kind`` "handout", ``per_page`` slides a page) or the notes
    pages (``kind`` "notes") to ``path``."""
    rl_config.useA85 = 0
    tags = Tags(describe_address)
    c = tagging_canvas(tags, timestamp.replace(tzinfo=None))(
        str(path), pagesize=A4, invariant=1, initialFontName=fonts["regular"],
        lang=plan.language)
    title = f"{plan.title} – {'Handout' if kind == 'handout' else 'Notizen'}"
    c.setTitle(title)
    c.setAuthor(plan.author)
    c.setSubject(plan.subject)
    c.setCreator("deckbuilder")
    c.setProducer("deckbuilder")
    c.setViewerPreference("DisplayDocTitle", "true")
    text = PdfText(theme, fonts)
    text.foreign = plan.foreign
    pages = _pages(plan, per_page if kind == "handout" else 1)
    closing = closing or Closing()
    for number, slides in enumerate(pages, 1):
        tags.begin_page(c)
        _furniture(c, text, plan, closing, number)
        for index, slide in enumerate(slides):
            box = _frame(index, per_page) if kind == "handout" else _notes_frame()
            _draw_slide(c, text, images, plan, slide, box, tags)
            if kind == "handout" and per_page == 3:
                _lines(c, text, box)
            elif kind == "notes":
                _notes(c, text, slide, box, tags)
        tags.end_page(c)
        c.showPage()
    if kind == "handout" and (closing.events or closing.actions):
        tags.begin_page(c)
        _furniture(c, text, plan, closing, len(pages) + 1)
        _closing(c, text, closing, tags)
        tags.end_page(c)
        c.showPage()
        pages.append([])
    c.save()
    finish(path, tags, title=title, lang=plan.language)
    return f"{len(pages)} pages"


def _pages(plan: DeckPlan, per_page: int) -> list[list[SlidePlan]]:
    slides = list(plan.slides)
    return [slides[i:i + per_page] for i in range(0, len(slides), per_page)]


def _frame(index: int, per_page: int) -> tuple[float, float, float, float]:
    """The slide's frame on the page (x, y from the top, width, height), 16:9."""
    width, height = A4
    cols, rows = GRIDS[per_page]
    room_w = (width - 2 * MARGIN - (cols - 1) * GAP) / cols
    room_h = (height - 2 * MARGIN - HEAD - (rows - 1) * GAP) / rows
    if per_page == 3:  # the slide on the left half, the lines beside it
        room_w = (width - 2 * MARGIN - GAP) / 2
    w = min(room_w, room_h * 16 / 9)
    h = w * 9 / 16
    col, row = index % cols, index // cols
    x = MARGIN + col * (room_w + GAP) + (room_w - w) / 2 * (per_page != 3)
    y = MARGIN + HEAD + row * (room_h + GAP) + (room_h - h) / 2
    return x, y, w, h


def _notes_frame() -> tuple[float, float, float, float]:
    width, _ = A4
    w = width - 2 * MARGIN
    return MARGIN, MARGIN + HEAD, w, w * 9 / 16


def _draw_slide(c, text: PdfText, images: ImageStore, plan: DeckPlan,  # type: ignore[no-untyped-def]
                slide: SlidePlan, box: tuple[float, float, float, float], tags: Tags) -> None:
    """The slide as vector in its frame: scaled from its own coordinates, tagged as a
    section of the document, framed by a thin rule (an artifact)."""
    x, y, w, h = box
    page_h = A4[1]
    scale = w / plan.width
    c.saveState()
    title = next((e for e in slide.elements if isinstance(e, TextBox) and e.role == "title"),
                 None)
    if title is not None:  # each slide is a bookmark: a reader goes to it by its title
        key = f"slide-{slide.number}"
        c.bookmarkPage(key, fit="XYZ", left=x, top=page_h - y, zoom=0)
        c.addOutlineEntry(" ".join(p.text for p in title.paras), key, level=0)
    c.translate(x, page_h - y - h)
    c.scale(scale, scale)
    path = c.beginPath()
    path.rect(0, 0, plan.width, plan.height)
    c.clipPath(path, stroke=0, fill=0)
    draw_slide(Painter(c, text, images, plan.height), slide, plan.width,
               tags.root.add("Sect"), tags)
    c.restoreState()
    c.setStrokeColor(text.color(RULE))
    c.setLineWidth(LINE_WIDTH)
    c.rect(x, page_h - y - h, w, h, stroke=1, fill=0)


def _lines(c, text: PdfText, box: tuple[float, float, float, float]) -> None:  # type: ignore[no-untyped-def]
    """Ruled lines beside the slide, for the reader's notes (artifacts)."""
    x, y, w, h = box
    left, right = x + w + GAP, A4[0] - MARGIN
    c.setStrokeColor(text.color(RULE))
    c.setLineWidth(LINE_WIDTH)
    line = y + LINE_PITCH
    while line <= y + h:
        c.line(left, A4[1] - line, right, A4[1] - line)
        line += LINE_PITCH


def _furniture(c, text: PdfText, plan: DeckPlan, closing: Closing, number: int) -> None:  # type: ignore[no-untyped-def]
    """The running header (the deck's title and date) and the page number: pagination
    artifacts."""
    tags: Tags = c.tags
    style = text.style("footer")
    width, height = A4
    with tags.pagination(c):
        c.setFont(style.fontName, style.fontSize)
        c.setFillColor(style.textColor)
        c.drawString(MARGIN, height - MARGIN, plan.title)
        if closing.date:
            c.drawRightString(width - MARGIN, height - MARGIN, closing.date)
        c.drawRightString(width - MARGIN, MARGIN / 2, str(number))


def _notes(c, text: PdfText, slide: SlidePlan, box: tuple[float, float, float, float],  # type: ignore[no-untyped-def]
           tags: Tags) -> None:
    """The slide's speaker notes below it: its paragraphs, its list items as a list."""
    if not slide.notes:
        return
    x, y, w, h = box
    top = y + h + GAP
    sect = tags.root.kids[-1] if tags.root.kids else tags.root
    assert isinstance(sect, Node)
    items: Node | None = None
    for note in slide.notes:
        para = Para((Run(note.text),), "body")
        if note.bullet:
            items = items or sect.add("L", attrs={"O": "List", "ListNumbering": "Square"})
            node = items.add("LI").add("LBody")
            p = text.para(para, node, leftIndent=text.theme.sizes.text.bullet_indent,
                          bulletIndent=0, bulletText="■")
        else:
            items = None
            p = text.para(para, sect.add("P"))
        _, used = p.wrap(w, A4[1] - top - MARGIN)
        p.drawOn(c, x, A4[1] - top - used)
        top += used + NOTE_GAP


def _closing(c, text: PdfText, closing: Closing, tags: Tags) -> None:  # type: ignore[no-untyped-def]
    """The last page: the program's coming events and the calls to action."""
    sect = tags.root.add("Sect")
    y = A4[1] - MARGIN - HEAD
    width = A4[0] - 2 * MARGIN
    for heading, rows in closing.events:
        y = _put(c, text.para(Para((Run(heading),), "d-h3"), sect.add("H2")), y, width)
        for date, title in rows:
            y = _put(c, text.para(Para((Run(f"{date}: {title}"),), "d-body"), sect.add("P")),
                     y, width)
    shown: set[str] = set()
    for line, address in closing.actions:
        y = _put(c, text.para(Para((Run(line),), "d-h3"), sect.add("P")), y - GAP, width)
        if address and address not in shown:  # printed links are QR codes to scan
            shown.add(address)
            y = _qr(c, text, address, sect, y)
        elif address:
            y = _put(c, text.para(Para((Run(address, link=address),), "d-body"),
                                  sect.add("P")), y, width)


def _qr(c, text: PdfText, address: str, sect: Node, y: float) -> float:  # type: ignore[no-untyped-def]
    """The address's QR code at the column's left, the address printed beside its foot."""
    figure = QrFigure(address, text.theme.sizes.dossier.qr, QUIET, text.color("ink"),
                      sect.add("Figure", alt=address))
    code_w, code_h = figure.wrap(0, 0)
    figure.drawOn(c, MARGIN - figure.quiet, y - code_h)
    shown = address.removeprefix("https://").removeprefix("http://").rstrip("/")
    p = text.para(Para((Run(shown, link=address),), "d-caption"), sect.add("P"))
    _, used = p.wrap(A4[0] - 2 * MARGIN - code_w, code_h)
    p.drawOn(c, MARGIN + code_w, y - code_h + figure.quiet)
    return y - code_h - used / 2


def _put(c, p, y: float, width: float) -> float:  # type: ignore[no-untyped-def]
    _, used = p.wrap(width, y - MARGIN)
    p.drawOn(c, MARGIN, y - used)
    return y - used - 4
