"""The renderers from hand-made plans: no content files, no layout. What a plan says (a
box's place, a run's link, a picture's text alternative, a section) is what each output
shows, so a renderer bug is found here and not only through the IHK deck."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Pt
from pypdf import PdfReader

from deckbuilder.content.load import load_theme
from deckbuilder.errors import Location
from deckbuilder.layout import dossier as d
from deckbuilder.layout.plan import (
    Box,
    DeckPlan,
    GroupBox,
    LineBox,
    Para,
    PictureBox,
    Run,
    ShapeBox,
    SlidePlan,
    TableBox,
    TextBox,
)
from deckbuilder.render.images import ImageStore
from deckbuilder.render.pdf import dossier as pdf_dossier
from deckbuilder.render.pdf import slides as pdf_slides
from deckbuilder.render.pptx import deck as pptx_deck
from deckbuilder.text.measure import Measurer
from deckbuilder.theme import Theme

from .conftest import write_project

HERE = Location("hand-made")
STAMP = dt.datetime(2025, 11, 4, tzinfo=dt.UTC)


def _slide() -> SlidePlan:
    title = TextBox(Box(56, 44, 600, 50), (Para((Run("HANDGEMACHTER TITEL"),), "title"),),
                    HERE, role="title", name="title")
    body = TextBox(Box(56, 120, 400, 200), (
        Para((Run("Größe über Straße – „CO₂“"),), "bullet", bullet="accent"),
        Para((Run("Mehr unter "), Run("beispiel.de", link="https://www.beispiel.de")), "body"),
        Para((Run("www.nicht-verlinkt.de"),), "body")), HERE, name="body")
    picture = PictureBox(Box(500, 100, 400, 300), "assets/pictures/trend.jpg", "Ein Bild",
                         (0, 0, 0, 0), HERE, name="picture")
    bar = ShapeBox(Box(56, 30, 48, 6), "rect", fill="accent")
    table = TableBox(Box(56, 420, 400, 60), (150, 250),
                     (((Para((Run("12.11.2026"),), "table-date"),),
                       (Para((Run("Future Day"),), "table-text"),)),), (60,), 4, "rule",
                     HERE, name="table", rule_width=0.75)
    rule = LineBox(56, 500, 456, 500, "ink", 1)
    group = GroupBox(Box(700, 420, 100, 30), (
        ShapeBox(Box(700, 420, 10, 10), "oval", fill="accent", alt="Punkt A"),
        TextBox(Box(712, 420, 80, 14), (Para((Run("Marke"),), "radar-label"),), HERE,
                wrap=False)), "radar")
    return SlidePlan("test", (title, body, picture, bar, table, rule, group), HERE, name="s",
                     section="Teil A")


@pytest.fixture(scope="module")
def setting(tmp_path_factory: pytest.TempPathFactory) -> tuple[Theme, ImageStore, Path]:
    root = write_project(tmp_path_factory.mktemp("hand") / "p")
    return load_theme(root), ImageStore(root, root / "cache"), root


def _fonts(theme: Theme, root: Path) -> dict[str, str]:
    measurer = Measurer(theme, root)
    return {face: measurer.font_name(face) for face in theme.faces}


def test_the_deck_places_what_the_plan_says(setting: tuple[Theme, ImageStore, Path],
                                            tmp_path: Path) -> None:
    theme, store, _ = setting
    plan = DeckPlan(960, 540, (_slide(),), "Titel", "Autor", "Betreff", "de-DE")
    said = pptx_deck.render(plan, theme, tmp_path / "x.pptx", images=store, timestamp=STAMP)
    assert said == "1 slides"
    prs = Presentation(str(tmp_path / "x.pptx"))
    shapes = {s.name: s for s in prs.slides[0].shapes}
    title = prs.slides[0].shapes.title
    assert title is not None and title.text_frame.text == "HANDGEMACHTER TITEL"
    assert title.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
    body = shapes["body"]
    assert (body.left, body.top, body.width, body.height) == (Pt(56), Pt(120), Pt(400), Pt(200))
    texts = [p.text for p in body.text_frame.paragraphs]
    assert texts == ["Größe über Straße – „CO₂“", "Mehr unter beispiel.de",
                     "www.nicht-verlinkt.de"]
    links = [r.hyperlink.address for p in body.text_frame.paragraphs for r in p.runs
             if r.hyperlink.address]
    assert links == ["https://www.beispiel.de"]  # the plan's link, and no other
    picture = shapes["picture"]
    assert picture._element.xpath(".//p:cNvPr/@descr") == ["Ein Bild"]
    assert (picture.left, picture.width) == (Pt(500), Pt(400))
    table = next(s for s in shapes.values() if s.has_table)
    assert [c.text for c in table.table.rows[0].cells] == ["12.11.2026", "Future Day"]
    assert [Pt(150), Pt(250)] == [c.width for c in table.table.columns]
    group = shapes["radar"]
    assert [s.shape_type is not None for s in group.shapes] == [True, True]
    assert group.shapes[0]._element.xpath(".//p:cNvPr/@descr") == ["Punkt A"]
    line = next(s for s in shapes.values() if s.shape_type == 9)  # MSO_SHAPE_TYPE.LINE
    assert (line.begin_x, line.begin_y, line.end_x) == (Pt(56), Pt(500), Pt(456))
    p14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
    sections = prs.part._element.findall(f".//{{{p14}}}section")
    sections = [s.get("name") for s in sections]
    assert sections == ["Teil A"]


def test_the_slides_pdf_draws_what_the_plan_says(setting: tuple[Theme, ImageStore, Path],
                                                 tmp_path: Path) -> None:
    theme, store, root = setting
    plan = DeckPlan(960, 540, (_slide(), _slide()), "Titel", "Autor", "Betreff", "de-DE")
    said = pdf_slides.render(plan, theme, tmp_path / "x.pdf", images=store,
                             fonts=_fonts(theme, root), timestamp=STAMP)
    assert said == "2 pages"
    reader = PdfReader(tmp_path / "x.pdf")
    page = reader.pages[0]
    assert [float(v) for v in page.mediabox] == [0, 0, 960, 540]
    text = page.extract_text()
    for words in ("HANDGEMACHTER TITEL", "Größe über Straße – „CO₂“", "12.11.2026",
                  "Future Day", "Marke", "www.nicht-verlinkt.de"):
        assert words in text
    uris = [str(a.get_object()["/A"]["/URI"]) for a in page.get("/Annots", [])]
    assert uris == ["https://www.beispiel.de"]  # the plan's link; the bare address is not
    assert reader.trailer["/Root"]["/Lang"] == "de-DE"
    assert "/StructTreeRoot" in reader.trailer["/Root"]


def test_the_dossier_writes_a_hand_made_plan(setting: tuple[Theme, ImageStore, Path],
                                             tmp_path: Path) -> None:
    theme, store, root = setting
    footer = (Run("© Beispiel | "), Run("post@beispiel.de", link="mailto:post@beispiel.de"))
    plan = d.DossierPlan("Titel", "Autor", "Betreff", ("Zukunft",), "de-DE", footer, (
        d.Heading("Einleitung", "intro"),
        d.Text((Para((Run("Ein Absatz über die Zukunft der Region."),), "d-body"),)),
        d.Calendar((("2026", (("12.11.2026", "Future Day", False, "Frankfurt"),
                              ("01.02.2026", "Auftakt", True, None))),)),
        d.Heading("Anhang", "annex"),
        d.Callout(("Jetzt anmelden",), "accent"),
    ))
    said = pdf_dossier.render(plan, theme, tmp_path / "d.pdf", images=store,
                              fonts=_fonts(theme, root), timestamp=STAMP)
    reader = PdfReader(tmp_path / "d.pdf")
    assert said == f"{len(reader.pages)} pages" == "2 pages"  # each Heading starts a page
    first, second = (p.extract_text() for p in reader.pages)
    for words in ("Einleitung", "Ein Absatz über die Zukunft der Region.", "Future Day",
                  "Frankfurt", "Auftakt", "© Beispiel | post@beispiel.de"):
        assert words in first
    assert "Jetzt anmelden" in second and "Anhang" in second
    assert [item["/Title"] for item in reader.outline] == ["Einleitung", "Anhang"]
    for page in reader.pages:  # the footer's link, on every page, and no other
        uris = [str(a.get_object()["/A"]["/URI"]) for a in page.get("/Annots", [])]
        assert uris == ["mailto:post@beispiel.de"]
