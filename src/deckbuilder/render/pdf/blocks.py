"""The dossier's blocks as platypus flowables, each with its structure element, in the
plan's reading order: one writer per block kind (``WRITERS``); sizes from the theme."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from ...layout import dossier_plan as d
from ...layout.dossier_plan import PAPER
from ...layout.plan import Para, Run
from ...text.hyphenate import Hyphenator
from ..images import ImageStore
from .contents import link_describer, whole_text
from .draw import Bar, Cover, Radar, TaggedImage
from .qr import qr_block
from .tags import Node, Tags
from .text import PdfText, StableName, TaggedContents

if TYPE_CHECKING:  # the PDF process gets a plain theme (theme_plain.py), no pydantic
    from ...theme import Theme


class Renderer:
    """Turns plan blocks into flowables, and each piece of content into its structure
    element (``self.tags``), in the plan's reading order."""

    def __init__(
        self, plan: d.DossierPlan, theme: Theme, fonts: dict[str, str], images: ImageStore,
        hyphenator: Hyphenator | None = None,
    ) -> None:
        self.plan, self.theme, self.images = plan, theme, images
        self.ppi = theme.pictures.print_ppi
        self.st = PdfText(theme, fonts, hyphenator)
        self.st.foreign = plan.foreign
        self.st.inks = plan.ink  # readable colours where the theme's would not read
        self.toc = TaggedContents()
        self.width = theme.page.content_width
        self.describe = link_describer(plan)
        self.tags = Tags(self.describe)
        self.sizes = theme.sizes.dossier

    def bar(self, color: str, space: float | None = None) -> Bar:
        """The colour bar that opens a section (``space`` under it: the theme's unless given)."""
        h = self.sizes.headings
        return Bar(self.st.color(color), h.bar_width, h.bar_height,
                   h.bar_to_text if space is None else space)

    def node(self, role: str, parent: Node | None = None, **extra: object) -> Node:
        return (parent or self.tags.root).add(role, **extra)

    def page_begin(self, canvas, doc) -> None:  # type: ignore[no-untyped-def]
        self.tags.begin_page(canvas)

    def page_end(self, canvas, doc) -> None:  # type: ignore[no-untyped-def]
        self.tags.end_page(canvas)

    def footer(self, canvas, doc) -> None:  # type: ignore[no-untyped-def]
        """The running footer and page number: pagination artifacts; its links (layout
        decides which) are links all the same."""
        self.tags.begin_page(canvas)
        th, st = self.theme, self.st
        style = th.style("d-footer")
        font = st.fonts[style.face]
        y = th.page.bottom - self.sizes.headings.footer_drop
        canvas.saveState()
        with self.tags.pagination(canvas):
            canvas.setFont(font, style.size)
            canvas.setFillColor(st.color(st.ink("d-footer", style.color, PAPER)))
            canvas.drawString(th.page.left, y, "".join(r.text for r in self.plan.footer))
            canvas.drawRightString(th.page.width - th.page.right, y, str(canvas.getPageNumber()))
        x0 = th.page.left
        for run in self.plan.footer:
            x1 = x0 + stringWidth(run.text, font, style.size)
            if run.link:
                canvas.linkURL(run.link, (x0, y - 2, x1, y + style.size), relative=0)
            x0 = x1
        canvas.restoreState()

    def heading(self, b: d.Heading) -> list[Flowable]:
        size = self.sizes.headings
        found: list[Flowable] = ([PageBreakIfNotEmpty()] if b.new_page
                                 else [CondPageBreak(size.keep_room)])
        found.append(self.bar(b.color))
        if b.kicker:
            found.append(self.st.text(b.kicker, "d-kicker", self.node("P"),
                                      spaceAfter=size.kicker_to_heading))
        head = self.st.para(Para(b.runs or (Run(b.text),), b.style),
                            self.node(f"H{b.level + 1}"), spaceAfter=size.heading_to_text)
        # Bookmarked; listed in the contents when a section (``_Doc.afterFlowable``).
        entry = (b.level, b.text, b.key) if b.listed else (b.level, b.text, b.key, False)
        head.toc_entry = entry  # type: ignore[attr-defined]
        found.append(head)
        for f in found:
            f.keepWithNext = True  # type: ignore[attr-defined]
        return found

    def contents(self, b: d.Contents) -> list[Flowable]:
        toc, size = self.toc, self.sizes.contents
        toc.levelStyles = [
            self.st.style("d-toc-1", spaceBefore=size.chapter_space),
            self.st.style("d-toc-2", leftIndent=size.section_indent),
        ]
        toc.dotsMinLevel = -1
        toc.tableStyle = self.st.table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), size.row_gap),
            ]
        )
        head = self.st.text(b.title, "d-h1", self.node("H1"), spaceAfter=size.heading_to_list)
        head.toc_entry = (0, b.title, "contents", False)  # type: ignore[attr-defined]
        toc.tag = self.node("TOC")
        return [self.bar("accent"), head, toc]

    def steps(self, b: d.Steps) -> list[Flowable]:
        """The method's numbered steps: a list (L) whose labels are the numbers."""
        items = self.node("L", attrs={"O": "List", "ListNumbering": "Decimal"})
        rows = []
        for num, paras in b.items:
            item = self.node("LI", items)
            label = self.st.text(num, "d-step-number", self.node("Lbl", item))
            body = self.node("LBody", item)
            rows.append([label, [self.st.para(p, self.node("P", body)) for p in paras]])
        size = self.sizes.tables
        table = Table(rows, colWidths=[size.step_number_width,
                                       self.width - size.step_number_width])
        table.setStyle(self._rules(size.step_padding))
        return [table]

    def _rules(self, pad: float) -> TableStyle:
        """Rows with rules above and below, ``pad`` above and below each row's text."""
        size = self.sizes.tables
        cmds: list[tuple] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), size.cell_gap),
            ("TOPPADDING", (0, 0), (-1, -1), pad),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ("LINEBELOW", (0, 0), (-1, -1), size.rule_width, self.st.color("rule")),
            ("LINEABOVE", (0, 0), (-1, 0), size.rule_width, self.st.color("rule")),
        ]
        return self.st.table_style(cmds)

    def radar(self, b: d.RadarFigure) -> list[Flowable]:
        size = self.sizes.radar
        found: list[Flowable] = [Spacer(1, size.space_before)]
        if b.caption:
            found.append(self.st.text(b.caption, "d-caption", self.node("P"),
                                      spaceAfter=size.caption_to_radar))
        found.append(Radar(b, self.st, self.images, self.tags.root, self.describe))
        return [KeepTogether(found)]

    def trend(self, b: d.TrendCard) -> list[Flowable]:
        """A trend card: its title (H2) is read first, then the picture and the factors."""
        size = self.sizes.trend
        pic_w, pic_h = size.picture_width, size.picture_height
        title = self.st.text(b.title, "d-h2", self.node("H2"), spaceAfter=size.title_to_factors)
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
                leftIndent=size.factor_indent,
                bulletIndent=0,
            )
            for f in b.factors
        ]
        cell = [self.bar(b.color, space=size.bar_to_title), title, *items]
        gap = size.picture_to_text
        table = Table([[pic, cell]], colWidths=[pic_w + gap, self.width - pic_w - gap])
        table.setStyle(
            self.st.table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), size.card_gap),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        table.toc_entry = (1, b.title, b.key)  # type: ignore[attr-defined]
        return [table]

    def scenario(self, b: d.ScenarioOpener) -> list[Flowable]:
        """The big number repeats the label ("SZENARIO 1"): it is drawn as an artifact;
        the label is read before the heading, as a kicker is."""
        size = self.sizes.scenario
        number = self.st.text(b.number, "d-number", None, color=b.color)
        head = [self.st.text(b.label, "d-kicker", self.node("P"), spaceAfter=size.label_to_title),
                self.st.text(b.title, "d-h1", self.node("H2"))]
        table = Table([[number, head]], colWidths=[size.number_width,
                                                   self.width - size.number_width])
        table.setStyle(
            self.st.table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), size.heading_lift),
                ]
            )
        )
        table.toc_entry = (1, f"{b.label} – {b.title}", b.key)  # type: ignore[attr-defined]
        table.keepWithNext = True
        start: list[Flowable] = ([PageBreakIfNotEmpty()] if b.new_page
                                 else [Spacer(1, size.space_before)])
        return [*start, self.bar(b.color), table, Spacer(1, size.opener_to_text)]

    def cards(self, b: d.Cards) -> list[Flowable]:
        """Two cards to a row; a last card alone takes the whole row, so no card is empty."""
        size = self.sizes.cards
        on = self.theme.color(b.fill)
        cells = [
            [self.st.text(t, "d-h3", self.node("H2"), spaceAfter=size.title_to_text, on=on),
             self.st.text(x, "d-body", self.node("P"), on=on)] for t, x in b.items
        ]
        rows = [
            cells[i : i + 2] + ([] if i + 1 < len(cells) else [""]) for i in range(0, len(cells), 2)
        ]
        alone = [("SPAN", (0, -1), (-1, -1))] if len(cells) % 2 else []
        paper = HexColor("#" + d.PAPER)  # the gaps between the cards: the page's white
        table = Table(rows, colWidths=[self.width / 2] * 2)
        table.setStyle(
            self.st.table_style(
                [
                    *alone,
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, -1), self.st.color(b.fill)),
                    ("LINEBEFORE", (0, 0), (-1, -1), size.stripe_width, self.st.color("accent")),
                    ("LINEAFTER", (0, 0), (-1, -1), size.gap, paper),
                    ("LINEBELOW", (0, 0), (-1, -1), size.gap, paper),
                    ("LEFTPADDING", (0, 0), (-1, -1), size.padding_side),
                    ("RIGHTPADDING", (0, 0), (-1, -1), size.padding_side),
                    ("TOPPADDING", (0, 0), (-1, -1), size.padding_top),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), size.padding_bottom),
                ]
            )
        )
        found: list[Flowable] = [table]
        if b.button:
            style = self.theme.style("d-h3")
            width = stringWidth(b.button, self.st.fonts[style.face], style.size) + \
                size.button_extra
            label = self.st.para(Para(b.button_runs or (Run(b.button),), "d-h3"), self.node("P"),
                                 on=self.theme.color(b.button_fill))
            button = Table([[label]], colWidths=[width])
            button.setStyle(
                self.st.table_style(
                    [
                        ("BACKGROUND", (0, 0), (-1, -1), self.st.color(b.button_fill)),
                        ("LEFTPADDING", (0, 0), (-1, -1), size.button_padding),
                        ("RIGHTPADDING", (0, 0), (-1, -1), size.button_padding),
                    ]
                )
            )
            button.hAlign = "LEFT"
            found += [KeepTogether([Spacer(1, size.to_button), button, *self.codes(b.qr)])]
        return found

    def calendar(self, b: d.Calendar) -> list[Flowable]:
        found: list[Flowable] = []
        size = self.sizes.tables
        for heading, rows in b.groups:
            head = self.st.text(heading, "d-h2", self.node("H2"), spaceBefore=size.heading_space,
                                spaceAfter=size.heading_to_table)
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
            table = Table(cells, colWidths=[size.date_width, self.width - size.date_width])
            table.setStyle(self._rules(size.row_padding))
            found += [head, table]
        return found

    def callout(self, b: d.Callout) -> list[Flowable]:
        size = self.sizes.callout
        on = self.theme.color(b.color)
        lines = [self.st.para(Para(runs, "d-cta"), self.node("P"), on=on)
                 for runs in b.runs or tuple((Run(line),) for line in b.lines)]
        table = Table([[lines]], colWidths=[self.width])
        table.setStyle(
            self.st.table_style(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), self.st.color(b.color)),
                    ("LEFTPADDING", (0, 0), (-1, -1), size.padding_left),
                    ("TOPPADDING", (0, 0), (-1, -1), size.padding_top),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), size.padding_bottom),
                ]
            )
        )
        return [CondPageBreak(size.keep_room), Spacer(1, size.space),
                KeepTogether([table, *self.codes(b.qr)]), Spacer(1, size.space)]

    def codes(self, b: d.QrCode | None) -> list[Flowable]:
        """A link's QR code and address, under what it stands by (none without a link)."""
        return [] if b is None else qr_block(b, self.st, self.sizes.qr, self.tags.root,
                                             self.width)

    def code(self, b: d.QrCode) -> list[Flowable]:
        """A QR code on its own (the legal notice's address, the calendar file's)."""
        return [KeepTogether(self.codes(b))]

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
WRITERS: dict[type, Callable[[Renderer, Any], list[Flowable]]] = {
    d.Cover: Renderer.cover,
    d.Contents: Renderer.contents,
    d.Heading: Renderer.heading,
    d.Text: Renderer.text,
    d.Steps: Renderer.steps,
    d.RadarFigure: Renderer.radar,
    d.TrendCard: Renderer.trend,
    d.ScenarioOpener: Renderer.scenario,
    d.Cards: Renderer.cards,
    d.Calendar: Renderer.calendar,
    d.Callout: Renderer.callout,
    d.QrCode: Renderer.code,
}
