"""The A4 dossier: every word, its outline, fonts, metadata and pictures, read by pypdf."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from deckbuilder.content.load import load_project

from .conftest import BUILD_EPOCH, MINI, ROOT, SEED, MakeProject, replace_in, run_cli
from .pptx_text import normalize
from .test_content_complete import (
    JOINED,
    _seed_paragraphs,
    editorial,
    expected_strings,
    missing_from,
)


@pytest.fixture(scope="session")
def built_pdfs(ihk_outputs: Path) -> dict[str, Path]:
    return {"dossier": ihk_outputs / "szenarien-ihk-ruhr.pdf",
            "slides": ihk_outputs / "szenarien-ihk-ruhr-slides.pdf"}


def unhyphenated(text: str) -> str:
    """PDF text with line-end hyphens joined and every hyphen dropped, for comparison."""
    text = re.sub(r"-\s*\n\s*", "", text)
    return normalize(text.replace("-", "").replace("\u00ad", ""))


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_dossier_holds_every_content_string(built_pdfs: dict[str, Path]) -> None:
    text = unhyphenated(pdf_text(built_pdfs["dossier"]))
    wanted = [unhyphenated(s) for s in expected_strings(load_project(ROOT).project)]
    wanted = [w for w in wanted if not re.fullmatch(r"\d\d\. \w+", w)]  # dates carry weekdays
    assert missing_from(text, wanted) == []
    dropped = "Menschliche Kontrollinstanzen bleiben integraler Bestandteil der vernetzten"
    assert dropped in text and missing_from(text.replace(dropped, ""), wanted) != []


def test_dossier_calendar_has_weekdays(built_pdfs: dict[str, Path]) -> None:
    text = normalize(pdf_text(built_pdfs["dossier"]))
    for date in ("Mi., 04. März 2026", "Di., 09. Juni 2026", "Fr., 03. Juli 2026",
                 "Do., 12. November 2026"):
        assert date in text


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed is not beside the repository")
def test_every_seed_word_is_in_the_dossier(built_pdfs: dict[str, Path]) -> None:
    text = pdf_text(built_pdfs["dossier"])
    # A hyphen at a line end is either hyphenation (join without it) or a real hyphen.
    joined = re.sub(r"-\s*\n\s*", "", text) + " " + re.sub(r"-\s*\n\s*", "-", text)
    words = set(re.findall(r"\w+", editorial(joined)))
    visible, _ = _seed_paragraphs()
    seed_words = {w for p in visible for w in re.findall(r"\w+", editorial(p))}
    known = {editorial(k): editorial(v) for k, v in JOINED.items()}
    missing = sorted(w for w in seed_words if w not in words and known.get(w) not in words)
    assert missing == []


def test_pages_are_a4_with_a_running_footer(built_pdfs: dict[str, Path]) -> None:
    reader = PdfReader(built_pdfs["dossier"])
    assert len(reader.pages) >= 10
    for number, page in enumerate(reader.pages, start=1):
        assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) \
            == (595.3, 841.9)
        text = page.extract_text()
        if number > 1:
            assert "© Zukunftsinstitut GmbH, 2025" in text and str(number) in text
    assert "© Zukunftsinstitut" not in reader.pages[0].extract_text()


def test_outline_mirrors_the_sections(built_pdfs: dict[str, Path]) -> None:
    reader = PdfReader(built_pdfs["dossier"])
    top = [item for item in reader.outline if not isinstance(item, list)]
    titles = [item.title for item in top]
    assert titles == ["INHALT", "METHODISCHES VORGEHEN", "TRENDRADAR", "EINFLUSS-FAKTOREN",
                      "SZENARIEN", "WAS SIE IM FUTURE CIRCLE ERWARTET",
                      "FUTURE CIRCLE PROGRAMM 2026",
                      "© Zukunftsinstitut GmbH, 2025 | www.zukunftsinstitut.de"]
    nested = [item for item in reader.outline if isinstance(item, list)]
    assert [len(n) for n in nested] == [16, 4]
    contents = normalize(reader.pages[1].extract_text(extraction_mode="layout"))
    for item in top[1:-1]:
        page = reader.get_destination_page_number(item) + 1
        assert f"{item.title} {page}" in contents
    # The legal notice's copyright line is bookmarked, as the contents page is, but the
    # contents list only sections (the line is still the page's running footer).
    legal = top[-1]
    assert f"{legal.title} {reader.get_destination_page_number(legal) + 1}" not in contents


def test_contents_entries_are_links(built_pdfs: dict[str, Path]) -> None:
    reader = PdfReader(built_pdfs["dossier"])
    annots = [a.get_object() for a in reader.pages[1].get("/Annots", [])]
    assert len([a for a in annots if a.get("/Subtype") == "/Link"]) >= 20


def test_every_font_is_embedded(built_pdfs: dict[str, Path]) -> None:
    for path in built_pdfs.values():
        reader = PdfReader(path)
        fonts = {}
        for page in reader.pages:
            for font in (page["/Resources"].get("/Font") or {}).values():
                font = font.get_object()
                fonts[str(font["/BaseFont"])] = font
        assert fonts, path
        for name, font in fonts.items():
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get(
                "/FontDescriptor")
            assert descriptor is not None, name
            descriptor = descriptor.get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), name
            assert "SourceSansPro" in name


def test_metadata_language_and_title_display(built_pdfs: dict[str, Path]) -> None:
    reader = PdfReader(built_pdfs["dossier"])
    meta = reader.metadata
    assert meta is not None
    assert (meta.title, meta.author) == ("Szenarien", "Zukunftsinstitut GmbH")
    assert "Ruhrregion" in (meta.subject or "") and "Trendradar" in str(meta.get("/Keywords"))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "de-DE"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]


def test_web_address_is_a_link(built_pdfs: dict[str, Path]) -> None:
    reader = PdfReader(built_pdfs["dossier"])
    uris = {str(a.get_object()["/A"].get("/URI")) for page in reader.pages
            for a in page.get("/Annots", []) if "/A" in a.get_object()}
    assert "https://www.zukunftsinstitut.de" in uris


def test_pictures_are_downsampled_jpegs(built_pdfs: dict[str, Path]) -> None:
    reader = PdfReader(built_pdfs["dossier"])
    seen = 0
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject") or {}
        for xobj in xobjects.values():
            xobj = xobj.get_object()
            if xobj.get("/Subtype") != "/Image":
                continue
            seen += 1
            assert xobj["/Filter"] in ("/DCTDecode", ["/DCTDecode"])
            assert int(xobj["/Width"]) <= round(595.28 / 72 * 250) + 1
    assert seen >= 17
    assert built_pdfs["dossier"].stat().st_size < 3_000_000


def test_slides_pdf_has_one_16_9_page_per_slide(built_pdfs: dict[str, Path]) -> None:
    reader = PdfReader(built_pdfs["slides"])
    assert len(reader.pages) == 33
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == (960, 540)
    text = unhyphenated(pdf_text(built_pdfs["slides"]))
    wanted = [unhyphenated(s) for s in expected_strings(load_project(ROOT).project)]
    assert missing_from(text, wanted) == []


def test_a_word_wider_than_its_column_stays_on_the_page(make_project: MakeProject,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A trend title of one 48-letter compound is wider than the card's text column: it is
    broken (no hyphenation point of its own fits), not run off the page's edge."""
    import pypdfium2 as pdfium

    from deckbuilder.build.stages import build

    word = "FACHKRÄFTESICHERUNGSSTRATEGIEENTWICKLUNGSPROGRAMM"
    project = make_project()
    replace_in(project, "trends.yaml", "ERSTER TREND", word)
    radar = project / "content" / "radar.yaml"
    radar.write_text(radar.read_text("utf-8").replace("ERSTER TREND", word), "utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    build(project, project / "output", ("pdf",))
    pdf = pdfium.PdfDocument(str(project / "output" / "my-deck.pdf"))
    seen = ""
    for page in pdf:
        text = page.get_textpage()
        width = page.get_width()
        for i in range(text.count_chars()):
            left, _, right, _ = text.get_charbox(i)
            assert 0 <= left and right <= width, (text.get_text_range(i, 1), right, width)
        seen += text.get_text_range().replace("\r\n", "").replace("\n", "")
    assert word in seen


def test_a_legal_notice_with_its_own_date_line_keeps_that_one(make_project: MakeProject
                                                               ) -> None:
    """The last page said "Stand" twice: the content's own line and the build's date."""
    deck = (MINI / "content" / "deck.yaml").read_text("utf-8")
    own = deck.replace("    - Alle Inhalte sind urheberrechtlich geschützt.\n",
                       "    - Alle Inhalte sind urheberrechtlich geschützt.\n"
                       "    - \"Stand: Oktober 2025\"\n")
    assert own != deck
    for files, line in (({"content/deck.yaml": own}, "Stand: Oktober 2025"),
                        ({}, "Stand: 04. November 2025")):  # none of its own: the build's
        project = make_project(files)
        result = run_cli("build", project, "--format", "pdf")
        assert result.returncode == 0, result.stderr
        last = PdfReader(project / "output" / "my-deck.pdf").pages[-1].extract_text()
        assert [t for t in last.splitlines() if "Stand" in t] == [line]
