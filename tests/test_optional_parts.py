"""Content files no slide uses may be absent (the dossier leaves their sections out);
document properties are checked against their limits with located errors."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

from .conftest import line_of, run_cli
from .pptx_text import flowing_text


def _drop_slide(project: Path, kind: str) -> None:
    deck = project / "content" / "deck.yaml"
    text = deck.read_text("utf-8")
    line = re.search(rf"^  - kind: {kind}\b.*\n(?:(?:    .*)?\n)*", text, re.M)  # its block
    assert line is not None
    deck.write_text(text.replace(line.group(), "", 1), "utf-8")


def test_unused_files_may_be_absent_and_the_dossier_leaves_them_out(project: Path) -> None:
    for kind, name in (("offerings", "future-circle.yaml"), ("radar", "radar.yaml")):
        _drop_slide(project, kind)
        (project / "content" / name).unlink()
    result = run_cli("build", project)
    assert result.returncode == 0, result.stderr
    out = project / "output"
    pdf = " ".join(p.extract_text() for p in PdfReader(out / "szenarien-ihk-ruhr.pdf").pages)
    assert "Read the future" not in pdf and "TRENDRADAR" not in pdf
    assert "FUTURE CIRCLE PROGRAMM 2026" in pdf  # the rest is all there
    assert "Read the future" not in flowing_text(out / "szenarien-ihk-ruhr.pptx")


def test_a_file_a_slide_uses_must_exist(project: Path) -> None:
    (project / "content" / "future-circle.yaml").unlink()
    result = run_cli("check", project)
    assert result.returncode == 1
    line = line_of(project, "deck.yaml", "- kind: offerings")
    assert result.stderr.splitlines()[0] == (
        "content/future-circle.yaml: error: the file is missing (the 'offerings' slide "
        f"(content/deck.yaml line {line}) shows it: create the file, or remove that slide)")


def test_an_unused_file_that_is_present_is_still_checked(project: Path) -> None:
    _drop_slide(project, "offerings")
    path = project / "content" / "future-circle.yaml"
    path.write_text(path.read_text("utf-8").replace("title:", "titel:", 1), "utf-8")
    result = run_cli("check", project)
    assert result.returncode == 1
    assert "content/future-circle.yaml:" in result.stderr and "unknown key 'titel'" in \
        result.stderr


def test_metadata_longer_than_a_document_property_is_a_located_error(edit) -> None:  # type: ignore[no-untyped-def]
    long_title = " ".join(["Zukunftsszenarien"] * 28)  # 503 characters
    project = edit("deck.yaml", "\ntitle: ", f"\ntitle: {long_title}\nx_old_title: ")
    deck = project / "content" / "deck.yaml"
    deck.write_text(re.sub(r"\nx_old_title: .*", "", deck.read_text("utf-8")), "utf-8")
    text = deck.read_text("utf-8")
    keywords = re.search(r"^keywords: .*$", text, re.M)
    assert keywords is not None
    deck.write_text(text.replace(keywords.group(), "keywords: [" + ", ".join(
        [f"Schlagwort{i:02d}" for i in range(25)]) + "]"), "utf-8")
    result = run_cli("build", project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert re.fullmatch(r"content/deck\.yaml:\d+:8: error: the text has 503 characters; as a "
                        r"document property it may have at most 255", lines[0])
    assert re.fullmatch(r"content/deck\.yaml:\d+:11: error: the keywords have 348 characters "
                        r"together; as a document property they may have at most 255", lines[1])


def test_a_title_of_255_characters_builds(edit) -> None:  # type: ignore[no-untyped-def]
    title = ("Szenarien " * 26)[:255]
    project = edit("deck.yaml", "\ntitle: ", f"\ntitle: '{title}'\nx_old_title: ")
    deck = project / "content" / "deck.yaml"
    deck.write_text(re.sub(r"\nx_old_title: .*", "", deck.read_text("utf-8")), "utf-8")
    result = run_cli("build", project, "--format", "pptx")
    assert result.returncode == 0, result.stderr


def test_the_legal_slide_links_an_e_mail_address(edit) -> None:  # type: ignore[no-untyped-def]
    from pptx import Presentation

    project = edit("deck.yaml", "  paragraphs:\n", "  paragraphs:\n    - 'Kontakt: "
                   "zukunft@ihk-essen.de, www.ihk-essen.de.'\n")
    result = run_cli("build", project, "--format", "pptx")
    assert result.returncode == 0, result.stderr
    prs = Presentation(str(project / "output" / "szenarien-ihk-ruhr.pptx"))
    linked = [(run.text, run.hyperlink.address) for slide in prs.slides
              for shape in slide.shapes if shape.has_text_frame
              for p in shape.text_frame.paragraphs for run in p.runs if run.hyperlink.address]
    assert ("zukunft@ihk-essen.de", "mailto:zukunft@ihk-essen.de") in linked
    assert ("www.ihk-essen.de", "https://www.ihk-essen.de") in linked  # without the full stop
