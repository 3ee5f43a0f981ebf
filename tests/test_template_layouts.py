"""A corporate template's layouts serve the slide kinds: by name, or as theme.yaml maps
them, with the slides' titles, bodies and pictures in the layouts' placeholders."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from .conftest import run_cli

Edit = Callable[[str, str, str], Path]


def _template(path: Path) -> Path:
    """python-pptx's default layouts at 16:9, one of them named like a slide kind."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = 12192000, 6858000
    for layout in prs.slide_layouts:
        if layout.name == "Picture with Caption":
            layout._element.cSld.set("name", "Trend")
    prs.save(str(path))
    return path


def _build(project: Path, edit: Edit, setting: str = "") -> Presentation:
    _template(project / "assets" / "firma.pptx")
    edit("theme.yaml", "\nfit:\n", f"\ntemplate:\n  file: assets/firma.pptx\n{setting}\nfit:\n")
    result = run_cli("build", project, "--format", "pptx")
    assert result.returncode == 0, result.stderr
    return Presentation(str(project / "output" / "szenarien-ihk-ruhr.pptx"))


def test_a_layout_named_like_a_kind_serves_it(project: Path, edit: Edit) -> None:
    prs = _build(project, edit)
    trends = [s for s in prs.slides if s.slide_layout.name == "Trend"]
    assert len(trends) == 16
    first = trends[0]
    types = {p.placeholder_format.type: p for p in first.placeholders}
    assert types[PP_PLACEHOLDER.TITLE].text_frame.text == "HUMAN CENTRICITY"
    assert types[PP_PLACEHOLDER.BODY].text_frame.text.startswith("Partizipationsgrad")
    assert PP_PLACEHOLDER.PICTURE in types
    layout_ids = {p.placeholder_format.idx for p in first.slide_layout.placeholders}
    assert {p.placeholder_format.idx for p in first.placeholders} <= layout_ids
    # the title takes the template's title face and colour; its measured size stays
    run = types[PP_PLACEHOLDER.TITLE].text_frame.paragraphs[0].runs[0]
    assert run.font.name is None and run.font.size is not None


def test_theme_maps_kinds_onto_layouts(project: Path, edit: Edit) -> None:
    prs = _build(project, edit, "  layouts:\n    legal: Title and Content\n"
                                "    section: Section Header\n")
    names = [s.slide_layout.name for s in prs.slides]
    assert names[-1] == "Title and Content" and names[3] == "Section Header"
    legal = prs.slides[len(prs.slides) - 1]
    assert legal.shapes.title.top >= prs.slide_height  # shown nowhere, read by readers
    body = [p for p in legal.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.OBJECT]
    assert body and body[0].text_frame.text.startswith("© Zukunftsinstitut")


def test_an_unknown_mapped_layout_is_reported(project: Path, edit: Edit) -> None:
    _template(project / "assets" / "firma.pptx")
    edit("theme.yaml", "\nfit:\n",
         "\ntemplate:\n  file: assets/firma.pptx\n  layouts:\n    trend: Fancy\n\nfit:\n")
    result = run_cli("build", project, "--format", "pptx")
    assert result.returncode == 1
    assert "content/theme.yaml: error: the template has no layout 'Fancy'" in result.stderr
    assert "Traceback" not in result.stderr
