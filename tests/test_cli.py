"""The command as users meet it: help, version, building, and keeping good output."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .conftest import run_cli


def test_help_explains_build_with_an_example() -> None:
    result = run_cli("build", "--help")
    assert result.returncode == 0
    assert "Examples:" in result.stdout and "deckbuilder build --out" not in result.stderr
    assert "deckbuilder build ~/decks/ihk --out" in result.stdout


def test_top_level_help_and_version() -> None:
    assert "Example:" in run_cli("--help").stdout
    version = run_cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("deckbuilder, version ")


def test_build_writes_the_deck_into_project_output(project: Path) -> None:
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["wrote output/szenarien-ihk-ruhr.pptx (33 slides)",
                                          "wrote output/szenarien-ihk-ruhr.pdf (15 pages)",
                                          "wrote output/szenarien-ihk-ruhr.ics (9 events)",
                                          "wrote output/szenarien-ihk-ruhr-changes.md "
                                          "(first version)"]
    assert result.stderr == ""
    assert sorted(p.name for p in (project / "output").iterdir()) == [
        ".cache", ".deckbuilder-state.json", "szenarien-ihk-ruhr-changes.md",
        "szenarien-ihk-ruhr.ics", "szenarien-ihk-ruhr.pdf", "szenarien-ihk-ruhr.pptx"]


def test_failed_build_keeps_the_previous_deck(project: Path,
                                              edit: Callable[[str, str, str], Path]) -> None:
    assert run_cli("build", project).returncode == 0
    deck = project / "output" / "szenarien-ihk-ruhr.pptx"
    before = deck.read_bytes()
    edit("program.yaml", "2026-03-04", "2026-13-04")
    result = run_cli("build", project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert deck.read_bytes() == before
    assert sorted(p.name for p in deck.parent.iterdir()) == [".cache",
                                                             ".deckbuilder-state.json",
                                                             "szenarien-ihk-ruhr-changes.md",
                                                             "szenarien-ihk-ruhr.ics",
                                                             "szenarien-ihk-ruhr.pdf",
                                                             "szenarien-ihk-ruhr.pptx"]


def test_format_chooses_outputs(project: Path) -> None:
    result = run_cli("build", project, "--format", "slides-pdf")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (project / "output").iterdir()) == [
        ".cache", ".deckbuilder-state.json", "szenarien-ihk-ruhr-changes.md",
        "szenarien-ihk-ruhr-slides.pdf"]
    bad = run_cli("build", project, "--format", "docx")
    assert bad.returncode == 2
    assert bad.stderr.strip() == ("error: unknown format 'docx': choose from pptx, pdf, ics, "
                                  "slides-pdf, handout, notes")


def test_a_folder_without_content_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("build", tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "has no content/ folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_option_is_a_usage_error() -> None:
    result = run_cli("build", "--colour", "red")
    assert result.returncode == 2 and "No such option" in result.stderr


def test_speaker_notes_reach_the_deck(project: Path,
                                      edit: Callable[[str, str, str], Path]) -> None:
    from pptx import Presentation

    edit("trends.yaml", "  - title: GREEN TECH\n", "  - title: GREEN TECH\n    notes: Grün!\n")
    assert run_cli("build", project).returncode == 0
    prs = Presentation(str(project / "output" / "szenarien-ihk-ruhr.pptx"))
    notes = {s.notes_slide.notes_text_frame.text for s in prs.slides if s.has_notes_slide}
    assert "Grün!" in notes
