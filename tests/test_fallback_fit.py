"""Where the deck's font is missing, text drawn in the fallback (Liberation Sans, Arial's
metrics) still fits: the written PPTX is measured entirely in Liberation Sans."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.util import Emu

from deckbuilder.content.load import load_project
from deckbuilder.text.measure import PACKAGED_FONTS, Measurer
from deckbuilder.theme import Face, Theme

from .conftest import ROOT
from .pptx_text import frame_height

LIBERATION = {(False, False): "LiberationSans-Regular.ttf",
              (True, False): "LiberationSans-Bold.ttf",
              (False, True): "LiberationSans-Italic.ttf",
              (True, True): "LiberationSans-BoldItalic.ttf"}


def _liberation_only(theme: Theme) -> Theme:
    """The theme with every face replaced by Liberation Sans of the same flags, no
    fallback: what a computer without Source Sans Pro draws."""
    faces = {key: Face(file=LIBERATION[(f.bold, f.italic)], family="Liberation Sans",
                       bold=f.bold, italic=f.italic) for key, f in theme.faces.items()}
    return theme.model_copy(update={"faces": faces, "fallback": None})


def _key(bold: bool | None, italic: bool | None) -> str:
    return {(False, False): "r", (True, False): "b", (False, True): "i",
            (True, True): "bi"}[(bool(bold), bool(italic))]


def _measurer() -> Measurer:
    theme = _liberation_only(load_project(ROOT).theme)
    faces = {_key(bold, italic): Face(file=file, family="Liberation Sans", bold=bold,
                                      italic=italic)
             for (bold, italic), file in LIBERATION.items()}
    return Measurer(theme.model_copy(update={"faces": faces}))


def test_the_fallback_ships_with_deckbuilder() -> None:
    assert sorted(p.name for p in PACKAGED_FONTS.glob("*.ttf")) == sorted(LIBERATION.values())
    assert (PACKAGED_FONTS / "LICENSE-Liberation.txt").read_text("utf-8").count("OFL") >= 1


def test_every_box_holds_its_text_in_liberation_sans(built_deck: Path) -> None:
    """Text boxes hold their text in Liberation Sans; a table's rows, which every viewer
    grows to their text, may grow, but the grown table still ends above what lies below
    it (the next table, the footer)."""
    measurer = _measurer()
    checked = 0
    over: list[str] = []
    prs = Presentation(str(built_deck))
    for number, slide in enumerate(prs.slides, start=1):
        shapes = [sh for sh in slide.shapes if sh.top < prs.slide_height]
        for shape in shapes:  # a title kept off the slide for screen readers is left out
            if shape.has_text_frame and shape.text_frame.text.strip():
                needed = _needed(shape.text_frame, Emu(shape.width).pt, measurer)
                checked += 1
                if needed > Emu(shape.height).pt + 0.5:
                    over.append(f"slide {number}: {shape.text_frame.text[:40]!r} "
                                f"{needed:.1f} > {Emu(shape.height).pt:.1f}")
            if getattr(shape, "has_table", False) and shape.has_table:
                grown = sum(_grown(row, shape.table, measurer) for row in shape.table.rows)
                checked += len(shape.table.rows)
                below = [Emu(sh.top).pt for sh in shapes if sh.top >= shape.top + shape.height
                         and sh.left < shape.left + shape.width and sh.left + sh.width > shape.left]
                if below and Emu(shape.top).pt + grown > min(below) + 0.5:
                    over.append(f"slide {number}: table grows to {grown:.1f} pt, onto what "
                                f"lies {min(below) - Emu(shape.top).pt:.1f} pt below its top")
    assert checked > 150
    assert over == []


def _needed(frame, width: float, measurer: Measurer) -> float:  # type: ignore[no-untyped-def]
    return frame_height(frame, width, measurer, lambda run: _key(run.font.bold, run.font.italic))


def _grown(row, table, measurer: Measurer) -> float:  # type: ignore[no-untyped-def]
    """The row's height once a viewer drawing Liberation Sans has grown it to its text."""
    height = Emu(row.height).pt
    for j, cell in enumerate(row.cells):
        if cell.is_spanned or not cell.text_frame.text.strip():
            continue  # covered by a cell merged across it (a header row), or empty
        width = sum(Emu(table.columns[k].width).pt for k in range(j, j + cell.span_width))
        pad = Emu(cell.margin_left + cell.margin_right).pt
        vpad = Emu(cell.margin_top + cell.margin_bottom).pt
        height = max(height, _needed(cell.text_frame, width - pad, measurer) + vpad)
    return height
