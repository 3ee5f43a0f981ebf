"""The dossier cover: a title of several lines never runs into the date line below it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from deckbuilder.build.stages import prepare
from deckbuilder.layout import dossier as d
from deckbuilder.render.images import ImageStore
from deckbuilder.render.pdf import dossier as render_pdf

from .conftest import BUILD_EPOCH, ROOT


def _cover_boxes(title: str, tmp_path: Path) -> tuple[list[tuple[float, float]], float]:
    """(top, bottom) of each cover title line and the top of the first meta line, from the
    top of the page, in points, read back from the written PDF."""
    import pypdfium2 as pdfium

    ready = prepare(ROOT)
    plan = d.plan_dossier(ready.loaded, ready.typesetter, ready.today)
    blocks = tuple(replace(b, title=title) if isinstance(b, d.Cover) else b
                   for b in plan.blocks)
    theme = ready.loaded.theme
    out = tmp_path / "dossier.pdf"
    store = ImageStore(ROOT, tmp_path / "pictures", theme.pictures.ppi, 80)
    fonts = {key: ready.measurer.font_name(key) for key in theme.faces}
    render_pdf.render(replace(plan, blocks=blocks), theme, out, images=store, fonts=fonts,
                      timestamp=dt.datetime(2025, 11, 4))
    page = pdfium.PdfDocument(str(out))[0]
    height = page.get_height()
    text = page.get_textpage()
    lines = []
    for i in range(text.count_rects()):
        left, bottom, right, top = text.get_rect(i)
        lines.append((text.get_text_bounded(left, bottom, right, top), height - top,
                      height - bottom))
    first_meta = next(t for s, t, _ in lines if "NOVEMBER" in s)
    title_lines = [(t, b) for s, t, b in lines if s.strip() and s.strip() in title]
    return title_lines, first_meta


@pytest.mark.parametrize("title", ["SZENARIEN",
                                   "SZENARIEN FÜR DIE ZUKUNFT DER REGIONALEN WIRTSCHAFT"])
def test_cover_title_stays_above_the_date(title: str, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    title_lines, first_meta = _cover_boxes(title, tmp_path)
    assert title_lines
    if " " in title:
        assert len(title_lines) >= 3  # the case that overlapped before
    assert max(bottom for _, bottom in title_lines) < first_meta - 12
