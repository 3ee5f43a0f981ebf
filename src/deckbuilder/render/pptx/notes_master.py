"""The notes master and the handout master, in the deck's theme, with German names.

python-pptx adds, at the first speaker note, the notes master of its default template: a
4:3 slide image on the notes page, Calibri, English names. Here the deck gets its own
before any slide: the notes page portrait (PowerPoint's 7.5 x 10 in), the slide image at
the slide's proportions (16:9 for the deck), the notes in the theme's body face and the
deck's language; and a handout master (PowerPoint's Handzettelmaster), which the default
template lacks. Both use a copy of the slide master's theme, so they show the deck's faces
and colours. A corporate template's own notes and handout masters stay as they are.
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part, XmlPart
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.parts.slide import NotesMasterPart

#: The notes and handout page: PowerPoint's portrait 7.5 x 10 in, in points.
PAGE_W, PAGE_H = 540.0, 720.0
#: Header, date, footer and number: a quarter of the page each, in its corners.
CORNER_W, CORNER_H = 234.0, 36.125
#: The slide image and the notes: 0.75 in from the sides; the image 1.25 in from the top,
#: the notes 0.1875 in below it and ending 1.25 in above the page's foot.
SIDE, IMAGE_TOP, IMAGE_TO_NOTES = 54.0, 90.0, 13.5
#: PowerPoint's size of speaker notes (12 pt) and the indent of each further level.
NOTES_SIZE, LEVEL_INDENT = 12.0, 36.0
#: German names, as PowerPoint gives them, and the prompts of the notes levels.
NAMES = {"hdr": "Kopfzeilenplatzhalter", "dt": "Datumsplatzhalter",
         "sldImg": "Folienbildplatzhalter", "body": "Notizenplatzhalter",
         "ftr": "Fußzeilenplatzhalter", "sldNum": "Foliennummernplatzhalter"}
PROMPTS = ("Mastertextformat bearbeiten", "Zweite Ebene", "Dritte Ebene", "Vierte Ebene",
           "Fünfte Ebene")
SLIDENUM_FIELD = "{B2B2B3F1-6A3E-4E51-9A2D-2C8D4E0A7C51}"
_CLR_MAP = ('<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" '
            'accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" '
            'accent6="accent6" hlink="hlink" folHlink="folHlink"/>')
_TREE = ('<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
         '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
         '<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>')
_BG = '<p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg>'


def _emu(points: float) -> int:
    return round(points * 12700)


def _xfrm(x: float, y: float, w: float, h: float) -> str:
    return (f'<a:xfrm><a:off x="{_emu(x)}" y="{_emu(y)}"/><a:ext cx="{_emu(w)}" '
            f'cy="{_emu(h)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>')


def _corner(kind: str, idx: int | None, shape_id: int, right: bool, bottom: bool,
            lang: str) -> str:
    """Header, date, footer or number in a corner of the page, in the theme's body face."""
    x, y = (PAGE_W - CORNER_W if right else 0), (PAGE_H - CORNER_H if bottom else 0)
    idx_attr = f' idx="{idx}"' if idx is not None else ""
    anchor = ' anchor="b"' if bottom else ""
    text = f'<a:fld id="{SLIDENUM_FIELD}" type="slidenum"><a:rPr lang="{lang}"/>' \
        '<a:t>‹Nr.›</a:t></a:fld>' if kind == "sldNum" else f'<a:endParaRPr lang="{lang}"/>'
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{NAMES[kind]} {shape_id - 1}"/>'
            '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
            f'<p:nvPr><p:ph type="{kind}" sz="quarter"{idx_attr}/></p:nvPr></p:nvSpPr>'
            f'<p:spPr>{_xfrm(x, y, CORNER_W, CORNER_H)}</p:spPr><p:txBody>'
            f'<a:bodyPr vert="horz" lIns="91440" tIns="45720" rIns="91440" bIns="45720" '
            f'rtlCol="0"{anchor}/><a:lstStyle><a:lvl1pPr '
            f'algn="{"r" if right else "l"}"><a:defRPr sz="{round(NOTES_SIZE * 100)}">'
            '<a:latin typeface="+mn-lt"/></a:defRPr></a:lvl1pPr></a:lstStyle>'
            f'<a:p>{text}</a:p></p:txBody></p:sp>')


def _image_and_notes(slide_w: float, slide_h: float, lang: str) -> str:
    """The slide image at the slide's proportions, and the notes below it."""
    w = PAGE_W - 2 * SIDE
    h = w * slide_h / slide_w
    notes_y = IMAGE_TOP + h + IMAGE_TO_NOTES
    notes_h = PAGE_H - IMAGE_TOP - notes_y
    paras = "".join(f'<a:p><a:pPr lvl="{i}"/><a:r><a:rPr lang="{lang}"/><a:t>{prompt}</a:t>'
                    '</a:r></a:p>' for i, prompt in enumerate(PROMPTS))
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="4" name="{NAMES["sldImg"]} 3"/><p:cNvSpPr>'
            '<a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr>'
            f'<p:ph type="sldImg" idx="2"/></p:nvPr></p:nvSpPr><p:spPr>'
            f'{_xfrm(SIDE, IMAGE_TOP, w, h)}<a:noFill/><a:ln w="12700"><a:solidFill>'
            '<a:prstClr val="black"/></a:solidFill></a:ln></p:spPr><p:txBody><a:bodyPr '
            'vert="horz" lIns="91440" tIns="45720" rIns="91440" bIns="45720" rtlCol="0" '
            f'anchor="ctr"/><a:lstStyle/><a:p><a:endParaRPr lang="{lang}"/></a:p></p:txBody>'
            f'</p:sp><p:sp><p:nvSpPr><p:cNvPr id="5" name="{NAMES["body"]} 4"/><p:cNvSpPr>'
            '<a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" sz="quarter" '
            f'idx="3"/></p:nvPr></p:nvSpPr><p:spPr>{_xfrm(SIDE, notes_y, w, notes_h)}'
            '</p:spPr><p:txBody><a:bodyPr vert="horz" lIns="91440" tIns="45720" rIns="91440" '
            f'bIns="45720" rtlCol="0"/><a:lstStyle/>{paras}</p:txBody></p:sp>')


def notes_master_xml(slide_w: float, slide_h: float, lang: str) -> str:
    """The notes master for slides of ``slide_w`` x ``slide_h`` points."""
    levels = "".join(
        f'<a:lvl{n}pPr marL="{_emu(LEVEL_INDENT * (n - 1))}" algn="l" rtl="0">'
        f'<a:defRPr lang="{lang}" sz="{round(NOTES_SIZE * 100)}" kern="1200"><a:solidFill>'
        '<a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/>'
        f'<a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl{n}pPr>'
        for n in range(1, 10))
    shapes = (_corner("hdr", None, 2, False, False, lang)
              + _corner("dt", 1, 3, True, False, lang)
              + _image_and_notes(slide_w, slide_h, lang)
              + _corner("ftr", 4, 6, False, True, lang)
              + _corner("sldNum", 5, 7, True, True, lang))
    return (f'<p:notesMaster {nsdecls("a", "r", "p")}><p:cSld>{_BG}<p:spTree>{_TREE}{shapes}'
            f'</p:spTree></p:cSld>{_CLR_MAP}<p:notesStyle>{levels}</p:notesStyle>'
            '</p:notesMaster>')


def handout_master_xml(lang: str) -> str:
    """The handout master: header, date, footer and page number in the page's corners."""
    shapes = (_corner("hdr", None, 2, False, False, lang)
              + _corner("dt", 1, 3, True, False, lang)
              + _corner("ftr", 2, 4, False, True, lang)
              + _corner("sldNum", 3, 5, True, True, lang))
    return (f'<p:handoutMaster {nsdecls("a", "r", "p")}><p:cSld>{_BG}<p:spTree>{_TREE}'
            f'{shapes}</p:spTree></p:cSld>{_CLR_MAP}</p:handoutMaster>')


def _has(part: Any, reltype: str) -> bool:
    try:
        part.part_related_by(reltype)
    except KeyError:
        return False
    return True


def _add_master(prs: Any, reltype: str, kind: str, content_type: str, xml: str,
                part_class: type[XmlPart]) -> str:
    """A master part with its own copy of the slide master's theme; its relationship id."""
    package = prs.part.package
    partname = package.next_partname(f"/ppt/{kind}s/{kind}%d.xml")
    part = part_class(partname, content_type, package, parse_xml(xml.encode("utf-8")))
    rid: str = prs.part.relate_to(part, reltype)
    theme = prs.slide_masters[0].part.part_related_by(RT.THEME)
    copy = Part(package.next_partname("/ppt/theme/theme%d.xml"), CT.OFC_THEME, package,
                theme.blob)
    part.relate_to(copy, RT.THEME)
    return rid


def add_notes_and_handout_masters(prs: Any, slide_w: float, slide_h: float,
                                  lang: str) -> None:
    """The deck's notes and handout masters where the presentation has none, listed in
    presentation.xml as PowerPoint lists them (python-pptx lists neither)."""
    root = prs.element
    after = root.find(qn("p:sldMasterIdLst"))
    for reltype, kind, ct, xml, cls, tag in (
            (RT.NOTES_MASTER, "notesMaster", CT.PML_NOTES_MASTER,
             notes_master_xml(slide_w, slide_h, lang), NotesMasterPart, "notesMasterId"),
            (RT.HANDOUT_MASTER, "handoutMaster", CT.PML_HANDOUT_MASTER,
             handout_master_xml(lang), XmlPart, "handoutMasterId")):
        if _has(prs.part, reltype):
            continue
        rid = _add_master(prs, reltype, kind, ct, xml, cls)
        id_list = etree.Element(qn(f"p:{tag}Lst"))
        etree.SubElement(id_list, qn(f"p:{tag}"), {qn("r:id"): rid})
        after.addnext(id_list)
        after = id_list


def name_notes_placeholders(prs: Any) -> None:
    """Each notes page's placeholders named in German as the master's are (python-pptx
    copies them with English names: "Notes Placeholder 2")."""
    for slide in prs.slides:
        if not slide.has_notes_slide:
            continue
        for shape in slide.notes_slide.element.iter(qn("p:sp")):
            ph = shape.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
            name = NAMES.get(ph.get("type", "body")) if ph is not None else None
            if name:
                c_nv_pr = shape.find(f"{qn('p:nvSpPr')}/{qn('p:cNvPr')}")
                c_nv_pr.set("name", f"{name} {int(c_nv_pr.get('id')) - 1}")
