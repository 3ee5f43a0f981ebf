"""Reads the text of a PPTX back, slide by slide, the way a reader meets it."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.shapes.group import GroupShape
from pptx.util import Emu

from deckbuilder.text.measure import Measurer, Word, WordTooWide


def _shape_texts(shape) -> list[str]:  # type: ignore[no-untyped-def]
    if isinstance(shape, GroupShape):
        return [t for s in shape.shapes for t in _shape_texts(s)]
    if shape.has_text_frame:
        return [p.text for p in shape.text_frame.paragraphs]
    if getattr(shape, "has_table", False) and shape.has_table:
        return [p.text for row in shape.table.rows for cell in row.cells
                for p in cell.text_frame.paragraphs]
    return []


def slide_texts(path: Path) -> list[str]:
    """One string per slide: its paragraphs joined by newlines, in shape order."""
    prs = Presentation(str(path))
    return ["\n".join(t for shape in slide.shapes for t in _shape_texts(shape))
            for slide in prs.slides]


def normalize(text: str) -> str:
    """One space between words; soft hyphens (break points, not text) left out, and a word
    layout broke with a hyphen and a line break (render/pptx/runs.py) whole again."""
    text = re.sub("-[\x0b\n]", "", text)
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


def flowing_text(path: Path) -> str:
    """All slide text with whitespace collapsed, so text split across columns reads on."""
    return normalize(" ".join(slide_texts(path)))


def frame_height(frame, width: float, measurer: Measurer,  # type: ignore[no-untyped-def]
                 face_of: Callable[..., str]) -> float:
    """A written text frame's height, measured from its own runs, sizes, indents and
    spacing (not from the plan): each run in the theme face ``face_of(run)`` names. A word
    wider than the frame counts as an overflow (infinite height)."""
    total = 0.0
    for i, p in enumerate(frame.paragraphs):
        runs = [r for r in p.runs if r.text]
        if not runs:
            continue
        words = [Word(piece, face_of(r)) for r in runs for piece in r.text.split()]
        indent = Emu(int(p._p.pPr.get("marL", "0"))).pt if p._p.pPr is not None else 0.0
        try:
            lines = measurer.wrap(words, runs[0].font.size.pt, width - indent)
        except WordTooWide:
            return float("inf")
        total += len(lines) * p.line_spacing.pt + (p.space_before.pt if i else 0.0)
    return total


def slide_roots(deck: Path) -> list[etree._Element]:
    """Each slide's XML, in slide order."""
    with zipfile.ZipFile(deck) as z:
        names = sorted((n for n in z.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)),
                       key=lambda n: int(re.findall(r"\d+", n)[0]))
        return [etree.fromstring(z.read(n)) for n in names]
