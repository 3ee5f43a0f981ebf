"""Paragraph markup and styles in the project's fonts, shared by the two PDF renderers."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from .hyphenate import Hyphenator
from .layout.plan import Para
from .theme import Theme

LINK = re.compile(r"www\.[\w.-]+\.[a-z]{2,}")
ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


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

    def color(self, name: str) -> HexColor:
        return HexColor("#" + self.theme.color(name))

    def style(self, name: str, *, scale: float = 1.0, justify: bool = False,
              align: str = "left", color: str | None = None, **extra: object) -> ParagraphStyle:
        """Justified text is hyphenated (German, pyphen) and keeps no widows or orphans."""
        s = self.theme.style(name)
        options: dict[str, object] = dict(
            fontName=self.fonts[s.face], fontSize=s.size * scale,
            leading=s.size * s.leading * scale, textColor=self.color(color or s.color),
            spaceBefore=s.space_before * scale,
            alignment=TA_JUSTIFY if justify else ALIGN[align],
            hyphenationLang=self.hyphenator if justify else "", embeddedHyphenation=1,
            uriWasteReduce=0.3, allowWidows=0, allowOrphans=0, splitLongWords=0,
            bulletFontName=self.fonts["regular"])
        options.update(extra)
        return ParagraphStyle(f"{name}-{scale}-{int(justify)}", **options)  # type: ignore[arg-type]

    def markup(self, para: Para, color: str | None = None) -> str:
        """Escaped text with a font and colour per run; web addresses become links."""
        style = self.theme.style(para.style)
        parts = []
        for run in para.runs:
            face = self.fonts[run.face or style.face]
            hexcolor = self.theme.color(run.color or color or para.color or style.color)
            text = LINK.sub(lambda m: f'<a href="https://{m.group()}">{m.group()}</a>',
                            escape(run.text))
            parts.append(f'<font face="{face}" color="#{hexcolor}">{text}</font>')
        return "".join(parts)

    def table_style(self, commands: list[tuple]) -> TableStyle:
        """A TableStyle in the project's font: reportlab's default Helvetica is not embedded
        and cannot show „ “ or ₂."""
        base: list[tuple] = [("FONTNAME", (0, 0), (-1, -1), self.fonts["regular"])]
        return TableStyle(base + commands)
