"""A craft chamber's corporate template, made for the tests (issue 29): 16:9, a master
with a band in the brand colour (a claim line in it, the footer and slide-number
placeholders inside it) and a logo in a corner. ``house`` picks the chamber's two house
styles: band at the bottom and logo top right, or band at the top and logo bottom left.

    python -m tests.template_maker OUT.pptx [top]
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image, ImageDraw
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.shapes.autoshape import Shape
from pptx.util import Emu, Pt

WIDTH, HEIGHT = Pt(960), Pt(540)
BAND = Pt(54)
BRAND = "14502D"
CLAIM = "Handwerk. Die Wirtschaftsmacht. Von nebenan."


def logo_png() -> bytes:
    """A dark green word mark on transparent ground, as chambers' logos are."""
    picture = Image.new("RGBA", (400, 160), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 0, 150, 160), fill=(0x14, 0x50, 0x2D, 255))
    draw.rectangle((170, 40, 400, 120), fill=(0x14, 0x50, 0x2D, 255))
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()


def make_template(path: Path, house: str = "bottom", claim_text: str = CLAIM,
                  wrap: bool = True) -> Path:
    """Writes the template to ``path``: ``house`` "bottom" (band at the bottom, logo top
    right) or "top" (band at the top, logo bottom left); the claim's box is 420 pt wide."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    master = prs.slide_master
    tree = master.shapes._spTree  # noqa: SLF001 - python-pptx adds no shapes to a master
    band_top = HEIGHT - BAND if house == "bottom" else 0
    band = Shape(tree.add_autoshape(100, "Band", "rect", 0, band_top, WIDTH, BAND), master)
    band.fill.solid()
    band.fill.fore_color.rgb = RGBColor.from_string(BRAND)
    band.line.fill.background()
    claim = Shape(tree.add_textbox(101, "Claim", Pt(40), band_top + Pt(16), Pt(420), Pt(22)),
                  master)
    claim.text_frame.text = claim_text
    claim.text_frame.word_wrap = wrap  # add_textbox's is off: the claim wraps in its box
    run = claim.text_frame.paragraphs[0].runs[0]
    run.font.size, run.font.color.rgb = Pt(14), RGBColor(0xFF, 0xFF, 0xFF)
    logo_y = Pt(24) if house == "bottom" else HEIGHT - Pt(24) - Pt(40)
    logo_x = WIDTH - Pt(24) - Pt(100) if house == "bottom" else Pt(24)
    _, rid = master.part.get_or_add_image_part(io.BytesIO(logo_png()))
    tree.add_pic(102, "Logo", "Logo", rid, logo_x, logo_y, Pt(100), Pt(40))
    for holder in master.placeholders:
        kind = holder.placeholder_format.type
        if kind == PP_PLACEHOLDER.FOOTER:
            holder.left, holder.top, holder.width, holder.height = \
                Pt(520), band_top + Pt(16), Pt(320), Pt(22)
        elif kind == PP_PLACEHOLDER.SLIDE_NUMBER:
            holder.left, holder.top, holder.width, holder.height = \
                Pt(860), band_top + Pt(16), Pt(60), Pt(22)
        elif kind == PP_PLACEHOLDER.DATE:
            holder.left, holder.top = Emu(0), Emu(0)
        elif kind == PP_PLACEHOLDER.TITLE:
            holder.left, holder.width = Pt(56), Pt(848)
        elif kind == PP_PLACEHOLDER.BODY:
            holder.left, holder.width = Pt(56), Pt(848)
    for holder in master.placeholders:
        if holder.placeholder_format.type in (PP_PLACEHOLDER.FOOTER,
                                              PP_PLACEHOLDER.SLIDE_NUMBER):
            for paragraph in holder.text_frame.paragraphs:
                paragraph.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
                paragraph.font.size = Pt(12)
    prs.save(str(path))
    return path


if __name__ == "__main__":
    make_template(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "bottom")
