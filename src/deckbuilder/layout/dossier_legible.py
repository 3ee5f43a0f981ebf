"""The dossier's text colours, judged by the slides' rule (legible.py) on what each lies on.

The dossier prints most of its text on white paper, but also on the cards' tint, on the
button's accent and on the closing box's colour, and it draws the method's and the
scenarios' numbers in the accent or the scenario's colour. Each text is judged as a
slide's is, at the size it is drawn (a big number is large text: 3:1). A colour the
layout picks by role (a style's, a scenario's for its number, 'ink' on the closing box)
that misses WCAG AA is replaced by its nearest darker or lighter variant that reads, or
'ink' by 'paper' (the plan's ``inks``, which the PDF draws). What a text lies on stays
as theme and content chose it: where no colour of the palette reads on it, that colour's
line in the content or in theme.yaml is the error's place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..content.sourcemap import locate_in
from ..errors import Diagnostic, Location
from ..text import contrast
from ..theme import Theme
from . import dossier_plan as d
from .legible import (
    better_color,
    keeps_hue,
    make_figure_legible,
    text_need,
    unreadable,
)
from .plan import Para, Run

THEME_FILE = "content/theme.yaml"


@dataclass(frozen=True)
class Drawn:
    """One text of the dossier as the PDF draws it."""

    text: str
    style: str
    color: str  # as its block names it: a palette name or #RRGGBB
    drawn: str  # RRGGBB, as the PDF draws it
    on: tuple[str, ...]  # RRGGBB: what it lies on
    need: float  # the ratio WCAG AA asks of it
    fill: str = ""  # the palette name of what it lies on; "" the page
    fill_at: Location | None = None  # where the content chose that colour
    figure: bool = False  # a figure's text (the radar), made readable as a slide's is

    @property
    def ratio(self) -> float:
        """Its contrast with the least contrasting colour it lies on."""
        return min(contrast.ratio(self.drawn, bg) for bg in self.on)


@dataclass(frozen=True)
class _Page:
    """What the texts of one plan are drawn with: the theme and the plan's inks."""

    plan: d.DossierPlan
    theme: Theme

    def runs(self, runs: tuple[Run, ...], style: str, color: str | None = None,
             fill: str = "", fill_at: Location | None = None) -> Iterator[Drawn]:
        """Each run of a paragraph in ``style``; ``color`` given by its block, else the
        style's; on ``fill`` (a palette name), else the page."""
        on = self.theme.color(fill) if fill else d.PAPER
        for run in runs:
            name = run.color or color or self.theme.style(style).color
            drawn = self.theme.color(self.plan.ink(style, name, on))
            yield Drawn(run.text, style, name, drawn, (on,),
                        text_need(self.theme, style, face=run.face), fill, fill_at)

    def text(self, text: str, style: str, color: str | None = None,
             fill: str = "") -> Iterator[Drawn]:
        return self.runs((Run(text),), style, color, fill)

    def para(self, para: Para, fill: str = "") -> Iterator[Drawn]:
        return self.runs(para.runs, para.style, para.color, fill)


def drawn_texts(plan: d.DossierPlan, theme: Theme) -> Iterator[Drawn]:
    """Every text of the dossier with its colour as drawn and what it lies on, block by
    block and then the running footer: what render/pdf/blocks.py draws, as it draws it."""
    page = _Page(plan, theme)
    for block in plan.blocks:
        yield from _TEXTS[type(block)](page, block)
    yield from page.runs(plan.footer, "d-footer")


def _cover(p: _Page, b: d.Cover) -> Iterator[Drawn]:
    yield from p.text(b.title, "d-cover")
    for line in b.lines:
        yield from p.text(line, "d-cover-meta")


def _contents(p: _Page, b: d.Contents) -> Iterator[Drawn]:
    """The heading, then an entry per section (level 1) and per trend and scenario."""
    yield from p.text(b.title, "d-h1")
    for block in p.plan.blocks:
        if isinstance(block, d.Heading) and block.listed:
            yield from p.text(block.text, "d-toc-1")
        elif isinstance(block, d.TrendCard):
            yield from p.text(block.title, "d-toc-2")
        elif isinstance(block, d.ScenarioOpener):
            yield from p.text(f"{block.label} – {block.title}", "d-toc-2")


def _heading(p: _Page, b: d.Heading) -> Iterator[Drawn]:
    if b.kicker:
        yield from p.text(b.kicker, "d-kicker")
    yield from p.runs(b.runs or (Run(b.text),), b.style)


def _text(p: _Page, b: d.Text) -> Iterator[Drawn]:
    for para in b.paras:
        yield from p.para(para)


def _steps(p: _Page, b: d.Steps) -> Iterator[Drawn]:
    for number, paras in b.items:
        yield from p.text(number, "d-step-number")
        for para in paras:
            yield from p.para(para)


def _radar(p: _Page, b: d.RadarFigure) -> Iterator[Drawn]:
    """The caption, then the figure's texts as make_dossier_legible left them (the same
    pass again changes nothing), each on the colours it lies on."""
    if b.caption:
        yield from p.text(b.caption, "d-caption")
    _, _, judged = make_figure_legible(b.elements, d.PAPER, p.theme, "")
    for para, scale, bgs in judged:
        for run in para.runs:
            name = run.color or para.color or p.theme.style(para.style).color
            yield Drawn(run.text, para.style, name, p.theme.color(name), tuple(bgs),
                        text_need(p.theme, para.style, scale, run.face), figure=True)


def _trend(p: _Page, b: d.TrendCard) -> Iterator[Drawn]:
    yield from p.text(b.title, "d-h2")
    for factor in b.factors:
        yield from p.text(factor, "d-factor")


def _scenario(p: _Page, b: d.ScenarioOpener) -> Iterator[Drawn]:
    """The big number in the scenario's colour, then its label and title."""
    yield from p.text(b.number, "d-number", b.color)
    yield from p.text(b.label, "d-kicker")
    yield from p.text(b.title, "d-h1")


def _cards(p: _Page, b: d.Cards) -> Iterator[Drawn]:
    for title, text in b.items:
        yield from p.text(title, "d-h3", fill=b.fill)
        yield from p.text(text, "d-body", fill=b.fill)
    if b.button:
        yield from p.runs(b.button_runs or (Run(b.button),), "d-h3", fill=b.button_fill)
    if b.qr:
        yield from _qr(p, b.qr)


def _calendar(p: _Page, b: d.Calendar) -> Iterator[Drawn]:
    """Past entries are greyed ('muted'), as is each entry's place."""
    for heading, rows in b.groups:
        yield from p.text(heading, "d-h2")
        for date, text, past, place in rows:
            color = "muted" if past else None
            yield from p.text(date, "d-h3", color)
            yield from p.text(text, "d-body", color)
            if place:
                yield from p.text(place, "d-body", "muted")


def _callout(p: _Page, b: d.Callout) -> Iterator[Drawn]:
    for runs in b.runs or tuple((Run(line),) for line in b.lines):
        yield from p.runs(runs, "d-cta", fill=b.color, fill_at=b.color_at)
    if b.qr:
        yield from _qr(p, b.qr)


def _qr(p: _Page, b: d.QrCode) -> Iterator[Drawn]:
    """The address beside a QR code, on the page (the code stands apart from any fill)."""
    yield from p.runs(b.runs, "d-caption")


#: The texts of each kind of block (render/pdf/blocks.py's ``WRITERS`` draws them).
_TEXTS: dict[type, Callable[[_Page, Any], Iterator[Drawn]]] = {
    d.Cover: _cover,
    d.Contents: _contents,
    d.Heading: _heading,
    d.Text: _text,
    d.Steps: _steps,
    d.RadarFigure: _radar,
    d.TrendCard: _trend,
    d.ScenarioOpener: _scenario,
    d.Cards: _cards,
    d.Calendar: _calendar,
    d.Callout: _callout,
    d.QrCode: _qr,
}


def make_dossier_legible(plan: d.DossierPlan, theme: Theme, root: Path | None = None
                         ) -> tuple[d.DossierPlan, list[Diagnostic]]:
    """The plan with a readable colour for each text whose own misses WCAG AA on what it
    lies on (its ``inks``; the radar's elements made readable as on a slide), and an error,
    at the line of the colour it lies on, for each text no colour makes readable."""
    problems: list[Diagnostic] = []
    blocks: list[d.Block] = []
    for block in plan.blocks:
        if isinstance(block, d.RadarFigure):
            elements, found, _ = make_figure_legible(block.elements, d.PAPER, theme,
                                                     "the dossier's radar")
            problems += found
            block = replace(block, elements=elements)
        blocks.append(block)
    plan = replace(plan, blocks=tuple(blocks), inks=())
    strictest: dict[tuple[str, str, str], Drawn] = {}
    for text in drawn_texts(plan, theme):
        key = (text.style, text.color, text.on[0])
        if not text.figure and text.text.strip() and (
                key not in strictest or text.need > strictest[key].need):
            strictest[key] = text
    inks = []
    for (style, name, on), text in strictest.items():
        if contrast.passes(text.drawn, [on], text.need):
            continue
        better = better_color(theme, text.drawn, [on], text.need, keeps_hue(name))
        if better is not None:
            inks.append((style, name, on, "#" + better))
        else:
            problems.append(_unreadable(theme, text, root))
    return replace(plan, inks=tuple(inks)), problems


def _unreadable(theme: Theme, text: Drawn, root: Path | None) -> Diagnostic:
    """The error at the line where the colour the text lies on was chosen: the content's
    (the closing box's ``color:``), else theme.yaml's (the cards' tint, the page's ink)."""
    what = f"the text '{text.text.strip()[:40]}'"
    if text.fill_at is not None:
        return unreadable(theme, what, list(text.on), text.need, "in the dossier", text.fill_at,
                          "choose a colour here on which 'ink' or 'paper' reads: a lighter "
                          "or a darker one")
    name = text.fill or "ink"
    hint = (f"make '{name}' lighter or darker, so that 'ink' or 'paper' reads on it"
            if text.fill else "make 'ink' darker: the dossier is printed on white")
    return unreadable(theme, what, list(text.on), text.need, "in the dossier",
                      locate_in(root, THEME_FILE, ("colors", name)), hint)
