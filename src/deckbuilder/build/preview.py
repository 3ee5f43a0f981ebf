"""PNG previews of built PDFs, and contact sheets that show every page at a glance."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from ..atomic import write_atomically

THUMB_WIDTH = 320
GAP = 12
COLUMNS = 6


def render_pages(pdf: Path, folder: Path, prefix: str, scale: float = 1.0) -> list[Path]:
    """Each page as a PNG (``scale`` 1 = 72 dpi)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(len(document)):
            page = document[index]
            image = page.render(scale=scale).to_pil()
            path = folder / f"{prefix}-{index + 1:03d}.png"
            _save(image, path)
            written.append(path)
            page.close()
    finally:
        document.close()
    return written


def contact_sheet(pages: list[Path], target: Path) -> Path:
    """All pages small, in rows of six, on one PNG."""
    thumbs = []
    for path in pages:
        with Image.open(path) as image:
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
    _save(sheet, target)
    return target


def _save(image: Image.Image, path: Path) -> None:
    """A PNG replaced in one step and flushed, like every file deckbuilder writes."""
    data = io.BytesIO()
    image.save(data, "PNG")
    write_atomically(path, data.getvalue())


def write_previews(pdfs: list[Path], folder: Path) -> list[Path]:
    """PNGs of every page of each PDF, and one contact sheet per PDF (slides.png,
    dossier.png)."""
    written = []
    for pdf in pdfs:
        kind = "slides" if pdf.stem.endswith("-slides") else "dossier"
        pages = render_pages(pdf, folder / kind, kind)
        written.append(contact_sheet(pages, folder / f"{kind}.png"))
    return written
