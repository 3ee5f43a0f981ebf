"""A corporate template's own furniture on the PDFs' slides: its bands, claim and logo.

The PPTX leaves them to the template's master and layouts, which PowerPoint draws; the
slides PDF and the handouts draw the plan, so they draw them here, under the slide's
elements, as artifacts (page furniture, read by no screen reader).
"""

from __future__ import annotations

import io

from reportlab.lib.utils import ImageReader, simpleSplit

from ...layout.plan import SlidePlan, TemplateArt
from .draw import Painter

#: A text box's insets in PowerPoint unless it sets its own (0.1 in, 0.05 in), in points.
INSET_X, INSET_Y = 7.2, 3.6
#: The first baseline below a line's top, as a share of the size (Source Sans Pro's ascent).
ASCENT = 0.8
#: From one baseline to the next, as a share of the size: PowerPoint's single spacing.
LEADING = 1.2


def draw_template(painter: Painter, slide: SlidePlan) -> None:
    """The template's bands and marks, then its claims and logos, where it draws them."""
    c, h = painter.c, painter.h
    for box, color in slide.template_fills:
        c.setFillColor(painter.t.color("#" + color))
        c.rect(box.x, h - box.bottom, box.w, box.h, stroke=0, fill=1)
    for art in slide.template_art:
        if art.picture:
            _logo(painter, art)
        elif art.text:
            _claim(painter, art)


def _logo(painter: Painter, art: TemplateArt) -> None:
    box = art.box
    painter.c.drawImage(ImageReader(io.BytesIO(art.picture)), box.x, painter.h - box.bottom,
                        box.w, box.h, mask="auto")


def _claim(painter: Painter, art: TemplateArt) -> None:
    """The claim in the deck's regular face at the template's size and in the colour the
    layout gave it (template_slides.template_art), line by line as the template breaks
    it, each wrapped at spaces within its box as PowerPoint wraps it unless the template
    says not to (a long claim ran past its box, and off a narrow slide)."""
    c = painter.c
    color = art.color or painter.t.theme.color("ink")
    box, size, font = art.box, art.size, painter.t.fonts["regular"]
    lines = [line for part in art.text.split("\n") for line in (
        simpleSplit(part, font, size, box.w - 2 * INSET_X) if art.wrap else [part])]
    if not lines:
        return
    block = size + (len(lines) - 1) * size * LEADING
    top = {"ctr": box.y + (box.h - block) / 2, "b": box.bottom - INSET_Y - block}.get(
        art.anchor, box.y + INSET_Y)
    c.setFillColor(painter.t.color("#" + color))
    c.setFont(font, size)
    for i, line in enumerate(lines):
        c.drawString(box.x + INSET_X, painter.h - top - size * (ASCENT + i * LEADING), line)

