"""What every slide planner shares: the draft of a slide, the planning context, paragraphs
from content text, and the title block."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..errors import ContentError, Diagnostic, Location, error
from ..model import Loaded, Picture
from .geometry import cover_crop
from .plan import Box, Element, Para, PictureBox, Run, ShapeBox
from .program_slide import Group, program_groups
from .text import Overflow, Typesetter

_SPACES = re.compile(r"[ \t\r\n]+")


def clean(text: str) -> str:
    """One space between words: line breaks in YAML are not line breaks on the slide.
    Only ASCII white space is folded; a no-break space stays what it is."""
    return _SPACES.sub(" ", text).strip(" ")


def para(text: str, style: str, **kwargs: object) -> Para:
    return Para((Run(clean(text)),), style, **kwargs)  # type: ignore[arg-type]


@dataclass
class Draft:
    """A slide while it is being laid out; the footer is added once numbers are known."""

    kind: str
    source: Location
    elements: list[Element] = field(default_factory=list)
    background: str = "paper"
    notes: str | None = None
    footer_left: float | None = None  # None: no footer on this slide


@dataclass
class Context:
    loaded: Loaded
    ts: Typesetter
    today: dt.date | None = None  # entries before this date are past (greyed or hidden)
    warnings: list[Diagnostic] = field(default_factory=list)

    @cached_property
    def program_groups(self) -> list[Group]:
        return program_groups(self.loaded.project.program, self.today)

    @property
    def theme(self):  # type: ignore[no-untyped-def]
        return self.ts.theme

    def fit(self, paras: list[Para], box: Box, source: Location, **kwargs: object):  # type: ignore[no-untyped-def]
        try:
            return self.ts.fit(paras, box, source, **kwargs)  # type: ignore[arg-type]
        except Overflow as exc:
            raise ContentError([error(source, f"the text does not fit its box ({exc})",
                                      "shorten the text")]) from None

    def picture(self, picture: Picture, box: Box) -> PictureBox:
        info = self.loaded.images[picture.path]
        crop = cover_crop(info.width, info.height, box.w, box.h, picture.focus)
        return PictureBox(box, picture.path, clean(picture.alt), crop, picture.loc,
                          picture.focus)


def title_block(ctx: Context, d: Draft, text: str, x: float, y: float, w: float,
                 source: Location, kicker: str | None = None, color: str = "accent") -> float:
    """Colour bar, optional kicker and the title; returns the y below the title."""
    th = ctx.theme
    d.elements.append(ShapeBox(Box(x, y, 48, 6), "rect", fill=color))
    y += 18
    if kicker:
        k = ctx.fit([para(kicker, "kicker")], Box(x, y, w, 40), source)
        d.elements.append(replace(k, box=replace(k.box, h=k.height)))
        y += k.height + 6
    box = Box(x, y, w, th.slide.height * 0.3)
    t = ctx.fit([para(text, "title")], box, source, role="title")
    d.elements.append(replace(t, box=replace(box, h=t.height)))
    return y + t.height


