"""The radar's rules (issue 27) on the slide and in the dossier, for the IHK radar, a
crowded one with long German names, dark accents, and random radars (hypothesis)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from deckbuilder.content.load import load_project
from deckbuilder.errors import ContentError
from deckbuilder.layout.legible import WHITE
from deckbuilder.layout.radar import RadarGeometry
from deckbuilder.layout.radar_slide import geometry_for
from deckbuilder.layout.slide_parts import Context
from deckbuilder.layout.slides import radar_area
from deckbuilder.layout.text import Typesetter
from deckbuilder.text import contrast
from deckbuilder.text.measure import Measurer

from .conftest import ROOT
from .radar_rules import Dot, Line, Text, broken_rules

CROWD = [  # twelve concepts with long German names, eight of them in the two inner rings
    ("Fachkräftesicherungsstrategie", "Act", "Mensch & Gesellschaft"),
    ("Energieeffizienzsanierungspflicht", "Act", "Stadt & Umwelt"),
    ("Kreislaufwirtschaftsplattform", "Create", "Arbeit & Organisation"),
    ("Digitale Verwaltungsmodernisierung", "Create", "KI & Daten"),
    ("Wasserstoffinfrastruktur", "Act", "KI & Daten"),
    ("Datengetriebene Wertschöpfungsnetzwerke", "Create", "Stadt & Umwelt"),
    ("Berufsorientierung im Wandel", "Act", "Arbeit & Organisation"),
    ("Regionale Innovationsökosysteme", "Create", "Mensch & Gesellschaft"),
    ("Klimaanpassungsmaßnahmen", "Develop", "Stadt & Umwelt"),
    ("Cybersicherheitskompetenz", "Discover", "KI & Daten"),
    ("Generationenübergreifendes Lernen", "Develop", "Mensch & Gesellschaft"),
    ("Quartiersentwicklung", "Discover", "Arbeit & Organisation"),
]


def crowd_lines() -> str:
    return "".join(f"  - {{name: {name}, ring: {ring}, segment: {segment}, strength: "
                   f"{1 + i % 5}, concept: true}}\n" for i, (name, ring, segment)
                   in enumerate(CROWD))


def geometries(root: Path) -> list[tuple[str, RadarGeometry, Measurer, float]]:
    """The slide's and the dossier's radar of a project, each with its measurer and the
    labels' leading."""
    loaded = load_project(root)
    th = loaded.theme
    ts = Typesetter(th, Measurer(th, root))
    ctx = Context(loaded, ts)
    slide = geometry_for(loaded, ts, radar_area(ctx, True), "radar-label", th.color("paper"))
    dossier = geometry_for(loaded, ts, _dossier_box(th), "d-radar-label", WHITE)
    return [("slide", slide, ts.measurer, th.style("radar-label").leading),
            ("dossier", dossier, ts.measurer, th.style("d-radar-label").leading)]


def _dossier_box(th):  # type: ignore[no-untyped-def]
    from deckbuilder.layout.plan import Box
    return Box(0, 0, th.page.content_width, th.sizes.dossier.radar.height)


def rules_of(geo: RadarGeometry, measurer: Measurer, leading: float, area) -> list[str]:  # type: ignore[no-untyped-def]
    """The geometry as drawn (texts, dots, lines), checked by the independent checker."""
    texts = []
    for label in geo.labels:
        face = label.face
        fonts = (measurer.paths[face],) + ((measurer.fallback_paths[face],)
                                           if face in measurer.fallback_paths else ())
        texts.append(Text(label.lines, label.box.x, label.box.y, label.box.w, label.size,
                          leading, fonts, label.color, label.owner, label.plate is not None))
    dots = [Dot(n.name, n.x, n.y, n.r) for n in geo.nodes]
    sizes = measurer.theme.sizes.radar
    lines = [Line(a.x1, a.y1, a.x2, a.y2, sizes.line_width) for a in geo.axes]
    lines += [Line(e.x1, e.y1, e.x2, e.y2, e.width) for e in geo.edges]
    lines += [Line(lb.leader.x1, lb.leader.y1, lb.leader.x2, lb.leader.y2, sizes.leader_width,
                   lb.owner) for lb in geo.labels if lb.leader is not None]
    under = {(lb.owner or " ".join(lb.lines)): _fills_under(geo, lb) for lb in geo.labels}
    return broken_rules(texts, dots, lines, (area.x, area.y, area.right, area.bottom), under)


def _fills_under(geo: RadarGeometry, label) -> list[str]:  # type: ignore[no-untyped-def]
    """The colours a label lies on: its plate, or every ring its box reaches, and the
    background where it reaches past the rim."""
    if label.plate is not None:
        return [label.plate_color]
    b = label.box
    near = math.hypot(max(b.x - geo.cx, 0, geo.cx - b.right),
                      max(b.y - geo.cy, 0, geo.cy - b.bottom))
    far = max(math.hypot(x - geo.cx, y - geo.cy) for x in (b.x, b.right) for y in (b.y, b.bottom))
    inner = 0.0
    found = []
    for fill, outer in zip(geo.palette.rings, geo.ring_radii, strict=True):
        if near < outer and far > inner:
            found.append(fill)
        inner = outer
    if far > geo.radius:
        found.append(geo.palette.background)
    return found


def _check(root: Path) -> None:
    loaded = load_project(root)
    th = loaded.theme
    boxes = {"slide": radar_area(Context(loaded, Typesetter(th, Measurer(th, root))), True),
             "dossier": _dossier_box(th)}
    for where, geo, measurer, leading in geometries(root):
        assert rules_of(geo, measurer, leading, boxes[where]) == [], where


def test_the_ihk_radar_meets_every_rule() -> None:
    _check(ROOT)


def test_thirty_entries_with_long_german_names_meet_every_rule(project: Path) -> None:
    radar = project / "content" / "radar.yaml"
    text = radar.read_text(encoding="utf-8")
    radar.write_text(text.replace("\nconnections:", crowd_lines() + "\nconnections:"),
                     encoding="utf-8")
    assert len(load_project(project).project.radar_file.trends) == 30
    _check(project)


@pytest.mark.parametrize("accent", ["14502D", "1F2A44"])
def test_a_dark_accent_builds_and_every_label_reads(project: Path, accent: str) -> None:
    theme = project / "content" / "theme.yaml"
    theme.write_text(theme.read_text(encoding="utf-8").replace(
        'accent: "F2B300"', f'accent: "{accent}"'), encoding="utf-8")
    _check(project)
    for _, geo, _, _ in geometries(project):
        assert geo.palette.rings[0] != accent  # derived: lightened until the labels read


def test_a_radar_colour_set_in_the_theme_is_used(project: Path) -> None:
    theme = project / "content" / "theme.yaml"
    theme.write_text(theme.read_text(encoding="utf-8") + "radar:\n  centre: lightblue\n"
                     "  rings: [FFFFFF, F4F2EC]\n", encoding="utf-8")
    for _, geo, _, _ in geometries(project):
        assert geo.palette.rings == ("8CCBEA", "FFFFFF", "F4F2EC", "FFFFFF")


def test_a_radar_colour_the_labels_cannot_read_on_is_a_located_error(project: Path) -> None:
    theme = project / "content" / "theme.yaml"
    text = theme.read_text(encoding="utf-8") + "radar:\n  centre: \"14502D\"\n"
    theme.write_text(text, encoding="utf-8")
    line = text.splitlines().index('  centre: "14502D"') + 1
    with pytest.raises(ContentError) as refused:
        geometries(project)
    (problem,) = refused.value.diagnostics
    assert (problem.location.file, problem.location.line) == ("content/theme.yaml", line)
    assert "#1D1D1B" in problem.message and "#14502D" in problem.message
    assert f"{contrast.ratio('1D1D1B', '14502D'):.1f}:1" in problem.message  # what it reaches
    assert "4.5:1" in problem.message


def test_a_radar_with_no_room_names_each_label_at_its_line(project: Path) -> None:
    """Eight long names in one ring's slice of a small radar: each label that finds no
    place is named at its line, with what would help; nothing is drawn over another."""
    radar = project / "content" / "radar.yaml"
    crowd = "".join(f"  - {{name: Sehr lange Bezeichnung eines Trendkonzepts {i}, ring: Develop, "
                    f"segment: KI & Daten, strength: 5, concept: true}}\n" for i in range(8))
    text = radar.read_text(encoding="utf-8").replace("\nconnections:", crowd + "\nconnections:")
    radar.write_text(text, encoding="utf-8")
    loaded = load_project(project)
    ts = Typesetter(loaded.theme, Measurer(loaded.theme, project))
    from deckbuilder.layout.plan import Box
    with pytest.raises(ContentError) as refused:
        geometry_for(loaded, ts, Box(0, 0, 300, 300), "radar-label", "FFFFFF")
    lines = text.splitlines()
    assert refused.value.diagnostics
    for problem in refused.value.diagnostics:
        name = problem.message.split("'")[1]
        assert "has no free place for the label" in problem.message
        assert lines[problem.location.line - 1].startswith(f"  - {{name: {name},")
        assert "shorten the name" in problem.hint
