"""Paragraphs and runs of a text frame, written as DrawingML directly.

python-pptx's property objects cost a third of the deck's render time for the same XML.
Every run names its language (the deck's, or the one content marks for a phrase), so
PowerPoint proofs German as German and an English trend name as English.
"""

from __future__ import annotations

import math
from typing import Any

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu

from ...layout.plan import Para, Run
from ...text.languages import Foreign, split
from ...theme import Theme
from . import private
from .hyperlinks import hyperlink
from .slide_cache import Relation

ALGN = {"left": "l", "center": "ctr", "right": "r"}
_A_P, _A_PPR = qn("a:p"), qn("a:pPr")


def emu(points: float) -> Emu:
    return Emu(round(points * 12700))


def centipoints(points: float) -> int:
    """PPTX stores sizes in 1/100 pt; rounding down keeps text within what was measured."""
    return math.floor(points * 100 + 1e-6)


def sub(parent: Any, tag: str, attrs: dict[str, str] | None = None, **more: str) -> Any:
    return etree.SubElement(parent, qn(tag), {**(attrs or {}), **more})


class RunWriter:
    """What the deck's writer needs to write text: the theme, the deck's language and
    the phrases in another one, and the list of relations a slide makes (links)."""

    theme: Theme
    language: str
    foreign: Foreign
    relations: list[Relation]

    def paragraphs(self, frame, paras: tuple[Para, ...], scale: float) -> None:  # type: ignore[no-untyped-def]
        """Paragraphs and runs written as DrawingML directly: python-pptx's property objects
        cost a third of the deck's render time for the same XML."""
        body = private.text_body(frame)
        first = body.find(_A_P)
        for i, para in enumerate(paras):
            p = first if i == 0 and first is not None else sub(body, "a:p")
            style = self.theme.style(para.style)
            ppr = p.find(_A_PPR)
            if ppr is None:
                ppr = etree.Element(_A_PPR)
                p.insert(0, ppr)
            ppr.set("algn", ALGN[para.align])
            if para.bullet:
                indent = str(emu(self.theme.sizes.text.bullet_indent * scale))
                ppr.set("marL", indent)
                ppr.set("indent", "-" + indent)
            for tag, points in (("a:lnSpc", style.size * style.leading * scale),
                                ("a:spcBef", style.space_before * scale if i else 0),
                                ("a:spcAft", 0)):
                sub(sub(ppr, tag), "a:spcPts", val=str(centipoints(points)))
            if para.bullet:
                sub(sub(ppr, "a:buClr"), "a:srgbClr", val=self.theme.color(para.bullet))
                sub(ppr, "a:buFont", typeface="Arial")
                sub(ppr, "a:buChar", char="■")
            size = str(centipoints(style.size * scale))
            for piece in para.runs:
                for text, lang in split(piece.text, self.foreign):
                    self.run(frame, p, piece, text, lang or self.language, size,
                             para.color or style.color, style.face)

    def run(self, frame, p, piece: Run, text: str, lang: str, size: str, color: str,  # type: ignore[no-untyped-def]
            face_name: str) -> None:
        """One run of a paragraph, in its language (PowerPoint proofs it in that one)."""
        face = self.theme.faces[piece.face or face_name]
        run = sub(p, "a:r")
        rpr = sub(run, "a:rPr", lang=lang, sz=size, b=str(int(face.bold)),
                   i=str(int(face.italic)))
        sub(sub(rpr, "a:solidFill"), "a:srgbClr", val=self.theme.color(piece.color or color))
        sub(rpr, "a:latin", typeface=face.family)
        if piece.link:
            rid = frame.part.relate_to(piece.link, RT.HYPERLINK, is_external=True)
            self.relations.append(("link", piece.link, rid))
            hyperlink(rpr, rid, piece.keep_color)
        sub(run, "a:t").text = private.escape_control_characters(text)
