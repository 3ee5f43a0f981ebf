"""Printed links cannot be clicked: the dossier prints a QR code of each address it leads
to (the button, the call to action, the legal notice's web address, the calendar file when
the program says where it is published), drawn in vector, tagged as a Figure whose text
alternative is the address, the address beside it. Read back by an independent decoder
(zxing-cpp) from the page rendered at 150 dpi, as a phone reads a print."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pikepdf
import pypdfium2
import pytest
import zxingcpp

from deckbuilder.content.load import load_project
from deckbuilder.content.model import CtaSlide

from .conftest import ROOT, MakeProject, run_cli

CALENDAR = "https://www.example.de/termine/programm-2026.ics"


def decoded(pdf: Path, dpi: int = 150) -> dict[int, list[str]]:
    """The text of every QR code zxing-cpp finds on each page (from 1), at ``dpi``."""
    found: dict[int, list[str]] = {}
    doc = pypdfium2.PdfDocument(pdf)
    try:
        for index in range(len(doc)):
            image = doc[index].render(scale=dpi / 72).to_pil()
            codes = [r.text for r in zxingcpp.read_barcodes(image)
                     if r.format == zxingcpp.BarcodeFormat.QRCode]
            if codes:
                found[index + 1] = codes
    finally:
        doc.close()
    return found


def _figures(pdf: Path) -> list[str]:
    """The text alternatives of the dossier's Figure elements, in reading order."""
    with pikepdf.open(pdf) as doc:
        def walk(el: pikepdf.Object):  # type: ignore[no-untyped-def]
            if isinstance(el, pikepdf.Dictionary) and str(el.get("/S", "")) == "/Figure":
                yield str(el.Alt)
            kids = el.get("/K") if isinstance(el, pikepdf.Dictionary) else None
            for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids else []):
                if isinstance(kid, pikepdf.Dictionary):
                    yield from walk(kid)
        return list(walk(doc.Root.StructTreeRoot))


def test_each_printed_link_of_the_ihk_dossier_decodes_to_its_address(ihk_outputs: Path
                                                                     ) -> None:
    """The button's and the call to action's links and the legal notice's web address,
    each a code on its page; the program names no calendar file, so it gets none."""
    project = load_project(ROOT).project
    cta = next(s for s in project.deck.slides if isinstance(s, CtaSlide))
    assert project.future_circle is not None and project.program.calendar_url is None
    pdf = ihk_outputs / "szenarien-ihk-ruhr.pdf"
    pages = decoded(pdf)
    wanted = [project.future_circle.link, cta.link, "https://www.zukunftsinstitut.de"]
    assert Counter(code for codes in pages.values() for code in codes) == Counter(wanted)
    assert len(pages) == 2  # the offerings' page; the call to action's with the legal notice
    assert Counter(a for a in _figures(pdf) if a.startswith("https://")) == Counter(wanted)


def test_a_code_is_vector_content_of_its_figure(ihk_outputs: Path) -> None:
    """Rectangles and one fill inside the Figure's marked content: no picture, and a few
    hundred bytes per code (runs of dark modules are one rectangle each)."""
    with pikepdf.open(ihk_outputs / "szenarien-ihk-ruhr.pdf") as pdf:
        sequences: list[list[str]] = []
        for page in pdf.pages:
            inside: list[str] | None = None
            for operands, op in pikepdf.parse_content_stream(page):
                name = str(op)
                if name == "BDC" and str(operands[0]) == "/Figure":
                    inside = []
                elif name == "EMC" and inside is not None:
                    sequences.append(inside)
                    inside = None
                elif inside is not None:
                    inside.append(name)
        codes = [ops for ops in sequences if "re" in ops and "c" not in ops]  # no radar
    assert len(codes) == 3
    for ops in codes:
        # a colour, one path of rectangles, one fill (even-odd: the runs never overlap)
        assert set(ops) == {"rg", "n", "re", "f*"} and ops.count("f*") == 1
        assert 100 < ops.count("re") < 400  # 29 × 29 modules, 841 if drawn one by one


def test_the_address_is_printed_beside_its_code(ihk_outputs: Path) -> None:
    doc = pypdfium2.PdfDocument(ihk_outputs / "szenarien-ihk-ruhr.pdf")
    try:
        last = doc[len(doc) - 1].get_textpage().get_text_range()
    finally:
        doc.close()
    lines = [line.strip() for line in last.splitlines()]
    assert lines.count("www.zukunftsinstitut.de") == 2  # beside the two codes on the page


def test_a_published_calendar_file_gets_its_code_under_the_program(
        make_project: MakeProject) -> None:
    """calendar_url: in program.yaml prints the address and its code; the dossier is
    byte-identical when built again. Without it (and without links) there is no code."""
    plain = make_project()
    assert run_cli("build", plain, "--format", "pdf").returncode == 0
    assert decoded(plain / "output" / "my-deck.pdf") == {}
    program = (plain / "content" / "program.yaml").read_text("utf-8")
    project = make_project({"content/program.yaml": program.replace(
        "year: 2026\n", f"year: 2026\ncalendar_url: {CALENDAR}\n")})
    pdf = project / "output" / "my-deck.pdf"
    first = b""
    for _ in range(2):
        result = run_cli("build", project, "--format", "pdf")
        assert result.returncode == 0, result.stderr
        assert not first or pdf.read_bytes() == first
        first = pdf.read_bytes()
    pages = decoded(pdf)
    assert list(pages.values()) == [[CALENDAR]]
    assert _figures(pdf).count(CALENDAR) == 1


@pytest.mark.parametrize("url", ["http://www.example.de/termine.ics", "mailto:a@example.de"])
def test_a_calendar_address_must_be_https(make_project: MakeProject, url: str) -> None:
    program = (ROOT / "tests" / "projects" / "mini" / "content" / "program.yaml").read_text(
        "utf-8")
    project = make_project({"content/program.yaml": program.replace(
        "year: 2026\n", f"year: 2026\ncalendar_url: {url}\n")})
    result = run_cli("build", project, "--format", "pdf")
    assert result.returncode != 0
    assert "program.yaml:5" in result.stderr and "https://" in result.stderr
