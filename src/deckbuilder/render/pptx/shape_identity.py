"""A shape's two names: the one the selection pane shows, and the identity of its content.

The name (``cNvPr/@name``) is for people: "Titel", "Text 2", "Bild". The identity
(``trends.yaml:trends[4].factors:body``, layout/identity.py) is for ``pull`` and the edit
guard, and is kept in an extension of the shape's non-visual properties:

    <p:cNvPr id="4" name="Text 2"><a:extLst><a:ext uri="{B25C5965-…}">
      <db:content xmlns:db="urn:deckbuilder:identity" path="trends.yaml:…"/>
    </a:ext></a:extLst></p:cNvPr>

ISO/IEC 29500 has consumers keep every extension they do not understand and write it out
again (Part 1, 18.2.7; Part 3's round-trip rules for ``ext``), and Office puts its own
later properties in this very list (``a16:creationId``, the decorative flag), counting on
that rule in the versions before them. Unlike PowerPoint's own tags
(``p:custDataLst``, one part per tagged shape) it lives inside the slide's XML, so the
slide cache and byte-identical builds need nothing new. LibreOffice 7.4 drops both (and
renames placeholders); the guard then pairs shapes by order and pull takes identities from
the last build's record, as it did before.

Uses lxml only, so the edit guard can read identities without loading python-pptx.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from ...layout.plan import Element, ShapeBox

#: The extension's uri (a GUID in braces, as Office writes its own) and its element.
URI = "{B25C5965-BDD2-5050-BFF2-E2FA88FD8D7C}"
NS = "urn:deckbuilder:identity"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_CNVPR = f"{{{_P}}}cNvPr"
_EXT_LST, _EXT = f"{{{_A}}}extLst", f"{{{_A}}}ext"
_CONTENT = f"{{{NS}}}content"
#: The non-visual properties' element of each kind of shape.
_HOLDERS = ("nvSpPr", "nvPicPr", "nvGraphicFramePr", "nvGrpSpPr", "nvCxnSpPr")


def non_visual(shape: Any) -> Any:
    """The ``p:cNvPr`` of a shape element (sp, pic, graphicFrame, grpSp, cxnSp), or None."""
    for holder in _HOLDERS:
        found = shape.find(f"{{{_P}}}{holder}/{_CNVPR}")
        if found is not None:
            return found
    return None


def names_of(element: Element) -> tuple[str, str]:
    """A plan element's selection-pane name and identity ('' where it has none); a shape
    with text has its identity in the text."""
    if isinstance(element, ShapeBox):
        return element.name, element.text.ident if element.text is not None else ""
    return element.name, getattr(element, "ident", "")


def last_shape(tree: Any) -> Any:
    """The shape last added to a slide's or a group's shape tree."""
    kinds = {f"{{{_P}}}{kind}" for kind in ("sp", "pic", "graphicFrame", "grpSp", "cxnSp")}
    return next(child for child in reversed(tree) if child.tag in kinds)


def name_shape(shape: Any, name: str, ident: str) -> None:
    """Gives the shape element its selection-pane ``name`` (kept as it is when empty) and
    keeps ``ident`` (when not empty) in its extension."""
    cnvpr = non_visual(shape)
    if name:
        cnvpr.set("name", name)
    if not ident:
        return
    ext_lst = cnvpr.find(_EXT_LST)
    if ext_lst is None:  # it comes after hlinkClick and hlinkHover: last
        ext_lst = etree.SubElement(cnvpr, _EXT_LST)
    ext = etree.SubElement(ext_lst, _EXT, {"uri": URI})
    etree.SubElement(ext, _CONTENT, {"path": ident}, nsmap={"db": NS})


def identity(shape: Any) -> str:
    """The identity kept in a shape element, '' when it has none (a shape added in
    PowerPoint, or one that went through LibreOffice)."""
    cnvpr = non_visual(shape)
    if cnvpr is None:
        return ""
    for ext in cnvpr.iterfind(f"{_EXT_LST}/{_EXT}"):
        if ext.get("uri") == URI:
            content = ext.find(_CONTENT)
            if content is not None:
                return content.get("path", "")
    return ""
