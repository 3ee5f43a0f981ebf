"""Writes a deck plan as an editable PPTX: text boxes, native shapes, tables, pictures.

Reads only the plan and the theme. Line spacing is written as exact points so PowerPoint
and LibreOffice break lines where the layout measured them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.util import Pt

from ...layout.plan import (
    DeckPlan,
    Element,
    GroupBox,
    LineBox,
    PictureBox,
    ShapeBox,
    SlidePlan,
    TableBox,
    TextBox,
)
from ...text.languages import Foreign
from ...theme import Theme
from ..images import NO_CROP, ImageStore
from . import private
from .columns import merged_columns
from .hyperlinks import shape_link
from .master import start_presentation
from .notes_page import write_notes
from .package import finish_package
from .parts import DeckParts, add_picture
from .placeholders import (
    Available,
    Holder,
    fitted,
    hidden_title,
    make_placeholder,
    number_field,
    placeholders,
    template_style,
)
from .runs import RunWriter, ThemeRefs, emu
from .shape_identity import last_shape, name_shape, names_of
from .slide_cache import Relation, SlideCache, named

NO_STYLE_TABLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"  # "No Style, No Grid"
ANCHOR = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}
SHAPES = {"rect": MSO_SHAPE.RECTANGLE, "oval": MSO_SHAPE.OVAL,
          "rounded": MSO_SHAPE.ROUNDED_RECTANGLE}


DECORATIVE_EXT = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"


def reading_order(plan: SlidePlan) -> list[Element]:
    """Shapes in the order a screen reader meets them: the slide tree's order.

    Decorative shapes come first (lowest, behind the text, and skipped by readers), then
    the title, then everything else in the order the layout placed it.
    """
    decorative = [e for e in plan.elements
                  if (isinstance(e, ShapeBox) and e.text is None and e.alt is None)
                  or isinstance(e, LineBox)]
    titles = [e for e in plan.elements if isinstance(e, TextBox) and e.role == "title"]
    rest = [e for e in plan.elements if e not in decorative and e not in titles]
    return [*decorative, *titles, *rest]


def _mark_decorative(element) -> None:  # type: ignore[no-untyped-def]
    """Office's 'Mark as decorative' flag (an extension of cNvPr): readers skip the shape."""
    cnvpr = element.find(".//" + qn("p:cNvPr"))
    ext_lst = etree.SubElement(cnvpr, qn("a:extLst"))
    ext = etree.SubElement(ext_lst, qn("a:ext"), {"uri": DECORATIVE_EXT})
    etree.SubElement(ext, f"{{{DECORATIVE_NS}}}decorative", {"val": "1"},
                     nsmap={"adec": DECORATIVE_NS})


_R_EMBED, _R_ID, _P_SLD = qn("r:embed"), qn("r:id"), qn("p:sld")


def _rgb(theme: Theme, name: str) -> RGBColor:
    return RGBColor.from_string(theme.color(name))


class _Writer(RunWriter):
    def __init__(self, theme: Theme, images: ImageStore, layouts: dict[str, Any],
                 parts: DeckParts, available: dict[str, Available],
                 language: str = "de-DE", foreign: Foreign = (),
                 refs: ThemeRefs | None = None) -> None:
        self.parts = parts
        self.refs = refs or ThemeRefs(None)
        self.language, self.foreign = language, foreign  # every run names its language
        self.theme = theme
        self.images = images
        self.layouts = layouts  # by slide kind; "" for any other
        self.available = available  # a template layout's placeholders, by slide kind
        self.relations: list[Relation] = []  # made by the slide being written, in order
        self.holders: dict[int, Holder] = {}  # the slide's placeholders, by id of element
        self.painted = False  # the slide has a background of the deck's own (not paper)

    def text(self, shapes, tb: TextBox) -> None:  # type: ignore[no-untyped-def]
        b = tb.box
        shape = shapes.add_textbox(emu(b.x), emu(b.y), emu(b.w), emu(b.h))
        self.frame(shape.text_frame, tb)
        shape_link(shape.element, tb)
        holder = self.holders.get(id(tb))
        if holder is not None:
            make_placeholder(shape.element, holder, tb.name)
            if holder.type == "title" and self.theme.template is not None:
                template_style(shape.element, keep_color=self.painted)
            if holder.type == "sldNum":
                number_field(shape.element)

    def frame(self, frame, tb: TextBox) -> None:  # type: ignore[no-untyped-def]
        frame.word_wrap = tb.wrap
        # Running text shrinks where a viewer's fallback font needs more lines than layout
        # measured (LibreOffice when it draws, PowerPoint when the text is edited) rather
        # than running into the footer; titles, labels and the footer keep their size.
        frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE if tb.wrap and tb.role == "body" \
            else MSO_AUTO_SIZE.NONE
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
        frame.vertical_anchor = ANCHOR[tb.anchor]
        if tb.columns > 1:
            body = frame._txBody.bodyPr  # noqa: SLF001 - python-pptx has no columns API
            body.set("numCol", str(tb.columns))
            body.set("spcCol", str(emu(tb.column_gap)))
        self.paragraphs(frame, tb.paras, tb.scale, tb.breaks)

    def picture(self, shapes, pb: PictureBox) -> None:  # type: ignore[no-untyped-def]
        """Placed already cropped to fill and resampled; alt text has no python-pptx API."""
        b = pb.box
        shown, crop = self.images.for_deck(pb.path, b.w, b.h, pb.focus)
        pic = add_picture(shapes, self.parts, shown, emu(b.x), emu(b.y), emu(b.w),
                          emu(b.h))
        if crop != NO_CROP:  # the source itself, cropped by its frame
            pic.crop_left, pic.crop_top, pic.crop_right, pic.crop_bottom = crop
        if id(pb) in self.holders:
            make_placeholder(pic.element, self.holders[id(pb)], pb.name)
        self.relations.append(("image", [pb.path, b.w, b.h, *pb.focus],
                               pic.element.blipFill.blip.rEmbed))
        pic.element.nvPicPr.cNvPr.set("descr", pb.alt)

    def shape(self, shapes, sb: ShapeBox) -> None:  # type: ignore[no-untyped-def]
        b = sb.box
        if sb.shape == "line":
            shp = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, emu(b.x), emu(b.y),
                                             emu(b.right), emu(b.bottom))
        else:
            shp = shapes.add_shape(SHAPES[sb.shape], emu(b.x), emu(b.y),
                                         emu(b.w), emu(b.h))
            if sb.fill:
                shp.fill.solid()
                shp.fill.fore_color.rgb = _rgb(self.theme, sb.fill)
            else:
                shp.fill.background()
        if sb.alt is not None:
            shp.element.find(".//" + qn("p:cNvPr")).set("descr", sb.alt)
        elif sb.text is None:
            _mark_decorative(shp.element)
        style = shp.element.find(qn("p:style"))
        if style is not None:  # the default style would add theme colours and effects
            shp.element.remove(style)
        if sb.line:
            shp.line.color.rgb = _rgb(self.theme, sb.line)
            shp.line.width = Pt(sb.line_width)
        else:
            shp.line.fill.background()
        if sb.text is not None:
            self.frame(shp.text_frame, sb.text)
            shape_link(shp.element, sb.text)

    def table(self, shapes, tb: TableBox) -> None:  # type: ignore[no-untyped-def]
        b = tb.box
        gframe = shapes.add_table(len(tb.rows), len(tb.columns), emu(b.x), emu(b.y),
                                        emu(b.w), emu(b.h))
        table = gframe.table
        tbl = gframe.element.graphic.graphicData.tbl
        # Header rows and columns as the plan marks them, for screen readers and PowerPoint's
        # accessibility check; no banded rows: rules under the rows, no background stripes.
        tbl.tblPr.set("firstRow", str(int(tb.header_rows > 0)))
        tbl.tblPr.set("firstCol", str(int(tb.header_columns > 0)))
        tbl.tblPr.set("bandRow", "0")
        if tb.alt:
            gframe.element.nvGraphicFramePr.cNvPr.set("descr", tb.alt)
        style_id = tbl.tblPr.find(qn("a:tableStyleId"))
        if style_id is not None:
            style_id.text = NO_STYLE_TABLE
        for j, width in enumerate(tb.columns):
            table.columns[j].width = emu(width)
        for i, height in enumerate(tb.heights):
            table.rows[i].height = emu(height)
            header = i < tb.header_rows
            if header and len(tb.columns) > 1:
                table.cell(i, 0).merge(table.cell(i, len(tb.columns) - 1))
            for j, paras in enumerate(tb.rows[i]):
                cell = table.cell(i, j)
                cell.margin_left = cell.margin_right = emu(tb.padding)
                cell.margin_top = cell.margin_bottom = emu(0 if header else tb.padding)
                cell.vertical_anchor = MSO_ANCHOR.TOP
                frame = cell.text_frame
                frame.word_wrap = True
                if paras:
                    self.paragraphs(frame, paras, tb.scale, frozenset(
                        at[2:] for at in tb.breaks if at[:2] == (i, j)))
                if not header:
                    self.rule(cell, tb.rule, tb.rule_width)

    def rule(self, cell, color: str, width: float) -> None:  # type: ignore[no-untyped-def]
        """A thin line under each row; no API for cell borders in python-pptx."""
        tcpr = private.cell_properties(cell)
        line = etree.Element(qn("a:lnB"), {"w": str(emu(width)), "cmpd": "sng"})
        fill = etree.SubElement(line, qn("a:solidFill"))
        etree.SubElement(fill, qn("a:srgbClr"), {"val": self.theme.color(color)})
        tcpr.insert(0, line)

    def line(self, shapes, lb: LineBox) -> None:  # type: ignore[no-untyped-def]
        shp = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, emu(lb.x1), emu(lb.y1),
                                   emu(lb.x2), emu(lb.y2))
        shp.line.color.rgb = _rgb(self.theme, lb.color)
        shp.line.width = Pt(lb.width)
        _mark_decorative(shp.element)

    def group(self, shapes, gb: GroupBox) -> None:  # type: ignore[no-untyped-def]
        """A native group: the radar moves and scales as one, each part still editable."""
        group = shapes.add_group_shape()
        children = group.shapes
        children.turbo_add_enabled = True  # counts on from the slide's largest id
        with private.extents_once(children):  # not after every shape: quadratic
            for element in gb.elements:
                self.element(children, element)
        shapes.turbo_add_enabled = True  # the slide counts on after the group's shapes

    def element(self, shapes, element: Element) -> None:  # type: ignore[no-untyped-def]
        """Writes one plan element with the writer ``WRITERS`` names for its type, then
        names it for people and keeps its content's identity in it."""
        WRITERS[type(element)](self, shapes, element)
        name_shape(last_shape(shapes.element), *names_of(element))

    def slide(self, prs, plan: SlidePlan):  # type: ignore[no-untyped-def]
        self.relations = []
        slide = self.parts.add_slide(self.layout(plan))  # the plan draws every shape
        if plan.name:
            slide.element.cSld.set("name", plan.name)
        self.painted = plan.background != "paper"  # else a template's background shows
        if self.painted or self.theme.template is None:
            slide.background.fill.solid()  # a template's own background shows on plain slides
            slide.background.fill.fore_color.rgb = _rgb(self.theme, plan.background)
        offered = self.available.get(plan.kind, self.available.get("")) \
            if self.theme.template else None
        self.holders = fitted(placeholders(plan), offered)
        elements = reading_order(plan)
        if all(h.type != "title" for h in self.holders.values()) and \
                (offered is None or offered.get("title")):
            elements.insert(0, hidden_title(plan, self.theme.slide.height))
            self.holders[id(elements[0])] = offered["title"][0] if offered else Holder("title")
        shapes = slide.shapes
        shapes.turbo_add_enabled = True  # ids counted on, not searched for each new shape
        for element in elements:
            self.element(shapes, element)
        write_notes(slide, plan.notes, self.language, self.foreign)
        return slide

    def layout(self, plan: SlidePlan) -> Any:
        return self.layouts.get(plan.kind, self.layouts[""])

    def reuse(self, prs, plan: SlidePlan, xml: str, relations: list[Relation]) -> bool:  # type: ignore[no-untyped-def]
        """A slide from the cache: its relationships made again in their first order (so
        they get the same ids), then its XML in place of the new, empty slide's. False,
        with nothing added, when the cached XML is not a slide (a damaged cache)."""
        try:
            root = parse_xml(xml.encode("utf-8"))
        except etree.XMLSyntaxError:
            return False
        if root.tag != _P_SLD:
            return False
        prepared = {i: self.images.for_deck(target[0], target[1], target[2],
                                            (target[3], target[4]))[0]
                    for i, (kind, target, _) in enumerate(relations) if kind == "image"}
        slide = self.parts.add_slide(self.layout(plan))
        renamed: dict[str, str] = {}
        for i, (kind, target, rid) in enumerate(relations):
            if kind == "image":
                _, renamed[rid] = self.parts.image(slide.part, prepared[i])
            else:
                renamed[rid] = slide.part.relate_to(target, RT.HYPERLINK, is_external=True)
        if any(old != new for old, new in renamed.items()):
            for element in root.iter():
                for name in (_R_EMBED, _R_ID):
                    if element.get(name) in renamed:
                        element.set(name, renamed[element.get(name)])
        private.replace_slide_xml(slide, root)
        write_notes(slide, plan.notes, self.language, self.foreign)
        return True


#: The one dispatch from plan element to the method that writes it; a new kind of element
#: is one line here (and a KeyError names it until then).
WRITERS: dict[type, Callable[[_Writer, Any, Any], None]] = {
    TextBox: _Writer.text,
    PictureBox: _Writer.picture,
    ShapeBox: _Writer.shape,
    TableBox: _Writer.table,
    LineBox: _Writer.line,
    GroupBox: _Writer.group,
}


def _depends_on(plan: DeckPlan, theme: Theme, template: Path | None,
                images: ImageStore) -> str:
    """Everything besides its own plan that a slide's XML depends on, down to which of its
    pictures go in as they are (cropped by their frame) and which as prepared copies."""
    import pptx

    from ...cache_file import code_stamp

    shape = hashlib.sha256(template.read_bytes()).hexdigest() if template else "default"
    pictures = sorted({p for slide in plan.slides for p in named(slide.elements)[0]})
    as_is = [(p, images.as_is(p[0], p[1], p[2], (p[3], p[4])) is not None) for p in pictures]
    return f"{code_stamp()}|{pptx.__version__}|{shape}|{plan.width}x{plan.height}|{theme!r}" \
        f"|{as_is}|{plan.language}|{plan.foreign}"


def _theme_part(prs: Any) -> bytes | None:
    """The XML of the theme the slides inherit (their master's)."""
    master = prs.slide_masters[0].part
    for rel in master.rels.values():
        if rel.reltype == RT.THEME:
            return bytes(rel.target_part.blob)
    return None


def render(plan: DeckPlan, theme: Theme, path: Path, *, images: ImageStore,
           timestamp: dt.datetime, template: Path | None = None,
           cache: Path | None = None) -> str:
    """Writes the deck to ``path``; pictures come prepared from ``images``. With a
    ``cache`` folder, slides whose plan is unchanged since the last build are taken from
    there (see slide_cache.py)."""
    plan = merged_columns(plan)  # a text in two columns is one body in a PPTX
    prs, layouts, available = start_presentation(template, theme, plan)
    prs.slide_width = emu(plan.width)
    prs.slide_height = emu(plan.height)
    # The default template says type="screen4x3", which PowerPoint's Slide Size dialog
    # shows for a 16:9 deck; without it the size is what cx and cy say ("custom").
    prs.element.sldSz.attrib.pop("type", None)
    writer = _Writer(theme, images, layouts, DeckParts(prs), available, plan.language,
                     plan.foreign, ThemeRefs(_theme_part(prs)))
    slides = SlideCache(cache, _depends_on(plan, theme, template, images))
    for slide_plan in plan.slides:
        cached = slides.get(slide_plan)
        if cached is not None and writer.reuse(prs, slide_plan, *cached):
            continue
        slide = writer.slide(prs, slide_plan)
        slides.put(slide_plan, etree.tostring(slide.element, encoding="unicode"),
                   writer.relations)
    slides.save()
    finish_package(prs, plan, theme, timestamp, images, cache)
    private.StableWriter(path, timestamp, prs.part.package).write_package()
    return f"{len(plan.slides)} slides"
