"""The package around the slides: document properties, sections, thumbnail, fonts.

Sections (PowerPoint 2010's ``p14:sectionLst`` in the presentation's extension list) group
the slide sorter and navigation by the deck's parts; the document properties carry what
deck.yaml says about the deck, keywords included, for search and for screen readers, and
what the written deck is (app.xml: slides, titles, fonts, format); the thumbnail shows its
first slide. Nothing of python-pptx's default template is left in docProps/.
"""

from __future__ import annotations

import datetime as dt
import uuid
from html import escape
from pathlib import Path
from typing import Any

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn

from ...layout.plan import DeckPlan
from ...text.measure import find_font_file
from ...theme import Theme
from ..images import ImageStore
from .app_props import app_xml, read_facts
from .fonts import embed_fonts
from .notes_master import name_notes_placeholders
from .private import replace_blob
from .thumbnail import thumbnail

SECTIONS_EXT = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
#: Section ids are GUIDs; derived from the deck's sections so equal input gives equal bytes.
_SECTION_NS = uuid.UUID("6f0b8c9e-0d4e-4f7a-9d0c-2f3b6a1d5e17")


def sections(plan: DeckPlan, slide_ids: list[str]) -> list[tuple[str, list[str]]]:
    """(name, slide ids) of each section, in order; slides before a named start join the
    first section."""
    found: list[tuple[str, list[str]]] = []
    for slide, sid in zip(plan.slides, slide_ids, strict=True):
        if slide.section or not found:
            found.append((slide.section or plan.title, []))
        found[-1][1].append(sid)
    return found


def add_sections(prs: Any, plan: DeckPlan) -> None:
    """The presentation's section list (one p14:section per part of the deck)."""
    ids = [str(i) for i in prs.slides.element.xpath("./p:sldId/@id")]
    parts = "".join(
        f'<p14:section name="{escape(name)}" '
        f'id="{{{str(uuid.uuid5(_SECTION_NS, f"{n}|{name}")).upper()}}}"><p14:sldIdLst>'
        + "".join(f'<p14:sldId id="{i}"/>' for i in members) + "</p14:sldIdLst></p14:section>"
        for n, (name, members) in enumerate(sections(plan, ids)))
    ext_list = parse_xml(
        f'<p:extLst {nsdecls("p")}><p:ext uri="{SECTIONS_EXT}"><p14:sectionLst '
        f'xmlns:p14="{P14}">{parts}</p14:sectionLst></p:ext></p:extLst>')
    root = prs.element
    old = root.find(qn("p:extLst"))
    if old is not None:
        root.remove(old)
    root.append(ext_list)


def _replace_part(prs: Any, reltype: str, partname: str, content_type: str,
                  blob: bytes) -> None:
    """The package's part of ``reltype`` (app.xml, the thumbnail) with new bytes; made
    and related when the template has none."""
    package = prs.part.package
    try:
        replace_blob(package.part_related_by(reltype), blob)
    except KeyError:
        package.relate_to(Part(PackURI(partname), content_type, package, blob), reltype)


def _core_properties(prs: Any, plan: DeckPlan, timestamp: dt.datetime) -> None:
    """What deck.yaml says of the deck; no description (python-pptx's default template
    says "generated using python-pptx" there, and deck.yaml has none)."""
    props = prs.core_properties
    props.title, props.author, props.subject = plan.title, plan.author, plan.subject
    props.keywords = ", ".join(plan.keywords)
    props.comments = ""
    props.language = plan.language
    for default in prs.element.iter(qn("a:defPPr"), qn("a:defRPr")):  # default text style
        if default.tag == qn("a:defRPr"):
            default.set("lang", plan.language)
    props.last_modified_by = plan.author
    props.created = props.modified = timestamp.replace(tzinfo=None)
    props.revision = 1


def finish_package(prs: Any, plan: DeckPlan, theme: Theme, timestamp: dt.datetime,
                   images: ImageStore, cache: Path | None = None) -> None:
    """Document properties, sections, thumbnail and embedded fonts, once every slide is
    in place; font files are found as the measurer finds them (the project's assets/fonts
    first), their EOT headers kept in ``cache`` (font_facts.py)."""
    _core_properties(prs, plan, timestamp)
    if plan.slides:
        add_sections(prs, plan)
    name_notes_placeholders(prs)
    _replace_part(prs, RT.EXTENDED_PROPERTIES, "/docProps/app.xml", CT.OFC_EXTENDED_PROPERTIES,
                  app_xml(read_facts(prs), plan.width, plan.height, plan.language))
    _replace_part(prs, RT.THUMBNAIL, "/docProps/thumbnail.jpeg", CT.JPEG,
                  thumbnail(plan, theme, images))
    prs.element.attrib.pop("saveSubsetFonts", None)
    if theme.embed_fonts:
        paths = {key: find_font_file(face.file, images.root)
                 for key, face in theme.faces.items()}
        embed_fonts(prs, theme, {k: p for k, p in paths.items() if p is not None}, cache)

