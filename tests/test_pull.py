"""``deckbuilder pull`` carries texts edited in the deck back into content/, changing only
the edited values' lines, and the next build then keeps those texts."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pptx import Presentation
from pptx.util import Emu

from deckbuilder.edits import output_state
from deckbuilder.edits.yaml_text import Edit, replace_values
from deckbuilder.errors import ContentError
from deckbuilder.render.pptx.shape_identity import identity

from .conftest import ROOT, run_cli
from .test_guard import DECK, SOFFICE, _edit_deck, old_naming

LATER = "1763078400"  # 14.11.2025: the build after the pull is a new version of the deck


def _lines(project: Path) -> dict[str, list[str]]:
    content = project / "content"  # the shared files and the editions' own
    return {str(p.relative_to(content)): p.read_text("utf-8").splitlines(keepends=True)
            for p in sorted(content.rglob("*.yaml"))}


def _changed(before: dict[str, list[str]], after: dict[str, list[str]]
             ) -> dict[str, list[tuple[int, str, str]]]:
    """Like ``git diff``: per file, (line number, old line, new line) of every changed line;
    the line counts must stay (pull rewrites values, it adds or drops no line here)."""
    found = {}
    for name, old in before.items():
        new = after[name]
        assert len(new) == len(old), name
        rows = [(i, a.rstrip("\n"), b.rstrip("\n"))
                for i, (a, b) in enumerate(zip(old, new, strict=True), 1) if a != b]
        if rows:
            found[name] = rows
    return found


def _line_of(lines: list[str], start: str) -> int:
    return next(i for i, line in enumerate(lines, 1) if line.startswith(start))


def _expected_changes(before: dict[str, list[str]]) -> dict[str, list[tuple[int, str, str]]]:
    """The three edits' lines, and the radar's three names of the renamed trend."""
    trends, radar, program = before["trends.yaml"], before["radar.yaml"], before["program.yaml"]
    title = _line_of(trends, "  - title: HUMAN CENTRICITY")
    factor = _line_of(trends, "      - Überwachungs-/Sicherheitsniveau")
    date = _line_of(program, "    - date: 2026-11-12")
    names = [i for i, line in enumerate(radar, 1) if "HUMAN CENTRICITY" in line]
    assert len(names) == 3
    return {
        "program.yaml": [(date, "    - date: 2026-11-12", "    - date: 2026-11-19")],
        "radar.yaml": [(i, radar[i - 1].rstrip("\n"), radar[i - 1].rstrip("\n").replace(
            "HUMAN CENTRICITY", "HUMAN CENTRICITY 2.0")) for i in names],
        "trends.yaml": [(title, "  - title: HUMAN CENTRICITY", "  - title: HUMAN CENTRICITY 2.0"),
                        (factor, "      - Überwachungs-/Sicherheitsniveau",
                         "      - Städte, die zuhören")],
    }


def _texts(deck: Path) -> list[str]:
    """Every paragraph and table cell of the deck, slide by slide."""
    return [p.text for slide in Presentation(str(deck)).slides for shape in slide.shapes
            for p in ([p for r in shape.table.rows for c in r.cells
                       for p in c.text_frame.paragraphs] if shape.has_table else
                      shape.text_frame.paragraphs if shape.has_text_frame else [])]


def _pull_and_build(project: Path) -> None:
    """The second half of the scenario, on a deck edited in output/: stopped build, dry
    run, pull, exactly those lines changed, events list, a build with the edited texts."""
    out = project / "output"
    edited = (out / DECK).read_bytes()
    (project / "content" / "deck.yaml").touch()
    stopped = run_cli("build", project)
    assert stopped.returncode == 1
    assert "(slides 5, 12 and 31: text edited)" in stopped.stderr
    assert (out / DECK).read_bytes() == edited
    dry = run_cli("pull", project, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    shown = [line for line in dry.stdout.splitlines() if not line.startswith("  ")]
    assert [line.split(": slide ")[1] for line in shown] == [
        "5: 'HUMAN CENTRICITY' → 'HUMAN CENTRICITY 2.0'",
        "12: 'Überwachungs-/Sicherheitsniveau' → 'Städte, die zuhören'",
        "31: Future Day (Frankfurt): 2026-11-12 → 2026-11-19"]
    before = _lines(project)
    assert [line.split(":")[:2] for line in shown] == [
        ["content/trends.yaml", str(_line_of(before["trends.yaml"], "  - title: HUMAN"))],
        ["content/trends.yaml", str(_line_of(before["trends.yaml"], "      - Überwachungs"))],
        ["content/program.yaml", str(_line_of(before["program.yaml"], "    - date: 2026-11-12"))]]
    assert _lines(project) == before  # the dry run wrote nothing

    pulled = run_cli("pull", project)
    assert pulled.returncode == 0, pulled.stderr
    assert "wrote 3 edits into content/program.yaml, content/radar.yaml, content/trends.yaml" \
        in pulled.stdout
    assert _changed(before, _lines(project)) == _expected_changes(before)
    (copy,) = (out / "replaced").iterdir()
    assert copy.read_bytes() == edited and (out / DECK).read_bytes() == edited
    listed = run_cli("events", "list", project)
    assert "Do., 19. November 2026   Future Day (Frankfurt)" in listed.stdout
    assert "12. November" not in listed.stdout

    rebuilt = run_cli("build", project, epoch=LATER)
    assert rebuilt.returncode == 0, rebuilt.stderr
    texts = _texts(out / DECK)
    for text in ("HUMAN CENTRICITY 2.0", "Städte, die zuhören", "19. November"):
        assert text in texts
    assert "Überwachungs-/Sicherheitsniveau" not in texts and "12. November" not in texts
    log = (out / "szenarien-ihk-ruhr-changes.md").read_text("utf-8")
    assert "- 12.11.2026 → 19.11.2026: Future Day (Frankfurt) verschoben" in log
    assert run_cli("build", project, epoch=LATER).stdout.startswith("up to date")


def test_pull_carries_the_three_edits_into_content_and_the_build_keeps_them(
        project: Path) -> None:
    assert run_cli("build", project).returncode == 0
    _edit_deck(project / "output" / DECK)
    _pull_and_build(project)


@pytest.mark.slow  # needs LibreOffice
@pytest.mark.skipif(SOFFICE is None and not os.environ.get("CI"),
                    reason="LibreOffice is not installed (.ci/run installs it)")
def test_pull_works_on_a_deck_saved_by_libreoffice(project: Path, tmp_path: Path) -> None:
    """LibreOffice renames the placeholders ('PlaceHolder 1') and rewrites every byte."""
    assert SOFFICE is not None
    assert run_cli("build", project).returncode == 0
    deck = project / "output" / DECK
    _edit_deck(deck)
    converted = tmp_path / "lo"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--headless", "--norestore", "--convert-to", "pptx", "--outdir",
                    str(converted), str(deck)], check=True, capture_output=True, timeout=300)
    slides = Presentation(str(converted / DECK)).slides
    names = {s.name for slide in slides for s in slide.shapes}
    assert "Titel" not in names and "PlaceHolder 1" in names  # placeholders renamed
    # LibreOffice 7.4 drops the identities: the guard pairs shapes by order, and pull
    # takes each shape's identity from the last build's record.
    assert not any(identity(s.element) for slide in slides for s in slide.shapes)
    shutil.copyfile(converted / DECK, deck)
    _pull_and_build(project)


@pytest.mark.slow  # README's test command stays under two minutes
def test_a_deck_built_by_the_previous_version_still_pulls(project: Path) -> None:
    """Its shapes are named 'trends.yaml:trends[0].title:title'; the record of it holds
    those names: pull and the guard read them as identities."""
    out = project / "output"
    assert run_cli("build", project).returncode == 0
    old_naming(out / DECK)
    state = output_state.load(out)
    state["outputs"][DECK] = output_state.describe_output(out / DECK)
    output_state.save(out, state)
    names = {s.name for slide in Presentation(str(out / DECK)).slides for s in slide.shapes}
    assert "trends.yaml:trends[0].title:title" in names and "Titel" not in names
    _edit_deck(out / DECK)
    _pull_and_build(project)


def test_shapes_renamed_and_brought_to_front_in_powerpoint_still_pull(
        built_deck: Path, tmp_path: Path) -> None:
    """The identity travels inside the shape: a shape renamed in the selection pane and
    moved in front of the others is still the one it was, its edit still found."""
    from deckbuilder.content.load import load_project
    from deckbuilder.edits.deck_summary import changes, read_deck
    from deckbuilder.edits.pull import propose

    deck = Path(shutil.copy(built_deck, tmp_path / DECK))
    prs = Presentation(str(deck))
    slide = prs.slides[11]
    factors = next(s for s in slide.shapes if s.name == "Text")
    factors.name = "Meine Faktoren"
    slide.shapes._spTree.append(factors.element)  # "Bring to Front"
    paragraph = next(p for p in factors.text_frame.paragraphs
                     if p.text == "Überwachungs-/Sicherheitsniveau")
    paragraph.runs[0].text = "Städte, die zuhören"
    prs.save(str(deck))
    before, now = read_deck(built_deck), read_deck(deck)
    assert changes(before, now) == {"text edited": [12]}  # paired by identity, not order
    found = propose(ROOT, before, now, load_project(ROOT).project.program)
    (proposal,) = found.proposals
    lines = (ROOT / "content" / "trends.yaml").read_text("utf-8").splitlines()
    assert proposal.where is not None and proposal.where.file == "content/trends.yaml"
    assert lines[proposal.where.line - 1] == "      - Überwachungs-/Sicherheitsniveau"
    assert proposal.path[:3] == ("trends", 7, "factors") and found.left == []


def _move_first_picture(deck: Path, slide: int) -> None:
    prs = Presentation(str(deck))
    picture = next(s for s in prs.slides[slide - 1].shapes if s.name == "Bild")
    picture.left = Emu(picture.left + 500000)
    prs.save(str(deck))


@pytest.mark.slow  # README's test command stays under two minutes
def test_after_a_partial_pull_the_guard_names_only_the_slides_left(project: Path) -> None:
    out = project / "output"
    assert run_cli("build", project).returncode == 0
    _edit_deck(out / DECK)
    _move_first_picture(out / DECK, 12)
    _move_first_picture(out / DECK, 20)
    pulled = run_cli("pull", project)
    assert pulled.returncode == 0, pulled.stderr
    assert "left alone (cannot be carried back into content/):\n  slides 12 and 20: shape " \
           "moved\n" in pulled.stdout
    assert "the next build stops because of what is left alone" in pulled.stdout
    stopped = run_cli("build", project)
    assert stopped.returncode == 1
    assert f"output/{DECK}: error: edited after the last build (slides 12 and 20: shape " \
           "moved) (" in stopped.stderr
    assert run_cli("pull", project, "--dry-run").stdout == (
        "left alone (cannot be carried back into content/):\n  slides 12 and 20: shape moved\n")
    kept = run_cli("build", project, "--discard-edits")
    assert kept.returncode == 0, kept.stderr
    assert "HUMAN CENTRICITY 2.0" in _texts(out / DECK)


@pytest.mark.slow  # README's test command stays under two minutes
def test_a_pull_that_would_break_the_content_writes_nothing(project: Path) -> None:
    """Renaming a trend to another trend's title puts that name on the radar twice."""
    out = project / "output"
    assert run_cli("build", project).returncode == 0
    prs = Presentation(str(out / DECK))
    title = next(p for s in prs.slides[4].shapes if s.has_text_frame
                 for p in s.text_frame.paragraphs if p.text == "HUMAN CENTRICITY")
    title.runs[0].text = "RESPONSIBLE AI"
    prs.save(str(out / DECK))
    edited = (out / DECK).read_bytes()
    before = _lines(project)
    refused = run_cli("pull", project)
    assert refused.returncode == 1
    assert "'RESPONSIBLE AI' is on the radar twice" in refused.stderr
    assert "pull wrote nothing: with the edited texts, the content above would not build" \
        in refused.stderr
    assert _lines(project) == before and (out / DECK).read_bytes() == edited
    assert not (out / "replaced").exists()
    assert run_cli("build", project).returncode == 1  # still guarded


# ---- the value editor on hand-made YAML -----------------------------------------------------

SAMPLE = """\
# Kommentar oben: bleibt
title: Alter Titel   # Kommentar dahinter
quoted: 'Ein ''Zitat'''
double: "Zeile"
names: [Eins, 'Zwei', {name: Drei, ring: Act}]
literal: |
  Erste Fassung

folded: >-
  Ein langer Text, der über
  zwei Zeilen läuft.
plain: ein schlichter Text, der
  auf der nächsten Zeile weitergeht
date: 2026-11-12
"""


def _edited(path: tuple[str | int, ...], text: str, literal: bool = False) -> list[str]:
    """The lines that differ after one edit (old and new), the rest checked identical."""
    new = replace_values(SAMPLE, "content/x.yaml", [Edit(path, text, literal)])
    old_lines, new_lines = SAMPLE.splitlines(), new.splitlines()
    changed = [line for line in old_lines if line not in new_lines]
    added = [line for line in new_lines if line not in old_lines]
    assert [line for line in old_lines if line not in changed] == \
        [line for line in new_lines if line not in added]
    return [*changed, "→", *added]


@pytest.mark.parametrize(("path", "text", "expected"), [
    (("title",), "Neuer Titel", ["title: Alter Titel   # Kommentar dahinter", "→",
                                 "title: Neuer Titel   # Kommentar dahinter"]),
    (("title",), "Titel: mit Doppelpunkt", ["title: Alter Titel   # Kommentar dahinter", "→",
                                            "title: 'Titel: mit Doppelpunkt'   # Kommentar "
                                            "dahinter"]),
    (("title",), "Nr. 1 #wichtig", ["title: Alter Titel   # Kommentar dahinter", "→",
                                    "title: 'Nr. 1 #wichtig'   # Kommentar dahinter"]),
    (("title",), "„Zitat“ geht", ["title: Alter Titel   # Kommentar dahinter", "→",
                                  "title: „Zitat“ geht   # Kommentar dahinter"]),
    (("title",), "'Zitat' vorn", ["title: Alter Titel   # Kommentar dahinter", "→",
                                  "title: \"'Zitat' vorn\"   # Kommentar dahinter"]),
    (("title",), "2035", ["title: Alter Titel   # Kommentar dahinter", "→",
                          "title: '2035'   # Kommentar dahinter"]),
    (("quoted",), "Sein 'Wort'", ["quoted: 'Ein ''Zitat'''", "→", "quoted: 'Sein ''Wort'''"]),
    (("double",), 'Ein "Zitat"', ['double: "Zeile"', "→", 'double: "Ein \\"Zitat\\""']),
    (("names", 0), "Eins, Zwei", ["names: [Eins, 'Zwei', {name: Drei, ring: Act}]", "→",
                                  "names: ['Eins, Zwei', 'Zwei', {name: Drei, ring: Act}]"]),
    (("names", 2, "name"), "Drei [neu]", ["names: [Eins, 'Zwei', {name: Drei, ring: Act}]",
                                          "→", "names: [Eins, 'Zwei', {name: 'Drei [neu]', "
                                          "ring: Act}]"]),
    (("literal",), "Zweite Fassung", ["  Erste Fassung", "→", "  Zweite Fassung"]),
    (("folded",), "Kurz.", ["  Ein langer Text, der über", "  zwei Zeilen läuft.", "→",
                            "  Kurz."]),
    (("date",), "2026-11-19", ["date: 2026-11-12", "→", "date: 2026-11-19"]),
])
def test_one_value_is_rewritten_and_nothing_else(path: tuple[str | int, ...], text: str,
                                                 expected: list[str]) -> None:
    assert _edited(path, text, literal=path == ("date",)) == expected


def test_values_read_back_as_the_new_text() -> None:
    from deckbuilder.content import sourcemap

    edits = [Edit(("title",), "A: b # c"), Edit(("plain",), "kurz"),
             Edit(("folded",), "Ein neuer Text, " * 8 + "Ende."),
             Edit(("names", 1), "{x}"), Edit(("literal",), "null")]
    new = replace_values(SAMPLE, "content/x.yaml", edits)
    data, _ = sourcemap.parse(new, "content/x.yaml")
    assert data["title"] == "A: b # c" and data["plain"] == "kurz"
    assert data["folded"] == ("Ein neuer Text, " * 8 + "Ende.")
    assert data["names"][1] == "{x}" and data["literal"] == "null\n"
    assert new.startswith("# Kommentar oben: bleibt\n")
    assert new.endswith("date: 2026-11-12\n")
    assert max(len(line) for line in new.splitlines()) <= 80  # the folded block is wrapped


@settings(deadline=None)  # examples: the profile (conftest.py)
@given(st.sampled_from([("title",), ("quoted",), ("double",), ("names", 0), ("names", 1),
                        ("names", 2, "name"), ("literal",), ("folded",), ("plain",)]),
       st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40))
def test_any_text_reads_back_or_is_refused(path: tuple[str | int, ...], text: str) -> None:
    """Whatever the new text, the file reads back with it and every other value as it
    was, or the editor refuses with a located message; it never writes something else."""
    from deckbuilder.content import sourcemap
    from deckbuilder.edits.yaml_text import folded

    old, _ = sourcemap.parse(SAMPLE, "content/x.yaml")
    try:
        new = replace_values(SAMPLE, "content/x.yaml", [Edit(path, text)])
    except ContentError as exc:
        assert all(str(d.location).startswith("content/x.yaml:") for d in exc.diagnostics)
        return
    data, _ = sourcemap.parse(new, "content/x.yaml")
    value = data
    for key in path:
        value = value[key]
    assert folded(value) == folded(text)
    assert new.startswith("# Kommentar oben: bleibt\n") and new.endswith("date: 2026-11-12\n")
    assert sum(1 for line in new.splitlines() if line.startswith("date:")) == 1
    assert old["names"][2]["ring"] == data["names"][2]["ring"]


def test_a_value_that_is_no_single_text_is_refused_with_its_place() -> None:
    with pytest.raises(ContentError) as caught:
        replace_values(SAMPLE, "content/x.yaml", [Edit(("names",), "neu")])
    (problem,) = caught.value.diagnostics
    assert str(problem.location) == "content/x.yaml:5:8"
    assert "pull cannot replace it" in problem.message


# ---- finding the value: identity names first, the text look-up otherwise ---------------------

def test_identity_names_give_the_file_and_the_data_path() -> None:
    from deckbuilder.edits.pull import identity

    assert identity("trends.yaml:trends[7].factors:body#2") == (
        "content/trends.yaml", ("trends", 7, "factors"))
    assert identity("deck.yaml:footer:footer") == ("content/deck.yaml", ("footer",))
    assert identity("PlaceHolder 1") is None  # what LibreOffice leaves of a placeholder
    assert identity("deck.yaml:slide-number") is None


def test_the_recorded_name_tells_apart_a_text_found_twice(make_project) -> None:  # type: ignore[no-untyped-def]
    """Two values read the same: the recorded shape's identity picks one even when the
    edited deck calls the shape 'PlaceHolder 1'; without a name the edit is left alone."""
    from deckbuilder.content.load import load_project
    from deckbuilder.edits.deck_summary import Shape
    from deckbuilder.edits.pull import propose

    root = make_project({"content/zz.yaml": """\
        items:
          - text: Gleicher Text
          - text: Gleicher Text
        """})
    program = load_project(root).project.program
    box = (0, 0, 100000, 100000)
    now = [(Shape("PlaceHolder 1", "Neuer Text", box),)]
    named = propose(root, [(Shape("zz.yaml:items[1].text:body", "Gleicher Text", box),)],
                    now, program)
    (proposal,) = named.proposals
    assert (str(proposal.where), proposal.path, proposal.value) == (
        "content/zz.yaml:3:11", ("items", 1, "text"), "Neuer Text")
    unnamed = propose(root, [(Shape("Textfeld 1", "Gleicher Text", box),)], now, program)
    assert unnamed.proposals == [] and unnamed.unplaced == {1}
    assert unnamed.left == ["slide 1: 'Gleicher Text' → 'Neuer Text' (the old text is in "
                            "several places: content/zz.yaml:2:11, content/zz.yaml:3:11)"]


def test_an_event_moved_past_another_moves_its_lines_too(project: Path) -> None:
    """As 'events move' does: the program file reads in date order after the pull."""
    from deckbuilder.edits.pull import Proposal
    from deckbuilder.edits.pull_write import new_texts
    from deckbuilder.errors import Location

    path = project / "content" / "program.yaml"
    before = path.read_text("utf-8")
    lines = before.splitlines(keepends=True)
    first = _line_of(lines, "    - date: 2026-03-04")
    moved = Proposal(31, "04. März", "01. Dezember", Location("content/program.yaml", first, 13),
                     path=("events", "entries", 0, "date"), value="2026-12-01", literal=True)
    (text,) = new_texts(project, [moved]).values()
    entry = lines[first - 1:first + 2]
    rest = [line for line in lines if line not in entry]
    after = text.splitlines(keepends=True)
    at = after.index("    - date: 2026-12-01\n")
    assert after[at + 1:at + 3] == entry[1:]  # title and place went with it
    assert after[at - 3:at] == ["    - date: 2026-11-12\n", "      title: Future Day\n",
                                "      place: Frankfurt\n"]
    assert [line for line in after if line not in ["    - date: 2026-12-01\n", *entry]] == rest
    assert path.read_text("utf-8") == before  # new_texts only proposes


@pytest.mark.slow  # README's test command stays under two minutes
def test_pull_from_a_copy_leaves_the_output_alone(make_project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An edited copy that came back by e-mail: its texts go into content/; the deck in
    output/ was not edited, so nothing is set aside and the next build simply runs."""
    root = make_project()
    assert run_cli("build", root).returncode == 0
    (deck,) = (root / "output").glob("*.pptx")
    fresh = deck.read_bytes()
    copy = tmp_path / "zurück.pptx"
    prs = Presentation(str(deck))
    factor = next(p for slide in prs.slides for s in slide.shapes if s.has_text_frame
                  for p in s.text_frame.paragraphs if p.text == "Noch ein Einflussfaktor")
    factor.runs[0].text = "Ein zweiter Faktor: neu"
    prs.save(str(copy))
    before = _lines(root)
    pulled = run_cli("pull", root, "--from", copy)
    assert pulled.returncode == 0, pulled.stderr
    line = _line_of(before["trends.yaml"], "      - Noch ein Einflussfaktor")
    assert _changed(before, _lines(root)) == {"trends.yaml": [
        (line, "      - Noch ein Einflussfaktor", "      - 'Ein zweiter Faktor: neu'")]}
    assert deck.read_bytes() == fresh and not (root / "output" / "replaced").exists()
    assert "kept the edited deck" not in pulled.stdout
    assert run_cli("build", root).returncode == 0
    assert "Ein zweiter Faktor: neu" in _texts(deck)


def test_an_added_or_deleted_paragraph_is_left_alone(make_project) -> None:  # type: ignore[no-untyped-def]
    """A bullet added in PowerPoint has no value in content/ to go to: it is listed, and
    its slide stays guarded, even when the other edits of the slide are carried."""
    from deckbuilder.content.load import load_project
    from deckbuilder.edits.deck_summary import Shape
    from deckbuilder.edits.pull import propose

    root = make_project()
    program = load_project(root).project.program
    box = (0, 0, 100000, 100000)
    name = "trends.yaml:trends[0].factors:body"
    before = [(Shape(name, "Ein Einflussfaktor\nNoch ein Einflussfaktor", box),)]
    now = [(Shape(name, "Ein Faktor\nNoch ein Einflussfaktor\nDritter Faktor", box),)]
    found = propose(root, before, now, program)
    assert [(p.path, p.value) for p in found.proposals] == [
        (("trends", 0, "factors", 0), "Ein Faktor")]
    assert found.left == ["slide 1: paragraph added: 'Dritter Faktor'"]
    assert found.unplaced == {1}
    gone = propose(root, before, [(Shape(name, "Noch ein Einflussfaktor", box),)], program)
    assert gone.proposals == [] and gone.left == [
        "slide 1: paragraph deleted: 'Ein Einflussfaktor'"]


def test_one_value_with_two_new_texts_is_refused() -> None:
    with pytest.raises(ContentError) as caught:
        replace_values(SAMPLE, "content/x.yaml", [Edit(("title",), "A"), Edit(("title",), "B")])
    assert str(caught.value.diagnostics[0]).startswith(
        "content/x.yaml:2:8: error: this value would get two new texts ('A' and 'B')")
    same = replace_values(SAMPLE, "content/x.yaml", [Edit(("title",), "A"), Edit(("title",), "A")])
    assert "title: A   # Kommentar dahinter\n" in same
