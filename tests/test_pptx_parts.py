"""Slides and pictures added in constant time give the bytes python-pptx's own calls give."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pptx import Presentation

from deckbuilder.build.stages import prepare
from deckbuilder.render.images import ImageStore
from deckbuilder.render.pptx import deck as render_pptx
from deckbuilder.render.pptx.parts import DeckParts

from .conftest import ROOT

STAMP = dt.datetime(2025, 11, 4, tzinfo=dt.UTC)


class _PublicApi(DeckParts):
    """The same two steps through python-pptx's public (linear-time) calls."""

    def add_slide(self, layout: Any) -> Any:
        slide = self.prs.slides.add_slide(layout)
        for holder in list(slide.placeholders):
            holder._element.getparent().remove(holder._element)
        return slide

    def image(self, slide_part: Any, path: Path) -> Any:
        return slide_part.get_or_add_image_part(str(path))


def _template(tmp: Path) -> Path:
    """A template whose master already holds a picture (image1.png) and that has a slide
    of its own, which the build drops."""
    picture = tmp / "logo.png"
    Image.new("RGB", (40, 20), (200, 0, 0)).save(picture)
    prs = Presentation()
    prs.slide_master.part.get_or_add_image_part(str(picture))
    prs.slides.add_slide(prs.slide_layouts[6]).shapes.add_picture(str(picture), 0, 0)
    prs.save(str(tmp / "firma.pptx"))
    return tmp / "firma.pptx"


@pytest.mark.parametrize("with_template", [False, True])
def test_constant_time_parts_match_python_pptx(tmp_path: Path, with_template: bool,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    ready = prepare(ROOT)
    plan = dataclasses.replace(ready.plan, slides=ready.plan.slides * 2)  # pictures repeat
    theme = ready.loaded.theme
    images = ImageStore(ROOT, tmp_path / "cache", theme.pictures.ppi)
    template = _template(tmp_path) if with_template else None
    written = []
    for parts in (DeckParts, _PublicApi):
        monkeypatch.setattr(render_pptx, "DeckParts", parts)
        out = tmp_path / f"{parts.__name__}.pptx"
        render_pptx.render(plan, theme, out, images=images, timestamp=STAMP, template=template)
        written.append(out.read_bytes())
    assert written[0] == written[1]
    deck = Presentation(str(tmp_path / "DeckParts.pptx"))
    assert len(deck.slides) == 66
    media = {p.partname for p in deck.part.package.iter_parts() if "/media/" in p.partname}
    assert len(media) == 21 + with_template  # each distinct picture once


def test_pictures_are_stored_and_everything_else_deflated(built_deck: Path) -> None:
    """JPEG and PNG parts are compressed already: stored as they are (deflating them again
    cost 0.1 s of every build for 8 %); XML and the embedded fonts are deflated. Every
    entry reads back with its CRC intact."""
    import zipfile

    with zipfile.ZipFile(built_deck) as archive:
        assert archive.testzip() is None
        methods = {i.filename: i.compress_type for i in archive.infolist()}
    pictures = [n for n in methods if n.lower().endswith((".jpg", ".jpeg", ".png"))]
    assert any(n.startswith("ppt/media/") for n in pictures)
    assert all(methods[n] == zipfile.ZIP_STORED for n in pictures)
    others = [n for n in methods if n not in pictures]
    assert any(n.startswith("ppt/fonts/") for n in others)
    assert all(methods[n] == zipfile.ZIP_DEFLATED for n in others)
