"""Writes the dossier plan as a designed, tagged A4 PDF; reportlab platypus does the page
breaking, tags.py records the structure while it draws, finish.py writes it (PDF/UA-1)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from ... import cache_file
from ...hyphenate import Hyphenator
from ...images import ImageStore
from ...layout import dossier_plan as d
from ...theme import Theme
from .contents import CONTENTS_FILE, last_contents, link_describer, whole_text
from .draw import Bar, Cover, Radar, TaggedImage
from .finish import finish
from .private import drawn_contents, seed_contents
from .tags import Node, Tags, tagging_canvas
from .text import LINK, PdfText, StableName, TaggedContents

TREND_PICTURE = (170.0, 128.0)  # a trend card's picture, width and height in points


class _Doc(BaseDocTemplate):
    """Adds bookmarks and contents entries for headings that carry ``toc_entry``."""

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        entry = getattr(flowable, "toc_entry", None)
        if entry:
            level, text, key, *listed = entry
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=level, closed=False)
            if listed != [False]:  # the contents page is bookmarked, not listed in itself
                self.notify("TOCEntry", (level, text, self.page, key))


class _Renderer:
    """Turns plan blocks into flowables, and each piece of content into its structure
    element (``self.tags``), in the plan's reading order."""

    def __init__(
        self, plan: d.DossierPlan, theme: Theme, fonts: dict[str, str], images: ImageStore,
        hyphenator: Hyphenator | None = None,
    ) -> None:
        self.plan, self.theme, self.images = plan, theme, images
        self.ppi = theme.pictures.print_ppi
        self.st = PdfText(theme, fonts, hyphenator)
        self.toc = TaggedContents()
        self.width = theme.page.content_width
        self.describe = link_describer(plan)
        self.tags = Tags(self.describe)

    def node(self, role: str, parent: Node | None = None, **extra: object) -> Node:
        return (parent or self.tags.root).add(role, **extra)

    def page_begin(self, canvas, doc) -> None:  # type: ignore[no-untyped-def]
        self.tags.begin_page(canvas)

    def page_end(self, canvas, doc) -> None:  # type: ignore[no-untyped-def]
        self.tags.end_page(canvas)

    def footer(self, canvas, doc) -> None:  # type: ignore[no-untyped-def]
        """The running footer and page number: pagination artifacts; its web address is a
        link all the same."""
        self.tags.begin_page(canvas)
        th, st = self.theme, self.st
        style = th.style("d-footer")
        font = st.fonts[style.face]
        y = th.page.bottom - 32
        canvas.saveState()
        with self.tags.pagination(canvas):
            canvas.setFont(font, style.size)
            canvas.setFillColor(st.color(style.color))
            canvas.drawString(th.page.left, y, self.plan.footer)
            canvas.drawRightString(th.page.width - th.page.right, y, str(canvas.getPageNumber()))
        match = LINK.search(self.plan.footer)
        if match:
            x0 = th.page.left + stringWidth(self.plan.footer[: match.start()], font, style.size)
            x1 = x0 + stringWidth(match.group(), font, style.size)
            canvas.linkURL(f"https://{match.group()}", (x0, y - 2, x1, y + style.size), relative=0)
        canvas.restoreState()

    def heading(self, b: d.Heading) -> list[Flowable]:
        found: list[Flowable] = [PageBreakIfNotEmpty()] if b.new_page else [CondPageBreak(160)]
        found.append(Bar(self.st.color(b.color)))
        if b.kicker:
            found.append(self.st.text(b.kicker, "d-kicker", self.node("P"), spaceAfter=4))
        head = self.st.text(b.text, b.style, self.node(f"H{b.level + 1}"), spaceAfter=18)
        head.toc_entry = (b.level, b.text, b.key)  # type: ignore[attr-defined]
        found.append(head)
        for f in found:
            f.keepWithNext = True  # type: ignore[attr-defined]
        return found

    def contents(self, b: d.Contents) -> list[Flowable]:
        toc = self.toc
        toc.levelStyles = [
            self.st.style("d-toc-1", spaceBefore=8),
            self.st.style("d-toc-2", leftIndent=16),
        ]
        toc.dotsMinLevel = -1
        toc.tableStyle = self.st.table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
        head = self.st.text(b.title, "d-h1", self.node("H1"), spaceAfter=24)
        head.toc_entry = (0, b.title, "contents", False)  # type: ignore[attr-defined]
        toc.tag = self.node("TOC")
        return [Bar(self.st.color("accent")), head, toc]

    def steps(self, b: d.Steps) -> list[Flowable]:
        """The method's numbered steps: a list (L) whose labels are the numbers."""
        items = self.node("L", attrs={"O": "List", "ListNumbering": "Decimal"})
        rows = []
        for num, paras in b.items:
            item = self.node("LI", items)
            label = self.st.text(num, "d-step-number", self.node("Lbl", item))
            body = self.node("LBody", item)
            rows.append([label, [self.st.para(p, self.node("P", body)) for p in paras]])
        table = Table(rows, colWidths=[80, self.width - 80])
        table.setStyle(self._rules(len(rows), pad=14))
        return [table]

    def _rules(self, n: int, pad: float = 6, first_line: bool = True) -> TableStyle:
        cmds: list[tuple] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), pad),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ("LINEBELOW", (0, 0), (-1, -1), 0.6, self.st.color("rule")),
        ]
        if first_line:
            cmds.append(("LINEABOVE", (0, 0), (-1, 0), 0.6, self.st.color("rule")))
        return self.st.table_style(cmds)

    def radar(self, b: d.RadarFigure) -> list[Flowable]:
        found: list[Flowable] = [Spacer(1, 10)]
        if b.caption:
            found.append(self.st.text(b.caption, "d-caption", self.node("P"), spaceAfter=6))
        found.append(Radar(b, self.st, self.images, self.tags.root, self.describe))
        return [KeepTogether(found)]

    def trend(self, b: d.TrendCard) -> list[Flowable]:
        """A trend card: its title (H2) is read first, then the picture and the factors."""
        pic_w, pic_h = TREND_PICTURE
        title = self.st.text(b.title, "d-h2", self.node("H2"), spaceAfter=8)
        pic = TaggedImage(
            StableName(self.images.get(b.picture.path, pic_w, pic_h, b.picture.focus,
                                       ppi=self.ppi)),
            pic_w,
            pic_h,
        )
        pic.tag = self.node("Figure", alt=b.picture.alt)
        factors = self.node("L", attrs={"O": "List", "ListNumbering": "Square"})
        items = [
            self.st.text(
                f,
                "d-factor",
                self.node("LBody", self.node("LI", factors)),
                bulletText="■",
                bulletColor=self.st.color(b.color),
                leftIndent=14,
                bulletIndent=0,
            )
            for f in b.factors
        ]
        cell = [Bar(self.st.color(b.color), space=8), title, *items]
        table = Table([[pic, cell]], colWidths=[pic_w + 22, self.width - pic_w - 22])
        table.setStyle(
            self.st.table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 22),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        table.toc_entry = (1, b.title, b.key)  # type: ignore[attr-defined]
        return [table]

    def scenario(self, b: d.ScenarioOpener) -> list[Flowable]:
        """The big number repeats the label ("SZENARIO 1"): it is drawn as an artifact;
        the label is read before the heading, as a kicker is."""
        number = self.st.text(b.number, "d-number", None, color=b.color)
        head = [self.st.text(b.label, "d-kicker", self.node("P"), spaceAfter=4),
                self.st.text(b.title, "d-h1", self.node("H2"))]
        table = Table([[number, head]], colWidths=[110, self.width - 110])
        table.setStyle(
            self.st.table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        table.toc_entry = (1, f"{b.label} – {b.title}", b.key)  # type: ignore[attr-defined]
        table.keepWithNext = True
        start: list[Flowable] = [PageBreakIfNotEmpty()] if b.new_page else [Spacer(1, 30)]
        return [*start, Bar(self.st.color(b.color)), table, Spacer(1, 18)]

    def cards(self, b: d.Cards) -> list[Flowable]:
        cells = [
            [self.st.text(t, "d-h3", self.node("H2"), spaceAfter=4),
             self.st.text(x, "d-body", self.node("P"))] for t, x in b.items
        ]
        rows = [
            cells[i : i + 2] + ([] if i + 1 < len(cells) else [""]) for i in range(0, len(cells), 2)
        ]
        table = Table(rows, colWidths=[self.width / 2] * 2)
        table.setStyle(
            self.st.table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, -1), self.st.color("tint")),
                    ("LINEBEFORE", (0, 0), (-1, -1), 4, self.st.color("accent")),
                    ("LINEAFTER", (0, 0), (-1, -1), 8, self.st.color("paper")),
                    ("LINEBELOW", (0, 0), (-1, -1), 8, self.st.color("paper")),
                    ("LEFTPADDING", (0, 0), (-1, -1), 14),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 14),
                    ("TOPPADDING", (0, 0), (-1, -1), 12),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 16),
                ]
            )
        )
        found: list[Flowable] = [table]
        if b.button:
            style = self.theme.style("d-h3")
            width = stringWidth(b.button, self.st.fonts[style.face], style.size) + 34
            button = Table([[self.st.text(b.button, "d-h3", self.node("P"))]], colWidths=[width])
            button.setStyle(
                self.st.table_style(
                    [
                        ("BACKGROUND", (0, 0), (-1, -1), self.st.color("accent")),
                        ("LEFTPADDING", (0, 0), (-1, -1), 16),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 16),
                    ]
                )
            )
            button.hAlign = "LEFT"
            found += [Spacer(1, 10), button]
        return found

    def calendar(self, b: d.Calendar) -> list[Flowable]:
        found: list[Flowable] = []
        for heading, rows in b.groups:
            head = self.st.text(heading, "d-h2", self.node("H2"), spaceBefore=14, spaceAfter=8)
            head.keepWithNext = True
            cells = []
            grid = self.node("Table")
            for date, text, past, place in rows:
                color = "muted" if past else None  # past entries are greyed
                row = self.node("TR", grid)
                th = self.node("TH", row, attrs={"O": "Table", "Scope": "Row"})
                td = self.node("TD", row)
                what = [self.st.text(text, "d-body", td, color=color)]
                if place:  # apart from the title, so the two never read as one name
                    what.append(self.st.text(place, "d-body", td, color="muted"))
                cells.append([self.st.text(date, "d-h3", th, color=color), what])
            table = Table(cells, colWidths=[170, self.width - 170])
            table.setStyle(self._rules(len(rows)))
            found += [head, table]
        return found

    def callout(self, b: d.Callout) -> list[Flowable]:
        lines = [self.st.text(line, "d-cta", self.node("P")) for line in b.lines]
        table = Table([[lines]], colWidths=[self.width])
        table.setStyle(
            self.st.table_style(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), self.st.color(b.color)),
                    ("LEFTPADDING", (0, 0), (-1, -1), 28),
                    ("TOPPADDING", (0, 0), (-1, -1), 30),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 36),
                ]
            )
        )
        return [CondPageBreak(260), Spacer(1, 30), table, Spacer(1, 30)]

    def cover(self, b: d.Cover) -> list[Flowable]:
        """The cover on its own page template; the body's pages follow."""
        page = self.theme.page
        return [Cover(b, self.st, self.images, self.ppi, (page.width, page.height),
                      self.tags.root), NextPageTemplate("body"), PageBreak()]

    def text(self, b: d.Text) -> list[Flowable]:
        return [self.st.para(p, self.node("P", actual=whole_text(p, b.justify)),
                             justify=b.justify) for p in b.paras]

    def flowables(self) -> list[Flowable]:
        """Every block's flowables, in the plan's order (also the structure's order)."""
        found: list[Flowable] = []
        for block in self.plan.blocks:
            found += WRITERS[type(block)](self, block)
        return found


#: The one dispatch from dossier block to the method that writes it (the slide plan's
#: elements have theirs in draw.py, ``PAINTERS``).
WRITERS: dict[type, Callable[[_Renderer, Any], list[Flowable]]] = {
    d.Cover: _Renderer.cover,
    d.Contents: _Renderer.contents,
    d.Heading: _Renderer.heading,
    d.Text: _Renderer.text,
    d.Steps: _Renderer.steps,
    d.RadarFigure: _Renderer.radar,
    d.TrendCard: _Renderer.trend,
    d.ScenarioOpener: _Renderer.scenario,
    d.Cards: _Renderer.cards,
    d.Calendar: _Renderer.calendar,
    d.Callout: _Renderer.callout,
}




def render(
    plan: d.DossierPlan,
    theme: Theme,
    path: Path,
    *,
    images: ImageStore,
    fonts: dict[str, str],
    timestamp: dt.datetime,
    cache: Path | None = None,
) -> str:
    """Writes the dossier to ``path``; ``fonts`` maps theme faces to registered TTF names.
    ``cache`` is a folder where the German word splits (hyphenate.py) and the contents'
    page numbers are kept for the next build."""
    rl_config.useA85 = 0  # ASCII85 costs seconds in pure Python and only grows the file
    hyphenator = Hyphenator(cache)
    r = _Renderer(plan, theme, fonts, images, hyphenator)
    trends = [b.picture for b in plan.blocks if isinstance(b, d.TrendCard)]  # made meanwhile
    images.prepare_ahead((p.path, *TREND_PICTURE, p.focus, r.ppi) for p in trends)
    page = theme.page
    doc = _Doc(
        str(path),
        pagesize=(page.width, page.height),
        leftMargin=page.left,
        rightMargin=page.right,
        topMargin=page.top,
        bottomMargin=page.bottom,
        title=plan.title,
        author=plan.author,
        subject=plan.subject,
        keywords=", ".join(plan.keywords),
        creator="deckbuilder",
        producer="deckbuilder",
        lang=plan.language,
        displayDocTitle=1,
        invariant=1,
        initialFontName=fonts["regular"],
    )
    cover = PageTemplate("cover", [Frame(0, 0, page.width, page.height, 0, 0, 0, 0, id="full")],
                         onPage=r.page_begin, onPageEnd=r.page_end)
    body = PageTemplate("body", [Frame(page.left, page.bottom, page.content_width,
                                       page.content_height, 0, 0, 0, 0, id="body")],
                        onPage=r.footer, onPageEnd=r.page_end)
    has_cover = any(isinstance(b, d.Cover) for b in plan.blocks)
    doc.addPageTemplates([cover, body] if has_cover else [body, cover])
    stamp = timestamp.replace(tzinfo=None)
    contents = cache / CONTENTS_FILE if cache else None
    seed_contents(r.toc, last_contents(contents))
    doc.multiBuild(r.flowables(), canvasmaker=tagging_canvas(r.tags, stamp))
    finish(path, r.tags, title=plan.title, lang=plan.language)
    cache_file.write(contents, [list(e) for e in drawn_contents(r.toc)])
    hyphenator.save()
    return f"{doc.page} pages"

