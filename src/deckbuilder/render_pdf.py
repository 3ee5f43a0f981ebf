"""Writes the dossier plan as a designed A4 PDF; reportlab platypus does the page breaking."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import PageBreakIfNotEmpty
from reportlab.platypus.tableofcontents import TableOfContents

from . import cache_file
from .hyphenate import Hyphenator
from .images import ImageStore
from .layout import dossier as d
from .layout.plan import Para, Run
from .pdf_draw import Painter
from .pdf_text import LINK, PdfText, StableName
from .theme import Theme


class _Styles(PdfText):
    """The dossier's paragraphs, built from plan paragraphs or plain strings."""

    def para(
        self, para: Para, *, justify: bool = False, color: str | None = None, **extra: object
    ) -> Paragraph:
        return Paragraph(
            self.markup(para, color), self.style(para.style, justify=justify, color=color, **extra)  # type: ignore[arg-type]
        )

    def text(self, text: str, style: str, **extra: object) -> Paragraph:
        return self.para(Para((Run(text),), style), **extra)  # type: ignore[arg-type]


def _bytes(path: Path) -> StableName:
    """A picture reportlab reads lazily, named by its cache file name (see StableName)."""
    return StableName(path)


class _Bar(Flowable):
    """The short colour bar that opens each section, as on the slides."""

    def __init__(
        self, color: HexColor, width: float = 40, height: float = 5, space: float = 12
    ) -> None:
        super().__init__()
        self.color, self.bar_w, self.bar_h, self.space = color, width, height, space

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return aw, self.bar_h + self.space

    def draw(self) -> None:
        self.canv.setFillColor(self.color)
        self.canv.rect(0, self.space, self.bar_w, self.bar_h, stroke=0, fill=1)


class _Radar(Flowable):
    """The radar figure, drawn in vector by the same painter as the slides PDF; each
    trend's dot links to that trend's card."""

    def __init__(self, block: d.RadarFigure, text: PdfText, images: ImageStore) -> None:
        super().__init__()
        self.block, self.text, self.images = block, text, images
        self.width, self.height = block.width, block.height

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.block.width, self.block.height

    def draw(self) -> None:
        painter = Painter(self.canv, self.text, self.images, self.block.height)
        for element in self.block.elements:
            painter.element(element)
        for box, key in self.block.links:
            rect = (box.x, self.block.height - box.bottom, box.right, self.block.height - box.y)
            self.canv.linkRect("", key, rect, relative=1, thickness=0)


class _Cover(Flowable):
    """The cover page: artwork on the upper part, title and meta lines below."""

    def __init__(
        self, block: d.Cover, st: _Styles, images: ImageStore, ppi: float, page_w: float,
        page_h: float
    ) -> None:
        super().__init__()
        self.block, self.st, self.images, self.ppi = block, st, images, ppi
        self.page_w, self.page_h = page_w, page_h

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.page_w, self.page_h - 1

    def draw(self) -> None:
        """Meta lines sit on the bottom margin, the title above them; a title of several
        lines takes its room from the artwork, so it never runs into the date line."""
        c, st, th = self.canv, self.st, self.st.theme
        x = th.page.left
        title = st.text(self.block.title, "d-cover")
        _, title_h = title.wrap(self.page_w - 2 * x, self.page_h)
        metas = [st.text(line, "d-cover-meta") for line in self.block.lines]
        meta_h = sum(m.wrap(self.page_w - 2 * x, 100)[1] for m in metas)
        room = self.page_h - (th.page.bottom + 10 + meta_h + COVER_GAP + title_h + 24 + 60)
        art_h = max(min(self.page_h * 0.56, room), 0.0)
        pic = self.block.picture
        if pic is not None and art_h > 0:
            prepared = self.images.get(pic.path, self.page_w, art_h, pic.focus, ppi=self.ppi)
            Image(_bytes(prepared), self.page_w, art_h).drawOn(c, 0, self.page_h - art_h)
        y = self.page_h - art_h - 60
        c.setFillColor(st.color("accent"))
        c.rect(x, y, 48, 6, stroke=0, fill=1)
        title.drawOn(c, x, y - 24 - title_h)
        y = th.page.bottom + 10
        for meta in reversed(metas):
            meta.drawOn(c, x, y)
            y += meta.height


#: Least room between the cover's title and its meta lines, in points.
COVER_GAP = 24.0


class _Doc(BaseDocTemplate):
    """Adds bookmarks and contents entries for headings that carry ``_toc``."""

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        entry = getattr(flowable, "_toc", None)
        if entry:
            level, text, key, *listed = entry
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=level, closed=False)
            if listed != [False]:  # the contents page is bookmarked, not listed in itself
                self.notify("TOCEntry", (level, text, self.page, key))


class _Renderer:
    def __init__(
        self, plan: d.DossierPlan, theme: Theme, fonts: dict[str, str], images: ImageStore,
        hyphenator: Hyphenator | None = None,
    ) -> None:
        self.plan, self.theme, self.images = plan, theme, images
        self.ppi = theme.pictures.print_ppi
        self.st = _Styles(theme, fonts, hyphenator)
        self.toc = TableOfContents()
        self.width = theme.page.content_width

    def footer(self, canvas, doc) -> None:  # type: ignore[no-untyped-def]
        th, st = self.theme, self.st
        style = th.style("d-footer")
        font = st.fonts[style.face]
        y = th.page.bottom - 32
        canvas.saveState()
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
        found.append(_Bar(self.st.color(b.color)))
        if b.kicker:
            found.append(self.st.text(b.kicker, "d-kicker", spaceAfter=4))
        head = self.st.text(b.text, b.style, spaceAfter=18)
        head._toc = (b.level, b.text, b.key)  # type: ignore[attr-defined]
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
        head = self.st.text(b.title, "d-h1", spaceAfter=24)
        head._toc = (0, b.title, "contents", False)  # type: ignore[attr-defined]
        return [_Bar(self.st.color("accent")), head, toc]

    def steps(self, b: d.Steps) -> list[Flowable]:
        rows = [
            [self.st.text(num, "d-step-number"), [self.st.para(p) for p in paras]]
            for num, paras in b.items
        ]
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
        found: list[Flowable] = [Spacer(1, 10), _Radar(b, self.st, self.images)]
        if b.caption:
            found.insert(1, self.st.text(b.caption, "d-caption", spaceAfter=6))
        return [KeepTogether(found)]

    def trend(self, b: d.TrendCard) -> list[Flowable]:
        pic_w, pic_h = 170.0, 128.0
        pic = Image(
            _bytes(self.images.get(b.picture.path, pic_w, pic_h, b.picture.focus, ppi=self.ppi)),
            pic_w,
            pic_h,
        )
        pic._alt = b.picture.alt  # type: ignore[attr-defined]
        title = self.st.text(b.title, "d-h2", spaceAfter=8)
        title._toc = (1, b.title, b.key)  # type: ignore[attr-defined]
        factors = [
            self.st.text(
                f,
                "d-factor",
                bulletText="■",
                bulletColor=self.st.color(b.color),
                leftIndent=14,
                bulletIndent=0,
            )
            for f in b.factors
        ]
        cell = [_Bar(self.st.color(b.color), space=8), title, *factors]
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
        table._toc = title._toc  # type: ignore[attr-defined]
        title._toc = None  # type: ignore[attr-defined]
        return [table]

    def scenario(self, b: d.ScenarioOpener) -> list[Flowable]:
        number = self.st.text(b.number, "d-number", color=b.color)
        head = [self.st.text(b.label, "d-kicker", spaceAfter=4), self.st.text(b.title, "d-h1")]
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
        table._toc = (1, f"{b.label} – {b.title}", b.key)  # type: ignore[attr-defined]
        table.keepWithNext = True
        start: list[Flowable] = [PageBreakIfNotEmpty()] if b.new_page else [Spacer(1, 30)]
        return [*start, _Bar(self.st.color(b.color)), table, Spacer(1, 18)]

    def cards(self, b: d.Cards) -> list[Flowable]:
        cells = [
            [self.st.text(t, "d-h3", spaceAfter=4), self.st.text(x, "d-body")] for t, x in b.items
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
            button = Table([[self.st.text(b.button, "d-h3")]], colWidths=[width])
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
            head = self.st.text(heading, "d-h2", spaceBefore=14, spaceAfter=8)
            head.keepWithNext = True
            cells = []
            for date, text, past in rows:
                color = "muted" if past else None  # past entries are greyed
                cells.append([self.st.text(date, "d-h3", color=color),
                              self.st.text(text, "d-body", color=color)])
            table = Table(cells, colWidths=[170, self.width - 170])
            table.setStyle(self._rules(len(rows)))
            found += [head, table]
        return found

    def callout(self, b: d.Callout) -> list[Flowable]:
        lines = [self.st.text(line, "d-cta") for line in b.lines]
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

    def flowables(self) -> list[Flowable]:
        found: list[Flowable] = []
        th = self.theme
        for block in self.plan.blocks:
            if isinstance(block, d.Cover):
                found += [
                    _Cover(block, self.st, self.images, self.ppi, th.page.width,
                           th.page.height),
                    NextPageTemplate("body"),
                    PageBreak(),
                ]
            elif isinstance(block, d.Contents):
                found += self.contents(block)
            elif isinstance(block, d.Heading):
                found += self.heading(block)
            elif isinstance(block, d.Text):
                found += [self.st.para(p, justify=block.justify) for p in block.paras]
            elif isinstance(block, d.Steps):
                found += self.steps(block)
            elif isinstance(block, d.RadarFigure):
                found += self.radar(block)
            elif isinstance(block, d.TrendCard):
                found += self.trend(block)
            elif isinstance(block, d.ScenarioOpener):
                found += self.scenario(block)
            elif isinstance(block, d.Cards):
                found += self.cards(block)
            elif isinstance(block, d.Calendar):
                found += self.calendar(block)
            elif isinstance(block, d.Callout):
                found += self.callout(block)
        return found


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
    cover = PageTemplate("cover", [Frame(0, 0, page.width, page.height, 0, 0, 0, 0, id="full")])
    body = PageTemplate(
        "body",
        [
            Frame(
                page.left,
                page.bottom,
                page.content_width,
                page.content_height,
                0,
                0,
                0,
                0,
                id="body",
            )
        ],
        onPage=r.footer,
    )
    has_cover = any(isinstance(b, d.Cover) for b in plan.blocks)
    doc.addPageTemplates([cover, body] if has_cover else [body, cover])
    stamp = timestamp.replace(tzinfo=None)
    contents = cache / CONTENTS_FILE if cache else None
    r.toc._entries = _last_contents(contents)
    doc.multiBuild(r.flowables(), canvasmaker=_canvas_maker(stamp))
    cache_file.write(contents, [list(e) for e in r.toc._lastEntries])
    hyphenator.save()
    return f"{doc.page} pages"


#: The contents' entries with their page numbers, as the last build found them.
CONTENTS_FILE = "dossier-contents.json"


def _last_contents(file: Path | None) -> list[tuple[int, str, int, str]]:
    """The contents page needs the page numbers, which only a finished layout knows, so
    reportlab's multiBuild lays the dossier out twice: once to learn them, once to print
    them. Like LaTeX's .aux file, the last build's entries are given as a first guess; when
    the layout confirms them, one pass is enough, and when it does not (a page moved),
    multiBuild simply goes on. The result is the same either way; only the time differs.
    """
    try:
        return [(int(level), str(text), int(page), str(key))
                for level, text, page, key in cache_file.read(file) or []]
    except (ValueError, TypeError):
        return []  # no sound guess: reportlab starts from nothing, as without a cache


def _canvas_maker(stamp: dt.datetime):  # type: ignore[no-untyped-def]
    """A canvas whose document dates are the build's timestamp (reproducible builds)."""
    from reportlab.lib.utils import TimeStamp
    from reportlab.pdfgen.canvas import Canvas

    class _Canvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            super().__init__(*args, **kwargs)
            ts = TimeStamp(invariant=1)
            ts.t = stamp.replace(tzinfo=dt.UTC).timestamp()
            ts.lt = time.gmtime(ts.t)
            ts.YMDhms = tuple(ts.lt)[:6]
            self._doc._timeStamp = ts

    return _Canvas
