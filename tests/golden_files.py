"""Golden files: the text of every slide and page, and every slide and page as a small PNG.

Two projects are built on a fixed date (SOURCE_DATE_EPOCH) with the packaged fonts: the IHK
deck (the repository's content/) and the project `deckbuilder new` creates. What they
produce is read back (python-pptx for the deck, pypdf for the dossier, pypdfium2 renders
the slides-pdf and the dossier) and compared with tests/golden/. After an intended change,
regenerate deliberately, look at the pictures, and commit them:

    python -m tests.regenerate_golden
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageOps

from .pptx_text import slide_texts

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden"
#: Diff images of a failed comparison land here (git-ignored), one per differing picture.
DIFFS = ROOT / "output" / "golden-diff"
#: The deck's own date (2025-11-04), as in conftest.BUILD_EPOCH.
EPOCH = "1762214400"
#: Pixels per point of the committed pictures: a 960 pt slide is 240 px wide.
SCALE = 0.25
#: A pixel differs when its grey level moves by more than this (0–255) ...
PIXEL_TOLERANCE = 48
#: ... and a picture differs when more than this share of its pixels do.
AREA_TOLERANCE = 0.004


@dataclass(frozen=True)
class Built:
    """One project's outputs on the fixed date."""

    name: str  # the golden folder: "ihk" or "new"
    deck: Path
    dossier: Path
    slides_pdf: Path


def build(name: str, project: Path, out: Path) -> Built:
    """Builds ``project`` into ``out`` the way a user would, on the fixed date."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "DECKBUILDER_SERIAL": "1"}
    result = subprocess.run([sys.executable, "-m", "deckbuilder", "build", str(project),
                             "--out", str(out), "--force", "--format", "pptx,pdf,slides-pdf"],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    return built(name, out)


def built(name: str, out: Path) -> Built:
    """The outputs a build wrote into ``out``."""
    deck = next(p for p in out.glob("*.pptx"))
    return Built(name, deck, deck.with_suffix(".pdf"),
                 deck.with_name(deck.stem + "-slides.pdf"))


def build_both(work: Path) -> list[Built]:
    """The IHK deck and a fresh `deckbuilder new` project, built into ``work``."""
    from deckbuilder.content.scaffold import create_project

    scaffold = work / "new-project"
    create_project(scaffold, dt.date(2025, 11, 4))  # the golden builds' SOURCE_DATE_EPOCH
    return [build("ihk", ROOT, work / "ihk"), build("new", scaffold, work / "new")]


def deck_text(path: Path) -> str:
    """Every slide's text under a ``## slide N`` heading, paragraphs one per line."""
    parts = [f"## slide {i}\n{text}\n" for i, text in enumerate(slide_texts(path), start=1)]
    return "\n".join(parts)


def dossier_text(path: Path) -> str:
    """Every page's text under a ``## page N`` heading, as pypdf extracts it."""
    from pypdf import PdfReader

    pages = []
    for i, page in enumerate(PdfReader(path).pages, start=1):
        lines = [re.sub(r"[ \t]+$", "", line) for line in page.extract_text().splitlines()]
        pages.append(f"## page {i}\n" + "\n".join(lines) + "\n")
    return "\n".join(pages)


def pictures(path: Path) -> list[Image.Image]:
    """Each page of a PDF as a greyscale picture at SCALE pixels per point."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return [ImageOps.grayscale(page.render(scale=SCALE).to_pil()) for page in pdf]
    finally:
        pdf.close()


def texts(built: Built) -> dict[str, str]:
    """Golden file name -> text."""
    return {"deck.txt": deck_text(built.deck), "dossier.txt": dossier_text(built.dossier)}


def images(built: Built) -> dict[str, Image.Image]:
    """Golden picture name -> picture, for every slide and dossier page."""
    found = {f"slide-{i:02d}.png": im
             for i, im in enumerate(pictures(built.slides_pdf), start=1)}
    found |= {f"page-{i:02d}.png": im for i, im in enumerate(pictures(built.dossier), start=1)}
    return found


def difference(expected: Image.Image, actual: Image.Image) -> tuple[float, Image.Image]:
    """The share of pixels that differ beyond PIXEL_TOLERANCE, and a picture of where."""
    if expected.size != actual.size:
        return 1.0, actual
    diff = ImageChops.difference(expected, actual)
    mask = diff.point(lambda v: 255 if v > PIXEL_TOLERANCE else 0)
    share = sum(mask.histogram()[255:]) / (mask.width * mask.height)
    red = Image.merge("RGB", (ImageChops.lighter(actual, mask), actual, actual))
    return share, red


def write(built: Built) -> list[Path]:
    """Replaces the golden files of ``built`` with what it produced now."""
    folder = GOLDEN / built.name
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*"):
        old.unlink()
    written = []
    for name, text in texts(built).items():
        (folder / name).write_text(text, "utf-8")
        written.append(folder / name)
    for name, image in images(built).items():
        image.save(folder / name, optimize=True)
        written.append(folder / name)
    return written


def regenerate() -> list[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        return [path for built in build_both(Path(tmp)) for path in write(built)]
