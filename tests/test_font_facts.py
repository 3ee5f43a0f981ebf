"""Facts kept in the cache: widths that measure exactly as reportlab measures the font
file, and the licence bits and EOT header fontTools reads; each read once per file."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.ttLib import TTFont as ToolsFont
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from deckbuilder.text import font_facts
from deckbuilder.text.eot import to_eot
from deckbuilder.text.measure import find_font_file

TEXTS = ["Größenordnung „CO₂“ – Fußgängerüberweg", "WWW www iiii", "☃ nicht im Font", ""]


def _no_parse(path: Path) -> font_facts.FontFacts:
    raise AssertionError("parsed again")


@pytest.fixture(autouse=True)
def _fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts as a new process would, with nothing read yet: the facts it
    checks come from the file or the cache folder, not from an earlier test."""
    monkeypatch.setattr(font_facts, "_KNOWN", {})


def test_a_process_reads_a_font_once_and_each_cache_folder_still_keeps_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """serve, watch and the editions' workers build again in the same process: the same
    bytes under another path or project are not parsed again."""
    regular = find_font_file("LiberationSans-Regular.ttf")
    assert regular is not None
    copy = tmp_path / "elsewhere.ttf"
    copy.write_bytes(regular.read_bytes())
    first = font_facts.FontFactsCache(tmp_path / "one").facts(regular)
    monkeypatch.setattr(font_facts, "parse", _no_parse)
    other = font_facts.FontFactsCache(tmp_path / "two")
    assert other.facts(copy) == first
    other.save()
    assert len(list((tmp_path / "two" / font_facts.FOLDER).iterdir())) == 1


@pytest.mark.parametrize("name", ["SourceSansPro-Regular.ttf", "SourceSansPro-Black.ttf",
                                  "LiberationSans-BoldItalic.ttf"])
def test_kept_facts_are_what_reportlab_and_fonttools_read(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = find_font_file(name)
    assert path is not None
    pdfmetrics.registerFont(TTFont(f"test-{name}", str(path)))
    cache = font_facts.FontFactsCache(tmp_path)
    parsed = cache.facts(path)
    cache.save()
    monkeypatch.setattr(font_facts, "parse", _no_parse)
    monkeypatch.setattr(font_facts, "_KNOWN", {})  # a new process: the cache file answers
    kept = font_facts.FontFactsCache(tmp_path).facts(path)
    assert kept == parsed
    for text in TEXTS:
        for size in (7.5, 13, 27.3):
            assert kept.string_width(text, size) == \
                pdfmetrics.stringWidth(text, f"test-{name}", size), (text, size)
    assert kept.chars == set(pdfmetrics.getFont(f"test-{name}").face.charToGlyph)
    assert kept.fs_type == ToolsFont(path)["OS/2"].fsType
    assert kept.eot_header + path.read_bytes() == to_eot(path.read_bytes())


def test_nothing_is_kept_before_save(tmp_path: Path) -> None:
    """A build that fails on its content leaves no output folder: facts are kept only
    when the build calls save."""
    path = find_font_file("LiberationSans-Regular.ttf")
    assert path is not None
    cache = font_facts.FontFactsCache(tmp_path / "output" / ".cache")
    cache.facts(path)
    assert not (tmp_path / "output").exists()
    cache.save()
    assert len(list((tmp_path / "output" / ".cache" / font_facts.FOLDER).iterdir())) == 1


def test_another_file_or_a_damaged_cache_is_read_again(tmp_path: Path) -> None:
    regular = find_font_file("LiberationSans-Regular.ttf")
    bold = find_font_file("LiberationSans-Bold.ttf")
    assert regular is not None and bold is not None
    copy = tmp_path / "font.ttf"
    copy.write_bytes(regular.read_bytes())
    cache = font_facts.FontFactsCache(tmp_path)
    first = cache.facts(copy)
    cache.save()
    copy.write_bytes(bold.read_bytes())  # same name, other bytes
    assert cache.facts(copy) == font_facts.parse(bold) != first
    cache.save()
    for kept in (tmp_path / font_facts.FOLDER).iterdir():
        kept.write_text('{"widths": [[65, "wide"]], "default": 1, "chars": []}', "utf-8")
    font_facts._KNOWN.clear()  # a new process: only the damaged file to go on
    assert font_facts.FontFactsCache(tmp_path).facts(copy) == font_facts.parse(bold)
