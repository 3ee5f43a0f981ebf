"""QR codes for the dossier's printed links: a reader of the printed page cannot click an
address, but a phone can scan it.

segno computes the symbol; it is drawn here in vector, one rectangle per run of dark
modules in a row, all of them one filled path: no bitmap to blur when printed, a few
hundred bytes per code, and no seams between modules where a viewer anti-aliases. The
code is a Figure whose text alternative is the address; the address printed beside it is
a paragraph of its own (and a link, for who reads the PDF on a screen).
"""

from __future__ import annotations

import segno
from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, Table

from ...layout import dossier_plan as d
from ...layout.plan import Para
from .draw import mark
from .tags import Node
from .text import PdfText

#: Error correction M (15 % of the symbol may be lost: a fold, a smudge, a staple); segno
#: raises it further where the symbol's size allows.
ERROR = "m"
#: The quiet zone, in modules: the QR standard's (ISO/IEC 18004) four, which scanners need
#: to find the code. It is also the code's room to what stands above it and to its address.
QUIET = 4


def dark_runs(address: str) -> tuple[int, list[tuple[int, int, int]]]:
    """The symbol's modules per side, and its dark modules as runs of a row: (row, first
    column, length), the row counted from the top. Same address, same runs: segno's
    choice of mask is deterministic, so the dossier stays byte-identical."""
    matrix = segno.make_qr(address, error=ERROR, boost_error=True).matrix
    runs = []
    for row, line in enumerate(matrix):
        col, width = 0, len(line)
        while col < width:
            if not line[col]:
                col += 1
                continue
            start = col
            while col < width and line[col]:
                col += 1
            runs.append((row, start, col - start))
    return len(matrix), runs


class QrFigure(Flowable):
    """The code, ``size`` points wide, its left edge on the text column's; its quiet zone
    of ``quiet`` modules is kept free above, below and right of it, and lies in the page's
    margin at its left. Drawn as the content of its Figure element ``tag``."""

    def __init__(self, address: str, size: float, quiet: int, color: HexColor,
                 tag: Node) -> None:
        super().__init__()
        self.count, self.runs = dark_runs(address)
        self.module = size / self.count
        self.size, self.quiet = size, quiet * self.module
        self.color, self.tag = color, tag

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.size + self.quiet, self.size + 2 * self.quiet

    def draw(self) -> None:
        c, m = self.canv, self.module
        top = self.quiet + self.size
        with mark(c, self.tag):
            c.setFillColor(self.color)
            path = c.beginPath()
            for row, col, length in self.runs:
                path.rect(col * m, top - (row + 1) * m, length * m, m)
            c.drawPath(path, stroke=0, fill=1)


def qr_block(b: d.QrCode, st: PdfText, size: float, parent: Node,
             width: float) -> list[Flowable]:
    """The code, ``size`` wide, at the column's left and its address beside it in the
    caption style, the address's last line on the code's foot. The caller keeps them on
    one page with what they stand by (a KeepTogether inside another would take a page of
    its own)."""
    figure = QrFigure(b.address, size, QUIET, st.color("ink"),
                      parent.add("Figure", alt=b.address))
    address = st.para(Para(b.runs, "d-caption"), parent.add("P"))
    code_w = figure.wrap(width, 0)[0]
    table = Table([[figure, address]], colWidths=[code_w, width - code_w])
    table.setStyle(st.table_style([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (0, 0), 0),
        ("BOTTOMPADDING", (1, 0), (1, 0), figure.quiet),
    ]))
    table.hAlign = "LEFT"
    return [table]
