"""What a PPTX holds, slide by slide (each shape's name, text and place), and how two differ.

The guard records this summary of every deck it writes, so that when the deck is later
edited it can say in plain words what changed ("slides 5 and 12: text edited"). It reads
the package with zipfile and lxml rather than python-pptx: only the renderer imports pptx,
and a deck that went through LibreOffice is read the same way. LibreOffice rewrites every
byte, so the comparison is by texts and places, never by bytes.
"""

from __future__ import annotations

import difflib
import posixpath
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..content.notes import ITEM
from ..content.pptx_package import check_package
from ..render.pptx.shape_identity import identity
from ..text.linebreak import BROKEN

_NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
       "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
       "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}

#: Moves and resizes smaller than this (1 pt, in EMU) are rounding, e.g. by LibreOffice.
TOLERANCE = 12700


@dataclass(frozen=True)
class Shape:
    """One shape on a slide: its name, its text (paragraphs joined by newlines) and its
    box in EMU, None where the shape takes its place from the layout. The name is the
    identity of the content the shape came from where the shape keeps one
    (``trends.yaml:trends[7].factors:body``: render/pptx/shape_identity.py; a deck built
    before identities moved there has it as the shape's name), else the shape's name."""

    name: str
    text: str
    box: tuple[int, int, int, int] | None


Slide = tuple[Shape, ...]

#: The name of the summary's stand-in for a slide's speaker notes, the last of its shapes:
#: their text is the notes' paragraphs one a line, list items marked "- " (content/notes.py),
#: their box None. A record written before notes were read has none: nothing known.
NOTES = "#notes"
_NOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide"


def read_deck(path: Path) -> list[Slide]:
    """The slides of the PPTX at ``path`` in presentation order; raises ValueError when the
    file is not a readable PPTX (PackageProblem, with a hint, when its ZIP directory says
    so: a deck edited by hand may be anything, a zip bomb too)."""
    check_package(path)
    try:
        with zipfile.ZipFile(path) as package:
            return [(*_read_slide(package.read(part)), _notes(package, part))
                    for part in _slide_parts(package)]
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as exc:
        raise ValueError(f"not a readable PowerPoint file ({exc})") from None


def _slide_parts(package: zipfile.ZipFile) -> list[str]:
    """Slide part names in the order presentation.xml lists them."""
    rels = etree.fromstring(package.read("ppt/_rels/presentation.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iterfind("rel:Relationship", _NS)}
    pres = etree.fromstring(package.read("ppt/presentation.xml"))
    ids = [s.get(f"{{{_NS['r']}}}id") for s in pres.iterfind("p:sldIdLst/p:sldId", _NS)]
    return [_resolve(targets[i]) for i in ids]


def _resolve(target: str, base: str = "ppt") -> str:
    """A relationship target of a part in folder ``base`` (presentation.xml's: ppt) as a
    part name in the package."""
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join(base, target))


def _notes(package: zipfile.ZipFile, part: str) -> Shape:
    """The speaker notes of the slide ``part`` as the summary's NOTES shape; its text is
    empty for a slide without notes. An edit in the notes pane is an edit like any other:
    a build would overwrite it, and pull carries it back."""
    folder, name = posixpath.split(part)
    try:
        rels = etree.fromstring(package.read(f"{folder}/_rels/{name}.rels"))
    except KeyError:
        return Shape(NOTES, "", None)
    for rel in rels.iterfind("rel:Relationship", _NS):
        if rel.get("Type") == _NOTES_REL and rel.get("TargetMode") != "External":
            tree = etree.fromstring(package.read(_resolve(rel.get("Target", ""), folder)))
            return Shape(NOTES, _notes_text(tree), None)
    return Shape(NOTES, "", None)


def _notes_text(tree: etree._Element) -> str:
    """The paragraphs of a notes page's body placeholder, one a line, a bulleted one
    marked "- " as content marks a list item."""
    lines = []
    for sp in tree.iterfind("p:cSld/p:spTree/p:sp", _NS):
        ph = sp.find("p:nvSpPr/p:nvPr/p:ph", _NS)
        if ph is None or ph.get("type") != "body":
            continue
        for p in sp.iterfind("p:txBody/a:p", _NS):
            text = " ".join("".join(t.text or "" for t in p.iter(f"{{{_NS['a']}}}t")).split())
            bulleted = p.find("a:pPr/a:buChar", _NS) is not None \
                or p.find("a:pPr/a:buAutoNum", _NS) is not None
            if text:
                lines.append(ITEM + text if bulleted else text)
    return "\n".join(lines)


def shapes_of(slide: Slide) -> Slide:
    """The slide's shapes, without the stand-in for its notes."""
    return tuple(s for s in slide if s.name != NOTES)


def notes_of(slide: Slide) -> str | None:
    """The slide's notes as the summary holds them; None when the record has none."""
    return next((s.text for s in slide if s.name == NOTES), None)


def _read_slide(xml: bytes) -> Slide:
    tree = etree.fromstring(xml)
    tree_root = tree.find("p:cSld/p:spTree", _NS)
    if tree_root is None:
        return ()
    return tuple(_shape(el) for el in tree_root
                 if etree.QName(el).localname in ("sp", "pic", "graphicFrame", "grpSp",
                                                  "cxnSp"))


def _shape(el: etree._Element) -> Shape:
    name = el.find("*/p:cNvPr", _NS)
    box = _box(el)
    if box is not None and el.find(".//a:tbl", _NS) is not None:
        # A table's height follows its text: PowerPoint and LibreOffice recompute the rows.
        box = (*box[:3], 0)
    key = identity(el) or (name.get("name", "") if name is not None else "")
    return Shape(key, _text(el), box)


def _box(el: etree._Element) -> tuple[int, int, int, int] | None:
    xfrm = el.find("p:spPr/a:xfrm", _NS)
    if xfrm is None:
        xfrm = el.find("p:xfrm", _NS)
    if xfrm is None:
        xfrm = el.find("p:grpSpPr/a:xfrm", _NS)
    off = xfrm.find("a:off", _NS) if xfrm is not None else None
    ext = xfrm.find("a:ext", _NS) if xfrm is not None else None
    if off is None or ext is None:
        return None
    try:
        return (int(off.get("x", 0)), int(off.get("y", 0)), int(ext.get("cx", 0)),
                int(ext.get("cy", 0)))
    except ValueError:
        return None


def _text(el: etree._Element) -> str:
    """Paragraphs joined by newlines, table cells by ' | '; spacing normalised, since an
    editor that rewrites the file (LibreOffice) may split runs or change line breaks."""
    rows = el.findall(".//a:tr", _NS)
    if rows:
        return "\n".join(" | ".join(_paras(cell) for cell in row.iterfind("a:tc", _NS))
                         for row in rows)
    return _paras(el)


def _paras(el: etree._Element) -> str:
    paras = []
    for p in el.iterfind(".//a:p", _NS):
        parts = [node.text or "" for node in p.iter(f"{{{_NS['a']}}}t")
                 if not _slide_number(node)]
        text = " ".join(_unbroken(p, "".join(parts)).split())
        if text:
            paras.append(text)
    return "\n".join(paras)


def _unbroken(p: etree._Element, text: str) -> str:
    """The paragraph's text with the words layout broke (a hyphen and a line break,
    render/pptx/runs.py) whole again, as content has them."""
    if p.find("a:br", _NS) is None or BROKEN not in text:
        return text
    whole: list[str] = []
    for node in p:
        if node.tag == f"{{{_NS['a']}}}br" and whole and whole[-1].endswith(BROKEN):
            whole[-1] = whole[-1][:-1]
        elif node.tag == f"{{{_NS['a']}}}r":
            whole.append(node.findtext("a:t", "", _NS))
    return "".join(whole)


def _slide_number(node: etree._Element) -> bool:
    """Text of a slide-number field: PowerPoint fills in the number, LibreOffice writes
    '<number>'; neither is an edit."""
    parent = node.getparent()
    return parent is not None and etree.QName(parent).localname == "fld" \
        and (parent.get("type") or "") == "slidenum"


# ---- comparing two summaries -------------------------------------------------------------


def changes(old: list[Slide], new: list[Slide]) -> dict[str, list[int]]:
    """What changed from ``old`` to ``new``: each kind of change ("text edited", "shape
    moved", ...) with the slide numbers it happened on (numbers of ``new``; of ``old`` for
    deleted slides). Slides are paired by their texts, so an added slide does not make every
    later one look edited."""
    found: dict[str, list[int]] = {}
    for kind, number in _slide_changes(old, new):
        found.setdefault(kind, [])
        if number not in found[kind]:
            found[kind].append(number)
    return found


def _slide_changes(old: list[Slide], new: list[Slide]) -> Iterator[tuple[str, int]]:
    for a, b in pair_slides(old, new):
        if a is not None and b is not None:
            for kind in _shape_changes(old[a], new[b]):
                yield kind, b + 1
        elif b is not None:
            yield "slide added", b + 1
        elif a is not None:
            yield "slide deleted", a + 1


def pair_slides(old: list[Slide], new: list[Slide]) -> Iterator[tuple[int | None, int | None]]:
    """(old index, new index) of the same slide; None on one side for an added or a
    deleted slide. Slides are paired by their texts, then by position among the rest."""
    matcher = difflib.SequenceMatcher(a=[_key(s) for s in old], b=[_key(s) for s in new],
                                      autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        pairs = min(a1 - a0, b1 - b0) if op == "replace" else (a1 - a0 if op == "equal" else 0)
        for i in range(pairs):
            yield a0 + i, b0 + i
        for j in range(b0 + pairs, b1):
            yield None, j
        for i in range(a0 + pairs, a1):
            yield i, None


def _key(slide: Slide) -> tuple[str, ...]:
    """A slide's texts without its number, which changes when a slide is added before it."""
    return tuple(s.text for s in shapes_of(slide)
                 if s.text and not re.fullmatch(r"\d+", s.text))


def _shape_changes(old: Slide, new: Slide) -> list[str]:
    kinds = []
    if Counter(_key(old)) != Counter(_key(new)):
        kinds.append("text edited")
    notes = notes_of(old), notes_of(new)
    if None not in notes and notes[0] != notes[1]:
        kinds.append("notes edited")
    pairs = pair_shapes(old, new)
    if pairs is None:
        pairs = []
        kinds.append("shape added" if len(new) > len(old) else "shape deleted")
    for kind in ("shape moved", "shape resized"):
        if any(_differs(a.box, b.box, kind) for a, b in pairs):
            kinds.append(kind)
    return kinds


def pair_shapes(old: Slide, new: Slide) -> list[tuple[Shape, Shape]] | None:
    """The same shapes on two versions of a slide: by name when the names are unique and
    the same, by order when only the names differ; None when shapes were added or removed.
    The notes are no shape here (notes_of)."""
    old, new = shapes_of(old), shapes_of(new)
    old_names = Counter(s.name for s in old)
    if old_names == Counter(s.name for s in new) and all(n == 1 for n in old_names.values()):
        by_name = {s.name: s for s in new}
        return [(s, by_name[s.name]) for s in old]
    if len(old) == len(new):
        return list(zip(old, new, strict=True))  # renamed by an editor: pair by order
    return None


def _differs(a: tuple[int, ...] | None, b: tuple[int, ...] | None, kind: str) -> bool:
    if a is None or b is None:
        return False  # a place taken from the layout on one side: nothing to compare
    start = 0 if kind == "shape moved" else 2
    return any(abs(a[i] - b[i]) > TOLERANCE for i in (start, start + 1))


def describe(found: dict[str, list[int]]) -> str:
    """'slides 5 and 12: text edited; slide 30: shape moved'."""
    return "; ".join(f"{_numbers(numbers)}: {kind}" for kind, numbers in found.items())


def _numbers(numbers: list[int]) -> str:
    ordered = [str(n) for n in sorted(numbers)]
    if len(ordered) == 1:
        return f"slide {ordered[0]}"
    return f"slides {', '.join(ordered[:-1])} and {ordered[-1]}"


def to_json(slides: list[Slide]) -> list[list[list[object]]]:
    """The summary as JSON-ready lists, for the build state."""
    return [[[s.name, s.text, list(s.box) if s.box else None] for s in slide]
            for slide in slides]


def from_json(data: list[list[list[object]]]) -> list[Slide]:
    """The summary back from the build state; raises ValueError when it is not one."""
    try:
        return [tuple(Shape(str(name), str(text), _box_from_json(box))
                      for name, text, box in slide) for slide in data]
    except (TypeError, ValueError):
        raise ValueError("not a deck summary") from None


def _box_from_json(box: object) -> tuple[int, int, int, int] | None:
    if box is None:
        return None
    if not isinstance(box, list) or len(box) != 4:
        raise ValueError("not a box")
    x, y, w, h = (int(v) for v in box)
    return (x, y, w, h)
