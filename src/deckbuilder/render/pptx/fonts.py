"""The deck's faces embedded in the PPTX, as PowerPoint embeds them, so they travel.

Each face becomes a part ``ppt/fonts/fontN.fntdata`` (content type
``application/x-fontdata``) holding the whole TrueType file in an EOT container (eot.py),
listed under its family in ``p:embeddedFontLst`` of presentation.xml, which also says
``embedTrueTypeFonts="1"``. Whole fonts, not subsets: a presenter who edits the deck may
type any character the family has (Source Sans Pro's five faces: 1.08 MB of EOT, 0.49 MB
deflated in the zip; the IHK deck grows from 1.6 to 2.1 MB).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn

from ...text.font_facts import FontFactsCache
from ...theme import Theme

FONT_CONTENT_TYPE = "application/x-fontdata"
RT_FONT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
#: What may follow p:embeddedFontLst in p:presentation (ECMA-376 CT_Presentation).
_AFTER = ("custShowLst", "photoAlbum", "custDataLst", "kinsoku", "defaultTextStyle",
          "modifyVerifier", "extLst")
_SLOTS = {(False, False): "regular", (True, False): "bold", (False, True): "italic",
          (True, True): "boldItalic"}


def families(theme: Theme) -> dict[str, dict[str, str]]:
    """Face keys by family and slot (regular, bold, italic, boldItalic), in theme order;
    the first face of a family in a slot wins."""
    found: dict[str, dict[str, str]] = {}
    for key, face in theme.faces.items():
        found.setdefault(face.family, {}).setdefault(_SLOTS[(face.bold, face.italic)], key)
    return found


def embed_fonts(prs: Any, theme: Theme, paths: dict[str, Path],
                cache: Path | None = None) -> None:
    """Adds the font parts and the presentation's embedded-font list; the EOT headers
    come from ``cache`` when it has them (font_facts.py: no fontTools then)."""
    facts = FontFactsCache(cache)
    root = prs.element
    entries = etree.Element(qn("p:embeddedFontLst"))
    n = 0
    for family, slots in families(theme).items():
        entry = etree.SubElement(entries, qn("p:embeddedFont"))
        etree.SubElement(entry, qn("p:font"), typeface=family, pitchFamily="34", charset="0")
        for slot in ("regular", "bold", "italic", "boldItalic"):
            if slot not in slots:
                continue
            n += 1
            data = paths[slots[slot]].read_bytes()
            blob = facts.facts(paths[slots[slot]]).eot_header + data
            part = Part(PackURI(f"/ppt/fonts/font{n}.fntdata"), FONT_CONTENT_TYPE,
                        prs.part.package, blob)
            rid = prs.part.relate_to(part, RT_FONT)
            etree.SubElement(entry, qn(f"p:{slot}"), {qn("r:id"): rid})
    facts.save()
    follower = next((c for c in root if etree.QName(c).localname in _AFTER), None)
    if follower is None:
        root.append(entries)
    else:
        follower.addprevious(entries)
    root.set("embedTrueTypeFonts", "1")
