"""The dossier's logical structure (tagged PDF), recorded while reportlab draws it.

The renderer builds a tree of structure elements (Document, H1, P, Table, Figure …) in the
content's reading order before anything is drawn. While a flowable draws, its content is
wrapped in a marked-content sequence (``BDC … EMC``, written with the canvas's public
``addLiteral``) whose MCID ties it to its element. Everything drawn outside such a sequence
is an artifact: each page opens ``/Artifact BMC`` when it begins and closes it when it
ends, and a tagged sequence closes and reopens it around itself. Rules, table
backgrounds, colour bars and the footer are so marked as artifacts without any code in
reportlab's table or frame drawing. ``finish.py`` turns the record into the PDF's
structure tree once reportlab has written the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from .private import date_document, text_being_drawn

#: The markup callback (``<onDraw name=... label=LANG/>``) where a phrase in another
#: language starts (label: its tag) or ends (empty label): PdfText.markup writes it.
LANGUAGE_CALLBACK = "deckbuilder_lang"


@dataclass(eq=False)
class Mark:
    """One marked-content sequence: page number (from 1) and its MCID on that page."""

    page: int
    mcid: int


@dataclass(eq=False)
class Annot:
    """A link annotation: page number (from 1), its place among the page's annotations,
    and the description a screen reader announces (the annotation's /Contents)."""

    page: int
    index: int
    contents: str


@dataclass(eq=False)
class Node:
    """A structure element: its standard type (``role``), children in reading order, and
    what a reader announces instead of its content (``alt``, ``actual``)."""

    role: str
    kids: list[Node | Mark | Annot] = field(default_factory=list)
    alt: str | None = None
    actual: str | None = None
    lang: str | None = None
    attrs: dict[str, str | int] = field(default_factory=dict)
    drawn: bool = False  # made while drawing (a link's element): gone when drawing restarts

    def add(self, role: str, **extra: Any) -> Node:
        """A new last child of this element."""
        node = Node(role, **extra)
        self.kids.append(node)
        return node

    def elements(self) -> Iterator[Node]:
        """This element and every element below it, in reading order."""
        yield self
        for kid in self.kids:
            if isinstance(kid, Node):
                yield from kid.elements()


class Tags:
    """The structure tree of one document and what drawing it has recorded so far."""

    def __init__(self, describe: Callable[[str], str]) -> None:
        self.root = Node("Document")
        self.describe = describe  # a link target (URL or bookmark key) to its description
        self.pages = 0
        self._mcids: dict[int, int] = {}
        self._annots: dict[int, int] = {}
        self._open: Node | None = None
        self._owner: Node | None = None
        self._span: Node | None = None  # a phrase in another language, being drawn

    def reset(self) -> None:
        """Forgets what was drawn: reportlab lays the dossier out again from the start."""
        for node in list(self.root.elements()):
            node.kids = [k for k in node.kids if isinstance(k, Node) and not k.drawn]
        self.pages = 0
        self._mcids.clear()
        self._annots.clear()
        self._open = self._owner = self._span = None

    def begin_page(self, canvas: Canvas) -> None:
        """Opens the page's artifact: what no element claims is not read out."""
        self.pages = max(self.pages, canvas.getPageNumber())
        canvas.addLiteral("/Artifact BMC")

    def end_page(self, canvas: Canvas) -> None:
        canvas.addLiteral("EMC")

    @contextmanager
    def mark(self, canvas: Canvas, node: Node | None) -> Iterator[None]:
        """Draws the body's content as ``node``'s content. Inside another element's
        sequence it belongs to that one (marked content does not nest here)."""
        if node is None or self._open is not None:
            yield
            return
        page = canvas.getPageNumber()
        mcid = self._mcids.get(page, 0)
        self._mcids[page] = mcid + 1
        canvas.addLiteral(f"EMC /{node.role} <</MCID {mcid}>> BDC")
        node.kids.append(Mark(page, mcid))  # before the links drawn inside it
        self._open = node
        try:
            yield
        finally:
            self._open = self._span = None
            canvas.addLiteral("EMC /Artifact BMC")

    def language(self, canvas: Canvas, lang: str, emit: Callable[[str], None]) -> None:
        """Where a phrase in another language starts (``lang``) or ends (empty) inside
        the paragraph being drawn: its words become a Span element with that /Lang, the
        rest stays the paragraph's (PDF/UA-1, 7.2: a change of language is marked).
        ``emit`` writes into the paragraph's text object, where the words stand."""
        parent = self._open
        if parent is None or bool(lang) == (self._span is not None):
            return
        page = canvas.getPageNumber()
        mcid = self._mcids.get(page, 0)
        self._mcids[page] = mcid + 1
        if lang:
            self._span = parent.add("Span", lang=lang, drawn=True)
            emit(f"EMC /Span <</MCID {mcid}>> BDC")
            self._span.kids.append(Mark(page, mcid))
        else:
            self._span = None
            emit(f"EMC /{parent.role} <</MCID {mcid}>> BDC")
            parent.kids.append(Mark(page, mcid))

    @contextmanager
    def pagination(self, canvas: Canvas) -> Iterator[None]:
        """The running footer: an artifact of the pagination kind."""
        canvas.addLiteral("EMC /Artifact <</Type /Pagination /Subtype /Footer>> BDC")
        try:
            yield
        finally:
            canvas.addLiteral("EMC /Artifact BMC")

    @contextmanager
    def owner(self, node: Node) -> Iterator[None]:
        """Links made in the body belong to ``node``: a Link element, or one that gets a
        Link element for each."""
        self._owner = node
        try:
            yield
        finally:
            self._owner = None

    def link(self, page: int, target: str) -> None:
        """Records the page's next link annotation under its Link element: the one being
        drawn (a contents entry), the given owner, or a new one inside the element being
        drawn (a web address in a paragraph), described by its target."""
        contents = self.describe(target)
        node = self._owner or self._open
        if node is None or node.role != "Link":
            node = (node or self.root).add("Link", alt=contents, drawn=True)
        index = self._annots.get(page, 0)
        self._annots[page] = index + 1
        node.kids.append(Annot(page, index, contents))


def tagging_canvas(tags: Tags, stamp: dt.datetime) -> type[Canvas]:
    """A canvas class that records links in ``tags`` and dates the document at ``stamp``
    (reproducible builds). reportlab makes a new canvas for each layout pass."""
    class _Canvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            date_document(self, stamp)
            self.tags = tags
            tags.reset()
            self.setNamedCB(LANGUAGE_CALLBACK, lambda canvas, _kind, label: tags.language(
                canvas, label or "", text_being_drawn(canvas)))

        def linkRect(self, contents: str, destinationname: str,  # noqa: N802 - reportlab's
                     *args: Any, **kwargs: Any) -> Any:
            tags.link(self.getPageNumber(), "#" + destinationname)
            return super().linkRect(contents, destinationname, *args, **kwargs)

        def linkURL(self, url: str, *args: Any, **kwargs: Any) -> Any:  # noqa: N802
            tags.link(self.getPageNumber(), url)
            return super().linkURL(url, *args, **kwargs)

    return _Canvas
