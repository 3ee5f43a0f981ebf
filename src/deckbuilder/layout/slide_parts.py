"""What every slide planner shares: the draft of a slide, the planning context, paragraphs
from content text, and the title block."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..content.model import ImageInfo, Loaded, Picture
from ..errors import ContentError, Diagnostic, Location, error
from ..text.measure import WordTooWide
from .furniture import Furnished, Furniture
from .geometry import cover_crop
from .links import linked_runs
from .plan import Box, Element, Para, PictureBox, ShapeBox, TextBox
from .program_slide import Group, program_groups
from .text import Overflow, Typesetter

_SPACES = re.compile(r"[ \t\r\n]+")


def clean(text: str) -> str:
    """One space between words: line breaks in YAML are not line breaks on the slide.
    Only ASCII white space is folded; a no-break space stays what it is."""
    return _SPACES.sub(" ", text).strip(" ")


def para(text: str, style: str, **kwargs: object) -> Para:
    """A paragraph of content text, its web and e-mail addresses links (links.py)."""
    return Para(linked_runs(clean(text)), style, **kwargs)  # type: ignore[arg-type]


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
    """What every slide planner reads, and where it reports problems.

    Layout problems are collected, not raised: ``report`` adds the slide's number, and a
    planner goes on with a stand-in (``fit`` returns the box filled as it is), so one run
    finds every slide's problems and later slides keep their numbers. A planner may also
    raise ContentError; ``guarded`` then reports it and keeps one empty slide in its place.
    """

    loaded: Loaded
    ts: Typesetter
    today: dt.date | None = None  # entries before this date are past (greyed or hidden)
    warnings: list[Diagnostic] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    slide: int = 0  # the number of the slide being planned
    furniture: Furnished = field(default_factory=dict)  # a template's own, by slide kind

    def furniture_of(self, kind: str) -> Furniture | None:
        """What the template layout of this slide kind draws itself; None without one."""
        return self.furniture.get(kind, self.furniture.get(""))

    def template_source(self) -> Location:
        """Where theme.yaml names the template: where its problems point."""
        from ..content.sourcemap import locate_in

        return locate_in(self.loaded.root, "content/theme.yaml", ("template", "file"))

    def report(self, found: list[Diagnostic]) -> None:
        """Records problems of the slide being planned, each place and message once."""
        seen = {(d.location, d.message.split(" (")[0]) for d in self.problems}
        for d in found:  # the same word too wide on a divider and its text slide: once
            if (d.location, d.message.split(" (")[0]) not in seen:
                self.problems.append(replace(d, message=f"{d.message} (slide {self.slide})"))
                seen.add((d.location, d.message.split(" (")[0]))

    def guarded(self, drafts: Iterator[Draft], kind: str, source: Location
                ) -> Iterator[Draft]:
        """The planner's slides; on a ContentError, or a WordTooWide or Overflow that a
        planner let through without a message, its problems and one empty stand-in."""
        try:
            yield from drafts
        except ContentError as exc:
            self.report(exc.diagnostics)
            yield Draft(kind, source)
        except (WordTooWide, Overflow) as exc:
            self.report([unplaced(source, exc)])
            yield Draft(kind, source)

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
            self.report([error(source, f"the text does not fit its box ({exc})",
                               "shorten the text")])
        except ContentError as exc:
            self.report(exc.diagnostics)
        return TextBox(box, tuple(paras), source, 1.0, str(kwargs.get("anchor", "top")), box.h,
                       str(kwargs.get("role", "body")))

    def picture(self, picture: Picture, box: Box) -> PictureBox:
        # A picture with a problem of its own (reported by the loader) stands in as a square.
        info = self.loaded.images.get(picture.path, ImageInfo(1, 1))
        crop = cover_crop(info.width, info.height, box.w, box.h, picture.focus)
        return PictureBox(box, picture.path, clean(picture.alt), crop, picture.loc,
                          picture.focus)


def unplaced(where: Location, exc: Exception) -> Diagnostic:
    """A located error for text that a layout could not place and did not explain."""
    if isinstance(exc, WordTooWide):
        return error(where, f"the word '{exc.word}' is too wide for its box, even hyphenated",
                     "shorten it or add a hyphen or space")
    return error(where, f"the text does not fit its box ({exc})", "shorten the text")


def title_block(ctx: Context, d: Draft, text: str, x: float, y: float, w: float,
                 source: Location, kicker: str | None = None, color: str = "accent") -> float:
    """Colour bar, optional kicker and the title; returns the y below the title."""
    th = ctx.theme
    tb = th.sizes.title_block
    d.elements.append(title_bar(ctx, x, y, color))
    y += tb.bar_to_text
    if kicker:
        k = ctx.fit([para(kicker, "kicker")], Box(x, y, w, tb.kicker_height), source)
        d.elements.append(replace(k, box=replace(k.box, h=k.height)))
        y += k.height + tb.kicker_to_title
    box = Box(x, y, w, th.slide.height * tb.title_height)
    t = ctx.fit([para(text, "title")], box, source, role="title")
    d.elements.append(replace(t, box=replace(box, h=t.height)))
    return y + t.height


def title_bar(ctx: Context, x: float, y: float, color: str = "accent") -> ShapeBox:
    """The colour bar above a title, its top-left corner at (x, y)."""
    tb = ctx.theme.sizes.title_block
    return ShapeBox(Box(x, y, tb.bar_width, tb.bar_height), "rect", fill=color)


def content_bottom(ctx: Context) -> float:
    """Where a slide's content ends: above the bottom margin, clear of the footer."""
    th = ctx.theme
    return th.slide.height - th.slide.bottom - th.sizes.footer.content_gap


def more_slides(further: int) -> str:
    """How a warning names the slides a text continues on after its first."""
    return "a second slide" if further == 1 else f"{further} more slides"
