"""The deck opens in LibreOffice: one PDF page per slide, set in the project's font."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from reportlab.pdfbase.pdfmetrics import stringWidth

from deckbuilder.content.load import load_theme
from deckbuilder.text.measure import Measurer, font_directories

from .conftest import ROOT

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice is not installed (.ci/run installs it; CI never skips this)")]


def _fontconfig(tmp: Path) -> Path:
    """Lets LibreOffice find the font files that deckbuilder measured with."""
    dirs = "".join(f"<dir>{d}</dir>" for d in font_directories() if d.is_dir())
    conf = tmp / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><fontconfig>'
                    '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                    f"{dirs}<cachedir>{tmp / 'fc-cache'}</cachedir></fontconfig>")
    return conf


def test_libreoffice_renders_one_page_per_slide(built_deck: Path, tmp_path: Path) -> None:
    assert SOFFICE is not None, "CI must have LibreOffice: .ci/run installs it"
    # A copy: LibreOffice leaves its lock file beside what it opens, and the built deck is
    # shared by every test that reads it.
    built_deck = Path(shutil.copy(built_deck, tmp_path / built_deck.name))
    env = {**os.environ, "FONTCONFIG_FILE": str(_fontconfig(tmp_path)),
           "HOME": str(tmp_path)}
    subprocess.run([SOFFICE, "-env:UserInstallation=" + (tmp_path / "lo-profile").as_uri(),
                    "--headless", "--norestore", "--convert-to", "pdf", "--outdir",
                    str(tmp_path), str(built_deck)], check=True, env=env,
                   capture_output=True, timeout=300)
    pdf = tmp_path / (built_deck.stem + ".pdf")
    reader = PdfReader(pdf)
    slides = len(Presentation(str(built_deck)).slides)
    assert len(reader.pages) == slides
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Die vernetzte Ruhrregion" in text
    # LibreOffice names the fonts it converts to Type 1 "DummyName", so the names prove
    # nothing: the advance widths of every glyph show which face the text was set in.
    # The face's own widths: Measurer.width is the wider of the face and its fallback.
    measurer = Measurer(load_theme(ROOT), ROOT)
    for name, widths in _font_widths(reader).items():
        if not any(ch.isalnum() for ch in widths):
            continue  # a symbol (the legend's square) may come from a fallback font
        faces = [face for face in measurer.theme.faces
                 if all(abs(stringWidth(ch, measurer.font_name(face), 1000) - w) <= 1.5
                        for ch, w in widths.items())]
        assert faces, f"{name} is not a face of Source Sans Pro: {''.join(sorted(widths))}"


def _to_unicode(font: DictionaryObject) -> dict[int, str]:
    """Character code -> text, from the font's ToUnicode map (bfchar and bfrange)."""
    data = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    found: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            found[int(code, 16)] = bytes.fromhex(text).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for first, last, text in re.findall(
                r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            for i, code in enumerate(range(int(first, 16), int(last, 16) + 1)):
                found[code] = chr(int(text, 16) + i)
    return found


def _font_widths(reader: PdfReader) -> dict[str, dict[str, float]]:
    """Each embedded font's advance width (1/1000 em) of every single character it sets."""
    fonts: dict[str, dict[str, float]] = {}
    for page in reader.pages:
        for ref in (page["/Resources"].get("/Font") or {}).values():
            font = ref.get_object()
            if "/ToUnicode" not in font or "/Widths" not in font:
                continue
            first, widths = int(font["/FirstChar"]), [float(w) for w in font["/Widths"]]
            known = fonts.setdefault(str(font["/BaseFont"]), {})
            for code, text in _to_unicode(font).items():
                if len(text) == 1 and not text.isspace() and 0 <= code - first < len(widths):
                    known[text] = widths[code - first]
    return fonts
