"""Calls to action and web addresses are links in the deck and in both PDFs, and the
program's tables tell a screen reader what they hold (issue 28)."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn
from pypdf import PdfReader

from deckbuilder.content.model_types import check_link
from deckbuilder.layout.links import link_runs, linked_runs
from deckbuilder.layout.plan import Run

from .test_pdf_accessibility import _parent_tree, _role

SITE = "https://www.zukunftsinstitut.de"
CTA = ["JETZT", "FUTURE CIRCLE MEMBER", "WERDEN"]
HLINK_COLOR = "{http://schemas.microsoft.com/office/drawing/2018/hyperlinkcolor}hlinkClr"


def _links(slide) -> list[tuple[str, str, bool]]:  # type: ignore[no-untyped-def]
    """(text, target, keeps its colour) of every link on the slide: the runs of a
    paragraph that lead to the same place are one link (a run is split where its
    language changes: "ZUM " and the English "Future Circle")."""
    found: list[tuple[str, str, bool]] = []
    for para in slide.element.iter(qn("a:p")):
        last = None
        for run in para.iter(qn("a:r")):
            click = run.find(f"{qn('a:rPr')}/{qn('a:hlinkClick')}")
            if click is None:
                last = None
                continue
            target = slide.part.rels[click.get(qn("r:id"))].target_ref
            color = click.find(f".//{HLINK_COLOR}")
            link = (target, color is not None and color.get("val") == "tx")
            text = run.find(qn("a:t")).text
            if link == last:
                found[-1] = (found[-1][0] + text, *link)
            else:
                found.append((text, *link))
            last = link
    return found


@pytest.fixture(scope="module")
def slides(built_deck: Path) -> list:  # type: ignore[type-arg]
    return list(Presentation(str(built_deck)).slides)


def _slide_with(slides: list, text: str):  # type: ignore[no-untyped-def, type-arg]
    (slide,) = [s for s in slides if any("".join(t.text for t in p.iter(qn("a:t"))) == text
                                         for p in s.element.iter(qn("a:p")))]
    return slide


def _shape_links(slide) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(text, address) of each shape that is a link as a whole: its click is the shape's."""
    return [(shape.text_frame.text, shape.click_action.hyperlink.address)
            for shape in slide.shapes if shape.has_text_frame
            and shape.click_action.hyperlink.address]


def test_button_and_call_to_action_link_where_the_content_says(slides: list) -> None:  # type: ignore[type-arg]
    """Each is a link as a whole: the shape is clickable and its big type not underlined
    as a text link (no run of it carries one)."""
    button = _slide_with(slides, "ZUM Future Circle")
    assert _shape_links(button) == [("ZUM Future Circle", SITE)]
    cta = _slide_with(slides, "FUTURE CIRCLE MEMBER")
    assert _shape_links(cta) == [("\n".join(CTA), SITE)]
    for slide in (button, cta):
        assert not [link for link in _links(slide) if link[0] in (*CTA, "ZUM Future Circle")]


def test_the_footer_address_is_a_link_on_every_slide_with_a_footer(slides: list) -> None:  # type: ignore[type-arg]
    footed = [s for s in slides if any(r.text == "www.zukunftsinstitut.de"
                                       for r in s.element.iter(qn("a:t")))]
    assert len(footed) == len(slides) - 1  # the title slide has no footer
    for slide in footed[:-1]:  # the last is the legal slide: its address is in its text
        assert ("www.zukunftsinstitut.de", SITE, True) in _links(slide)
    # In running text a link shows as one: the theme's link colour, not the text's.
    assert _links(footed[-1]) == [("www.zukunftsinstitut.de", SITE, False)]


def test_program_tables_mark_their_row_headers_and_say_what_they_hold(slides: list) -> None:  # type: ignore[type-arg]
    frames = [f for s in slides for f in s.element.iter(qn("p:graphicFrame"))]
    assert len(frames) == 3
    for frame in frames:
        props = frame.find(f".//{qn('a:tblPr')}")
        # The group's heading is the header row, one cell across both columns; the dates
        # are row headers.
        assert (props.get("firstCol"), props.get("firstRow"), props.get("bandRow")) == \
            ("1", "1", "0")
        head = frame.find(f".//{qn('a:tc')}")
        assert head.get("gridSpan") == "2"
        assert "".join(t.text for t in head.iter(qn("a:t"))) in (
            "EVENTS", "DIGITAL DEEP DIVE", "PUBLIKATIONEN")
    assert [f.find(f".//{qn('p:cNvPr')}").get("descr") for f in frames] == [
        "FUTURE CIRCLE PROGRAMM 2026: EVENTS, 4 Termine",
        "FUTURE CIRCLE PROGRAMM 2026: DIGITAL DEEP DIVE, 5 Termine",
        "FUTURE CIRCLE PROGRAMM 2026: PUBLIKATIONEN, 4 Titel"]


def _uris(path: Path) -> list[list[str]]:
    """The web links of each page."""
    actions = [[a.get_object().get("/A", {}) for a in page.get("/Annots", [])]
               for page in PdfReader(path).pages]
    return [[str(a["/URI"]) for a in page if a.get("/S") == "/URI"] for page in actions]


def _page_of(path: Path, text: str) -> int:
    (index,) = [i for i, p in enumerate(PdfReader(path).pages) if text in p.extract_text()]
    return index


@pytest.mark.parametrize("name", ["szenarien-ihk-ruhr.pdf", "szenarien-ihk-ruhr-slides.pdf"])
def test_pdfs_link_button_call_to_action_and_footer(ihk_outputs: Path, name: str) -> None:
    path = ihk_outputs / name
    uris = _uris(path)
    assert all(uris[i] for i in range(1, len(uris))), "every page after the cover: the footer"
    assert uris[_page_of(path, "ZUM Future Circle")].count(SITE) >= 2  # the button, the footer
    assert uris[_page_of(path, "FUTURE CIRCLE MEMBER")].count(SITE) >= 4  # three lines too
    with pikepdf.open(path) as pdf:  # each a Link element, described, in the tab order
        parents = _parent_tree(pdf)
        for page in pdf.pages:
            for annot in page.obj.get("/Annots", []):
                assert _role(parents[int(annot.StructParent)]) == "Link"
                assert str(annot.Contents).strip()
            assert "/Annots" not in page.obj or str(page.obj.Tabs) == "/S"


def test_a_text_with_a_link_is_one_link_in_its_own_colour() -> None:
    assert link_runs("ZUM Future Circle", SITE) == (
        Run("ZUM Future Circle", link=SITE, keep_color=True),)
    assert link_runs("Mehr: www.example.de.", None) == (
        Run("Mehr: "), Run("www.example.de", link="https://www.example.de"), Run("."))
    assert linked_runs("info@example.de", keep_color=True) == (
        Run("info@example.de", link="mailto:info@example.de", keep_color=True),)


@pytest.mark.parametrize(("written", "target"), [
    (SITE, SITE),
    ("www.zukunftsinstitut.de", SITE),
    ("http://example.de/a?b=c#d", "http://example.de/a?b=c#d"),
    ("https://ihk-südwestfalen.de/termine", "https://ihk-südwestfalen.de/termine"),
    ("mailto:info@zukunftsinstitut.de", "mailto:info@zukunftsinstitut.de"),
])
def test_links_as_staff_write_them(written: str, target: str) -> None:
    assert check_link(written) == target


@pytest.mark.parametrize(("written", "message"), [
    ("zukunftsinstitut.de", "write it in full, beginning with https:// "
                            "(here: https://zukunftsinstitut.de)"),
    ("Future Circle", "it contains a space"),
    ("ftp://example.de", "beginning with https://"),
    ("https://", "after https:// comes the server's name"),
    ("https:/www.example.de", "after https:// comes the server's name"),
    ("mailto:info", "write mailto: and the address"),
])
def test_a_malformed_link_says_how_to_write_it(written: str, message: str) -> None:
    with pytest.raises(ValueError) as raised:
        check_link(written)
    assert message in str(raised.value) and f"'{written}'" in str(raised.value)


def test_hyperlink_xml_is_what_powerpoint_reads() -> None:
    from deckbuilder.render.pptx.hyperlinks import hyperlink

    rpr = etree.Element(qn("a:rPr"))
    hyperlink(rpr, "rId7", keep_color=True)
    hyperlink(rpr, "rId8", keep_color=False)
    first, second = rpr
    assert first.get(qn("r:id")) == "rId7" and first.find(f".//{HLINK_COLOR}").get("val") == "tx"
    assert second.get(qn("r:id")) == "rId8" and len(second) == 0
