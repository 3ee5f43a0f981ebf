"""What a corporate template draws on every slide itself, and keeping the deck off it.

A chamber's template carries its own furniture on the master or a layout: a band in the
brand colour, a claim line, a logo, its own footer and slide-number placeholders (inside
the band). The deck must not draw over any of it, nor put a second footer beside the
claim (issue 29). render/pptx/furniture.py reads it from the template; here it becomes
margins the slides keep, pictures trimmed clear of it, and the footer's place.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .plan import Box, PictureBox, ShapeBox, TemplateArt


@dataclass(frozen=True)
class Piece:
    """One piece of furniture: its box in points, what it is ("band", "logo", "claim",
    "mark"), the edge it sits at ("top", "bottom", or "middle" where no margin can keep
    clear of it) and its colour as RRGGBB (a band's fill, a logo's main colour)."""

    box: Box
    kind: str
    side: str
    color: str | None = None
    art: TemplateArt | None = None  # a claim's text or a logo's picture, for the PDFs


@dataclass(frozen=True)
class Furniture:
    """A template layout's furniture, and its footer and slide-number placeholders."""

    pieces: tuple[Piece, ...] = ()
    footer: Box | None = None
    number: Box | None = None

    def blocking(self, height: float, pieces: tuple[str, ...] = ("band", "claim")
                 ) -> tuple[float, float]:
        """How far furniture of the given kinds reaches down from the top and up from the
        bottom. Bands and claims run across the slide: every slide's content keeps clear
        of them (its margins). A logo in a corner is kept clear of by what would cover it
        (``clear_of``, template_slides.covered_logos). Furniture in the middle third is left to the
        template check (no margin can keep clear of it)."""
        chosen = [p for p in self.pieces if p.kind in pieces]
        top = max((p.box.bottom for p in chosen if p.side == "top"), default=0.0)
        bottom = max((height - p.box.y for p in chosen if p.side == "bottom"), default=0.0)
        return top, bottom

    def band_under(self, box: Box) -> Piece | None:
        """The band a box (a footer placeholder) lies on, if any."""
        return next((p for p in self.pieces if p.kind == "band" and overlaps(p.box, box)),
                    None)


#: Furniture by slide kind ("" for any other), as the deck's layouts map to the template's.
Furnished = dict[str, Furniture]


def clear_of(element: PictureBox | ShapeBox, furniture: Furniture, height: float,
             gap: float) -> PictureBox | ShapeBox:
    """A picture or filled panel that reaches over the template's furniture, cut back to
    end ``gap`` before it (a full-bleed picture under a band or a logo): the furniture
    stays visible, the picture keeps its focus (it is cropped to its new box)."""
    top, bottom = furniture.blocking(height, ("band", "claim", "logo", "mark"))  # all
    box = element.box
    if not any(overlaps(p.box, box) for p in furniture.pieces):
        return element
    y0 = max(box.y, top + gap) if top and box.y < top else box.y
    y1 = min(box.bottom, height - bottom - gap) if bottom and box.bottom > height - bottom \
        else box.bottom
    if y1 - y0 <= 0:
        return element
    return replace(element, box=Box(box.x, y0, box.w, y1 - y0))


def overlaps(a: Box, b: Box) -> bool:
    """Whether two boxes share any area."""
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom
