"""Finishes a PDF reportlab wrote into a tagged PDF/UA-1 file, with pikepdf.

reportlab writes the marked content (see ``tags.py``) but has no structure tree, so the
tree recorded while drawing is written here: the structure elements, the ParentTree that
leads from each MCID and link back to its element, /MarkInfo, tab order, link
descriptions and the XMP metadata that claims PDF/UA-1. The file is rewritten in place;
the caller writes to a temporary file first, so a failure leaves the last good output.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from .tags import Annot, Mark, Node, Tags

PRINT = 4  # annotation flag: shown in print as on screen


def finish(path: Path, tags: Tags, *, title: str, lang: str) -> None:
    """Writes the structure tree of ``tags`` and the PDF/UA metadata into ``path``."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        _Tree(pdf).write(tags.root)
        catalog = pdf.Root
        catalog.MarkInfo = Dictionary(Marked=True)
        catalog.Lang = String(lang)
        prefs = catalog.get("/ViewerPreferences", Dictionary())
        prefs.DisplayDocTitle = True
        catalog.ViewerPreferences = prefs
        catalog.Metadata = pdf.make_stream(_xmp(title, lang).encode("utf-8"),
                                           Type=Name.Metadata, Subtype=Name.XML)
        for page in pdf.pages:
            if "/Annots" in page.obj:
                page.obj.Tabs = Name.S  # tab through links in the structure's order
        # Object streams pack the few hundred small structure objects: the tagged dossier
        # is then no larger than the untagged one was (660 KB against 666 KB, IHK).
        pdf.save(path, min_version="1.7", deterministic_id=True, fix_metadata_version=False,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)


class _Tree:
    """Writes structure elements and keeps the ParentTree's entries as it goes."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        self.pages = [p.obj for p in pdf.pages]
        self.by_mcid: dict[int, dict[int, pikepdf.Object]] = {}
        self.by_annot: list[pikepdf.Object] = []

    def write(self, root: Node) -> None:
        tree_root = self.pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        document = self.element(root, tree_root)
        if document is None:
            raise ValueError("the document has no tagged content")  # a bug, not the content's
        nums = Array()
        for index, page in enumerate(self.pages):
            elements = self.by_mcid.get(index + 1)
            if elements:
                page.StructParents = index
                nums.append(index)
                nums.append(self.pdf.make_indirect(
                    Array([elements[m] for m in range(len(elements))])))
        for offset, element in enumerate(self.by_annot):
            nums.append(len(self.pages) + offset)
            nums.append(element)
        tree_root.K = document
        tree_root.ParentTree = self.pdf.make_indirect(Dictionary(Nums=nums))
        tree_root.ParentTreeNextKey = len(self.pages) + len(self.by_annot)
        self.pdf.Root.StructTreeRoot = tree_root

    def element(self, node: Node, parent: pikepdf.Object) -> pikepdf.Object | None:
        """The element of ``node``, or None when nothing of it was drawn."""
        if not _has_content(node):
            return None
        el = self.pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + node.role),
                                               P=parent))
        first = next((k.page for k in node.kids if isinstance(k, Mark)), None)
        if first is not None:
            el.Pg = self.pages[first - 1]
        kids = Array()
        for kid in node.kids:
            if isinstance(kid, Node):
                child = self.element(kid, el)
                if child is not None:
                    kids.append(child)
            elif isinstance(kid, Mark):
                kids.append(self.mark(kid, el, first))
            else:
                kids.append(self.annotation(kid, el))
        el.K = kids[0] if len(kids) == 1 else kids  # one MCID stands alone, as most tools write it
        _describe(el, node)
        return el

    def mark(self, mark: Mark, el: pikepdf.Object, first: int | None) -> object:
        self.by_mcid.setdefault(mark.page, {})[mark.mcid] = el
        if mark.page == first:
            return mark.mcid
        return Dictionary(Type=Name.MCR, Pg=self.pages[mark.page - 1], MCID=mark.mcid)

    def annotation(self, annot: Annot, el: pikepdf.Object) -> Dictionary:
        page = self.pages[annot.page - 1]
        obj = page.Annots[annot.index]
        obj.Contents = String(annot.contents)
        obj.F = PRINT
        obj.StructParent = len(self.pages) + len(self.by_annot)
        self.by_annot.append(el)
        return Dictionary(Type=Name.OBJR, Obj=obj, Pg=page)


def _has_content(node: Node) -> bool:
    return any(not isinstance(k, Node) or _has_content(k) for k in node.kids)


def _describe(el: pikepdf.Object, node: Node) -> None:
    if node.alt:
        el.Alt = String(node.alt)
    if node.actual:
        el.ActualText = String(node.actual)
    if node.lang:
        el.Lang = String(node.lang)
    if node.attrs:
        el.A = Dictionary({"/" + k: v if isinstance(v, int) else Name("/" + v)
                           for k, v in node.attrs.items()})  # ColSpan is a number


def _xmp(title: str, lang: str) -> str:
    """The metadata packet: the title a reader shows, and the claim of PDF/UA-1."""
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>
   <dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag></dc:language>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
