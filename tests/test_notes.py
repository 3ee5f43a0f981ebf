"""Speaker notes are content: paragraphs and list items in YAML, real paragraphs and
bulleted paragraphs on each slide's notes page, carried back by ``pull`` and guarded."""

from __future__ import annotations

import copy
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


def _edit_notes(deck: Path, edit) -> None:  # type: ignore[no-untyped-def]
    """What a speaker changes in PowerPoint's notes pane of the first slide."""
    prs = Presentation(str(deck))
    edit(prs.slides[0].notes_slide.notes_text_frame)
    prs.save(str(deck))


def _reword(frame) -> None:  # type: ignore[no-untyped-def]
    frame.paragraphs[3].runs[0].text = "Dann kurz zum Vorgehen."


def _add_item(frame) -> None:  # type: ignore[no-untyped-def]
    item = frame.paragraphs[2]._p
    added = copy.deepcopy(item)
    item.addnext(added)
    frame.paragraphs[3].runs[0].text = "Pause ansagen"


def _lines(root: Path, name: str) -> list[str]:
    return (root / "content" / name).read_text("utf-8").splitlines()


def test_a_notes_edit_stops_the_build_and_pull_carries_exactly_its_line(
        make_project: MakeProject) -> None:
    root = notes_project(make_project)
    assert run_cli("build", root).returncode == 0
    deck = root / "output" / "my-deck.pptx"
    _edit_notes(deck, _reword)
    edited = deck.read_bytes()
    (root / "content" / "deck.yaml").touch()
    stopped = run_cli("build", root)
    assert stopped.returncode == 1
    assert "(slide 1: notes edited)" in stopped.stderr
    assert deck.read_bytes() == edited

    before = _lines(root, "deck.yaml")
    pulled = run_cli("pull", root)
    assert pulled.returncode == 0, pulled.stderr
    line = before.index("      Dann zum Vorgehen.") + 1
    notes = before.index("    notes: |") + 1
    assert f"content/deck.yaml:{notes}:12: slide 1: notes: 'Dann zum Vorgehen.' → " \
        "'Dann kurz zum Vorgehen.'" in pulled.stdout
    after = _lines(root, "deck.yaml")
    assert [(i, a, b) for i, (a, b) in enumerate(zip(before, after, strict=True), 1)
            if a != b] == [(line, "      Dann zum Vorgehen.", "      Dann kurz zum Vorgehen.")]
    rebuilt = run_cli("build", root)
    assert rebuilt.returncode == 0, rebuilt.stderr
    notes = _notes(Presentation(str(deck)).slides[0])
    assert notes[-1][0] == "Dann kurz zum Vorgehen."


def test_an_added_list_item_goes_into_the_list(make_project: MakeProject) -> None:
    root = notes_project(make_project)
    assert run_cli("build", root).returncode == 0
    _edit_notes(root / "output" / "my-deck.pptx", _add_item)
    before = _lines(root, "deck.yaml")
    pulled = run_cli("pull", root)
    assert pulled.returncode == 0, pulled.stderr
    assert "slide 1: notes: paragraph added: '- Pause ansagen'" in pulled.stdout
    at = before.index("      - Fragen am Ende") + 1
    assert _lines(root, "deck.yaml") == [*before[:at], "      - Pause ansagen", *before[at:]]
    rebuilt = run_cli("build", root)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert ("Pause ansagen", True, {"de-DE"}) in _notes(
        Presentation(str(root / "output" / "my-deck.pptx")).slides[0])


NOTES_YAML = "slides:\n  - kind: title   # erste Folie\n" + TITLE_NOTES + """\
  - kind: legal
    notes: Nur ein Satz.
"""


def test_a_deleted_item_loses_its_line_and_one_line_notes_become_a_block() -> None:
    from deckbuilder.edits.yaml_text import Edit, replace_values

    lines = NOTES_YAML.splitlines(keepends=True)
    kept = "Begrüßung der Gäste, mit einem Dank an die Kammer.\n- Fragen am Ende\n" \
        "Dann zum Vorgehen."
    deleted = replace_values(NOTES_YAML, "content/deck.yaml",
                             [Edit(("slides", 0, "notes"), kept, notes=True)])
    assert deleted == "".join(line for line in lines if "Ablauf" not in line)
    listed = replace_values(NOTES_YAML, "content/deck.yaml",
                            [Edit(("slides", 1, "notes"), "Nur ein Satz.\n- Ein Punkt",
                                  notes=True)])
    assert listed == "".join(lines[:-1]) + \
        "    notes: |\n      Nur ein Satz.\n\n      - Ein Punkt\n"
    one = replace_values(NOTES_YAML, "content/deck.yaml",
                         [Edit(("slides", 1, "notes"), "Zwei: Sätze.", notes=True)])
    assert one.splitlines()[-1] == "    notes: 'Zwei: Sätze.'"
