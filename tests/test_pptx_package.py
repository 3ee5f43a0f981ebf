"""The package around the slides carries nothing of python-pptx's default template: app.xml
describes the written deck, the thumbnail shows its first slide, the notes and handout
masters are the deck's own, and sections are named as the content names them."""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

import pptx
import pytest
from lxml import etree
from PIL import Image, ImageChops, ImageStat
from pptx import Presentation

from .conftest import MakeProject, run_cli

NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "p14": "http://schemas.microsoft.com/office/powerpoint/2010/main",
      "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
      "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
DEFAULT_PPTX = Path(pptx.__file__).parent / "templates" / "default.pptx"
GERMAN_NOTES_NAMES = {"Kopfzeilenplatzhalter 1", "Datumsplatzhalter 2",
                      "Folienbildplatzhalter 3", "Notizenplatzhalter 4",
                      "Fußzeilenplatzhalter 5", "Foliennummernplatzhalter 6"}


def _xml(deck: Path, name: str):  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(deck) as archive:
        return etree.fromstring(archive.read(name))


def _target(deck: Path, source: str, reltype: str) -> str:
    """The part that ``source``'s one relationship of ``reltype`` points at (``source``
    "" for the package's own relationships)."""
    folder, _, name = source.rpartition("/")
    rels = f"{folder}/_rels/{name}.rels".lstrip("/")
    found = [r.get("Target") for r in _xml(deck, rels).findall("rel:Relationship", NS)
             if r.get("Type").endswith("/" + reltype)]
    assert len(found) == 1, (rels, reltype, found)
    return posixpath.normpath(posixpath.join(folder, str(found[0])))


def _slide_titles(deck: Path) -> list[str]:
    prs = Presentation(str(deck))
    titles = []
    for slide in prs.slides:
        paras = [" ".join(p.text.replace("\u00ad", "").split())
                 for p in slide.shapes.title.text_frame.paragraphs]
        titles.append(" ".join(p for p in paras if p))
    return titles


def test_app_xml_describes_the_written_deck(built_deck: Path) -> None:
    app = _xml(built_deck, "docProps/app.xml")
    prs = Presentation(str(built_deck))
    slides = len(prs.slides)
    with zipfile.ZipFile(built_deck) as archive:
        assert slides == len([n for n in archive.namelist()
                              if n.startswith("ppt/slides/slide") and n.endswith(".xml")])
    assert app.findtext("ep:Slides", namespaces=NS) == str(slides) == "33"
    assert app.findtext("ep:Notes", namespaces=NS) == str(
        sum(s.has_notes_slide for s in prs.slides))
    assert app.findtext("ep:HiddenSlides", namespaces=NS) == "0"
    assert app.findtext("ep:PresentationFormat", namespaces=NS) == "Breitbild"  # 16:9, German
    assert app.findtext("ep:Application", namespaces=NS) == "deckbuilder"
    variants = app.findall("ep:HeadingPairs/vt:vector/vt:variant", NS)
    pairs = [(variants[i].findtext("vt:lpstr", namespaces=NS),
              int(variants[i + 1].findtext("vt:i4", namespaces=NS)))
             for i in range(0, len(variants), 2)]
    assert [name for name, _ in pairs] == ["Verwendete Schriftarten", "Design", "Folientitel"]
    parts = [e.text for e in app.findall("ep:TitlesOfParts/vt:vector/vt:lpstr", NS)]
    assert len(parts) == sum(count for _, count in pairs)
    fonts, designs, titles = (parts[:pairs[0][1]], parts[pairs[0][1]:-slides],
                              parts[-slides:])
    assert {"Source Sans Pro", "Source Sans Pro Black"} <= set(fonts)
    assert "Calibri" not in fonts
    assert designs == ["deckbuilder"]
    assert titles == _slide_titles(built_deck)
    assert titles[0] == "SZENARIEN" and "EMPATHIC CITY" in titles
    assert int(app.findtext("ep:Words", namespaces=NS)) > 1000


def test_no_trace_of_python_pptx_in_the_document_properties(built_deck: Path) -> None:
    with zipfile.ZipFile(built_deck) as archive:
        for name in (n for n in archive.namelist() if n.startswith("docProps/")):
            text = archive.read(name)
            assert b"python-pptx" not in text, name
            assert b"On-screen Show (4:3)" not in text and b"Office Theme" not in text, name
    assert not Presentation(str(built_deck)).core_properties.comments


def test_the_thumbnail_is_the_title_slide_at_16_9(ihk_outputs: Path, built_deck: Path
                                                  ) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    assert _target(built_deck, "", "metadata/thumbnail") == \
        "docProps/thumbnail.jpeg"
    with zipfile.ZipFile(built_deck) as archive:
        blob = archive.read("docProps/thumbnail.jpeg")
    with zipfile.ZipFile(DEFAULT_PPTX) as default:
        assert blob != default.read("docProps/thumbnail.jpeg")
    thumb = Image.open(io.BytesIO(blob))
    assert thumb.format == "JPEG" and thumb.mode == "RGB"
    assert thumb.size == (256, 144)  # 16:9, as the slide
    # The first page of the slides PDF (the same plan, drawn by reportlab) looks the same.
    (slides_pdf,) = ihk_outputs.glob("*-slides.pdf")
    document = pdfium.PdfDocument(str(slides_pdf))
    try:
        page = document[0]
        drawn = page.render(scale=256 / page.get_width()).to_pil().convert("RGB")
        page.close()
    finally:
        document.close()
    drawn = drawn.resize(thumb.size)
    difference = ImageStat.Stat(ImageChops.difference(thumb, drawn).convert("L")).mean[0]
    assert difference < 12, difference
    blank = Image.new("RGB", thumb.size, (255, 255, 255))
    assert ImageStat.Stat(ImageChops.difference(blank, drawn).convert("L")).mean[0] > 40


def test_the_notes_master_is_the_decks_own(built_deck: Path) -> None:
    presentation = _xml(built_deck, "ppt/presentation.xml")
    slide_size = presentation.find("p:sldSz", NS)
    notes_size = presentation.find("p:notesSz", NS)
    assert int(notes_size.get("cy")) > int(notes_size.get("cx"))  # the page is portrait
    assert presentation.find("p:notesMasterIdLst/p:notesMasterId", NS) is not None
    master_name = _target(built_deck, "ppt/presentation.xml", "notesMaster")
    master = _xml(built_deck, master_name)
    names = set(master.xpath(".//p:cNvPr/@name", namespaces=NS)) - {""}
    assert names == GERMAN_NOTES_NAMES
    image = master.xpath(".//p:sp[.//p:ph/@type='sldImg']//a:ext", namespaces=NS)[0]
    ratio = int(image.get("cx")) / int(image.get("cy"))
    assert ratio == pytest.approx(int(slide_size.get("cx")) / int(slide_size.get("cy")),
                                  rel=1e-3)
    assert ratio == pytest.approx(16 / 9, rel=1e-3)
    assert master.xpath(".//p:notesStyle//a:latin/@typeface", namespaces=NS)[0] == "+mn-lt"
    assert set(master.xpath(".//p:notesStyle//a:defRPr/@lang", namespaces=NS)) == {"de-DE"}
    assert "Mastertextformat bearbeiten" in master.xpath(".//a:t/text()", namespaces=NS)
    theme = _xml(built_deck, _target(built_deck, master_name, "theme"))
    minor = theme.find(".//a:minorFont/a:latin", NS).get("typeface")
    assert minor == "Source Sans Pro"
    assert theme.get("name") == "deckbuilder"
    notes = _xml(built_deck, "ppt/notesSlides/notesSlide1.xml")
    assert set(notes.xpath(".//p:cNvPr/@name", namespaces=NS)) - {""} == {
        "Folienbildplatzhalter 1", "Notizenplatzhalter 2", "Foliennummernplatzhalter 3"}


def test_the_deck_has_a_handout_master_in_its_faces(built_deck: Path) -> None:
    presentation = _xml(built_deck, "ppt/presentation.xml")
    assert presentation.find("p:handoutMasterIdLst/p:handoutMasterId", NS) is not None
    name = _target(built_deck, "ppt/presentation.xml", "handoutMaster")
    handout = _xml(built_deck, name)
    assert handout.tag == f"{{{NS['p']}}}handoutMaster"
    assert set(handout.xpath(".//p:cNvPr/@name", namespaces=NS)) - {""} == {
        "Kopfzeilenplatzhalter 1", "Datumsplatzhalter 2", "Fußzeilenplatzhalter 3",
        "Foliennummernplatzhalter 4"}
    theme = _xml(built_deck, _target(built_deck, name, "theme"))
    assert {e.get("typeface") for e in theme.findall(".//a:fontScheme/*/a:latin", NS)} == {
        "Source Sans Pro", "Source Sans Pro Black"}


def test_section_names_are_the_contents(built_deck: Path) -> None:
    """deck.yaml names two sections (section:), the first is the deck's introduction."""
    names = _xml(built_deck, "ppt/presentation.xml").xpath(".//p14:section/@name",
                                                          namespaces=NS)
    assert names == ["Einleitung", "Einfluss-Faktoren", "Szenarien",
                     "Was Sie im Future Circle erwartet"]


def test_a_section_is_named_as_written(make_project: MakeProject, tmp_path: Path) -> None:
    """Without section: a divider's title as it stands (capitals stay capitals); with it,
    the name given, on any slide, the first one included."""
    project = make_project()
    deck = project / "content" / "deck.yaml"
    text = deck.read_text("utf-8")
    text = text.replace("    notes: Begrüßung.\n", "    notes: Begrüßung.\n    section: Auftakt\n")
    text = text.replace("  - kind: radar\n", "  - kind: radar\n    section: Das Radar\n")
    text = text.replace("  - kind: offerings\n", "  - kind: offerings\n"
                        "    section: Was Sie im Future Circle erwartet\n")
    deck.write_text(text, "utf-8")
    result = run_cli("build", project, "--out", tmp_path / "out", "--format", "pptx")
    assert result.returncode == 0, result.stderr
    (built,) = (tmp_path / "out").glob("*.pptx")
    names = _xml(built, "ppt/presentation.xml").xpath(".//p14:section/@name", namespaces=NS)
    assert names == ["Auftakt", "Das Radar", "TRENDS", "SZENARIEN",
                     "Was Sie im Future Circle erwartet"]
