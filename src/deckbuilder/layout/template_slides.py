"""Slides on a corporate template with furniture of its own (layout/furniture.py): the
margins that keep content off its band, claim and logo, the footer and slide number in
its own placeholders, pictures cut back from it, and a warning where its logo would not
show on a slide's colour."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import Diagnostic, warning
from ..text.contrast import LOGO_MINIMUM, ratio
from ..theme import Theme
from .furniture import Furnished, Furniture, clear_of, overlaps
from .links import linked_runs
from .plan import (
    Box,
    Element,
    Para,
    PictureBox,
    ShapeBox,
    SlidePlan,
    TemplateArt,
    TextBox,
)

if TYPE_CHECKING:
    from .slide_parts import Context


def clear_margins(theme: Theme, furnished: Furnished) -> Theme:
    """The theme with slide margins that keep every slide's content clear of the
    template's furniture at the top and bottom, the footer's gap away; where a layout
    has no footer placeholder, the deck's own footer needs its line above the furniture."""
    slide, size = theme.slide, theme.sizes.footer
    top, bottom = slide.top, slide.bottom
    for furniture in furnished.values():
        reach_top, reach_bottom = furniture.blocking(slide.height)
        if reach_top:
            top = max(top, reach_top + size.content_gap)
        if reach_bottom:  # content ends content_gap above the margin anyway
            own_line = size.top + size.height if furniture.footer is None else 0.0
            bottom = max(bottom, reach_bottom + own_line)
    if (top, bottom) == (slide.top, slide.bottom):
        return theme
    return theme.model_copy(update={"slide": slide.model_copy(update={"top": top,
                                                                     "bottom": bottom})})


def template_footer(ctx: Context, furniture: Furniture, number: int) -> list[Element]:
    """The footer and slide number in the template's own placeholders, in a colour that
    reads on the band they lie on (the paper or the ink, whichever contrasts more)."""
    th, deck = ctx.theme, ctx.loaded.project.deck
    assert furniture.footer is not None
    found: list[Element] = []
    for box, text, align in ((furniture.footer, None, "left"),
                             (furniture.number, str(number), "right")):
        if box is None:
            continue
        band = furniture.band_under(box)
        color = _on(th, band.color) if band is not None and band.color else None
        runs = linked_runs(" ".join(deck.footer.split()), keep_color=True) if text is None \
            else linked_runs(text)
        found.append(ctx.fit([Para(runs, "footer", align=align, color=color)], box, deck.loc,
                             role="footer", anchor="middle"))
    return found


def template_fills(furniture: Furniture | None) -> tuple[tuple[Box, str], ...]:
    """The template's bands and marks with a colour of their own, as the slide's text is
    judged on them (legible.py) and the PDFs draw them: a footer in paper on a dark band
    stays paper, and stays readable in print."""
    if furniture is None:
        return ()
    return tuple((p.box, p.color) for p in furniture.pieces
                 if p.kind in ("band", "mark") and p.color)


def template_art(theme: Theme, furniture: Furniture | None, background: str
                 ) -> tuple[TemplateArt, ...]:
    """The template's claims and logos, for the PDFs to draw as the template does; a claim
    whose colour the template leaves to its theme is in paper or ink, whichever reads on
    the band it lies on (else on the slide's ``background``, a palette name)."""
    if furniture is None:
        return ()
    found = []
    for piece in furniture.pieces:
        art = piece.art
        if art is not None and art.text and art.color is None:
            band = furniture.band_under(art.box)
            under = band.color if band is not None and band.color else \
                theme.color(background)
            art = replace(art, color=theme.color(_on(theme, under)))
        if art is not None:
            found.append(art)
    return tuple(found)


def _on(theme: Theme, background: str) -> str:
    ink, paper = theme.color("ink"), theme.color("paper")
    return "ink" if ratio(ink, background) >= ratio(paper, background) else "paper"


def keep_clear(ctx: Context, kind: str, elements: list[Element]) -> list[Element]:
    """The slide's pictures and panels cut back where they would cover the furniture."""
    furniture = ctx.furniture_of(kind)
    if furniture is None or not furniture.pieces:
        return elements
    gap = ctx.theme.sizes.footer.content_gap
    return [clear_of(e, furniture, ctx.theme.slide.height, gap)
            if isinstance(e, PictureBox | ShapeBox) and _large(e.box, ctx.theme) else e
            for e in elements]


def _large(box: Box, theme: Theme) -> bool:
    """A picture or panel reaching an edge of the slide (full-bleed), not a bar or dot."""
    slide = theme.slide
    return box.y <= slide.top or box.bottom >= slide.height - slide.bottom


def covered_logos(ctx: Context, slides: list[SlidePlan]) -> list[Diagnostic]:
    """A warning for each slide where text or a shape would lie on the template's logo
    (the margins keep clear of bands and claims, pictures are cut back, the radar keeps
    below the logo; what is left is named, at the template's line of theme.yaml)."""
    found = []
    for slide in slides:
        furniture = ctx.furniture_of(slide.kind)
        logos = [p for p in furniture.pieces if p.kind in ("logo", "mark")] \
            if furniture is not None else []
        for element in slide.elements if logos else ():
            box = _ink(ctx, element) if isinstance(element, TextBox) else element.box
            if any(overlaps(box, logo.box) for logo in logos):
                found.append(warning(ctx.template_source(),
                                     f"slide {slide.number}: {_what(element)} lies on the "
                                     "template's logo",
                                     "move the logo in the template, or give this slide "
                                     "kind a layout without it ('layouts:')"))
    return found


def _ink(ctx: Context, tb: TextBox) -> Box:
    """Where a text box's lines are: across, as wide as its longest line; down, as tall
    as its text, where its anchor puts it."""
    across = ctx.ts.ink_box(tb)
    tall = min(tb.height, tb.box.h) if tb.height else tb.box.h
    y = {"middle": tb.box.y + (tb.box.h - tall) / 2,
         "bottom": tb.box.bottom - tall}.get(tb.anchor, tb.box.y)
    return Box(across.x, y, across.w, tall)


def _what(element: Element) -> str:
    if isinstance(element, TextBox) and element.paras:
        return f"'{element.paras[0].text[:30]}'"
    return getattr(element, "name", "") or type(element).__name__


def hidden_logos(ctx: Context, slides: list[SlidePlan]) -> list[Diagnostic]:
    """A warning for each slide whose colour hides the template's logo (a dark green logo
    on a slide filled dark green), at the template's line of theme.yaml."""
    found = []
    for slide in slides:
        furniture = ctx.furniture_of(slide.kind)
        if furniture is None or slide.background == "paper":
            continue
        fill = ctx.theme.color(slide.background)
        for logo in (p for p in furniture.pieces if p.kind == "logo" and p.color):
            if ratio(logo.color or fill, fill) < LOGO_MINIMUM:
                found.append(warning(
                    ctx.template_source(),
                    f"the template's logo (#{logo.color}) hardly shows on slide "
                    f"{slide.number}'s colour (#{fill})",
                    "give the slide kind a template layout of its own without the logo "
                    "or with a light one ('layouts:'), or another colour"))
    return found

