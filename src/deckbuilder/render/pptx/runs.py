"""Paragraphs and runs of a text frame, written as DrawingML directly.

python-pptx's property objects cost a third of the deck's render time for the same XML.
Every run names its language (the deck's, or the one content marks for a phrase), so
PowerPoint proofs German as German and an English trend name as English.
"""

from __future__ import annotations

import copy
import math
from typing import Any

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu

from ...layout.plan import Para, Run
from ...text.languages import Foreign, split
from ...text.linebreak import BROKEN, SHY
from ...theme import Theme
from . import private
from .hyperlinks import hyperlink
from .slide_cache import Relation

ALGN = {"left": "l", "center": "ctr", "right": "r"}
#: How a word that layout broke at a German split point is written. LibreOffice 7.4 breaks
#: a line at a soft hyphen (U+00AD) but draws no hyphen there (tested: "Energieeffizienz /
#: sanierungspflicht"), while PowerPoint and our preview draw one; a hyphen (BROKEN)
#: followed by a line break is drawn alike by all three, and the line before it was
#: measured in the wider of the deck's font and its fallback, so it fits in either.
BREAK = "\n"  # stands for a layout break inside a run's text until it is written
_A_P, _A_PPR = qn("a:p"), qn("a:pPr")


def emu(points: float) -> Emu:
    return Emu(round(points * 12700))


def centipoints(points: float) -> int:
    """PPTX stores sizes in 1/100 pt; rounding down keeps text within what was measured."""
    return math.floor(points * 100 + 1e-6)


def sub(parent: Any, tag: str, attrs: dict[str, str] | None = None, **more: str) -> Any:
    return etree.SubElement(parent, qn(tag), {**(attrs or {}), **more})


#: The presentation's scheme colours as a slide's text refers to them (through the
#: master's colour map, which deckbuilder's master keeps standard), preferred in this order
#: where two slots hold the same colour.
SCHEME_REFS = (("dk1", "tx1"), ("lt1", "bg1"), ("dk2", "tx2"), ("lt2", "bg2"),
               *((f"accent{i}", f"accent{i}") for i in range(1, 7)))


class ThemeRefs:
    """The fonts and colours of the presentation's own theme part, so that a run refers to
    them (+mj-lt, +mn-lt, a scheme colour) instead of naming its own: changing the theme
    in PowerPoint then changes the slides. A corporate template's theme whose fonts or
    colours differ from deckbuilder's is simply not referred to."""

    def __init__(self, theme_xml: bytes | None) -> None:
        self.fonts: dict[str, str] = {}  # family -> +mj-lt / +mn-lt
        self.colors: dict[str, str] = {}  # RRGGBB -> scheme value
        if theme_xml is None:
            return
        root = etree.fromstring(theme_xml)
        for tag, ref in (("a:minorFont", "+mn-lt"), ("a:majorFont", "+mj-lt")):
            latin = root.find(f".//{qn(tag)}/{qn('a:latin')}")
            if latin is not None and latin.get("typeface"):
                self.fonts.setdefault(latin.get("typeface", ""), ref)
        scheme = root.find(f".//{qn('a:clrScheme')}")
        for slot, ref in SCHEME_REFS:
            rgb = scheme.find(f"{qn('a:' + slot)}/{qn('a:srgbClr')}") if scheme is not None \
                else None
            if rgb is not None:
                self.colors.setdefault(rgb.get("val", "").upper(), ref)


class RunWriter:
    """What the deck's writer needs to write text: the theme, the deck's language and
    the phrases in another one, the presentation theme's fonts and colours, and the list
    of relations a slide makes (links)."""

    theme: Theme
    language: str
    foreign: Foreign
    refs: ThemeRefs
    relations: list[Relation]

    def paragraphs(self, frame, paras: tuple[Para, ...], scale: float,  # type: ignore[no-untyped-def]
                   breaks: frozenset[tuple[int, int, int]] = frozenset()) -> None:
        """Paragraphs and runs written as DrawingML directly: python-pptx's property objects
        cost a third of the deck's render time for the same XML. Where layout broke a word
        (``breaks``), the run carries a hyphen and a line break there (see BROKEN)."""
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
            for r, piece in enumerate(para.runs):
                marked = _marked(piece.text, {at for pi, ri, at in breaks if (pi, ri) == (i, r)})
                for text, lang in split(marked, self.foreign):
                    self.run(frame, p, piece, text, lang or self.language, size,
                             para.color or style.color, style.face)

    def run(self, frame, p, piece: Run, text: str, lang: str, size: str, color: str,  # type: ignore[no-untyped-def]
            face_name: str) -> None:
        """One run of a paragraph, in its language (PowerPoint proofs it in that one)."""
        face = self.theme.faces[piece.face or face_name]
        run = sub(p, "a:r")
        rpr = sub(run, "a:rPr", lang=lang, sz=size, b=str(int(face.bold)),
                   i=str(int(face.italic)))
        hexcolor = self.theme.color(piece.color or color)
        scheme = self.refs.colors.get(hexcolor)
        if scheme is not None:
            sub(sub(rpr, "a:solidFill"), "a:schemeClr", val=scheme)
        else:
            sub(sub(rpr, "a:solidFill"), "a:srgbClr", val=hexcolor)
        sub(rpr, "a:latin", typeface=self.refs.fonts.get(face.family, face.family))
        if piece.link:
            rid = frame.part.relate_to(piece.link, RT.HYPERLINK, is_external=True)
            self.relations.append(("link", piece.link, rid))
            hyperlink(rpr, rid, piece.keep_color)
        pieces = text.split(BREAK)
        for n, piece_text in enumerate(pieces):
            if n:  # a word broken by layout: the hyphen shows in every viewer, then the break
                sub(p, "a:br", attrs=None).append(copy.deepcopy(rpr))
                run = sub(p, "a:r")
                run.append(copy.deepcopy(rpr))
            shown = piece_text + (BROKEN if n < len(pieces) - 1 else "")
            sub(run, "a:t").text = private.escape_control_characters(shown)


def _marked(text: str, at: set[int]) -> str:
    """``text`` with BREAK for the soft hyphens layout put at the offsets ``at``."""
    if not at:
        return text
    return "".join(BREAK if i in at and ch == SHY else ch for i, ch in enumerate(text))
