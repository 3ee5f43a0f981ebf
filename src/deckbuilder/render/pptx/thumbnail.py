"""The package's thumbnail (``docProps/thumbnail.jpeg``): the deck's first slide, small.

Explorer, Finder and file pickers show it for the deck. python-pptx's default template
brings a blank 4:3 one; this is drawn from the first slide's plan with Pillow, at twice
the size and then reduced (so edges and text are smooth): backgrounds, shapes, lines,
pictures as the deck crops them, and text in the deck's faces, broken into lines at
spaces as it fits. A faithful sketch, not a second renderer: at 256 pixels nobody reads
the kerning. Same plan, pictures and fonts give the same bytes (Pillow's JPEG writer
stores no time), and it takes a few milliseconds.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from ...layout.plan import (
    Box,
    DeckPlan,
    Element,
    GroupBox,
    LineBox,
    Para,
    PictureBox,
    ShapeBox,
    TableBox,
    TextBox,
)
from ...text.measure import find_font_file
from ...theme import Theme
from ..images import NO_CROP, ImageStore

#: The thumbnail's width in pixels, as PowerPoint writes them; its height follows the slide.
WIDTH = 256
#: Drawn this many times larger, then reduced: smooth edges and legible small text.
OVERSAMPLE = 2
QUALITY = 85
#: PowerPoint's default corner of a rounded rectangle: a sixth of the shorter side.
ROUNDING = 1 / 6
#: Where a line's baseline sits in its line height, at most (the rest is below it).
BASELINE = 0.8
_INVISIBLE = str.maketrans("", "", "\u00ad\u200b")


def _rgb(value: str) -> tuple[int, int, int]:
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


class _Sketch:
    """Draws plan elements onto a Pillow image at ``scale`` pixels per point."""

    def __init__(self, image: Image.Image, scale: float, theme: Theme,
                 images: ImageStore) -> None:
        self.image = image
        self.draw = ImageDraw.Draw(image)
        self.scale = scale
        self.theme = theme
        self.images = images
        self.fonts: dict[tuple[str, float], Any] = {}

    def color(self, name: str) -> tuple[int, int, int]:
        return _rgb(self.theme.color(name))

    def px(self, *points: float) -> list[float]:
        return [p * self.scale for p in points]

    def font(self, face: str, size: float) -> Any:
        key = (face, round(size, 1))
        if key not in self.fonts:
            path: Path | None = find_font_file(self.theme.faces[face].file, self.images.root)
            self.fonts[key] = ImageFont.truetype(str(path), key[1]) if path \
                else ImageFont.load_default(key[1])
        return self.fonts[key]

    def element(self, element: Element) -> None:
        SKETCHES[type(element)](self, element)

    def group(self, gb: GroupBox) -> None:
        for element in gb.elements:
            self.element(element)

    def line(self, lb: LineBox) -> None:
        self.draw.line(self.px(lb.x1, lb.y1, lb.x2, lb.y2), fill=self.color(lb.color),
                       width=max(1, round(lb.width * self.scale)))

    def shape(self, sb: ShapeBox) -> None:
        b = sb.box
        box = self.px(b.x, b.y, b.right, b.bottom)
        fill = self.color(sb.fill) if sb.fill else None
        outline = self.color(sb.line) if sb.line else None
        width = max(1, round(sb.line_width * self.scale)) if sb.line else 0
        if sb.shape == "line":
            self.draw.line(box, fill=outline, width=width)
        elif sb.shape == "oval":
            self.draw.ellipse(box, fill=fill, outline=outline, width=width)
        elif sb.shape == "rounded":
            radius = min(b.w, b.h) * ROUNDING * self.scale
            self.draw.rounded_rectangle(box, radius, fill=fill, outline=outline, width=width)
        else:
            self.draw.rectangle(box, fill=fill, outline=outline, width=width)
        if sb.text is not None:
            self.text(sb.text)

    def picture(self, pb: PictureBox) -> None:
        """The picture as the deck shows it: the same file and the same crop."""
        b = pb.box
        path, crop = self.images.for_deck(pb.path, b.w, b.h, pb.focus)
        size = (max(1, round(b.w * self.scale)), max(1, round(b.h * self.scale)))
        with Image.open(path) as source:
            shown = 1 - crop[0] - crop[2], 1 - crop[1] - crop[3]
            source.draft("RGB", (round(size[0] / shown[0]), round(size[1] / shown[1])))
            w, h = source.size
            region = (w * crop[0], h * crop[1], w * (1 - crop[2]), h * (1 - crop[3])) \
                if crop != NO_CROP else None
            picture = source.convert("RGBA").resize(size, Image.Resampling.BILINEAR,
                                                    box=region)
        self.image.paste(picture, (round(b.x * self.scale), round(b.y * self.scale)), picture)

    def table(self, tb: TableBox) -> None:
        y = tb.box.y
        for row, height in zip(tb.rows, tb.heights, strict=True):
            x = tb.box.x
            for paras, width in zip(row, tb.columns, strict=True):
                cell = TextBox(Box(x + tb.padding, y + tb.padding,
                                                width - 2 * tb.padding,
                                                height - 2 * tb.padding),
                               paras, tb.source, scale=tb.scale)
                self.text(cell)
                x += width
            y += height
            self.line(LineBox(tb.box.x, y, tb.box.right, y, tb.rule, tb.rule_width))

    def text(self, tb: TextBox) -> None:
        """Each paragraph's lines, placed as the box anchors them."""
        laid = [self._lines(para, tb) for para in tb.paras]
        total = sum(h for lines in laid for _, h, _ in lines)
        top = tb.box.y * self.scale
        spare = tb.box.h * self.scale - total
        top += {"middle": spare / 2, "bottom": spare}.get(tb.anchor, 0.0)
        for para, lines in zip(tb.paras, laid, strict=True):
            for words, height, indent in lines:
                top += height
                self._draw_line(para, tb, words, top, height, indent)

    def _lines(self, para: Para, tb: TextBox) -> list[tuple[list[tuple[str, Any, str]],
                                                          float, float]]:
        """(words with font and colour, line height, indent) of each line, greedy."""
        style = self.theme.style(para.style)
        size = style.size * tb.scale * self.scale
        indent = self.theme.sizes.text.bullet_indent * tb.scale * self.scale \
            if para.bullet else 0.0
        limit = tb.box.w * self.scale - indent
        lines: list[list[tuple[str, Any, str]]] = [[]]
        used = 0.0
        for run in para.runs:
            font = self.font(run.face or style.face, size)
            color = run.color or para.color or style.color
            for word in run.text.translate(_INVISIBLE).replace("\n", " ").split(" "):
                width = font.getlength(word + " ")
                if tb.wrap and lines[-1] and used + width > limit + font.getlength(" "):
                    lines.append([])
                    used = 0.0
                lines[-1].append((word, font, color))
                used += width
        height = size * style.leading
        first = style.space_before * tb.scale * self.scale if para is not tb.paras[0] else 0
        return [(words, height + (first if i == 0 else 0), indent)
                for i, words in enumerate(lines)]

    def _draw_line(self, para: Para, tb: TextBox, words: list[tuple[str, Any, str]],
                   bottom: float, height: float, indent: float) -> None:
        if not words:
            return
        size = words[0][1].size
        baseline = bottom - height + min(words[0][1].getmetrics()[0],
                                         BASELINE * size * self.theme.style(para.style).leading)
        width = sum(font.getlength(w + " ") for w, font, _ in words) \
            - words[-1][1].getlength(" ")
        x = tb.box.x * self.scale + indent
        room = tb.box.w * self.scale - indent
        x += {"center": (room - width) / 2, "right": room - width}.get(para.align, 0.0)
        if para.bullet:
            mark = size * 0.3
            self.draw.rectangle((x - indent, baseline - size * 0.4 - mark / 2,
                                 x - indent + mark, baseline - size * 0.4 + mark / 2),
                                fill=self.color(para.bullet))
        for word, font, color in words:
            self.draw.text((x, baseline), word, font=font, fill=self.color(color), anchor="ls")
            x += font.getlength(word + " ")


SKETCHES: dict[type, Callable[[_Sketch, Any], None]] = {
    TextBox: _Sketch.text, PictureBox: _Sketch.picture, ShapeBox: _Sketch.shape,
    TableBox: _Sketch.table, LineBox: _Sketch.line, GroupBox: _Sketch.group,
}


def thumbnail(plan: DeckPlan, theme: Theme, images: ImageStore) -> bytes:
    """The first slide (a blank page for a deck without slides) as a JPEG, WIDTH wide."""
    scale = WIDTH * OVERSAMPLE / plan.width
    size = (WIDTH * OVERSAMPLE, round(plan.height * scale))
    first = plan.slides[0] if plan.slides else None
    image = Image.new("RGB", size, _rgb(theme.color(first.background if first else "paper")))
    sketch = _Sketch(image, scale, theme, images)
    for element in first.elements if first else ():
        sketch.element(element)
    small = image.resize((WIDTH, round(plan.height * WIDTH / plan.width)),
                         Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.save(out, "JPEG", quality=QUALITY)
    return out.getvalue()
