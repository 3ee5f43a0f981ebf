"""The deck opens in LibreOffice: one PDF page per slide, set in the project's font."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation

from deckbuilder.measure import font_directories

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice is not installed (.ci/run installs it; CI never skips this)")


def _fontconfig(tmp: Path) -> Path:
    """Lets LibreOffice find the font files that deckbuilder measured with."""
    dirs = "".join(f"<dir>{d}</dir>" for d in font_directories() if d.is_dir())
    conf = tmp / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><fontconfig>'
                    '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                    f"{dirs}<cachedir>{tmp / 'fc-cache'}</cachedir></fontconfig>")
    return conf


def test_libreoffice_renders_one_page_per_slide(built_deck: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    assert SOFFICE is not None, "CI must have LibreOffice: .ci/run installs it"
    env = {**os.environ, "FONTCONFIG_FILE": str(_fontconfig(tmp_path)),
           "HOME": str(tmp_path)}
    subprocess.run([SOFFICE, "--headless", "--norestore", "--convert-to", "pdf", "--outdir",
                    str(tmp_path), str(built_deck)], check=True, env=env,
                   capture_output=True, timeout=300)
    pdf = tmp_path / (built_deck.stem + ".pdf")
    reader = PdfReader(pdf)
    slides = len(Presentation(str(built_deck)).slides)
    assert len(reader.pages) == slides
    fonts = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object().get("/BaseFont", "")))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Die vernetzte Ruhrregion" in text
    assert any("SourceSans" in f or "DummyName" in f for f in fonts), fonts
