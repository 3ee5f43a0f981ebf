"""Speaker notes are content: paragraphs and list items in YAML, real paragraphs and
bulleted paragraphs on each slide's notes page, carried back by ``pull`` and guarded."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.oxml.ns import qn

from deckbuilder.content.notes import NoteParagraph, note_lines, notes_text, parse_notes

from .conftest import MakeProject, replace_in, run_cli

TITLE_NOTES = """\
    notes: |
      Begrüßung der Gäste,
      mit einem Dank an die Kammer.

      - Ablauf zeigen
      - Fragen am Ende

      Dann zum Vorgehen.
"""

TREND_NOTES = """\
      - Noch ein Einflussfaktor
    notes: |
      Der erste Trend.
"""

SCENARIO_NOTES = """\
    color: golden
    notes: |
      - Szenario vorlesen
"""


def notes_project(make_project: MakeProject) -> Path:
    """The small project with notes on its title slide, its first trend and its scenario."""
    root = make_project()
    replace_in(root, "deck.yaml", "    notes: Begrüßung.\n", TITLE_NOTES)
    replace_in(root, "trends.yaml", "      - Noch ein Einflussfaktor\n", TREND_NOTES)
    replace_in(root, "scenarios.yaml", "    color: golden\n", SCENARIO_NOTES)
    return root


def _notes(slide) -> list[tuple[str, bool, set[str]]]:  # type: ignore[no-untyped-def]
    """Each notes paragraph: its text, whether it has a bullet, its runs' languages."""
    if not slide.has_notes_slide:
        return []
    found = []
    for p in slide.notes_slide.notes_text_frame.paragraphs:
        ppr = p._p.find(qn("a:pPr"))
        bullet = ppr is not None and ppr.find(qn("a:buChar")) is not None
        langs = {r._r.find(qn("a:rPr")).get("lang") for r in p.runs}
        found.append((p.text, bullet, langs))
    return found


def test_notes_read_as_paragraphs_and_list_items() -> None:
    text = "Erste Zeile\n  weiter.\n\n- Punkt eins\n  fortgesetzt\n- Punkt zwei\nDanach\n\n"
    assert parse_notes(text) == (
        NoteParagraph("Erste Zeile weiter."), NoteParagraph("Punkt eins fortgesetzt", True),
        NoteParagraph("Punkt zwei Danach", True))
    assert notes_text(parse_notes(text)) == \
        "Erste Zeile weiter.\n- Punkt eins fortgesetzt\n- Punkt zwei Danach"
    assert [(n.first, n.end) for n in note_lines(text.split("\n"))] == [(0, 2), (3, 5), (5, 7)]
    assert parse_notes("Begrüßung.") == (NoteParagraph("Begrüßung."),)
    assert parse_notes(None) == ()


def test_the_notes_page_holds_paragraphs_and_bulleted_items(make_project: MakeProject
                                                             ) -> None:
    root = notes_project(make_project)
    built = run_cli("build", root)
    assert built.returncode == 0, built.stderr
    slides = Presentation(str(root / "output" / "my-deck.pptx")).slides
    de = {"de-DE"}
    assert _notes(slides[0]) == [
        ("Begrüßung der Gäste, mit einem Dank an die Kammer.", False, de),
        ("Ablauf zeigen", True, de), ("Fragen am Ende", True, de),
        ("Dann zum Vorgehen.", False, de)]
    by_kind = {s.element.cSld.get("name"): _notes(s) for s in slides}
    assert by_kind["trends.yaml:trends[0]"] == [("Der erste Trend.", False, de)]
    assert by_kind["trends.yaml:trends[1]"] == []
    assert by_kind["scenarios.yaml:scenarios[0]"] == [("Szenario vorlesen", True, de)]
