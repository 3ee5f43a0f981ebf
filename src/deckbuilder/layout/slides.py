"""The slide plan: one layout function per slide kind, all sizes from the theme."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import replace

from ..content.dates import long_date
from ..content.model import (
    CtaSlide,
    ImageInfo,
    LegalSlide,
    Loaded,
    MethodSlide,
    OfferingsSlide,
    Picture,
    ProgramSlide,
    RadarSlide,
    Scenario,
    ScenariosSlides,
    SectionSlide,
    Slide,
    TitleSlide,
    TrendsSlides,
)
from ..content.notes import parse_notes
from ..errors import ContentError, error, warning
from .furniture import Furnished
from .identity import name_deck
from .languages import foreign_phrases
from .legible import make_legible
from .links import link_runs, linked_runs
from .list_slides import plan_method, plan_offerings, plan_trends
from .plan import Box, DeckPlan, Element, Para, PictureBox, ShapeBox, SlidePlan
from .program_slide import layout_program
from .radar_slide import geometry_for, legend_elements, legend_height, radar_group
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
from .template_slides import (
    clear_margins,
    covered_logos,
    hidden_logos,
    keep_clear,
    template_art,
    template_fills,
    template_footer,
)
from .text import Typesetter


def logo_row(ctx: Context, logos: list[Picture], row: Box) -> list[PictureBox]:
    """The logos side by side, each as high as the row (narrower ones lower when the row
    is too narrow for all), uncropped."""
    infos = [ctx.loaded.images.get(logo.path, ImageInfo(1, 1)) for logo in logos]
    widths = [row.h * info.width / info.height for info in infos]
    gaps = ctx.theme.gutter * (len(logos) - 1)
    scale = min(1.0, (row.w - gaps) / sum(widths)) if logos else 1.0
    placed, x = [], row.x
    for logo, width in zip(logos, widths, strict=True):
        box = Box(x, row.y, width * scale, row.h * scale)
        placed.append(PictureBox(box, logo.path, clean(logo.alt), (0.0, 0.0, 0.0, 0.0),
                                 logo.loc, name="Logo"))
        x += box.w + ctx.theme.gutter
    return placed


def plan_title(ctx: Context, s: TitleSlide) -> Iterator[Draft]:
    th, deck = ctx.theme, ctx.loaded.project.deck
    size = th.sizes.title_slide
    d = Draft("title", s.loc, notes=s.notes)
    split = th.slide.width * size.picture_from
    x, w = th.slide.left, split - th.slide.left - th.gutter
    d.elements.append(title_bar(ctx, x, th.slide.top))
    top = ctx.fit([para(long_date(deck.date).upper(), "kicker"),
                   para(s.clients, "kicker")],
                  Box(x, th.slide.top + th.sizes.title_block.bar_to_text, w, size.kicker_height),
                  s.loc)
    d.elements.append(top)
    logo_top = top.box.y + size.kicker_height
    d.elements += logo_row(ctx, s.logos, Box(x, logo_top, w, th.slide.height * size.title_top
                                             - logo_top - th.gutter))
    big = Box(x, th.slide.height * size.title_top,
              w, th.slide.height * size.title_height - th.slide.bottom)
    d.elements.append(ctx.fit([para(s.title, "title-xl")], big, s.loc, role="title"))
    if s.picture:
        d.elements.append(ctx.picture(s.picture, Box(split, 0, th.slide.width - split,
                                                     th.slide.height)))
    yield d


def plan_radar(ctx: Context, s: RadarSlide) -> Iterator[Draft]:
    th = ctx.theme
    size = th.sizes.radar_slide
    d = Draft("radar", s.loc, notes=s.notes, footer_left=th.slide.left)
    x0, left_w = th.slide.left, th.slide.content_width * size.text_width
    y = title_block(ctx, d, s.title, x0, th.slide.top, left_w, s.loc,
                    kicker=s.kicker) + size.title_to_text
    bottom = content_bottom(ctx)
    rings = ctx.loaded.project.radar_file.rings
    area = radar_area(ctx, bool(s.caption))
    style = th.style("radar-label")
    geo = geometry_for(ctx.loaded, ctx.ts, area, "radar-label", th.color(d.background))
    legend_h = legend_height(len(s.legend), len(rings), ctx.ts)
    text = ctx.fit([para(s.text, "body")],
                   Box(x0, y, left_w, bottom - y - legend_h - size.text_to_legend), s.loc)
    d.elements.append(text)
    d.elements.extend(legend_elements(s.legend, s.legend_title, rings, geo.palette.rings,
                                      ctx.ts, Box(x0, bottom - legend_h, left_w, legend_h),
                                      s.loc))
    d.elements.append(radar_group(geo, "radar-label", style.size, s.loc, th.sizes.radar))
    if s.caption:
        d.elements.append(ctx.fit([para(s.caption, "caption", align="center")],
                                  Box(area.x, bottom - size.caption_height + size.caption_drop,
                                      area.w, size.caption_height),
                                  s.loc))
    yield d


def radar_area(ctx: Context, caption: bool) -> Box:
    """Where the radar slide's radar goes: right of the text, over the caption's room."""
    th, size = ctx.theme, ctx.theme.sizes.radar_slide
    left = th.slide.left + th.slide.content_width * size.text_width + th.gutter
    right = th.slide.width - th.slide.right
    top = th.slide.top - size.above_top
    furniture = ctx.furniture_of("radar")
    if furniture is not None:  # a template's logo above the radar: the radar stays below it
        top = max([top, *(p.box.bottom + th.sizes.footer.content_gap for p in furniture.pieces
                          if p.box.x < right and p.box.right > left and p.side == "top")])
    return Box(left, top, right - left,
               content_bottom(ctx) - (size.caption_height if caption else 0.0) - top)


def _banner(ctx: Context, kind: str, s: SectionSlide | CtaSlide, paras: list[Para],
            top: float, height: float) -> Draft:
    """A full-colour slide with a bar and big type: section dividers and the call to action;
    ``top`` and ``height`` are fractions of the slide's height."""
    th = ctx.theme
    size = th.sizes.divider
    d = Draft(kind, s.loc, background=s.color, notes=s.notes, footer_left=th.slide.left)
    x, w = th.slide.left, th.slide.content_width
    d.elements.append(ShapeBox(Box(x, th.slide.height * top, size.bar_width, size.bar_height),
                               "rect", fill="ink"))
    box = Box(x, th.slide.height * top + size.bar_to_text, w, th.slide.height * height)
    d.elements.append(ctx.fit(paras, box, s.loc, role="title"))
    return d


def plan_section(ctx: Context, s: SectionSlide) -> Iterator[Draft]:
    size = ctx.theme.sizes.divider
    yield _banner(ctx, "section", s, [para(s.title, "title-xl")], size.section_top,
                  size.section_height)


def plan_scenario(ctx: Context, sc: Scenario, continued: str,
                  notes: str | None = None) -> Iterator[Draft]:
    """The scenario's divider, with its notes (else ``notes``, the scenarios slide's), and
    its text slides."""
    th = ctx.theme
    size = th.sizes.scenario
    div = Draft("scenario-divider", sc.loc, background=sc.color, notes=sc.notes or notes,
                footer_left=th.slide.left)
    x = th.slide.left
    right = th.slide.width - th.slide.right
    if sc.picture:
        split = th.slide.width * size.picture_from
        div.elements.append(ctx.picture(sc.picture, Box(split, 0, th.slide.width - split,
                                                        th.slide.height)))
        right = split - th.gutter
    band = Box(x, th.slide.height * size.number_top, th.slide.width * size.number_width,
               th.slide.height * size.number_height)
    number = ctx.fit([para(str(sc.number), "number-xl")], band, sc.loc, anchor="middle")
    digits = ctx.ts.measurer.width(str(sc.number), th.style("number-xl").face,
                                   th.style("number-xl").size * number.scale)
    tx = x + digits + th.gutter * 2
    heading = ctx.fit([para(sc.label, "kicker"), para(sc.title, "divider-title")],
                      Box(tx, band.y, right - tx, band.h), sc.loc,
                      role="title")
    middle = band.y + band.h / 2
    div.elements.append(replace(heading, box=replace(heading.box, y=middle - heading.height / 2,
                                                     h=heading.height)))
    div.elements.append(number)
    yield div
    paras = [para(p, "scenario") for p in sc.paragraphs]
    first = True
    extra = 0
    while paras:
        d = Draft("scenario-text", sc.loc, footer_left=th.slide.left)
        title = sc.title if first else f"{sc.title} {continued}"
        y = title_block(ctx, d, title, x, th.slide.top, th.slide.content_width, sc.loc,
                         kicker=sc.label, color=sc.color) + size.title_to_text
        bottom = content_bottom(ctx)
        col = (th.slide.content_width - th.gutter) / 2
        boxes = [Box(x, y, col, bottom - y), Box(x + col + th.gutter, y, col, bottom - y)]
        filled, rest = ctx.ts.flow_fitted(paras, boxes, sc.loc)
        if not filled:
            raise ContentError([error(sc.loc, "a paragraph does not fit on an empty slide")])
        if len(filled) == len(boxes):  # one text in two columns: one body in a PPTX
            filled[0] = replace(filled[0], next_column=True)
        d.elements.extend(filled)
        paras, first = rest, False
        extra += 1
        yield d
    if extra > 1:
        more = more_slides(extra - 1)
        ctx.warnings.append(warning(sc.loc, f"the text of {sc.label} continues on {more}"))


def plan_scenarios(ctx: Context, s: ScenariosSlides) -> Iterator[Draft]:
    for sc in ctx.loaded.project.scenarios_file.scenarios:
        yield from ctx.guarded(plan_scenario(ctx, sc, ctx.loaded.project.deck.continued,
                                             s.notes), "scenario-text", sc.loc)


def plan_program(ctx: Context, s: ProgramSlide) -> Iterator[Draft]:
    th, prog = ctx.theme, ctx.loaded.project.program
    bottom = content_bottom(ctx)
    continued = ctx.loaded.project.deck.continued
    first = True
    # The tables start below the longer title, the continued one, so that a title that
    # wraps to a second line on a continuation slide cannot run into them.
    probe = Draft("program", prog.loc)
    top = title_block(ctx, probe, f"{prog.title} {continued}", th.slide.left, th.slide.top,
                       th.slide.content_width, prog.loc) + th.sizes.program.title_to_tables
    for elements in layout_program(ctx, top, bottom):
        d = Draft("program", prog.loc, notes=s.notes if first else None,
                  footer_left=th.slide.left)
        title = prog.title if first else f"{prog.title} {continued}"
        title_block(ctx, d, title, th.slide.left, th.slide.top, th.slide.content_width,
                     prog.loc)
        d.elements.extend(elements)
        if not first:
            ctx.warnings.append(warning(prog.loc, "the program continues on another slide"))
        first = False
        yield d


def plan_cta(ctx: Context, s: CtaSlide) -> Iterator[Draft]:
    size = ctx.theme.sizes.divider
    lines = [Para(link_runs(clean(line), s.link), "cta") for line in s.lines]
    yield _banner(ctx, "cta", s, lines, size.cta_top, size.cta_height)


def plan_legal(ctx: Context, s: LegalSlide) -> Iterator[Draft]:
    th, legal = ctx.theme, ctx.loaded.project.deck.legal
    d = Draft("legal", legal.loc, notes=s.notes, footer_left=None)
    size = th.sizes.legal
    x, w = th.slide.left, th.slide.content_width * size.text_width
    paras = [Para(linked_runs(clean(legal.copyright)), "legal-head")]
    paras += [Para(linked_runs(clean(p)), "legal") for p in legal.paragraphs]
    d.elements.append(title_bar(ctx, x, th.slide.top))
    box = Box(x, th.slide.top + size.bar_to_text, w, th.slide.content_height - size.bar_to_text)
    d.elements.append(ctx.fit(paras, box, legal.loc, role="body"))
    yield d


PLANNERS: dict[type, Callable[[Context, Slide], Iterator[Draft]]] = {
    TitleSlide: plan_title, MethodSlide: plan_method, RadarSlide: plan_radar,  # type: ignore[dict-item]
    SectionSlide: plan_section, TrendsSlides: plan_trends,  # type: ignore[dict-item]
    ScenariosSlides: plan_scenarios, OfferingsSlide: plan_offerings,  # type: ignore[dict-item]
    ProgramSlide: plan_program, CtaSlide: plan_cta, LegalSlide: plan_legal,  # type: ignore[dict-item]
}


def _footer(ctx: Context, d: Draft, number: int) -> list[Element]:
    th, deck = ctx.theme, ctx.loaded.project.deck
    if d.footer_left is None:
        return []
    furniture = ctx.furniture_of(d.kind)
    if furniture is not None and furniture.footer is not None:
        return template_footer(ctx, furniture, number)
    size = th.sizes.footer
    y = th.slide.height - th.slide.bottom + size.top
    right = th.slide.width - th.slide.right
    num_w = size.number_width
    text = Para(linked_runs(clean(deck.footer), keep_color=True), "footer")
    left = ctx.fit([text], Box(d.footer_left, y, right - num_w - d.footer_left, size.height),
                   deck.loc, role="footer")
    num = ctx.fit([para(str(number), "footer", align="right")],
                  Box(right - num_w, y, num_w, size.height), deck.loc, role="footer")
    return [left, num]


def plan_deck(loaded: Loaded, ts: Typesetter, today: dt.date | None = None,
              furniture: Furnished | None = None) -> DeckPlan:
    """Every slide of the deck, numbered, with footers; raises ContentError on what cannot fit.

    ``today`` is the build date: program entries before it are greyed or left out.
    ``furniture``: what a corporate template draws itself, by slide kind.
    """
    ctx = Context(loaded, ts.for_viewers(), today, furniture=furniture or {})
    if furniture:  # a template's band, claim and logo: the slides keep clear of them
        ctx.ts = replace(ctx.ts, theme=clear_margins(ctx.theme, furniture))
    deck = loaded.project.deck
    drafts: list[Draft] = []
    sections: dict[int, str] = {}  # a section named in content starts at this draft
    for slide in deck.slides:
        if slide.section:
            sections[len(drafts)] = slide.section
        planned = ctx.guarded(PLANNERS[type(slide)](ctx, slide), slide.kind, slide.loc)
        while True:
            ctx.slide = len(drafts) + 1  # the number of the slide the planner works on
            draft = next(planned, None)
            if draft is None:
                break
            drafts.append(draft)
    slides = []
    for number, d in enumerate(drafts, start=1):
        ctx.slide = number
        footer = _footer(ctx, d, number)
        elements = keep_clear(ctx, d.kind, d.elements)
        slides.append(SlidePlan(d.kind, tuple(elements + footer), d.source, d.background,
                                parse_notes(d.notes), number, section=sections.get(number - 1, ""),
                                template_fills=template_fills(ctx.furniture_of(d.kind)),
                                template_art=template_art(ctx.theme, ctx.furniture_of(d.kind),
                                                          d.background)))
    ctx.warnings.extend(hidden_logos(ctx, slides) + covered_logos(ctx, slides))
    slides, unreadable = make_legible(slides, ctx.theme, ctx.ts.ink_box)
    ctx.problems.extend(unreadable)  # each names its slide already
    if ctx.problems:
        raise ContentError(ctx.problems)
    th = loaded.theme
    return name_deck(loaded, DeckPlan(th.slide.width, th.slide.height, tuple(slides),
                                      deck.title, deck.author, deck.subject or deck.title,
                                      deck.language, tuple(ctx.warnings),
                                      foreign=foreign_phrases(loaded)))
