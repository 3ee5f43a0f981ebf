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
    measurer = _measurer()
    checked = 0
    over: list[str] = []
    prs = Presentation(str(built_deck))
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            if shape.top >= prs.slide_height:
                continue  # a title kept off the slide for screen readers
            frames = []
            if shape.has_text_frame and shape.text_frame.text.strip():
                frames.append((shape.text_frame, Emu(shape.width).pt, Emu(shape.height).pt))
            if getattr(shape, "has_table", False) and shape.has_table:
                table = shape.table
                for row in table.rows:
                    for j, cell in enumerate(row.cells):
                        if cell.is_spanned:
                            continue  # covered by a cell merged across it (a header row)
                        pad = Emu(cell.margin_left + cell.margin_right).pt
                        vpad = Emu(cell.margin_top + cell.margin_bottom).pt
                        width = sum(Emu(table.columns[k].width).pt
                                    for k in range(j, j + cell.span_width))
                        frames.append((cell.text_frame, width - pad,
                                       Emu(row.height).pt - vpad))
            for frame, width, height in frames:
                if not frame.text.strip():
                    continue
                needed = frame_height(frame, width, measurer,
                                      lambda run: _key(run.font.bold, run.font.italic))
                checked += 1
                if needed > height + 0.5:
                    over.append(f"slide {number}: {frame.text[:40]!r} {needed:.1f} > {height:.1f}")
    assert checked > 150
    assert over == []
