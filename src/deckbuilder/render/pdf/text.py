"""Paragraph markup and styles in the project's fonts, shared by the two PDF renderers."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents, drawPageNumbers

from ...layout.dossier_plan import PAPER
from ...layout.plan import Para, Run
from ...text.hyphenate import AROUND, Hyphenator
from ...text.languages import Foreign, language_of, split
from .private import drawn_contents, set_contents_table
from .tags import LANGUAGE_CALLBACK, Node

if TYPE_CHECKING:  # the PDF process gets a plain theme (theme_plain.py), no pydantic
    from ...theme import Theme

ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


def describe_address(target: str) -> str:
    """What a web or e-mail link does, as a screen reader announces it (its /Contents)."""
    if target.startswith("mailto:"):
        return f"E-Mail an {target.removeprefix('mailto:')}"
    return f"Webseite {target.removeprefix('https://')}"


class StableName(str):
    """A picture's path that reportlab reads from, but names (and so hashes) by its file
    name alone: the cache's content-hash name. The PDF's bytes then do not depend on
    where the output folder is, and reportlab can pass the JPEG through undecoded
    (handing it bytes instead makes it decode every picture to name it, which costs
    memory in proportion to the deck)."""

    def __str__(self) -> str:
        return self.rsplit("/", 1)[-1]


class PdfText:
    """Theme styles as reportlab ParagraphStyles; every run names an embedded font."""

    def __init__(self, theme: Theme, fonts: dict[str, str],
                 hyphenator: Hyphenator | None = None) -> None:
        self.theme, self.fonts = theme, fonts
        self.hyphenator = hyphenator or Hyphenator(None)
        self.foreign: Foreign = ()  # phrases in another language (layout/languages.py)
        #: The dossier's readable colours (DossierPlan.ink); the slides' plan has its own.
        self.inks: Callable[[str, str, str], str] = _as_named

    def color(self, name: str) -> HexColor:
        return HexColor("#" + self.theme.color(name))

    def ink(self, style: str, color: str, on: str | None) -> str:
        """The colour a text of ``style`` named ``color`` is drawn in on ``on`` (RRGGBB):
        the readable variant the dossier's layout chose, if any; ``on`` None for a plan
        element, whose colours the layout already made readable where it lies."""
        return color if on is None else self.inks(style, color, on)

    def style(self, name: str, *, scale: float = 1.0, justify: bool = False,
              align: str = "left", color: str | None = None, on: str | None = PAPER,
              **extra: object) -> ParagraphStyle:
        """Justified text is hyphenated (German, pyphen) and keeps no widows or orphans."""
        s = self.theme.style(name)
        options: dict[str, object] = dict(
            fontName=self.fonts[s.face], fontSize=s.size * scale,
            leading=s.size * s.leading * scale,
            textColor=self.color(self.ink(name, color or s.color, on)),
            spaceBefore=s.space_before * scale,
            alignment=TA_JUSTIFY if justify else ALIGN[align],
            hyphenationLang=self.hyphenator if justify else "", embeddedHyphenation=1,
            uriWasteReduce=0.3, allowWidows=0, allowOrphans=0, splitLongWords=1,
            bulletFontName=self.fonts["regular"])
        options.update(extra)
        return ParagraphStyle(f"{name}-{scale}-{int(justify)}", **options)  # type: ignore[arg-type]

    def markup(self, para: Para, color: str | None = None, on: str | None = PAPER) -> str:
        """Escaped text with a font and colour per run (drawn on ``on``, see ``ink``); a
        run with a link (layout decides which, links.py) becomes one."""
        style = self.theme.style(para.style)
        # A phrase in another language inside the paragraph is marked where it stands
        # (tags.py's ``language``); a paragraph wholly in one says so on its element.
        inline = bool(self.foreign) and language_of(para.text, self.foreign) is None
        parts = []
        for run in para.runs:
            face = self.fonts[run.face or style.face]
            hexcolor = self.theme.color(self.ink(para.style, run.color or color or para.color
                                                 or style.color, on))
            text = _marked(run.text, self.foreign) if inline else escape(run.text)
            if run.link:
                text = f'<a href="{escape(run.link, {chr(34): "&quot;"})}">{text}</a>'
            parts.append(f'<font face="{face}" color="#{hexcolor}">{text}</font>')
        return "".join(parts)

    def para(self, para: Para, tag: Node | None, *, justify: bool = False,
             color: str | None = None, on: str = PAPER, **extra: object) -> TaggedParagraph:
        """The paragraph, drawn as the content of the structure element ``tag`` on ``on``."""
        p = TaggedParagraph(self.markup(para, color, on),
                            self.style(para.style, justify=justify, color=color, on=on,
                                       **extra))  # type: ignore[arg-type]
        p.tag = tag
        p.hyphenator = None if justify else self.hyphenator
        if tag is not None and tag.lang is None:
            tag.lang = language_of(para.text, self.foreign)
        return p

    def text(self, text: str, style: str, tag: Node | None, **extra: object) -> TaggedParagraph:
        """A one-run paragraph in ``style``."""
        return self.para(Para((Run(text),), style), tag, **extra)  # type: ignore[arg-type]

    def table_style(self, commands: list[tuple]) -> TableStyle:
        """A TableStyle in the project's font: reportlab's default Helvetica is not embedded
        and cannot show „ “ or ₂."""
        base: list[tuple] = [("FONTNAME", (0, 0), (-1, -1), self.fonts["regular"])]
        return TableStyle(base + commands)


def _as_named(style: str, color: str, on: str) -> str:
    """No readable variant: every text in the colour its style or block names."""
    return color


def _marked(text: str, foreign: Foreign) -> str:
    """Escaped text with a callback around each phrase in another language."""
    return "".join(f'<onDraw name="{LANGUAGE_CALLBACK}" label="{lang}"/>{escape(piece)}'
                   f'<onDraw name="{LANGUAGE_CALLBACK}" label=""/>' if lang else escape(piece)
                   for piece, lang in split(text, foreign))


class TaggedParagraph(Paragraph):
    """A paragraph drawn as the content of its structure element ``tag`` (see tags.py);
    the parts a page break splits it into stay that one element."""

    tag: Node | None = None
    #: Ragged text (headings): hyphenated only in a word wider than a whole line, with a
    #: visible hyphen; reportlab would otherwise cut it anywhere ("STRATEGI / E").
    hyphenator: Hyphenator | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        style: ParagraphStyle = self.style  # type: ignore[has-type]
        if self.hyphenator is not None and not style.hyphenationLang:
            long = _wider_than(self.frags, availWidth - style.leftIndent - style.rightIndent)
            if long:
                self.style = style = copy.copy(style)
                style.hyphenationLang = _Only(self.hyphenator, long)
        return super().wrap(availWidth, availHeight)

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        tags = getattr(canvas, "tags", None)
        if tags is None:
            super().drawOn(canvas, x, y, _sW)
            return
        with tags.mark(canvas, self.tag):
            super().drawOn(canvas, x, y, _sW)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part.tag = self.tag  # type: ignore[attr-defined]
            part.hyphenator = self.hyphenator  # type: ignore[attr-defined]
        return parts


def _wider_than(frags: list[Any], room: float) -> frozenset[str]:
    """The words of the paragraph's fragments that no line of ``room`` points holds."""
    return frozenset(word.strip(AROUND) for f in frags if not hasattr(f, "cbDefn")
                     for word in str(getattr(f, "text", "")).split()
                     if stringWidth(word, f.fontName, f.fontSize) > room)


class _Only:
    """A hyphenator for the given words only (reportlab's ``hyphenationLang``)."""

    def __init__(self, hyphenator: Hyphenator, words: frozenset[str]) -> None:
        self.hyphenator, self.words = hyphenator, words

    def __call__(self, word: str) -> Iterator[tuple[str, str]]:
        return self.hyphenator(word) if word.strip(AROUND) in self.words else iter(())



class TaggedContents(TableOfContents):
    """reportlab's contents list as a TOC element: each entry a TOCI whose Link holds the
    entry's text, its page number and both of their link annotations. The table is built
    as reportlab builds it (no dots, no page-number formatter), from tagged paragraphs."""

    tag: Node | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        entries = drawn_contents(self) or [(0, "…", 0, None)]

        def page_number(canvas: Canvas, kind: str, label: str) -> None:
            page, level, key = label.split(",", 2)
            drawPageNumbers(canvas, self.getLevelStyle(int(level)), [(int(page), key)],
                            availWidth, availHeight, "")

        self.canv.setNamedCB("drawTOCEntryEnd", page_number)
        rows: list[list[Flowable]] = []
        if self.tag is not None:
            self.tag.kids = []
        for level, text, page, key in entries:
            style = self.getLevelStyle(level)
            if style.spaceBefore:
                rows.append([Spacer(1, style.spaceBefore)])
            para = TaggedParagraph(f'<a href="#{key}">{escape(text)}</a>'
                                   f'<onDraw name="drawTOCEntryEnd" label="{page},{level},{key}"/>',
                                   style)
            # The page number is drawn before the entry's text; it is read after it.
            para.tag = (self.tag.add("TOCI").add("Link", actual=f"{text} {page}")
                        if self.tag is not None else None)
            rows.append([para])
        table = Table(rows, colWidths=(availWidth,), style=self.tableStyle)
        set_contents_table(self, table)
        self.width, self.height = table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height
