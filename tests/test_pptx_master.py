"""The deck behaves like one made in PowerPoint: its own master, theme and layouts, titles
in title placeholders, slide numbers as fields, sections, properties, and shape names
people read, each shape keeping the identity of its content."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from deckbuilder.content.load import load_project
from deckbuilder.render.pptx.master import CONTENT_LAYOUT, LAYOUT_NAMES, color_scheme
from deckbuilder.render.pptx.shape_identity import NS as IDENTITY_NS
from deckbuilder.render.pptx.shape_identity import URI

from .conftest import ROOT, run_cli

NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
      "p14": "http://schemas.microsoft.com/office/powerpoint/2010/main"}
#: python-pptx's default template's layout names: none may remain.
DEFAULT_LAYOUTS = {"Title Slide", "Title and Content", "Section Header", "Two Content",
                   "Comparison", "Title Only", "Blank", "Content with Caption",
                   "Picture with Caption", "Title and Vertical Text", "Vertical Title and Text"}


def _placeholder(slide, kind):  # type: ignore[no-untyped-def]
    return [s for s in slide.placeholders if s.placeholder_format.type == kind]


def _check_titles_and_numbers(deck: Path) -> None:
    prs = Presentation(str(deck))
    for number, slide in enumerate(prs.slides, start=1):
        (title,) = _placeholder(slide, PP_PLACEHOLDER.TITLE)
        assert title.text_frame.text.strip(), number
        assert slide.shapes.title is not None
        for shape in _placeholder(slide, PP_PLACEHOLDER.SLIDE_NUMBER):
            fields = shape._element.findall(".//a:fld", NS)
            assert [f.get("type") for f in fields] == ["slidenum"]
            assert fields[0].findtext("a:t", namespaces=NS) == str(number)
            assert shape._element.find(".//a:r", NS) is None  # no typed digits left


def test_every_slide_has_its_title_in_a_title_placeholder(built_deck: Path) -> None:
    _check_titles_and_numbers(built_deck)
    prs = Presentation(str(built_deck))
    first_trend = prs.slides[4]
    assert first_trend.shapes.title.text_frame.text == "HUMAN CENTRICITY"
    numbered = [s for s in prs.slides if _placeholder(s, PP_PLACEHOLDER.SLIDE_NUMBER)]
    assert len(numbered) == len(prs.slides) - 2  # the title and legal slides show none
    footers = [s for s in prs.slides if _placeholder(s, PP_PLACEHOLDER.FOOTER)]
    assert len(footers) == len(numbered)


def test_a_slide_without_a_visible_title_keeps_one_off_the_slide(built_deck: Path) -> None:
    prs = Presentation(str(built_deck))
    legal = prs.slides[len(prs.slides) - 1]
    title = legal.shapes.title
    assert title.top >= prs.slide_height  # below the visible area
    assert title.text_frame.text.startswith("© Zukunftsinstitut GmbH")


def test_new_project_has_titles_and_number_fields(tmp_path: Path) -> None:
    target = tmp_path / "workshop"
    assert run_cli("new", target).returncode == 0
    assert run_cli("build", target, "--format", "pptx").returncode == 0
    (deck,) = (target / "output").glob("*.pptx")
    _check_titles_and_numbers(deck)


def test_theme_carries_the_decks_fonts_and_palette(built_deck: Path) -> None:
    theme = load_project(ROOT).theme
    master = Presentation(str(built_deck)).slide_masters[0]
    root = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
    major = root.find(".//a:majorFont/a:latin", NS).get("typeface")
    minor = root.find(".//a:minorFont/a:latin", NS).get("typeface")
    assert (major, minor) == ("Source Sans Pro Black", "Source Sans Pro")
    scheme = {slot.tag.split("}")[1]: slot[0].get("val")
              for slot in root.find(".//a:clrScheme", NS)}
    assert scheme == color_scheme(theme)
    assert scheme["dk1"] == theme.color("ink") and scheme["lt1"] == theme.color("paper")
    assert theme.color("accent") in {scheme[f"accent{i}"] for i in range(1, 7)}


def test_layouts_are_the_decks_own_one_per_kind(built_deck: Path) -> None:
    prs = Presentation(str(built_deck))
    names = [layout.name for layout in prs.slide_layouts]
    assert not set(names) & DEFAULT_LAYOUTS
    kinds = {"title", "method", "radar", "section", "trend", "scenario-divider",
             "scenario-text", "offerings", "program", "cta", "legal"}
    assert sorted(names) == sorted([LAYOUT_NAMES[k] for k in kinds] + [CONTENT_LAYOUT])
    for slide in prs.slides:
        layout = slide.slide_layout
        assert layout.name in names
        layout_holders = {(p.placeholder_format.type, p.placeholder_format.idx)
                          for p in layout.placeholders}
        for holder in slide.placeholders:  # each slide placeholder has its layout's twin
            fmt = holder.placeholder_format
            assert (fmt.type, fmt.idx) in layout_holders, (layout.name, fmt.type)
    trend = next(lay for lay in prs.slide_layouts if lay.name == "Trend")
    types = {p.placeholder_format.type for p in trend.placeholders}
    assert types == {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.PICTURE,
                     PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}
    with zipfile.ZipFile(built_deck) as archive:
        presentation = archive.read("ppt/presentation.xml").decode()
    assert "saveSubsetFonts" not in presentation
    # 16:9, and not named 4:3 ("screen4x3", the default template's), which PowerPoint's
    # Slide Size dialog would show
    assert '<p:sldSz cx="12192000" cy="6858000"/>' in presentation


def test_sections_and_document_properties(built_deck: Path) -> None:
    prs = Presentation(str(built_deck))
    sections = prs.part._element.findall(".//p14:section", NS)
    assert [s.get("name") for s in sections] == [
        "Einleitung", "Einfluss-Faktoren", "Szenarien", "Was Sie im Future Circle erwartet"]
    members = [i.get("id") for s in sections for i in s.findall(".//p14:sldId", NS)]
    assert members == [str(i) for i in prs.slides._sldIdLst.xpath("./p:sldId/@id")]
    props = prs.core_properties
    assert props.keywords == "Szenarien, Ruhrregion 2035, Konnektivität, Trendradar, " \
        "Future Circle"
    assert props.language == "de-DE" and props.title == "Szenarien"
    assert props.author == "Zukunftsinstitut GmbH"


def _identities(slide) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Selection-pane name → identity kept in the shape (every shape, groups' members too)."""
    found = {}
    for cnvpr in list(slide._element.iter(f"{{{NS['p']}}}cNvPr"))[1:]:  # not the tree's
        kept = etree.XPath(f"a:extLst/a:ext[@uri='{URI}']/db:content/@path",
                           namespaces={**NS, "db": IDENTITY_NS})(cnvpr)
        found[cnvpr.get("name")] = kept[0] if kept else ""
    return found


def test_shapes_have_names_people_read_and_keep_their_content_identity(
        built_deck: Path) -> None:
    prs = Presentation(str(built_deck))
    trend = prs.slides[4]
    assert trend._element.cSld.get("name") == "trends.yaml:trends[0]"
    assert [s.name for s in trend.shapes] == [
        "Rechteck", "Titel", "Bild", "Text", "Fußzeile", "Foliennummer"]
    assert _identities(trend) == {
        "Rechteck": "", "Titel": "trends.yaml:trends[0].title:title",
        "Bild": "trends.yaml:trends[0].picture:picture",
        "Text": "trends.yaml:trends[0].factors:body", "Fußzeile": "deck.yaml:footer:footer",
        "Foliennummer": "deck.yaml:slide-number"}
    method = [s.name for s in prs.slides[1].shapes]
    assert method[:6] == ["Rechteck", "Linie 1", "Linie 2", "Linie 3", "Linie 4", "Titel"]
    assert method[6:9] == ["Text 1", "Text 2", "Text 3"]
    assert {"Untertitel", "Bild"} <= {s.name for s in prs.slides[0].shapes}
    assert {"Tabelle 1", "Tabelle 2", "Tabelle 3"} <= {s.name for s in prs.slides[30].shapes}
    assert "Schaltfläche" in {s.name for slide in prs.slides for s in slide.shapes}
    assert "Trendradar" in {s.name for s in prs.slides[2].shapes}
    slide_names = [s._element.cSld.get("name") for s in prs.slides]
    assert len(set(slide_names)) == len(slide_names)
    for slide in prs.slides:
        names = [c.get("name") for c in slide._element.iter(f"{{{NS['p']}}}cNvPr")][1:]
        assert not [n for n in names if ":" in n or "[" in n or "yaml" in n], names
        assert len(set(names)) == len(names), names  # PowerPoint's "Text 3" where several
        kept = _identities(slide)
        texts = [s.name for s in slide.shapes if s.has_text_frame and s.text_frame.text
                 or s.shape_type in (MSO_SHAPE_TYPE.PICTURE, MSO_SHAPE_TYPE.TABLE)
                 or s.is_placeholder]
        assert texts and all(kept[n] for n in texts), (texts, kept)
        identities = [i for i in kept.values() if i]
        assert len(set(identities)) == len(identities)


@pytest.mark.parametrize("slot", ["accent1", "hlink"])
def test_scheme_slots_can_be_chosen_in_the_theme(slot: str) -> None:
    theme = load_project(ROOT).theme
    chosen = theme.model_copy(update={"scheme": {slot: "coral"}})
    assert color_scheme(chosen)[slot] == theme.color("coral")
