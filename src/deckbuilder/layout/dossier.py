"""The dossier plan: the A4 document's content as a sequence of typed blocks.

Pagination is reportlab's job (flowables split and keep together); this module decides
what goes in which order, which text style each part takes and what the contents list holds.
"""

from __future__ import annotations

import datetime as dt
import re

from ..content.dates import long_date, weekday_date
from ..content.model import (
    CtaSlide,
    Legal,
    Loaded,
    MethodSlide,
    Picture,
    RadarSlide,
    SectionSlide,
    TitleSlide,
)
from ..content.names import never_hyphenated
from ..errors import ContentError
from .dossier_legible import make_dossier_legible
from .dossier_plan import (  # the plan's blocks, here for those who import them from here
    Block,
    Calendar,
    Callout,
    Cards,
    Contents,
    Cover,
    DossierPlan,
    Heading,
    Logo,
    PictureRef,
    QrCode,
    RadarFigure,
    ScenarioOpener,
    Steps,
    Text,
    TrendCard,
)
from .languages import foreign_phrases
from .legible import WHITE, dossier_text_on_white
from .links import first_address, link_runs, linked_runs, shown
from .plan import Box, Para, Run
from .program_slide import program_groups
from .radar_slide import geometry_for, legend_elements, legend_height, radar_group
from .slide_parts import clean, para
from .text import Typesetter


def picture_ref(picture: Picture) -> PictureRef:
    """The content's picture as a plain plan value (the PDF process needs no model)."""
    return PictureRef(picture.path, picture.alt, tuple(picture.focus))  # type: ignore[arg-type]


def _radar_figure(loaded: Loaded, ts: Typesetter, slide: RadarSlide) -> RadarFigure:
    """The same radar geometry as the slide's, fitted to the page's width."""
    width, size = ts.theme.page.content_width, ts.theme.sizes.dossier.radar
    geo = geometry_for(loaded, ts, Box(0, 0, width, size.height), "d-radar-label", WHITE)
    group = radar_group(geo, "d-radar-label", ts.theme.style("d-radar-label").size, slide.loc,
                        ts.theme.sizes.radar)
    rings = loaded.project.radar_file.rings
    legend_h = legend_height(len(slide.legend), len(rings), ts, "d-small")
    legend = legend_elements(slide.legend, slide.legend_title, rings, geo.palette.rings, ts,
                             Box(0, size.height + size.to_legend, width * size.legend_width,
                                 legend_h), slide.loc,
                             "d-small", "d-h3")
    keys = {t.title: f"trend-{i}" for i, t in enumerate(loaded.project.trends.trends, start=1)}
    links = tuple((Box(n.x - n.r, n.y - n.r, 2 * n.r, 2 * n.r), keys[n.name])
                  for n in geo.nodes if n.name in keys)
    return RadarFigure((group, *legend), width, size.height + size.to_legend + legend_h, links,
                       slide.caption)


def qr_code(address: str | None) -> QrCode | None:
    """A printed link cannot be clicked: the dossier prints a QR code of the address, and
    the address beside it as a reader types it (links.py's ``shown``)."""
    if not address:
        return None
    return QrCode(address, link_runs(shown(address), address))


def _logo(loaded: Loaded, logo: Picture) -> Logo:
    info = loaded.images.get(logo.path)
    return Logo(logo.path, clean(logo.alt), info.width / info.height if info else 1.0)


def _slide(loaded: Loaded, kind: type) -> object | None:
    return next((s for s in loaded.project.deck.slides if isinstance(s, kind)), None)


def _method(method: MethodSlide) -> list[Block]:
    """The method's heading and its numbered steps, each step's emphasis in italics."""
    steps = []
    for step in method.steps:
        paras = [para(step.text, "d-lead")]
        if step.emphasis:
            paras.append(Para((Run(clean(step.emphasis), face="italic"),), "d-lead"))
        steps.append((step.number, tuple(paras)))
    return [Heading(method.title, "method"), Steps(tuple(steps))]


def _trends_and_scenarios(loaded: Loaded) -> list[Block]:
    """A card per trend, then each scenario on its own page, under the headings of the
    deck's first two section slides (or plain ones when the deck has none)."""
    p = loaded.project
    sections = [s for s in p.deck.slides if isinstance(s, SectionSlide)]
    trends_title = sections[0].title if sections else "TRENDS"
    trends_color = sections[0].color if sections else "accent"
    blocks: list[Block] = [Heading(trends_title, "trends", color=trends_color)]
    for i, trend in enumerate(p.trends.trends, start=1):
        blocks.append(TrendCard(trend.title, f"trend-{i}", trend.color,
                                picture_ref(trend.picture), tuple(trend.factors)))
    scen_title = sections[1].title if len(sections) > 1 else "SZENARIEN"
    for i, sc in enumerate(p.scenarios.scenarios if p.scenarios else ()):
        if i == 0:
            blocks.append(Heading(scen_title, "scenarios", color=sections[1].color
                                  if len(sections) > 1 else "accent"))
        blocks.append(ScenarioOpener(str(sc.number), sc.label, sc.title, f"scenario-{sc.number}",
                                     sc.color, new_page=i > 0))
        blocks.append(Text(tuple(para(t, "d-body") for t in sc.paragraphs), justify=True))
    return blocks


#: A line of the legal notice that says which version it is ("Stand: Oktober 2025").
AS_OF = re.compile(r"\s*Stand\b", re.IGNORECASE)


def _legal(legal: Legal, today: dt.date | None) -> list[Block]:
    """The legal notice under its copyright line (a heading, not a section: the contents
    leave it out), then the build date, so that a printed copy can be matched to its
    version; a notice that says its own date ("Stand: ...") keeps that one alone."""
    blocks: list[Block] = [
        Heading(legal.copyright, "legal", style="d-h3", new_page=False,
                runs=linked_runs(clean(legal.copyright)), listed=False),
        Text(tuple(Para(linked_runs(clean(t)), "d-body") for t in legal.paragraphs))]
    if today is not None and not any(AS_OF.match(clean(t)) for t in legal.paragraphs):
        blocks.append(Text((para(f"Stand: {long_date(today)}", "d-body"),)))
    code = qr_code(first_address(linked_runs(clean(legal.copyright))))
    return [*blocks, code] if code else blocks


def plan_dossier(loaded: Loaded, ts: Typesetter, today: dt.date | None = None) -> DossierPlan:
    """The dossier's blocks in reading order, from the same model the deck uses, with
    every text's colour readable on what it lies on (dossier_legible.py).

    ``today`` is the build date: program entries before it are greyed or left out.
    """
    unreadable = dossier_text_on_white(loaded.theme)
    if unreadable:
        raise ContentError(unreadable)
    p = loaded.project
    deck = p.deck
    blocks: list[Block] = []
    title = _slide(loaded, TitleSlide)
    if isinstance(title, TitleSlide):
        blocks.append(Cover(title.title, (long_date(deck.date).upper(), title.clients),
                            picture_ref(title.picture) if title.picture else None,
                            tuple(_logo(loaded, logo) for logo in title.logos)))
    blocks.append(Contents(deck.contents_title))
    method = _slide(loaded, MethodSlide)
    if isinstance(method, MethodSlide):
        blocks += _method(method)
    radar = _slide(loaded, RadarSlide)
    if isinstance(radar, RadarSlide):
        blocks.append(Heading(radar.title, "radar", kicker=radar.kicker))
        blocks.append(Text((para(radar.text, "d-body"),), justify=True))
        blocks.append(_radar_figure(loaded, ts, radar))
    blocks += _trends_and_scenarios(loaded)
    fc = p.future_circle
    if fc is not None:  # a deck without offerings leaves the section out
        blocks.append(Heading(fc.title, "future-circle"))
        blocks.append(Cards(tuple((o.title, o.text) for o in fc.offerings), fc.button,
                            link_runs(clean(fc.button), fc.link) if fc.button else (),
                            qr=qr_code(fc.link) if fc.button else None))
    prog = p.program
    blocks.append(Heading(prog.title, "program"))
    groups = program_groups(prog, today, date_label=weekday_date)
    blocks.append(Calendar(tuple((g.heading, tuple((r.date, r.text, r.past, r.place)
                                                    for r in g.rows))
                                 for g in groups)))
    calendar_code = qr_code(prog.calendar_url)  # where its file is published, under its dates
    if calendar_code:
        blocks.append(calendar_code)
    cta = _slide(loaded, CtaSlide)
    if isinstance(cta, CtaSlide):
        blocks.append(Callout(tuple(cta.lines), cta.color,
                              tuple(link_runs(clean(line), cta.link) for line in cta.lines),
                              cta.where("color") if "color" in cta.model_fields_set else None,
                              qr_code(cta.link)))
    blocks += _legal(deck.legal, today)
    plan, unreadable = make_dossier_legible(
        DossierPlan(deck.title, deck.author, deck.subject or deck.title, tuple(deck.keywords),
                    deck.language, linked_runs(clean(deck.footer)), tuple(blocks),
                    foreign=foreign_phrases(loaded), names=never_hyphenated(loaded.project)),
        loaded.theme, loaded.root)
    if unreadable:
        raise ContentError(unreadable)
    return plan
