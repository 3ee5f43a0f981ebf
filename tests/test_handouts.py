"""Handouts (issue 30, part 1): three slides an A4 page with ruled lines for notes, 2, 4
or 6 a page without, and notes pages; drawn as vector from the slides' plan, the last
handout page with the coming events and the calls to action. Accessibility is checked
with the other PDFs (test_pdf_accessibility.py)."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from deckbuilder.content.load import load_project

from .conftest import ROOT, MakeProject, run_cli

HANDOUT, NOTES = "szenarien-ihk-ruhr-handout.pdf", "szenarien-ihk-ruhr-notes.pdf"


def test_three_slides_a_page_with_lines_and_every_title(ihk_outputs: Path) -> None:
    import pikepdf

    with pikepdf.open(ihk_outputs / "szenarien-ihk-ruhr-slides.pdf") as slides:
        titles = []
        with slides.open_outline() as outline:
            titles = [" ".join(item.title.split()) for item in outline.root]
    assert len(titles) >= 30  # every slide with a visible title
    with pdfplumber.open(ihk_outputs / HANDOUT) as pdf:
        whole = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
        for title in titles:  # every slide's title is in the handout's text
            assert title in whole, title
        assert len(pdf.pages) == 12  # 33 slides, three a page, and the closing page
        assert pdf.pages[0].width < pdf.pages[0].height  # A4 portrait
        text = [page.extract_text() for page in pdf.pages]
        for page in pdf.pages[:11]:
            ruled = [line for line in page.lines if abs(line["top"] - line["bottom"]) < 0.1
                     and line["x0"] > page.width / 2 - 10]
            assert len(ruled) >= 3 * 5, len(ruled)  # lines beside each of the slides
            images = page.images
            assert all(im["width"] < page.width / 2 for im in images)  # slides in frames
    assert "SZENARIEN" in text[0] and "METHODISCHES VORGEHEN" in text[0]
    assert "FUTURE CIRCLE PROGRAMM 2026" in text[10]
    assert all(t.splitlines()[-1].strip().endswith(str(n)) for n, t in enumerate(text, 1))
    closing = text[-1]
    assert "EVENTS" in closing and "12. November: Future Day (Frankfurt)" in closing
    assert "www.zukunftsinstitut.de" in closing
    assert "JETZT FUTURE CIRCLE MEMBER WERDEN" in closing


def test_notes_pages_carry_each_slides_notes(ihk_outputs: Path) -> None:
    slides = load_project(ROOT).project.deck.slides
    with pdfplumber.open(ihk_outputs / NOTES) as pdf:
        assert len(pdf.pages) == 33
        first = " ".join(pdf.pages[0].extract_text().split())
    notes = " ".join((slides[0].notes or "").split())
    assert notes and notes in first


def test_notes_pages_show_paragraphs_and_lists(make_project: MakeProject) -> None:
    """Notes as content writes them: paragraphs, and "- " lines as a list (a tagged L)."""
    import pikepdf

    project = make_project()
    deck = project / "content" / "deck.yaml"
    text = deck.read_text("utf-8")
    assert "    notes: Begrüßung.\n" in text
    deck.write_text(text.replace("    notes: Begrüßung.\n", "    notes: |\n      Begrüßung.\n\n"
                                 "      - Erstens\n      - Zweitens\n"), "utf-8")
    result = run_cli("build", project, "--format", "notes")
    assert result.returncode == 0, result.stderr
    notes = next((project / "output").glob("*-notes.pdf"))
    with pdfplumber.open(notes) as pdf:
        page = pdf.pages[0].extract_text()
    assert "Begrüßung." in page and "Erstens" in page and "Zweitens" in page
    with pikepdf.open(notes) as pdf:
        roles = []
        todo = [pdf.Root.StructTreeRoot]
        while todo:
            el = todo.pop()
            if "/S" in el:
                roles.append(str(el.S))
            kids = el.get("/K")
            kids = kids if isinstance(kids, pikepdf.Array) else [kids]
            todo += [k for k in kids if isinstance(k, pikepdf.Dictionary)]
    assert roles.count("/LI") == 2 and "/L" in roles


def test_six_a_page_without_lines_and_the_same_bytes_again(make_project: MakeProject
                                                          ) -> None:
    project = make_project()
    result = run_cli("build", project, "--format", "handout", "--per-page", "6")
    assert result.returncode == 0, result.stderr
    handout = next((project / "output").glob("*-handout.pdf"))
    first = handout.read_bytes()
    with pdfplumber.open(handout) as pdf:
        slides = len(load_project(project).project.deck.slides)
        assert len(pdf.pages) >= 2
        assert not [line for line in pdf.pages[0].lines if line["x0"] > pdf.pages[0].width / 2
                    and abs(line["top"] - line["bottom"]) < 0.1 and line["x1"] - line["x0"] > 200]
    assert slides >= 6
    again = run_cli("build", project, "--format", "handout", "--per-page", "6", "--force")
    assert again.returncode == 0, again.stderr
    assert handout.read_bytes() == first


def test_deck_yaml_asks_a_plain_build_for_the_handouts(make_project: MakeProject) -> None:
    project = make_project()
    deck = project / "content" / "deck.yaml"
    deck.write_text(deck.read_text("utf-8") + "handouts: [handout, notes]\n", "utf-8")
    result = run_cli("build", project)
    assert result.returncode == 0, result.stderr
    written = {p.name.rsplit("-", 1)[-1] for p in (project / "output").glob("*.pdf")}
    assert {"handout.pdf", "notes.pdf"} <= written
    bad = run_cli("build", project, "--format", "handout", "--per-page", "5")
    assert bad.returncode == 2 and "per-page" in bad.stderr


def test_the_closing_page_carries_a_qr_code_of_the_address(ihk_outputs: Path) -> None:
    """Printed links are codes to scan: the handout's last page shows one per address,
    and it decodes from the page rendered at 150 dpi to the content's address."""
    import pypdfium2 as pdfium
    import zxingcpp

    document = pdfium.PdfDocument(str(ihk_outputs / HANDOUT))
    try:
        page = document[len(document) - 1]
        picture = page.render(scale=150 / 72).to_pil()
        page.close()
    finally:
        document.close()
    found = [r.text for r in zxingcpp.read_barcodes(picture)]
    deck = load_project(ROOT).project.deck
    addresses = {getattr(s, "link", None) for s in deck.slides if s.kind == "cta"}
    assert found and set(found) <= addresses | {load_project(ROOT).project.future_circle.link}
    assert len(found) == len(set(found))  # one code per address
