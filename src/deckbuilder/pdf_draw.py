"""Draws plan elements (text, pictures, shapes, tables, lines, groups) on a PDF canvas.

Shared by the slides PDF and the dossier's radar, so a plan looks the same wherever it
is drawn.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from .images import ImageStore
from .layout.plan import (
    Box,
    Element,
    GroupBox,
    LineBox,
    PictureBox,
    ShapeBox,
    SlidePlan,
    TableBox,
    TextBox,
)
from .layout.text import BULLET_INDENT
from .pdf_text import PdfText, StableName


class Painter:
    """Draws plan elements on a reportlab canvas whose origin is bottom-left, ``height``
    points tall (a slide page, or a flowable's box in the dossier)."""

    def __init__(self, canvas: Canvas, text: PdfText, images: ImageStore, height: float) -> None:
        self.c, self.t, self.images, self.h = canvas, text, images, height

    def paragraphs(self, tb: TextBox) -> None:
        flow = []
        for i, para in enumerate(tb.paras):
            extra: dict[str, object] = {}
            if para.bullet:
                indent = BULLET_INDENT * tb.scale
                extra = dict(leftIndent=indent, bulletIndent=0, bulletText="■",
                             bulletColor=self.t.color(para.bullet))
            style = self.t.style(para.style, scale=tb.scale, align=para.align, **extra)  # type: ignore[arg-type]
            if i == 0:
                style.spaceBefore = 0
            p = Paragraph(self.t.markup(para), style)
            _, height = p.wrap(tb.box.w, tb.box.h)
            flow.append((p, height, style.spaceBefore))
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

    def table(self, tb: TableBox) -> None:
        y = tb.box.y
        for row, height in zip(tb.rows, tb.heights, strict=True):
            x = tb.box.x
            for cell, width in zip(row, tb.columns, strict=True):
                inner = TextBox(_inset(x, y, width, height, tb.padding), cell, tb.source,
                                tb.scale)
                if cell:
                    self.paragraphs(inner)
                x += width
            y += height
            self.c.setStrokeColor(self.t.color(tb.rule))
            self.c.setLineWidth(0.75)
            self.c.line(tb.box.x, self.h - y, tb.box.right, self.h - y)

    def element(self, el: Element) -> None:
        if isinstance(el, TextBox):
            self.paragraphs(el)
        elif isinstance(el, PictureBox):
            self.picture(el)
        elif isinstance(el, ShapeBox):
            self.shape(el)
        elif isinstance(el, TableBox):
            self.table(el)
        elif isinstance(el, LineBox):
            self.c.setStrokeColor(self.t.color(el.color))
            self.c.setLineWidth(el.width)
            self.c.line(el.x1, self.h - el.y1, el.x2, self.h - el.y2)
        elif isinstance(el, GroupBox):
            for part in el.elements:
                self.element(part)

    def slide(self, plan: SlidePlan, width: float) -> None:
        self.c.setFillColor(self.t.color(plan.background))
        self.c.rect(0, 0, width, self.h, stroke=0, fill=1)
        for el in plan.elements:
            self.element(el)


def _inset(x: float, y: float, w: float, h: float, pad: float) -> Box:
    return Box(x + pad, y + pad, w - 2 * pad, h - 2 * pad)


