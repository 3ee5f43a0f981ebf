"""No text is larger than its box: checked on the plan and again on the written PPTX."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.util import Emu

from deckbuilder.content.load import load_project
from deckbuilder.layout.plan import GroupBox, LineBox, PictureBox, ShapeBox, TableBox, TextBox
from deckbuilder.layout.slides import plan_deck
from deckbuilder.layout.text import Typesetter
from deckbuilder.text.measure import Measurer
from deckbuilder.theme_sizes import Sizes

from .conftest import ROOT
from .pptx_text import frame_height


def _plan(root: Path = ROOT):  # type: ignore[no-untyped-def]
    loaded = load_project(root)
    ts = Typesetter(loaded.theme, Measurer(loaded.theme, root))
    return plan_deck(loaded, ts), ts


def test_every_planned_text_fits_its_box() -> None:
    plan, ts = _plan()
    checked = 0
    for slide in plan.slides:
        elements = [e for el in slide.elements
                    for e in (el.elements if isinstance(el, GroupBox) else (el,))]
        for el in elements:
            boxes = [el] + ([el.text] if isinstance(el, ShapeBox) and el.text else [])
            for tb in boxes:
                if isinstance(tb, TextBox):
                    assert ts.height(tb.paras, tb.box.w, tb.scale) <= tb.box.h + 0.01, \
                        (slide.number, tb.paras[0].text)
                    checked += 1
    assert checked > 100


def test_every_box_stays_on_its_slide() -> None:
    plan, _ = _plan()
    for slide in plan.slides:
        for el in slide.elements:
            assert isinstance(el, TextBox | PictureBox | ShapeBox | TableBox | LineBox | GroupBox)
            assert el.box.inside(plan.width, plan.height), (slide.number, el)


def test_pictures_are_cropped_not_distorted() -> None:
    plan, _ = _plan()
    loaded = load_project(ROOT)
    pictures = [el for s in plan.slides for el in s.elements if isinstance(el, PictureBox)]
    assert len(pictures) == 21
    for pic in pictures:
        info = loaded.images[pic.path]
        left, top, right, bottom = pic.crop
        shown_w = info.width * (1 - left - right)
        shown_h = info.height * (1 - top - bottom)
        assert abs(shown_w / shown_h - pic.box.w / pic.box.h) < 0.01


#: The theme fonts a run refers to (render/pptx/runs.py), as the deck's theme part sets them.
THEME_FONTS = {"+mn-lt": "Source Sans Pro", "+mj-lt": "Source Sans Pro Black"}


def _face_key(ts: Typesetter, run) -> str:  # type: ignore[no-untyped-def]
    family = THEME_FONTS.get(run.font.name, run.font.name)
    for key, face in ts.theme.faces.items():
        if (face.family, face.bold, face.italic) == (family, bool(run.font.bold),
                                                     bool(run.font.italic)):
            return key
    raise AssertionError(f"run in an unknown font: {run.font.name}")


def test_written_text_boxes_hold_their_text(built_deck: Path) -> None:
    _, ts = _plan()
    checked = 0
    for number, slide in enumerate(Presentation(str(built_deck)).slides, start=1):
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():
                height = frame_height(shape.text_frame, Emu(shape.width).pt, ts.measurer,
                                      lambda run: _face_key(ts, run))
                assert height <= Emu(shape.height).pt + 0.5, (number, shape.text_frame.text[:40])
                checked += 1
    assert checked > 100


def test_bullet_indent_is_what_the_layout_reserved(built_deck: Path) -> None:
    slide = Presentation(str(built_deck)).slides[4]
    margins = {p._p.pPr.get("marL") for s in slide.shapes if s.has_text_frame
               for p in s.text_frame.paragraphs if p._p.pPr is not None and p._p.pPr.get("marL")}
    assert margins == {str(round(Sizes().text.bullet_indent * 12700))}
