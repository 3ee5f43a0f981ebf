"""Reads the text of a PPTX back, slide by slide, the way a reader meets it."""

from __future__ import annotations

import re
from pathlib import Path

from pptx import Presentation
from pptx.shapes.group import GroupShape


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
    """One space between words; soft hyphens (break points, not text) left out."""
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


def flowing_text(path: Path) -> str:
    """All slide text with whitespace collapsed, so text split across columns reads on."""
    return normalize(" ".join(slide_texts(path)))
