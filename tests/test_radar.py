"""The trend radar: from data, without overlaps, in both outputs, validated."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import combinations
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.shapes.group import GroupShape
from pypdf import PdfReader

from deckbuilder.content.load import load_project
from deckbuilder.layout.plan import Box, GroupBox, ShapeBox, TextBox
from deckbuilder.layout.radar_geom import boxes_meet as overlaps
from deckbuilder.layout.slides import plan_deck
from deckbuilder.layout.text import Typesetter
from deckbuilder.text.measure import Measurer

from .conftest import ROOT, MakeProject, replace_in, run_cli
from .pptx_text import normalize

Edit = Callable[[str, str, str], Path]


def joined(lines: Iterable[str]) -> str:
    """A label's lines as its name: a line that ends in the name's own hyphen runs on."""
    text = ""
    for line in lines:
        text += line if not text or text.endswith("-") else " " + line
    return text


def _radar_group(root: Path = ROOT) -> tuple[GroupBox, list[str]]:
    loaded = load_project(root)
    plan = plan_deck(loaded, Typesetter(loaded.theme, Measurer(loaded.theme, root)))
    slide = next(s for s in plan.slides if s.kind == "radar")
    group = next(e for e in slide.elements if isinstance(e, GroupBox))
    return group, [t.name for t in loaded.project.radar.trends]


def test_plan_labels_overlap_no_label_and_no_dot() -> None:
    group, names = _radar_group()
    labels = [e for e in group.elements if isinstance(e, TextBox)]
    dots = [e for e in group.elements if isinstance(e, ShapeBox) and e.alt]
    assert len(dots) == len(names) == 18
    assert {joined(p.text for p in label.paras) for label in labels} >= set(names)
    for a, b in combinations(labels, 2):
        assert not overlaps(a.box, b.box), (a.paras[0].text, b.paras[0].text)
    for label in labels:
        for dot in dots:
            assert not overlaps(label.box, dot.box), (label.paras[0].text, dot.alt)


def _group_children(path: Path) -> list:  # type: ignore[type-arg]
    slide = Presentation(str(path)).slides[2]
    (group,) = [s for s in slide.shapes if isinstance(s, GroupShape)]
    return list(group.shapes)


def test_pptx_radar_is_one_editable_group_without_overlapping_labels(built_deck: Path) -> None:
    children = _group_children(built_deck)
    kinds = {type(c).__name__ for c in children}
    assert {"Shape", "Connector"} <= kinds
    labels = [c for c in children if c.has_text_frame and c.text_frame.text.strip()]
    boxes = [Box(c.left, c.top, c.width, c.height) for c in labels]
    for (a, la), (b, lb) in combinations(zip(boxes, labels, strict=True), 2):
        assert not overlaps(a, b), (la.text_frame.text, lb.text_frame.text)
    texts = {joined(normalize(p.text) for p in c.text_frame.paragraphs) for c in labels}
    for trend in load_project(ROOT).project.radar.trends:
        assert trend.name in texts
    dots = [c for c in children if c._element.find(".//{*}cNvPr").get("descr")]
    assert len(dots) == 18 and all("Signalstärke" in d._element.find(".//{*}cNvPr").get("descr")
                                   for d in dots)


def test_radar_page_names_every_trend_and_links_dots_to_cards(tmp_path: Path) -> None:
    assert run_cli("build", ROOT, "--out", tmp_path, "--format", "pdf").returncode == 0
    reader = PdfReader(tmp_path / "szenarien-ihk-ruhr.pdf")
    page = next(p for p in reader.pages if "LEGENDE" in p.extract_text())
    text = normalize(page.extract_text(extraction_mode="layout"))
    for trend in load_project(ROOT).project.radar.trends:
        for word in re.split(r"(?<=\w-)|\s", trend.name):  # a label breaks after a hyphen
            assert word in text
    links = [a.get_object() for a in page.get("/Annots", [])]
    internal = [a for a in links if "/Dest" in a or ("/A" in a and "/D" in a["/A"])]
    assert len(internal) == 16


def test_a_new_trend_appears_on_the_radar_without_code(edit: Edit) -> None:
    edit("trends.yaml", "  - title: DEZENTRALE KI\n",
         "  - title: SPACE ECONOMY\n    color: blue\n    picture:\n"
         "      path: assets/pictures/trends/green-tech.jpg\n      alt: A test picture.\n"
         "    factors: [Zugang zum Orbit]\n\n  - title: DEZENTRALE KI\n")
    project = edit("radar.yaml", "\nconnections:\n",
                   "  - {name: SPACE ECONOMY, ring: Discover, segment: KI & Daten, "
                   "strength: 2}\n\nconnections:\n")
    group, names = _radar_group(project)
    assert "SPACE ECONOMY" in names
    labels = {p.text for e in group.elements if isinstance(e, TextBox) for p in e.paras}
    assert "SPACE ECONOMY" in labels


#: Edits of the small project's radar (tests/projects/mini) and the message each causes.
BAD = [
    ("{name: ERSTER TREND, ring: Act,", "{name: ERSTER TREND, ring: Akt,",
     "content/radar.yaml:6:32: error: unknown ring 'Akt' (did you mean 'Act'?)"),
    ("segment: Mensch, strength: 4}", "segment: Menschen, strength: 4}",
     "content/radar.yaml:6:46: error: unknown segment 'Menschen' (did you mean 'Mensch'?)"),
    ("to: ZWEITER TREND", "to: ZWEITER TRND",
     "content/radar.yaml:9:30: error: unknown trend 'ZWEITER TRND' "
     "(did you mean 'ZWEITER TREND'?)"),
    ("segment: Mensch, strength: 4}", "segment: Mensch, strength: 6}",
     "content/radar.yaml:6:64: error: '6' is too large (at most 5)"),
]


@pytest.mark.parametrize(("old", "new", "message"), BAD)
def test_radar_validation(old: str, new: str, message: str, make_project: MakeProject) -> None:
    project = replace_in(make_project(), "radar.yaml", old, new)
    result = run_cli("check", project,
                     cwd=project)  # places are shown from the folder the command ran in
    assert result.returncode == 1
    assert result.stderr.splitlines() == [message, "1 error; nothing was written."]


#: A radar whose names are used more than once: each entry and each end of a connection.
NAMED_TWICE = """\
    rings: [Act, Create]
    segments: [Mensch, Technik]
    trends:
      - {name: ERSTER TREND, ring: Act, segment: Mensch, strength: 4}
      - {name: ZWEITER TREND, ring: Create, segment: Technik, strength: 2}
      - {name: Vernetzung, ring: Create, segment: Mensch, strength: 3, concept: true}
    connections:
      - {from: ERSTER TREND, to: ZWEITER TREND}
      - {from: Vernetzng, to: ERSTER TREND}
      - {from: ZWEITER TREND, to: Vernetzung}
    """


def test_every_line_naming_an_unknown_trend_is_reported_in_one_run(
        make_project: MakeProject, tmp_path: Path) -> None:
    """Trends renamed in trends.yaml and a misspelt concept: every radar line that names
    them is reported by one build, in file order, each with the name it probably means
    (before, an editor saw the entries, then after fixing them each connection)."""
    project = make_project({"content/radar.yaml": NAMED_TWICE})
    replace_in(project, "trends.yaml", "title: ERSTER TREND", "title: ERSTER MEGATREND")
    replace_in(project, "trends.yaml", "title: ZWEITER TREND", "title: ZWEITER MEGATREND")
    result = run_cli("build", project, "--out", tmp_path / "out", cwd=project)
    assert result.returncode == 1
    first = "unknown trend 'ERSTER TREND' (did you mean 'ERSTER MEGATREND'?)"
    second = "unknown trend 'ZWEITER TREND' (did you mean 'ZWEITER MEGATREND'?)"
    assert result.stderr.splitlines() == [
        f"content/radar.yaml:4:12: error: {first}",
        f"content/radar.yaml:5:12: error: {second}",
        f"content/radar.yaml:8:12: error: {first}",
        f"content/radar.yaml:8:30: error: {second}",
        "content/radar.yaml:9:12: error: unknown trend 'Vernetzng' (did you mean 'Vernetzung'?)",
        f"content/radar.yaml:9:27: error: {first}",
        f"content/radar.yaml:10:12: error: {second}",
        "7 errors; nothing was written.",
    ]
    assert not any((tmp_path / "out").glob("*.*"))


def test_a_connected_trend_missing_from_the_radar_says_so(make_project: MakeProject) -> None:
    """A trend of trends.yaml that a connection names but no entry places: the line has no
    dot to end at, and "did you mean" would only offer a different trend."""
    radar = NAMED_TWICE.replace(
        "      - {name: ZWEITER TREND, ring: Create, segment: Technik, strength: 2}\n", "")
    project = make_project({"content/radar.yaml": radar})
    result = run_cli("check", project, cwd=project)
    assert result.returncode == 1
    assert ("content/radar.yaml:7:30: error: 'ZWEITER TREND' is connected but not on the "
            "radar (add it to radar.yaml's trends with its ring, segment and strength, or "
            "remove this connection)") in result.stderr.splitlines()
