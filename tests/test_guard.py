"""A build never overwrites an output edited since the last build, unless told to."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation

from deckbuilder.edits.deck_summary import Shape, changes, describe, read_deck
from deckbuilder.render.pptx.shape_identity import URI, identity

from .conftest import run_cli

DECK = "szenarien-ihk-ruhr.pptx"
DOSSIER = "szenarien-ihk-ruhr.pdf"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _built(project: Path) -> Path:
    result = run_cli("build", project)
    assert result.returncode == 0, result.stderr
    return project / "output"


def _paragraph(slide, text: str):  # type: ignore[no-untyped-def]
    """The paragraph that reads ``text``, found by its text: shape names may change."""
    return next(p for s in slide.shapes if s.has_text_frame for p in s.text_frame.paragraphs
                if p.text == text)


def _edit_deck(deck: Path) -> None:
    """What a reader fixes in PowerPoint: a trend title (slide 5), a factor of the trend
    EMPATHIC CITY (slide 12) and a date in the program table (slide 31)."""
    prs = Presentation(str(deck))
    _paragraph(prs.slides[4], "HUMAN CENTRICITY").runs[0].text = "HUMAN CENTRICITY 2.0"
    assert any(s.has_text_frame and s.text_frame.text == "EMPATHIC CITY"
               for s in prs.slides[11].shapes)
    _paragraph(prs.slides[11], "Überwachungs-/Sicherheitsniveau").runs[0].text = \
        "Städte, die zuhören"
    table = next(s for s in prs.slides[30].shapes if s.has_table).table
    assert table.cell(4, 0).text_frame.text == "12. November"  # below the header row
    table.cell(4, 0).text_frame.paragraphs[0].runs[0].text = "19. November"
    prs.save(str(deck))


def old_naming(deck: Path) -> None:
    """The deck as deckbuilder wrote it before identities moved into the shapes: each
    shape's content path as its name, and no extension."""
    prs = Presentation(str(deck))
    for slide in prs.slides:
        for ext in slide.element.xpath(f".//p:cNvPr/a:extLst/a:ext[@uri='{URI}']"):
            cnvpr = ext.getparent().getparent()
            cnvpr.set("name", identity(cnvpr.getparent().getparent()))
            ext.getparent().remove(ext)
            if not len(cnvpr[-1]):
                cnvpr.remove(cnvpr[-1])
    prs.save(str(deck))


def test_an_edited_deck_stops_the_build_and_stays_as_it_is(project: Path) -> None:
    out = _built(project)
    fresh = (out / DECK).read_bytes()
    _edit_deck(out / DECK)
    edited = (out / DECK).read_bytes()
    dossier = (out / DOSSIER).read_bytes()
    (project / "content" / "deck.yaml").touch()  # content unchanged: still not "up to date"
    stopped = run_cli("build", project)
    assert stopped.returncode == 1
    assert (f"output/{DECK}: error: edited after the last build "
            "(slides 5, 12 and 31: text edited)") in stopped.stderr
    assert "deckbuilder build --discard-edits" in stopped.stderr
    assert "nothing was written" in stopped.stderr
    assert (out / DECK).read_bytes() == edited
    assert (out / DOSSIER).read_bytes() == dossier
    assert not (out / "replaced").exists()
    assert "'deckbuilder pull' takes the edited texts into content/" in stopped.stderr
    assert _pulled(project) == _expected_pull(project)

    discarded = run_cli("build", "--discard-edits", cwd=project)
    assert discarded.returncode == 0, discarded.stderr
    (kept,) = (out / "replaced").iterdir()
    assert kept.name.startswith("szenarien-ihk-ruhr-") and kept.suffix == ".pptx"
    assert kept.read_bytes() == edited
    assert f"kept the edited output/{DECK} as output/replaced/{kept.name}" in discarded.stdout
    assert (out / DECK).read_bytes() == fresh  # the same build as before the edit
    assert run_cli("build", project).stdout.startswith("up to date")


@pytest.mark.slow  # README's test command stays under two minutes
def test_an_annotated_dossier_is_an_edit_and_a_deleted_output_is_not(project: Path) -> None:
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Text

    out = _built(project)
    writer = PdfWriter(clone_from=PdfReader(out / DOSSIER))
    writer.add_annotation(page_number=2, annotation=Text(text="Termin prüfen!",
                                                         rect=(50, 550, 200, 650)))
    writer.write(out / DOSSIER)
    annotated = (out / DOSSIER).read_bytes()
    (out / DECK).unlink()  # gone is not edited: the build writes it again
    stopped = run_cli("build", project)
    assert stopped.returncode == 1
    assert f"output/{DOSSIER}: error: edited after the last build" in stopped.stderr
    assert "notes or highlights" in stopped.stderr and DECK not in stopped.stderr
    assert (out / DOSSIER).read_bytes() == annotated and not (out / DECK).exists()
    rebuilt = run_cli("build", project, "--discard-edits")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert [p.read_bytes() for p in (out / "replaced").glob("*.pdf")] == [annotated]
    assert (out / DECK).is_file()


@pytest.mark.slow  # README's test command stays under two minutes
def test_a_saved_but_unchanged_output_is_no_edit(project: Path) -> None:
    out = _built(project)
    deck = out / DECK
    os.utime(deck, ns=(deck.stat().st_atime_ns, deck.stat().st_mtime_ns + 10**9))
    (project / "content" / "deck.yaml").touch()
    again = run_cli("build", project)
    assert again.returncode == 0, again.stderr


@pytest.mark.slow  # needs LibreOffice
@pytest.mark.skipif(SOFFICE is None and not os.environ.get("CI"),
                    reason="LibreOffice is not installed (.ci/run installs it)")
def test_a_deck_saved_by_libreoffice_names_only_the_edited_slides(project: Path,
                                                                   tmp_path: Path) -> None:
    assert SOFFICE is not None
    out = _built(project)
    _edit_deck(out / DECK)
    converted = tmp_path / "lo"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--headless", "--norestore", "--convert-to", "pptx", "--outdir",
                    str(converted), str(out / DECK)], check=True, capture_output=True,
                   timeout=300)
    shutil.copyfile(converted / DECK, out / DECK)
    edited = (out / DECK).read_bytes()
    stopped = run_cli("build", project)
    assert stopped.returncode == 1
    # LibreOffice rewrites every byte and rounds every position; only the texts differ.
    assert "edited after the last build (slides 5, 12 and 31: text edited) (" \
        in stopped.stderr
    assert (out / DECK).read_bytes() == edited
    assert _pulled(project) == _expected_pull(project)


def _place(project: Path, file: str, line_start: str, value: str) -> str:
    """file:line:column of ``value`` on the line that starts with ``line_start``."""
    lines = (project / "content" / file).read_text("utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.startswith(line_start))
    return f"content/{file}:{number}:{lines[number - 1].index(value) + 1}"


def _expected_pull(project: Path) -> list[str]:
    title = _place(project, "trends.yaml", "  - title: HUMAN CENTRICITY", "HUMAN")
    factor = _place(project, "trends.yaml", "      - Überwachungs-/Sicherheitsniveau", "Ü")
    date = _place(project, "program.yaml", "    - date: 2026-11-12", "2026")
    radar = [_place(project, "radar.yaml", start, "HUMAN") for start in (
        "  - {name: HUMAN", "  - {from: HUMAN CENTRICITY, to: RESPONSIBLE",
        "  - {from: HUMAN CENTRICITY, to: EMPATHIC")]
    return [f"{title}: slide 5: 'HUMAN CENTRICITY' → 'HUMAN CENTRICITY 2.0'",
            *(f"  and {r}: the radar names the trend 'HUMAN CENTRICITY' here" for r in radar),
            f"{factor}: slide 12: 'Überwachungs-/Sicherheitsniveau' → 'Städte, die zuhören'",
            f"{date}: slide 31: Future Day (Frankfurt): 2026-11-12 → 2026-11-19"]


def _pulled(project: Path) -> list[str]:
    before = {p: p.read_bytes() for p in (project / "content").rglob("*.yaml")}
    result = run_cli("pull", project, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert {p: p.read_bytes() for p in (project / "content").rglob("*.yaml")} == before
    return result.stdout.splitlines()


def _slide(*texts: str) -> tuple[Shape, ...]:
    return tuple(Shape(f"Body {i}", t, (0, i * 100000, 500000, 90000))
                 for i, t in enumerate(texts, start=1))


def test_an_added_slide_does_not_make_the_later_ones_edited() -> None:
    old = [_slide("A", "1"), _slide("B", "2"), _slide("C", "3")]
    new = [_slide("A", "1"), _slide("neu", "2"), _slide("B", "3"), _slide("C", "4")]
    assert changes(old, new) == {"slide added": [2]}
    assert describe(changes(new, old)) == "slide 2: slide deleted"


def test_moves_and_resizes_are_told_apart_from_rounding() -> None:
    base = _slide("A", "B")
    moved = (Shape("Body 1", "A", (50000, 100000, 500000, 90000)), base[1])
    rounded = (Shape("Body 1", "A", (360, 100360, 500000, 90000)), base[1])
    wider = (base[0], Shape("Body 2", "B", (0, 200000, 600000, 90000)))
    assert changes([base, base, base], [moved, rounded, wider]) == {
        "shape moved": [1], "shape resized": [3]}
    assert describe({"text edited": [12, 5], "shape moved": [30]}) == \
        "slides 5 and 12: text edited; slide 30: shape moved"


def test_the_summary_reads_the_built_deck(built_deck: Path, tmp_path: Path) -> None:
    slides = read_deck(built_deck)
    assert len(slides) == len(Presentation(str(built_deck)).slides)
    assert Shape("trends.yaml:trends[7].title:title", "EMPATHIC CITY", None) in [
        Shape(s.name, s.text, None) for s in slides[11]]  # the identity, not "Titel"
    assert any("12. November | Future Day\nFrankfurt" in s.text for s in slides[30])
    assert [s.name for s in slides[4]][:2] == ["Rechteck", "trends.yaml:trends[0].title:title"]
    old = Path(shutil.copy(built_deck, tmp_path / DECK))
    old_naming(old)  # as the previous version wrote it: the identity as the name
    assert read_deck(old) == slides


def test_slide_number_fields_are_no_text() -> None:
    """LibreOffice writes '<number>' into a slide-number field; PowerPoint the number."""
    from deckbuilder.edits.deck_summary import _read_slide

    def slide(number: str) -> bytes:
        return (
            '<p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
            "<p:cSld><p:spTree><p:sp><p:nvSpPr><p:cNvPr id='2' name='n'/></p:nvSpPr>"
            "<p:txBody><a:p><a:r><a:t>Seite </a:t></a:r><a:fld type='slidenum'>"
            f"<a:t>{number}</a:t></a:fld></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>"
        ).encode()

    assert _read_slide(slide("5")) == _read_slide(slide("&lt;number&gt;"))
    assert _read_slide(slide("5"))[0].text == "Seite"
