"""PNG previews of built PDFs, and contact sheets that show every page at a glance.

The pictures are made in memory and written together (atomic.write_all), so a preview that
fails half-way (a full disk) leaves the previous pictures as they were.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from ..atomic import write_bytes_all

THUMB_WIDTH = 320
GAP = 12
COLUMNS = 6


def render_pages(pdf: Path, folder: Path, prefix: str, scale: float = 1.0) -> list[Path]:
    """Each page as a PNG (``scale`` 1 = 72 dpi)."""
    pages = _pages(pdf, folder, prefix, scale)
    _write(pages)
    return list(pages)


def _pages(pdf: Path, folder: Path, prefix: str, scale: float = 1.0) -> dict[Path, bytes]:
    """Each page's PNG, not yet written."""
    found = {}
    document = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(len(document)):
            page = document[index]
            found[folder / f"{prefix}-{index + 1:03d}.png"] = _png(
                page.render(scale=scale).to_pil())
            page.close()
    finally:
        document.close()
    return found


def contact_sheet(pages: list[Path], target: Path) -> Path:
    """All pages small, in rows of six, on one PNG."""
    _write({target: _sheet([p.read_bytes() for p in pages])})
    return target


def _sheet(pages: list[bytes]) -> bytes:
    thumbs = []
    for data in pages:
        with Image.open(io.BytesIO(data)) as image:
            ratio = THUMB_WIDTH / image.width
            thumbs.append(image.resize((THUMB_WIDTH, round(image.height * ratio))))
    height = max(t.height for t in thumbs)
    rows = math.ceil(len(thumbs) / COLUMNS)
    columns = min(COLUMNS, len(thumbs))
    sheet = Image.new("RGB", (columns * (THUMB_WIDTH + GAP) + GAP, rows * (height + GAP) + GAP),
                      (128, 128, 128))
    for i, thumb in enumerate(thumbs):
        sheet.paste(thumb, (GAP + (i % COLUMNS) * (THUMB_WIDTH + GAP),
                            GAP + (i // COLUMNS) * (height + GAP)))
    return _png(sheet)


def _png(image: Image.Image) -> bytes:
    data = io.BytesIO()
    image.save(data, "PNG")
    return data.getvalue()


def _write(files: dict[Path, bytes]) -> None:
    """Replaces the files all or none, each flushed like every file deckbuilder writes."""
    for folder in {p.parent for p in files}:
        folder.mkdir(parents=True, exist_ok=True)
    write_bytes_all(files)


def write_previews(pdfs: list[Path], folder: Path) -> list[Path]:
    """PNGs of every page of each PDF, and one contact sheet per PDF (slides.png,
    dossier.png), all written at the end."""
    files: dict[Path, bytes] = {}
    sheets = []
    for pdf in pdfs:
        kind = "slides" if pdf.stem.endswith("-slides") else "dossier"
        pages = _pages(pdf, folder / kind, kind)
        sheets.append(folder / f"{kind}.png")
        files |= pages
        files[sheets[-1]] = _sheet(list(pages.values()))
    _write(files)
    return sheets
