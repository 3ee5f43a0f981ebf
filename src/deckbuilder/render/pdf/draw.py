"""Draws plan elements (text, pictures, shapes, tables, lines, groups) on a PDF canvas,
and the dossier's figures (colour bar, radar, cover) as flowables.

The painter is shared by the slides PDF and the dossier's radar, so a plan looks the same
wherever it is drawn. On a tagging canvas (tags.py) each figure's content is drawn as its
structure element; what is not is an artifact.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image, Paragraph

from ...layout import dossier_plan as d
from ...layout.plan import (
    Box,
    Element,
    GroupBox,
    LineBox,
    Para,
    PictureBox,
    Run,
    ShapeBox,
    SlidePlan,
    TableBox,
    TextBox,
)
from ..images import ImageStore
from .tags import Node
from .text import PdfText, StableName, TaggedParagraph

#: Paragraphs already set, by paragraph and box: the handout and the notes pages (and the
#: slides PDF) draw the same slides in one process, and setting a paragraph (parsing its
#: markup, breaking its lines) is most of drawing a slide. A set paragraph draws again on
#: any canvas; what it links or tags is recorded when it is drawn.
_SET: dict[tuple[object, ...], tuple[Paragraph, float, float]] = {}
#: How many set paragraphs are kept: a deck's several times over (the IHK deck has 273).
SET_KEPT = 4000
#: An edition's logos on the dossier's cover: their height, and the space between them
#: (points); about the cap height of the cover's title, so they stand beside it, not over it.
LOGO_HEIGHT, LOGO_GAP = 40.0, 16.0


class Painter:
    """Draws plan elements on a reportlab canvas whose origin is bottom-left, ``height``
    points tall (a slide page, or a flowable's box in the dossier)."""

    def __init__(self, canvas: Canvas, text: PdfText, images: ImageStore, height: float) -> None:
        self.c, self.t, self.images, self.h = canvas, text, images, height

    def paragraphs(self, tb: TextBox) -> None:
        flow = []
        for i, para in enumerate(tb.paras):
            flow.append(self._set(para, tb, i == 0))
        total = sum(h + (sb if i else 0) for i, (_, h, sb) in enumerate(flow))
        y = tb.box.y
        if tb.anchor == "middle":
            y += (tb.box.h - total) / 2
        elif tb.anchor == "bottom":
            y += tb.box.h - total
        for i, (p, height, before) in enumerate(flow):
            y += before if i else 0
            p.drawOn(self.c, tb.box.x, self.h - y - height)
            y += height

    def _set(self, para: Para, tb: TextBox, first: bool) -> tuple[Paragraph, float, float]:
        """The paragraph set in its box's width: the reportlab Paragraph, its height and
        the space before it."""
        extra: dict[str, object] = {}
        if para.bullet:
            indent = self.t.theme.sizes.text.bullet_indent * tb.scale
            extra = dict(leftIndent=indent, bulletIndent=0, bulletText="■",
                         bulletColor=self.t.color(para.bullet))
        style = self.t.style(para.style, scale=tb.scale, align=para.align, on=None,
                             **extra)  # type: ignore[arg-type]
        if first:
            style.spaceBefore = 0
        markup = self.t.markup(para, on=None)
        key = (markup, style.fontName, style.fontSize, style.leading, style.alignment,
               style.textColor.hexval(), style.leftIndent, style.spaceBefore, tb.box.w,
               tb.box.h, bool(para.bullet))
        made = _SET.get(key)
        if made is None:
            if len(_SET) >= SET_KEPT:  # a long-running process (watch) builds again and again
                _SET.clear()
            p = Paragraph(markup, style)
            _, height = p.wrap(tb.box.w, tb.box.h)
            made = _SET[key] = (p, height, style.spaceBefore)
        return made

    def picture(self, pb: PictureBox) -> None:
        b = pb.box
        prepared = self.images.get(pb.path, b.w, b.h, pb.focus)
        self.c.drawImage(StableName(prepared), b.x, self.h - b.bottom, b.w, b.h)

    def shape(self, sb: ShapeBox) -> None:
        b, c = sb.box, self.c
        fill = 1 if sb.fill else 0
        stroke = 1 if sb.line else 0
        if sb.fill:
            c.setFillColor(self.t.color(sb.fill))
        if sb.line:
            c.setStrokeColor(self.t.color(sb.line))
            c.setLineWidth(sb.line_width)
        y = self.h - b.bottom
        if sb.shape == "line":
            c.line(b.x, self.h - b.y, b.right, self.h - b.bottom)
        elif sb.shape == "oval":
            c.ellipse(b.x, y, b.right, y + b.h, stroke=stroke, fill=fill)
        elif sb.shape == "rounded":
            c.roundRect(b.x, y, b.w, b.h, min(b.w, b.h) * 0.17, stroke=stroke, fill=fill)
        else:
            c.rect(b.x, y, b.w, b.h, stroke=stroke, fill=fill)
        if sb.text is not None:
            self.paragraphs(sb.text)

    def table(self, tb: TableBox, parent: Node | None = None) -> None:
        """Draws the table; given a ``parent`` element, as a Table in it: its header rows
        as column headers across the columns, else the rows' first cells as row headers."""
        table = parent.add("Table") if parent is not None else None
        y = tb.box.y
        for r, (row, height) in enumerate(zip(tb.rows, tb.heights, strict=True)):
            tr = table.add("TR") if table is not None else None
            if r < tb.header_rows:  # one cell across the columns, a column header
                tag = tr.add("TH", attrs={"O": "Table", "Scope": "Column",
                                          "ColSpan": len(tb.columns)}) if tr else None
                inner = TextBox(Box(tb.box.x + tb.padding, y, tb.box.w - 2 * tb.padding,
                                    height), row[0], tb.source, tb.scale)
                with mark(self.c, tag):
                    self.paragraphs(inner)
                y += height
                continue
            x = tb.box.x
            for i, (cell, width) in enumerate(zip(row, tb.columns, strict=True)):
                inner = TextBox(_inset(x, y, width, height, tb.padding), cell, tb.source,
                                tb.scale)
                tag = None
                if tr is not None:  # below a header row, the dates are data like the rest
                    tag = tr.add("TH", attrs={"O": "Table", "Scope": "Row"}) \
                        if i == 0 and not tb.header_rows else tr.add("TD")
                with mark(self.c, tag):
                    if cell:
                        self.paragraphs(inner)
                x += width
            y += height
            self.c.setStrokeColor(self.t.color(tb.rule))
            self.c.setLineWidth(tb.rule_width)
            self.c.line(tb.box.x, self.h - y, tb.box.right, self.h - y)

    def line(self, lb: LineBox) -> None:
        self.c.setStrokeColor(self.t.color(lb.color))
        self.c.setLineWidth(lb.width)
        self.c.line(lb.x1, self.h - lb.y1, lb.x2, self.h - lb.y2)

    def group(self, gb: GroupBox) -> None:
        for part in gb.elements:
            self.element(part)

    def element(self, el: Element) -> None:
        """Draws one plan element with the painter ``PAINTERS`` names for its type."""
        PAINTERS[type(el)](self, el)

    def slide(self, plan: SlidePlan, width: float) -> None:
        self.c.setFillColor(self.t.color(plan.background))
        self.c.rect(0, 0, width, self.h, stroke=0, fill=1)
        for el in plan.elements:
            self.element(el)


#: The one dispatch from slide-plan element to the method that draws it (the dossier's
#: blocks have theirs in dossier.py, ``WRITERS``).
PAINTERS: dict[type, Callable[[Painter, Any], None]] = {
    TextBox: Painter.paragraphs,
    PictureBox: Painter.picture,
    ShapeBox: Painter.shape,
    TableBox: Painter.table,
    LineBox: Painter.line,
    GroupBox: Painter.group,
}


def _inset(x: float, y: float, w: float, h: float, pad: float) -> Box:
    return Box(x + pad, y + pad, w - 2 * pad, h - 2 * pad)




def mark(canvas: Canvas, node: Node | None):  # type: ignore[no-untyped-def]
    """The context that draws as ``node``'s content; a plain canvas records nothing."""
    tags = getattr(canvas, "tags", None)
    return tags.mark(canvas, node) if tags is not None else _nothing()


@contextmanager
def _nothing() -> Iterator[None]:
    yield


class TaggedImage(Image):
    """A picture drawn as the content of its Figure element ``tag``."""

    tag: Node | None = None

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        with mark(canvas, self.tag):
            super().drawOn(canvas, x, y, _sW)


class Bar(Flowable):
    """The short colour bar that opens each section, as on the slides (an artifact)."""

    def __init__(self, color: HexColor, width: float, height: float, space: float) -> None:
        super().__init__()
        self.color, self.bar_w, self.bar_h, self.space = color, width, height, space

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return aw, self.bar_h + self.space

    def draw(self) -> None:
        self.canv.setFillColor(self.color)
        self.canv.rect(0, self.space, self.bar_w, self.bar_h, stroke=0, fill=1)


def radar_alt(elements: tuple[Element, ...]) -> str:
    """The radar's text alternative: every trend with its ring, segment and signal strength,
    as each dot describes itself, in the radar's own order. The caption is a paragraph of
    its own just before the figure, so the alternative does not repeat it."""
    dots = [part.alt for group in elements if isinstance(group, GroupBox)
            for part in group.elements if isinstance(part, ShapeBox) and part.alt]
    return f"Trendradar mit {len(dots)} Einträgen: " + "; ".join(dots) + "."


class Radar(Flowable):
    """The radar figure, drawn in vector by the same painter as the slides PDF: the
    drawing is a Figure with a text alternative, each trend's dot a link to its card, the
    legend's texts paragraphs. ``parent`` receives these elements in reading order."""

    def __init__(self, block: d.RadarFigure, text: PdfText, images: ImageStore,
                 parent: Node, describe) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.block, self.text, self.images = block, text, images
        self.width, self.height = block.width, block.height
        self.figure = parent.add("Figure", alt=radar_alt(block.elements))
        self.links = [parent.add("Link", alt=describe("#" + key)) for _, key in block.links]
        self.legend = {i: parent.add("P") for i, el in enumerate(block.elements)
                       if isinstance(el, TextBox)}

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.block.width, self.block.height

    def draw(self) -> None:
        painter = Painter(self.canv, self.text, self.images, self.block.height)
        for i, element in enumerate(self.block.elements):
            node = self.figure if isinstance(element, GroupBox) else self.legend.get(i)
            with mark(self.canv, node):
                painter.element(element)
        tags = getattr(self.canv, "tags", None)
        for (box, key), node in zip(self.block.links, self.links, strict=True):
            rect = (box.x, self.block.height - box.bottom, box.right, self.block.height - box.y)
            with tags.owner(node) if tags is not None else _nothing():
                self.canv.linkRect("", key, rect, relative=1, thickness=0)


class Cover(Flowable):
    """The cover page: artwork on the upper part (a Figure), title (H1) and meta lines."""

    def __init__(self, block: d.Cover, st: PdfText, images: ImageStore, ppi: float,
                 size: tuple[float, float], parent: Node) -> None:
        super().__init__()
        self.block, self.st, self.images, self.ppi = block, st, images, ppi
        self.page_w, self.page_h = size
        pic = block.picture
        self.figure = parent.add("Figure", alt=pic.alt) if pic is not None else None
        self.title = parent.add("H1")
        self.logos = [parent.add("Figure", alt=logo.alt) for logo in block.logos]
        self.lines = [parent.add("P") for _ in block.lines]

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.page_w, self.page_h - 1

    def draw(self) -> None:
        """Meta lines sit on the bottom margin, the title above them; a title of several
        lines takes its room from the artwork, so it never runs into the date line."""
        c, st, th = self.canv, self.st, self.st.theme
        x, size = th.page.left, th.sizes.dossier.cover
        title = self._text(self.block.title, "d-cover", self.title)
        _, title_h = title.wrap(self.page_w - 2 * x, self.page_h)
        metas = [self._text(line, "d-cover-meta", node)
                 for line, node in zip(self.block.lines, self.lines, strict=True)]
        meta_h = sum(m.wrap(self.page_w - 2 * x, 100)[1] for m in metas)
        logos_h = LOGO_HEIGHT + size.title_to_meta if self.block.logos else 0.0
        room = self.page_h - (th.page.bottom + size.meta_lift + meta_h + size.title_to_meta
                              + logos_h + title_h + size.bar_to_title + size.picture_to_bar)
        art_h = max(min(self.page_h * size.picture_height, room), 0.0)
        pic = self.block.picture
        if pic is not None and art_h > 0:
            prepared = self.images.get(pic.path, self.page_w, art_h, pic.focus, ppi=self.ppi)
            with mark(c, self.figure):
                Image(StableName(prepared), self.page_w, art_h).drawOn(c, 0, self.page_h - art_h)
        y = self.page_h - art_h - size.picture_to_bar
        c.setFillColor(st.color("accent"))
        c.rect(x, y, size.bar_width, size.bar_height, stroke=0, fill=1)
        title.drawOn(c, x, y - size.bar_to_title - title_h)
        y = th.page.bottom + size.meta_lift + meta_h
        self._logos(x, y + size.title_to_meta)
        for meta in metas:  # from the top down (reading order), the last on the margin
            y -= meta.height
            meta.drawOn(c, x, y)

    def _logos(self, x: float, bottom: float) -> None:
        """The logos side by side above the meta lines, as high as LOGO_HEIGHT (lower
        together when the row would be wider than the text's width), each whole."""
        logos = self.block.logos
        widths = [LOGO_HEIGHT * logo.aspect for logo in logos]
        room = self.page_w - 2 * x - LOGO_GAP * (len(logos) - 1)
        scale = min(1.0, room / sum(widths)) if logos else 1.0
        for logo, width, node in zip(logos, widths, self.logos, strict=True):
            w, h = width * scale, LOGO_HEIGHT * scale
            prepared = self.images.get(logo.path, w, h, (0.5, 0.5), ppi=self.ppi)
            with mark(self.canv, node):
                Image(StableName(prepared), w, h).drawOn(self.canv, x, bottom)
            x += w + LOGO_GAP

    def _text(self, text: str, style: str, tag: Node) -> TaggedParagraph:
        p = TaggedParagraph(self.st.markup(Para((Run(text),), style)), self.st.style(style))
        p.tag = tag
        return p
