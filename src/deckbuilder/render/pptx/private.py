"""Every use of python-pptx's private API, each with the reason no public way serves.

python-pptx is pinned to the minor version tested (pyproject.toml); when it moves, these
functions are what to check. The rest of render/pptx/ uses the public API, or lxml on the
public ``element`` of a shape, slide, master or presentation.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pptx.opc.serialized import PackageWriter
from pptx.oxml.text import CT_RegularTextRun


def text_body(frame: Any) -> Any:
    """The ``a:txBody`` of a text frame (a text box's or a table cell's). The deck's
    paragraphs are written as DrawingML directly: python-pptx's paragraph and run objects
    cost a third of the deck's render time for the same XML, and TextFrame does not expose
    its element."""
    return frame._txBody


def escape_control_characters(text: str) -> str:
    """Text as python-pptx's ``run.text`` setter stores it: control characters, which XML
    cannot hold, as PowerPoint's ``_xHHHH_`` escapes. The runs are built as XML (see
    ``text_body``), so the setter's own escaping is called."""
    return CT_RegularTextRun._escape_ctrl_chars(text)


def cell_properties(cell: Any) -> Any:
    """A table cell's ``a:tcPr``, made if absent: python-pptx has no API for cell borders
    (the rule under each program row) and the cell does not expose its element."""
    return cell._tc.get_or_add_tcPr()


@contextmanager
def extents_once(shapes: Any) -> Iterator[None]:
    """While inside, a group's shape collection does not recompute the group's extents
    after every added shape (which makes filling a group quadratic); once, at the end.
    python-pptx has no public switch for it."""
    recalculate = shapes._recalculate_extents
    shapes._recalculate_extents = lambda: None
    try:
        yield
    finally:
        del shapes._recalculate_extents
        recalculate()


def add_picture_shape(shapes: Any, image_part: Any, rid: str, x: int, y: int, cx: int,
                      cy: int) -> Any:
    """The picture shape for an image part already related to the slide: the steps of
    ``shapes.add_picture`` without its search of every image part by SHA-1 (parts.py
    keeps an index of them)."""
    element = shapes._add_pic_from_image_part(image_part, rid, x, y, cx, cy)
    shapes._recalculate_extents()
    return shapes._shape_factory(element)


def relate_new(part: Any, reltype: str, target: Any) -> str:
    """A new relationship from ``part`` to ``target``, and its id. The public
    ``relate_to`` first searches every relationship for one to reuse, which a new slide
    never has: on a long deck that search is most of the time spent per slide."""
    rid: str = part.rels._add_relationship(reltype, target)
    return rid


def append_slide_id(slide_ids: Any, slide_id: int, rid: str) -> None:
    """The slide's entry in the presentation's slide list, with an id parts.py counts;
    the public ``add_sldId`` takes the maximum over every id for each new slide."""
    slide_ids._add_sldId(id=slide_id, rId=rid)


def replace_slide_xml(slide: Any, root: Any) -> None:
    """A cached slide's XML in place of the new, empty slide part's: python-pptx has no
    public way to give a part another element. The part's slide object (a lazyproperty
    kept in the part's ``__dict__``) is dropped too, so that ``prs.slides`` afterwards
    reads the new element (app.xml's titles and counts), not the empty one."""
    slide.part._element = root
    slide.part.__dict__.pop("slide", None)


def replace_blob(part: Any, blob: bytes) -> None:
    """New bytes for a part python-pptx keeps as bytes (the theme, rewritten with the
    deck's colours and fonts; app.xml and the thumbnail, made from the deck):
    ``Part.blob`` is read-only."""
    part._blob = blob


#: Parts whose bytes are compressed already: stored in the package as they are.
STORED = (".jpg", ".jpeg", ".png")
#: Embedded fonts (1 MB for the IHK deck's five faces) are deflated at zlib's fastest
#: level: 38 ms instead of 90 ms in every build, for 38 KB more (1.7 % of the deck).
FAST = (".fntdata",)


class StableWriter(PackageWriter):
    """Writes the package once, straight to ``path``, with every entry stamped with the
    build time instead of the wall clock (same content and SOURCE_DATE_EPOCH give the same
    bytes). Pictures (JPEG, PNG: compressed already) are stored, everything else is
    deflated: deflating the IHK deck's JPEGs again took 0.10 s of every build, more than
    half of the package's compression time, to save 8 % of them (137 KB of 2.1 MB).
    ZIP's "stored" method is one of the two OPC allows (ECMA-376 Part 2, its ZIP
    appendix: stored and deflated); PowerPoint and LibreOffice read both. Embedded fonts
    are deflated at the fastest level (FAST). Uses python-pptx's own serialisation of
    parts, relationships and content types (PackageWriter's steps, which python-pptx only
    offers behind ``save``, with the wall clock's time stamps).
    """

    def __init__(self, path: Path, timestamp: dt.datetime, package) -> None:  # type: ignore[no-untyped-def]
        # The package's relationships: OpcPackage exposes them only to its writer.
        super().__init__(str(path), package._rels, tuple(package.iter_parts()))
        self.stamp = max(timestamp, dt.datetime(1980, 1, 1, tzinfo=dt.UTC)).timetuple()[:6]
        self.path = path

    def write_package(self) -> None:
        with zipfile.ZipFile(self.path, "w") as self.zip:
            self._write_content_types_stream(self)  # type: ignore[arg-type]
            self._write_pkg_rels(self)  # type: ignore[arg-type]
            self._write_parts(self)  # type: ignore[arg-type]

    def write(self, pack_uri, blob: bytes) -> None:  # type: ignore[no-untyped-def, override]
        """The physical writer's one method, called by PackageWriter for every entry."""
        name = pack_uri.membername
        info = zipfile.ZipInfo(name, date_time=self.stamp)
        info.compress_type = zipfile.ZIP_STORED if name.lower().endswith(STORED) \
            else zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self.zip.writestr(info, blob, compresslevel=1 if name.lower().endswith(FAST) else None)
