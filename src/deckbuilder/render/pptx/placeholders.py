"""Which shapes of a slide are its layout's placeholders, and turning a shape into one.

PowerPoint's outline, navigation and accessibility checker find a slide's title only in a
title placeholder, and update a slide number only in a slide-number field. The shapes
keep every property the plan gave them (position, insets, paragraph and run formatting),
so the placeholder inherits nothing that could change their looks; it only gains its role.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from lxml import etree
from pptx.oxml.ns import qn

from ...layout.identity import WORDS
from ...layout.plan import Box, Element, Para, PictureBox, Run, SlidePlan, TextBox

#: Paragraph styles of a slide kind's running text: their boxes become body placeholders.
BODY_STYLES = frozenset({"body", "bullet", "scenario", "step-text", "legal-head", "legal",
                         "card-title"})
#: Placeholder indices: bodies count up from 1, pictures from 20; footer and number fixed.
FOOTER_IDX, NUMBER_IDX, PICTURE_IDX = 11, 12, 20
#: The id PowerPoint gives its slide-number field; one GUID serves every slide.
SLIDENUM_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"


@dataclass(frozen=True)
class Holder:
    """A placeholder's type (title, body, pic, ftr, sldNum) and index (None for title);
    ``xml_type`` is the type a template's layout gives it when that differs (ctrTitle,
    obj)."""

    type: str
    idx: int | None = None
    xml_type: str | None = None


def is_slide_number(element: Element, number: int) -> bool:
    return (isinstance(element, TextBox) and element.role == "footer"
            and len(element.paras) == 1 and element.paras[0].text == str(number))


def placeholders(plan: SlidePlan) -> list[tuple[Element, Holder]]:
    """The slide's elements that fill a placeholder, each with it: the title, running
    text, pictures, the footer and the slide number; the rest stay free shapes."""
    found: list[tuple[Element, Holder]] = []
    titled = footed = False
    bodies, pictures = 0, 0
    for element in plan.elements:
        if isinstance(element, PictureBox):
            found.append((element, Holder("pic", PICTURE_IDX + pictures)))
            pictures += 1
        elif not isinstance(element, TextBox):
            continue
        elif element.role == "title" and not titled:
            found.append((element, Holder("title")))
            titled = True
        elif is_slide_number(element, plan.number):
            found.append((element, Holder("sldNum", NUMBER_IDX)))
        elif element.role == "footer" and not footed:
            found.append((element, Holder("ftr", FOOTER_IDX)))
            footed = True
        elif element.role not in ("title", "footer") and element.paras and \
                element.paras[0].style in BODY_STYLES:
            bodies += 1
            found.append((element, Holder("body", bodies)))
    return found


def hidden_title_box(height: float, width: float = 400, tall: float = 40) -> Box:
    """Where a slide whose design shows no title keeps one: just below the visible area,
    as PowerPoint's accessibility guidance suggests, so outline and readers have it."""
    return Box(0, height + 10, width, tall)


def hidden_title(plan: SlidePlan, height: float) -> TextBox:
    """The title of a slide that shows none: its first paragraph, as set there (so it
    fits the same width) but without links, below the slide."""
    first = next((e for e in plan.elements if isinstance(e, TextBox) and e.paras), None)
    ident = f"{plan.name}:title" if plan.name else ""
    if first is None:
        return TextBox(hidden_title_box(height), (Para((Run(plan.kind),), "title"),),
                       plan.source, role="title", name=WORDS["title"], ident=ident)
    plain = replace(first.paras[0], runs=tuple(replace(r, link=None)
                                               for r in first.paras[0].runs))
    return TextBox(hidden_title_box(height, first.box.w, first.box.h), (plain,),
                   plan.source, scale=first.scale, role="title", name=WORDS["title"], ident=ident)


def make_placeholder(element: Any, holder: Holder, name: str) -> None:
    """Turns a text box (p:sp) or picture (p:pic) into ``holder``'s placeholder."""
    cnvpr = element.find(".//" + qn("p:cNvPr"))
    if name:
        cnvpr.set("name", name)
    non_visual = cnvpr.getparent()
    props = non_visual[1]  # p:cNvSpPr or p:cNvPicPr
    props.attrib.pop("txBox", None)
    lock = "a:spLocks" if props.tag == qn("p:cNvSpPr") else "a:picLocks"
    locks = props.find(qn(lock))
    if locks is None:
        locks = etree.Element(qn(lock))
        props.insert(0, locks)
    locks.set("noGrp", "1")
    nvpr = non_visual.find(qn("p:nvPr"))
    ph = etree.Element(qn("p:ph"), type=holder.xml_type or holder.type)
    if holder.idx is not None:
        ph.set("idx", str(holder.idx))
    if holder.type in ("ftr", "sldNum"):
        ph.set("sz", "quarter")
    nvpr.insert(0, ph)


def number_field(element: Any) -> None:
    """The slide number's run made a field PowerPoint updates when slides move."""
    run = element.find(".//" + qn("a:r"))
    if run is None:
        return
    field = etree.Element(qn("a:fld"), id=SLIDENUM_FIELD, type="slidenum")
    for child in list(run):
        field.append(child)
    run.addprevious(field)
    run.getparent().remove(run)


#: A layout's placeholders by role (title, body, pic, ftr, sldNum), each in slide order.
Available = dict[str, list[Holder]]


def fitted(found: list[tuple[Element, Holder]], available: Available | None
           ) -> dict[int, Holder]:
    """The slide's placeholder elements (by id) matched to its layout's placeholders: the
    k-th body to the layout's k-th body, and so on; ``None`` means the layout was made
    from these very placeholders (the deck's own master). Elements the layout has no
    placeholder for stay free shapes."""
    if available is None:
        return {id(e): h for e, h in found}
    taken: dict[str, int] = {}
    matched: dict[int, Holder] = {}
    for element, holder in found:
        n = taken.get(holder.type, 0)
        offered = available.get(holder.type, [])
        if n < len(offered):
            matched[id(element)] = offered[n]
            taken[holder.type] = n + 1
    return matched


def template_style(element: Any, keep_color: bool = False) -> None:
    """A title on a corporate template's layout takes the template's title face and
    colour: the runs keep only their measured size and weight flags. ``keep_color``: on
    a background the deck paints itself (a dark divider), the colour layout chose to read
    on it stays; the template's title colour is made for its own background."""
    for props in element.iter(qn("a:rPr")):
        for tag in ("a:latin",) if keep_color else ("a:solidFill", "a:latin"):
            found = props.find(qn(tag))
            if found is not None:
                props.remove(found)


#: Layout names as a German designer would give them, by slide kind.
LAYOUT_NAMES = {
    "title": "Titel", "method": "Vorgehen", "radar": "Trendradar", "section": "Kapitel",
    "trend": "Trend", "scenario-divider": "Szenario", "scenario-text": "Szenario-Text",
    "offerings": "Angebote", "program": "Programm", "cta": "Aufruf", "legal": "Rechtliches",
}
