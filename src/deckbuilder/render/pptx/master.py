"""The deck's own slide master, theme and layouts, in place of python-pptx's defaults.

A slide added in PowerPoint then comes out in the deck's faces and colours, the colour
picker offers the palette, and each slide kind has a layout a designer would have made:
named in German, with title, body, picture, footer and slide-number placeholders where
the deck's slides of that kind have them. The geometry of each layout's placeholders is
taken from the plan (the first slide of the kind that has each placeholder), so a slide's
own shapes sit where its layout says.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.parts.slide import SlideLayoutPart

from ...content.pptx_package import PackageProblem
from ...errors import ContentError, Location, error
from ...layout.plan import Box, DeckPlan
from ...theme import Theme
from .notes_master import add_notes_and_handout_masters
from .placeholders import (
    FOOTER_IDX,
    LAYOUT_NAMES,
    NUMBER_IDX,
    SLIDENUM_FIELD,
    Available,
    Holder,
    hidden_title_box,
    placeholders,
)
from .private import replace_blob

#: The layout for slides people add by hand.
CONTENT_LAYOUT = "Titel und Inhalt"
_NAMES = {"title": "Titel", "body": "Textplatzhalter", "pic": "Bildplatzhalter",
          "ftr": "Fußzeilenplatzhalter", "sldNum": "Foliennummernplatzhalter"}
_SCHEME = ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5",
           "accent6", "hlink", "folHlink")
_FIXED = {"dk1": "ink", "lt1": "paper", "dk2": "muted", "lt2": "tint"}


def _emu(points: float) -> int:
    return round(points * 12700)


def color_scheme(theme: Theme) -> dict[str, str]:
    """The theme's twelve scheme colours (RRGGBB): text and background from ink, paper,
    muted and tint, the six accents from the palette in its order (distinct values),
    links from blue and lilac when the palette has them; ``scheme:`` in theme.yaml
    overrides any slot."""
    fixed = {slot: theme.color(name) for slot, name in _FIXED.items() if name in theme.colors}
    taken = set(fixed.values()) | {theme.color(n) for n in ("rule",) if n in theme.colors}
    accents: list[str] = []
    for name in theme.colors:
        value = theme.color(name)
        if value not in taken and value not in accents:
            accents.append(value)
    accents += [theme.color("accent")] * 6
    scheme = {**fixed, **{f"accent{i + 1}": accents[i] for i in range(6)}}
    scheme.setdefault("dk2", theme.color("ink"))
    scheme.setdefault("lt2", theme.color("paper"))
    scheme["hlink"] = theme.color("blue") if "blue" in theme.colors else scheme["accent1"]
    scheme["folHlink"] = theme.color("lilac") if "lilac" in theme.colors else scheme["dk2"]
    scheme.update({slot: theme.color(name) for slot, name in theme.scheme.items()})
    return scheme


def theme_faces(theme: Theme) -> tuple[str, str]:
    """(major, minor) font families: the title style's face and the body style's."""
    title = theme.styles.get("title")
    body = theme.styles.get("body")
    minor = theme.faces[body.face].family if body else next(iter(theme.faces.values())).family
    major = theme.faces[title.face].family if title else minor
    return major, minor


def rewrite_theme(part: Any, theme: Theme) -> None:
    """The theme part with the deck's colour scheme and fonts (the rest, fills and effects,
    stays python-pptx's Office set, which PowerPoint needs to be present)."""
    root = etree.fromstring(part.blob)
    root.set("name", "deckbuilder")
    scheme = root.find(".//" + qn("a:clrScheme"))
    scheme.set("name", "deckbuilder")
    for slot, value in color_scheme(theme).items():
        holder = scheme.find(qn(f"a:{slot}"))
        for child in list(holder):
            holder.remove(child)
        etree.SubElement(holder, qn("a:srgbClr"), val=value)
    fonts = root.find(".//" + qn("a:fontScheme"))
    fonts.set("name", "deckbuilder")
    for tag, family in zip(("a:majorFont", "a:minorFont"), theme_faces(theme), strict=True):
        fonts.find(qn(tag)).find(qn("a:latin")).set("typeface", family)
    replace_blob(part, etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True))


@dataclass(frozen=True)
class LayoutSpec:
    """One layout: its name and placeholders (type, idx, box in points)."""

    name: str
    holders: tuple[tuple[Holder, Box], ...]


def layout_specs(plan: DeckPlan, theme: Theme) -> dict[str, LayoutSpec]:
    """A layout per slide kind in the plan, plus the hand-made slides' layout; each
    placeholder where the first slide of the kind that has it puts it."""
    specs: dict[str, LayoutSpec] = {}
    for kind in dict.fromkeys(s.kind for s in plan.slides):
        found: dict[Holder, Box] = {}
        for slide in (s for s in plan.slides if s.kind == kind):
            for element, holder in placeholders(slide):
                found.setdefault(holder, element.box)
        if Holder("title") not in found:
            found = {Holder("title"): hidden_title_box(plan.height), **found}
        specs[kind] = LayoutSpec(LAYOUT_NAMES.get(kind, kind), tuple(found.items()))
    specs[""] = LayoutSpec(CONTENT_LAYOUT, _added_holders(theme))
    return specs


def _added_holders(theme: Theme) -> tuple[tuple[Holder, Box], ...]:
    """The hand-made slides' placeholders: title and footer where content slides have
    theirs, the body between them (sizes.added_slides)."""
    s, sizes = theme.slide, theme.sizes
    added, foot = sizes.added_slides, sizes.footer
    title = Box(s.left, s.top + sizes.title_block.bar_to_text, s.content_width,
                theme.style("title").size * added.title_lines)
    body_y = title.bottom + added.title_to_body
    footer_y = s.height - s.bottom + foot.top
    return ((Holder("title"), title),
            (Holder("body", 1), Box(s.left, body_y, s.content_width,
                                    footer_y - added.body_to_footer - body_y)),
            (Holder("ftr", FOOTER_IDX), Box(s.left, footer_y, s.content_width - foot.number_width,
                                            foot.height)),
            (Holder("sldNum", NUMBER_IDX), Box(s.width - s.right - foot.number_width, footer_y,
                                               foot.number_width, foot.height)))


def _holder_xml(holder: Holder, box: Box, shape_id: int, lang: str) -> str:
    idx = f' idx="{holder.idx}"' if holder.idx is not None else ""
    name = f"{_NAMES[holder.type]} {shape_id - 1}"
    text = f'<a:fld id="{SLIDENUM_FIELD}" type="slidenum"><a:rPr lang="{lang}"/><a:t>‹Nr.›</a:t>' \
        '</a:fld>' if holder.type == "sldNum" else \
        f'<a:r><a:rPr lang="{lang}"/><a:t>{_NAMES[holder.type]}</a:t></a:r>'
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/><p:cNvSpPr>'
            f'<a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="{holder.type}"{idx}/>'
            f'</p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="{_emu(box.x)}" y="{_emu(box.y)}"/>'
            f'<a:ext cx="{_emu(box.w)}" cy="{_emu(box.h)}"/></a:xfrm></p:spPr><p:txBody>'
            f'<a:bodyPr/><a:lstStyle/><a:p>{text}</a:p></p:txBody></p:sp>')


_TREE = ('<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
         '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
         '<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>')


def layout_xml(spec: LayoutSpec, lang: str) -> str:
    shapes = "".join(_holder_xml(h, b, i + 2, lang) for i, (h, b) in enumerate(spec.holders))
    return (f'<p:sldLayout {nsdecls("a", "r", "p")} preserve="1" userDrawn="1">'
            f'<p:cSld name="{spec.name}"><p:spTree>{_TREE}{shapes}</p:spTree></p:cSld>'
            '<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>')


def replace_layouts(prs: Any, specs: dict[str, LayoutSpec], lang: str) -> dict[str, Any]:
    """Drops the master's default layouts and adds the deck's; returns them by kind."""
    master = prs.slide_masters[0]
    id_list = master.element.get_or_add_sldLayoutIdLst()
    for entry in list(id_list):
        master.part.drop_rel(entry.rId)
        id_list.remove(entry)
    layouts: dict[str, Any] = {}
    for n, (kind, spec) in enumerate(specs.items(), start=1):
        part = SlideLayoutPart(PackURI(f"/ppt/slideLayouts/slideLayout{n}.xml"),
                               CT.PML_SLIDE_LAYOUT, prs.part.package,
                               parse_xml(layout_xml(spec, lang).encode("utf-8")))
        part.relate_to(master.part, RT.SLIDE_MASTER)
        rid = master.part.relate_to(part, RT.SLIDE_LAYOUT)
        entry = etree.SubElement(id_list, qn("p:sldLayoutId"))
        entry.set("id", str(2147483649 + n))
        entry.set(qn("r:id"), rid)
        layouts[kind] = part.slide_layout
    return layouts


def _level(theme: Theme, style: str, font: str, lvl: int, lang: str, bullet: bool = False
           ) -> str:
    s = theme.style(style)
    indent = _emu(theme.sizes.added_slides.level2_indent) if bullet else 0
    marker = '<a:buClr><a:schemeClr val="accent1"/></a:buClr><a:buFont typeface="Arial"/>' \
        '<a:buChar char="■"/>' if bullet else "<a:buNone/>"
    return (f'<a:lvl{lvl}pPr marL="{indent * lvl if bullet else 0}" indent="{-indent}" algn="l">'
            f'<a:lnSpc><a:spcPct val="{round(s.leading * 100000)}"/></a:lnSpc>'
            f'<a:spcBef><a:spcPts val="{round(s.space_before * 100)}"/></a:spcBef>{marker}'
            f'<a:defRPr lang="{lang}" sz="{round(s.size * 100)}" b="0" i="0"><a:solidFill>'
            f'<a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="{font}"/></a:defRPr>'
            f'</a:lvl{lvl}pPr>')


def text_styles(theme: Theme, lang: str) -> str:
    """The master's title, body and other text styles: the theme's title and body styles
    in the theme fonts, body text without bullets on level 1 and with the deck's square
    bullet on level 2."""
    body = "body" if "body" in theme.styles else "title"
    return (f'<p:txStyles><p:titleStyle>{_level(theme, "title", "+mj-lt", 1, lang)}'
            f'</p:titleStyle><p:bodyStyle>{_level(theme, body, "+mn-lt", 1, lang)}'
            f'{_level(theme, body, "+mn-lt", 2, lang, bullet=True)}</p:bodyStyle>'
            f'<p:otherStyle><a:defPPr><a:defRPr lang="{lang}"/></a:defPPr></p:otherStyle>'
            '</p:txStyles>')


def rewrite_master(master: Any, theme: Theme, spec: LayoutSpec, lang: str) -> None:
    """The master's placeholders where the hand-made slides' layout has them, and the
    deck's text styles; footer and number in the footer style, in dk2 (muted)."""
    root = master.element
    tree = root.find(qn("p:cSld")).find(qn("p:spTree"))
    for shape in list(tree)[2:]:
        tree.remove(shape)
    footer = theme.style("footer") if "footer" in theme.styles else theme.style("title")
    for i, (holder, box) in enumerate(spec.holders):
        shape = parse_xml(f'<p:sp {nsdecls("a", "p")}>'
                          f'{_holder_xml(holder, box, i + 2, lang)[6:]}'.encode())
        if holder.type in ("ftr", "sldNum"):
            algn = "r" if holder.type == "sldNum" else "l"
            style = parse_xml(
                f'<a:lstStyle {nsdecls("a")}><a:lvl1pPr algn="{algn}"><a:defRPr '
                f'sz="{round(footer.size * 100)}"><a:solidFill><a:schemeClr val="tx2"/>'
                '</a:solidFill></a:defRPr></a:lvl1pPr></a:lstStyle>')
            old = shape.find(".//" + qn("a:lstStyle"))
            old.getparent().replace(old, style)
        tree.append(shape)
    old_styles = root.find(qn("p:txStyles"))
    root.replace(old_styles, parse_xml(
        text_styles(theme, lang).replace("<p:txStyles>", f'<p:txStyles {nsdecls("a", "p")}>',
                                         1).encode()))


def start_presentation(template: Path | None, theme: Theme, plan: DeckPlan
           ) -> tuple[Any, dict[str, Any], dict[str, Available]]:
    """The presentation to add slides to, the layouts they use by slide kind, and the
    placeholders each template layout offers: the deck's own master, theme and layouts
    (master.py; their placeholders are the slides' own), or the corporate template's
    masters, emptied of its own slides (template.py chooses a layout per kind)."""
    if template is None:
        prs = Presentation()
        master = prs.slide_masters[0]
        specs = layout_specs(plan, theme)
        rewrite_theme(master.part.part_related_by(RT.THEME), theme)
        rewrite_master(master, theme, specs[""], plan.language)
        add_notes_and_handout_masters(prs, plan.width, plan.height, plan.language)
        return prs, replace_layouts(prs, specs, plan.language), {}
    from .template import kind_layouts, layout_roles, open_template

    try:
        prs = open_template(template)  # checked before the build, but it may have changed
    except PackageProblem as exc:
        raise ContentError([error(Location("content/theme.yaml"),
                                  f"the template '{template.name}' is {exc}", exc.hint)]
                           ) from None
    slide_ids = prs.slides.element
    for slide_id in list(slide_ids):
        prs.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)
    add_notes_and_handout_masters(prs, plan.width, plan.height, plan.language)
    config = theme.template
    try:
        layouts = kind_layouts(prs, config.layout if config else None,
                               config.layouts if config else {})
    except KeyError as exc:
        raise ContentError([error(Location("content/theme.yaml"),
                                  f"the template has no layout {exc}",
                                  "one of: " + ", ".join(lay.name for lay in prs.slide_layouts)
                                  )]) from None
    return prs, layouts, {kind: layout_roles(lay) for kind, lay in layouts.items()}
