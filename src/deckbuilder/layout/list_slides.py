"""Slides that hold lists: the method's steps, a trend's factors, the offerings' cards.
A list longer than one slide holds continues on further slides."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TypeVar

from ..content.model import MethodSlide, Offering, OfferingsSlide, Step, Trend, TrendsSlides
from ..errors import Location, warning
from .links import link_runs
from .plan import Box, Element, Para, Run, ShapeBox, TextBox
from .slide_parts import (
    Context,
    Draft,
    clean,
    content_bottom,
    more_slides,
    para,
    title_bar,
    title_block,
)
from .text import Overflow

T = TypeVar("T")


def chunks(items: list[T], most: int) -> list[list[T]]:
    """``items`` in even groups of at most ``most``: 8 steps become 4 + 4, not 6 + 2."""
    groups = -(-len(items) // most)
    size = -(-len(items) // groups)
    return [items[i:i + size] for i in range(0, len(items), size)]


def _continued(ctx: Context, title: str, index: int) -> str:
    return title if index == 0 else f"{title} {ctx.loaded.project.deck.continued}"


def plan_method(ctx: Context, s: MethodSlide) -> Iterator[Draft]:
    for index, steps in enumerate(chunks(s.steps, ctx.theme.sizes.method.steps_per_slide)):
        yield _method_slide(ctx, s, steps, index)


def _method_slide(ctx: Context, s: MethodSlide, steps: list[Step], index: int) -> Draft:
    th = ctx.theme
    size = th.sizes.method
    d = Draft("method", s.loc, notes=s.notes if index == 0 else None, footer_left=th.slide.left)
    x0, w = th.slide.left, th.slide.content_width
    y = title_block(ctx, d, _continued(ctx, s.title, index), x0, th.slide.top, w,
                    s.loc) + size.title_to_steps
    n = len(steps)
    col = (w - (n - 1) * th.gutter) / n
    bottom = content_bottom(ctx)
    for i, step in enumerate(steps):
        x = x0 + i * (col + th.gutter)
        d.elements.append(ShapeBox(Box(x, y, col, 0), "line", line="rule",
                                   line_width=size.rule_width))
        num = ctx.fit([para(step.number, "step-number")],
                      Box(x, y + size.rule_to_number, col, size.number_height), step.loc)
        d.elements.append(num)
        paras = [para(step.text, "step-text")]
        if step.emphasis:
            paras.append(Para((Run(clean(step.emphasis), face="italic"),), "step-text"))
        ty = y + size.rule_to_number + num.height + size.number_to_text
        d.elements.append(ctx.fit(paras, Box(x, ty, col, bottom - ty), step.loc))
    return d


def plan_trend(ctx: Context, t: Trend, notes: str | None) -> Iterator[Draft]:
    """The trend's slide; factors that do not fit continue on '(Fortsetzung)' slides,
    whole factors per slide, as evenly spread as they fit, each with the trend's picture."""
    notes = t.notes or notes  # on the first slide only, as a continued list's are
    factors = [para(f, "bullet", bullet=t.color) for f in t.factors]
    slides = _trend_slides(ctx, t, notes, factors, len(factors))
    if len(slides) > 1:
        even = -(-len(factors) // len(slides))
        balanced = _trend_slides(ctx, t, notes, factors, even)
        slides = balanced if len(balanced) == len(slides) else slides
        more = more_slides(len(slides) - 1)
        ctx.warnings.append(warning(t.loc, f"the factors of {t.title} continue on {more}"))
    yield from slides


def _trend_slides(ctx: Context, t: Trend, notes: str | None, factors: list[Para],
                  most: int) -> list[Draft]:
    """The trend's slides with at most ``most`` factors each."""
    slides: list[Draft] = []
    while factors:
        d, taken = _trend_slide(ctx, t, None if slides else notes, factors[:most], len(slides))
        factors = factors[taken:]
        slides.append(d)
    return slides


def _trend_slide(ctx: Context, t: Trend, notes: str | None, factors: list[Para],
                 index: int) -> tuple[Draft, int]:
    th = ctx.theme
    split = th.slide.width * th.sizes.trend.picture_width
    d = Draft("trend", t.loc, notes=notes, footer_left=split + th.gutter * 2)
    d.elements.append(ctx.picture(t.picture, Box(0, 0, split, th.slide.height)))
    x = split + th.gutter * 2
    w = th.slide.width - th.slide.right - x
    top, bottom = th.slide.top, content_bottom(ctx)
    panel: list[Element] = []
    block = Draft("trend", t.loc, elements=panel)
    y = title_block(ctx, block, _continued(ctx, t.title, index), x, top, w, t.loc,
                    color=t.color) + th.sizes.trend.title_to_factors
    text, taken = _most_that_fit(ctx, factors, Box(x, y, w, bottom - y), t.loc)
    panel.append(replace(text, box=replace(text.box, h=text.height)))
    # Centre the title and list in the panel: the picture is the visual anchor on the left.
    d.elements.extend(_shifted(panel, (bottom - (y + text.height)) / 2))
    return d, taken


def _most_that_fit(ctx: Context, paras: list[Para], box: Box, source: Location
                   ) -> tuple[TextBox, int]:
    """All paragraphs, shrunk within the theme's limit, or as many whole ones as fit at
    full size (at least one: a single one too long is the located error ``fit`` gives)."""
    try:
        return ctx.ts.fit(paras, box, source), len(paras)
    except Overflow:
        pass
    for count in range(len(paras) - 1, 0, -1):
        try:
            return ctx.ts.fit(paras[:count], box, source, shrink=False), count
        except Overflow:
            continue
    return ctx.fit(paras[:1], box, source), 1


def _shifted(elements: list[Element], dy: float) -> list[Element]:
    moved: list[Element] = []
    for el in elements:
        moved.append(replace(el, box=replace(el.box, y=el.box.y + dy)))  # type: ignore[arg-type]
    return moved


def plan_trends(ctx: Context, s: TrendsSlides) -> Iterator[Draft]:
    """Each trend's slides, guarded on their own: a problem in one trend is reported and
    the next trends are still planned, with their numbers."""
    for trend in ctx.loaded.project.trends.trends:
        yield from ctx.guarded(plan_trend(ctx, trend, s.notes), "trend", trend.loc)


def plan_offerings(ctx: Context, s: OfferingsSlide) -> Iterator[Draft]:
    groups = chunks(ctx.loaded.project.future_circle_file.offerings,
                    ctx.theme.sizes.offerings.cards_per_slide)
    for index, offerings in enumerate(groups):
        yield _offerings_slide(ctx, s, offerings, index, last=index == len(groups) - 1)


def _offerings_slide(ctx: Context, s: OfferingsSlide, offerings: list[Offering], index: int,
                     last: bool) -> Draft:
    """Cards in a grid whose rows are full; the button goes on the last of the slides."""
    th, fc = ctx.theme, ctx.loaded.project.future_circle_file
    d = Draft("offerings", fc.loc, notes=s.notes if index == 0 else None,
              footer_left=th.slide.left)
    x0, w = th.slide.left, th.slide.content_width
    title = _highlighted(fc.title, fc.highlight)
    if index:
        title = replace(title, runs=(*title.runs, Run(" " + ctx.loaded.project.deck.continued)))
    button = fc.button if last else None
    size, below_bar = th.sizes.offerings, th.sizes.title_block.bar_to_text
    d.elements.append(title_bar(ctx, x0, th.slide.top))
    t = ctx.fit([title], Box(x0, th.slide.top + below_bar, w, size.title_height), fc.loc,
                role="title")
    d.elements.append(replace(t, box=replace(t.box, h=t.height)))
    y = th.slide.top + below_bar + t.height + size.title_to_cards
    bottom = content_bottom(ctx) - (size.button_room if button else 0)
    n = len(offerings)
    rows = -(-n // size.columns)  # as few rows as the columns allow, as even as they go:
    cols = -(-n // rows)  # 4 cards in 2 + 2, not 3 + 1
    gap = size.card_gap
    row = (bottom - y - (rows - 1) * gap) / rows
    pad, stripe = size.card_padding, size.stripe_width
    texts = []
    for i, off in enumerate(offerings):
        # A last row of fewer cards (5 in 3 + 2) shares the width: the grid has no hole.
        across = min(cols, n - i // cols * cols)
        col = (w - (across - 1) * gap) / across
        x, cy = x0 + (i % cols) * (col + gap), y + (i // cols) * (row + gap)
        d.elements.append(ShapeBox(Box(x, cy, col, row), "rect", fill="tint"))
        d.elements.append(ShapeBox(Box(x, cy, stripe, row), "rect", fill="accent"))
        texts.append(ctx.fit([para(off.title, "card-title"), para(off.text, "card-text")],
                             Box(x + stripe + pad, cy + pad, col - stripe - 2 * pad,
                                 row - 2 * pad), off.loc))
    d.elements.extend(ctx.ts.same_scale(texts))
    if button:
        bw = ctx.ts.measurer.width(button, "bold", th.style("button").size) / \
            th.fit.width_safety + size.button_padding
        box = Box(x0 + w - bw, bottom + size.button_gap, bw, size.button_height)
        label = ctx.fit([Para(link_runs(clean(button), fc.link), "button", align="center")],
                        Box(box.x, box.y, bw, size.button_height), fc.loc, anchor="middle")
        d.elements.append(ShapeBox(box, "rounded", fill="accent", text=label))
    return d


def _highlighted(text: str, highlight: str | None) -> Para:
    text = clean(text)
    if not highlight or clean(highlight) not in text:
        return Para((Run(text),), "title")
    before, _, after = text.partition(clean(highlight))
    runs = [Run(before), Run(clean(highlight), color="highlight"), Run(after)]
    return Para(tuple(r for r in runs if r.text), "title")


