"""Reads a corporate template's furniture: what its master and layouts draw themselves.

Everything on a master or layout that is not a placeholder is the template's own: a
filled shape across the slide is a band, a picture a logo, a shape with text a claim
line. The footer and slide-number placeholders (a layout's own box, else the master's)
are where the deck's footer and number go. layout/furniture.py keeps the deck off it.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

from pptx.enum.dml import MSO_COLOR_TYPE, MSO_FILL
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.util import Emu

from ...layout.furniture import Furnished, Furniture, Piece
from ...layout.plan import Box, TemplateArt

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
#: A filled shape at least this share of the slide's width is a band, not a mark.
BAND_SHARE = 0.5
#: A logo's pixels more opaque than this (of 255) are what it shows.
OPAQUE = 128
#: Furniture within this share of the slide's height from an edge sits at that edge; in
#: the middle no margin keeps the deck clear of it (template check names it).
EDGE_SHARE = 1 / 3


def read_furniture(prs: Any, layouts: dict[str, Any]) -> Furnished:
    """The furniture of each slide kind's template layout (``layouts`` from
    template.kind_layouts)."""
    width, height = Emu(prs.slide_width).pt, Emu(prs.slide_height).pt
    master_pieces = tuple(_pieces(prs.slide_master.shapes, width, height))
    holders = {p.placeholder_format.type: p for p in prs.slide_master.placeholders}
    found: Furnished = {}
    for kind, layout in layouts.items():
        shows_master = layout.element.get("showMasterSp") != "0"
        own = tuple(_pieces(layout.shapes, width, height))
        pieces = (master_pieces if shows_master else ()) + own
        found[kind] = Furniture(pieces, _holder_box(layout, holders, PP_PLACEHOLDER.FOOTER),
                                _holder_box(layout, holders, PP_PLACEHOLDER.SLIDE_NUMBER))
    return found


def _pieces(shapes: Any, width: float, height: float) -> list[Piece]:
    found = []
    for shape in shapes:
        if shape.is_placeholder or shape.width is None or shape.height is None:
            continue
        box = _box(shape)
        side = "top" if box.bottom <= height * EDGE_SHARE else \
            "bottom" if box.y >= height * (1 - EDGE_SHARE) else "middle"
        if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
            found.append(Piece(box, "logo", side, _picture_color(shape),
                               TemplateArt(box, picture=shape.image.blob)))
        elif shape.has_text_frame and shape.text_frame.text.strip():
            found.append(Piece(box, "claim", side, art=_claim(shape, box)))
        elif box.w >= width * BAND_SHARE:
            found.append(Piece(box, "band", side, _fill_color(shape)))
        else:
            found.append(Piece(box, "mark", side, _fill_color(shape)))
    return found


def _claim(shape: Any, box: Box) -> TemplateArt:
    """The claim's text with its first run's size and colour (where it names an RGB
    colour) and the frame's vertical anchor, as the PDFs draw it."""
    frame = shape.text_frame
    runs = [r for p in frame.paragraphs for r in p.runs]
    size = next((r.font.size.pt for r in runs if r.font.size is not None), 18.0)
    color = None
    try:
        if runs and runs[0].font.color.type == MSO_COLOR_TYPE.RGB:
            color = str(runs[0].font.color.rgb)
    except (AttributeError, TypeError, ValueError):
        pass  # a theme colour: the PDF takes what reads on the band
    body = shape.element.find(f"{P}txBody/{A}bodyPr")
    anchor = body.get("anchor", "t") if body is not None else "t"
    wrap = body is None or body.get("wrap", "square") != "none"
    text = "\n".join(p.text.replace("\v", "\n") for p in frame.paragraphs if p.text.strip())
    return TemplateArt(box, text=text, size=size, color=color, anchor=anchor, wrap=wrap)


def _holder_box(layout: Any, master: dict[Any, Any], kind: Any) -> Box | None:
    """The placeholder's box on this layout: its own position, else the master's."""
    own = next((p for p in layout.placeholders if p.placeholder_format.type == kind), None)
    if own is None:
        return None
    if own.element.spPr.find(".//{http://schemas.openxmlformats.org/drawingml/2006/main}"
                             "xfrm") is not None:
        return _box(own)
    inherited = master.get(kind)
    return _box(inherited) if inherited is not None else None


def _box(shape: Any) -> Box:
    return Box(Emu(shape.left).pt, Emu(shape.top).pt, Emu(shape.width).pt,
               Emu(shape.height).pt)


def _fill_color(shape: Any) -> str | None:
    try:
        fill = shape.fill
        if fill.type == MSO_FILL.SOLID and fill.fore_color.type == MSO_COLOR_TYPE.RGB:
            return str(fill.fore_color.rgb)
    except (AttributeError, TypeError, ValueError):
        pass  # a theme colour or a kind of fill that names no RGB value
    return None


def _picture_color(shape: Any) -> str | None:
    """The logo's most frequent opaque colour: what it shows against a slide's fill."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(shape.image.blob)) as picture:
            small = picture.convert("RGBA").resize((48, 48))
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    opaque: Counter[tuple[int, int, int]] = Counter()
    colors: list[tuple[int, tuple[int, int, int, int]]] = \
        small.getcolors(small.width * small.height) or []  # type: ignore[assignment]
    for count, (r, g, b, a) in colors:
        if a > OPAQUE:
            opaque[(r, g, b)] += count
    if not opaque:
        return None
    (r, g, b), _ = opaque.most_common(1)[0]
    return f"{r:02X}{g:02X}{b:02X}"
