"""The slides and dossier pages as PNG for ``deckbuilder serve``, drawn anew only when changed.

Encoding a PNG costs more than drawing the page (the IHK deck: 0.5 s to encode its 33
slides, 0.25 s to draw them), so a round must not redo either for what did not change.
A slide's picture is kept under a digest of everything that draws it: its plan (every
box, text and colour; its source place is not part of its repr), the deck's size and
language, the theme, its own pictures and the other files under assets/ (fonts, the
template) by name, size and time.
Only slides whose digest is new are drawn, all in one PDF of just those slides. The
dossier flows from page to page, so a change may move every later page: when its plan's
digest changed it is drawn whole, and only pages whose pixels differ are encoded anew.
Each picture's version is a digest of its pixels, so the page reloads exactly the images
that look different.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from dataclasses import fields, replace
from pathlib import Path

import pypdfium2 as pdfium

from ..layout.plan import DeckPlan, PictureBox, SlidePlan
from ..render.images import ImageStore
from ..theme import portable
from .aside_jobs import PdfWriter
from .serve_board import Picture
from .stages import Prepared

#: Pixels per point: a 16:9 slide is 1440 pixels wide, sharp at the page's full width.
SCALE = 1.5


def digest(*parts: object) -> str:
    """A short digest of the parts' reprs (within one process: str hashes vary between
    processes, and so may the order of a frozenset's repr)."""
    h = hashlib.blake2b(digest_size=8)
    for part in parts:
        h.update(repr(part).encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def version_of(png: bytes) -> str:
    """The picture's version: a digest of its bytes."""
    return hashlib.blake2b(png, digest_size=8).hexdigest()


def _stamp(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (str(path), -1, -1)
    return (str(path), stat.st_size, stat.st_mtime_ns)


def assets_stamp(root: Path, leaving_out: frozenset[Path] = frozenset()) -> str:
    """Names, sizes and times of the files under assets/ (fonts, the template, pictures),
    but those in ``leaving_out``: the slides' own pictures, which their digests hold, so
    a new picture redraws only the slides that show it."""
    folder = root / "assets"
    found = sorted(_stamp(p) for p in folder.rglob("*")
                   if p.is_file() and p not in leaving_out) if folder.is_dir() else []
    return digest(found)


def _encode(bitmap: pdfium.PdfBitmap) -> bytes:
    buffer = io.BytesIO()
    bitmap.to_pil().save(buffer, "PNG", compress_level=1)  # local: speed over size
    return buffer.getvalue()


def _bitmaps(pdf: Path) -> Iterator[pdfium.PdfBitmap]:
    document = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(len(document)):
            page = document[index]
            yield page.render(scale=SCALE)
            page.close()
    finally:
        document.close()


class Drawer:
    """Keeps the pictures of the last rounds and draws only what changed since.

    ``redrawn`` names what the last call drew anew (the command reports it, tests check
    it). It is used from one thread: PDFium is not thread-safe.
    """

    def __init__(self, root: Path, cache: Path, scratch: Path) -> None:
        self.root, self.cache, self.scratch = root, cache, scratch
        self._slides: dict[str, Picture] = {}  # slide digest -> its picture (unnumbered)
        self._dossier_key = ""
        self._pages: list[Picture] = []
        self._page_pixels: list[str] = []
        self.redrawn: list[str] = []

    def _writer(self, ready: Prepared, plan: object) -> PdfWriter:
        theme = ready.loaded.theme
        store = ImageStore(self.root, self.cache / "pictures", theme.pictures.ppi,
                           theme.pictures.jpeg_quality)
        return PdfWriter(plan, portable(theme), self.root, store,  # type: ignore[arg-type]
                         ready.stamp, self.cache)

    def _base(self, ready: Prepared) -> str:
        deck = ready.plan
        header = [getattr(deck, f.name) for f in fields(deck) if f.name != "slides"]
        own = frozenset(self.root / e.path for s in deck.slides for e in s.elements
                        if isinstance(e, PictureBox))
        return digest(header, ready.loaded.theme, assets_stamp(self.root, own))

    def _slide_key(self, base: str, slide: SlidePlan) -> str:
        pictures = [_stamp(self.root / e.path) for e in slide.elements
                    if isinstance(e, PictureBox)]
        return digest(base, replace(slide, number=0), pictures)

    def slides(self, ready: Prepared) -> list[Picture]:
        """Every slide in order; those whose digest is new are drawn, in one PDF."""
        base = self._base(ready)
        keys = [self._slide_key(base, s) for s in ready.plan.slides]
        wanted = {k: s for k, s in zip(keys, ready.plan.slides, strict=True)
                  if k not in self._slides}
        self.redrawn = [f"slide-{s.number}" for s in wanted.values()]
        if wanted:
            plan: DeckPlan = replace(ready.plan, slides=tuple(wanted.values()))
            pdf = self.scratch / "slides.pdf"
            self._writer(ready, plan)(pdf)
            for key, bitmap in zip(wanted, _bitmaps(pdf), strict=True):
                png = _encode(bitmap)
                self._slides[key] = Picture("", png, version_of(png), bitmap.width,
                                            bitmap.height, "")
        self._slides = {k: self._slides[k] for k in keys}  # forget slides gone
        return [replace(self._slides[k], ident=f"slide-{i}", label=f"{i} · {s.kind}",
                        source=s.source)
                for i, (k, s) in enumerate(zip(keys, ready.plan.slides, strict=True), 1)]

    def dossier(self, ready: Prepared) -> list[Picture]:
        """Every dossier page in order: drawn whole when its plan changed, each page
        encoded anew only when its pixels changed."""
        if ready.dossier is None:
            self.redrawn = []
            return []
        key = digest(self._base(ready), ready.dossier, assets_stamp(self.root))
        if key == self._dossier_key:
            self.redrawn = []
            return self._pages
        pdf = self.scratch / "dossier.pdf"
        self._writer(ready, ready.dossier)(pdf)
        pages, pixels, redrawn = [], [], []
        for index, bitmap in enumerate(_bitmaps(pdf)):
            seen = hashlib.blake2b(bitmap.buffer, digest_size=8).hexdigest()
            if index < len(self._pages) and self._page_pixels[index] == seen:
                pages.append(self._pages[index])
            else:
                png = _encode(bitmap)
                pages.append(Picture(f"page-{index + 1}", png, version_of(png), bitmap.width,
                                     bitmap.height, f"{index + 1} · dossier"))
                redrawn.append(f"page-{index + 1}")
            pixels.append(seen)
        self._dossier_key, self._pages, self._page_pixels = key, pages, pixels
        self.redrawn = redrawn
        return pages
