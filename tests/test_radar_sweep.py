"""Random radars (hypothesis), laid out on the slide and checked by the independent rules
checker (radar_rules.py): 8 to 30 entries, 2 to 6 segments, 3 to 5 rings, names up to 40
characters, up to 5 dots in a cell. Each radar is either laid out by the rules or refused
with a located message per label that found no place: never a silent overlap."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deckbuilder.content import sourcemap
from deckbuilder.content.load import _validate, load_theme
from deckbuilder.content.model import RadarFile
from deckbuilder.errors import ContentError
from deckbuilder.layout.plan import Box
from deckbuilder.layout.radar import LabelStyle, radar_geometry
from deckbuilder.layout.radar_colors import radar_palette
from deckbuilder.text.measure import Measurer

from .conftest import ROOT
from .radar_rules import Dot, Line, Text, broken_rules

WORDS = ["Arbeit", "Daten", "Netz", "KI", "Fachkräftesicherungsstrategie", "Stadt", "Energie",
         "Kreislaufwirtschaft", "Mensch-Maschine", "Plattform", "Ökosysteme", "Lernen",
         "Wasserstoff", "Quartier", "Souveränität", "Wertschöpfungsnetzwerke", "Mobilität",
         "Gesundheit", "Resilienz", "OPEN", "SOURCE", "SMART", "CITY", "Bildung", "Ehrenamt"]


@cache
def _setting() -> tuple[Measurer, object]:
    theme = load_theme(ROOT)
    return Measurer(theme, ROOT), theme


@st.composite
def radars(draw: st.DrawFn) -> str:
    rings = [f"Ring {c}" for c in "ABCDE"[:draw(st.integers(3, 5))]]
    segments = [f"Segment {c}" for c in "UVWXYZ"[:draw(st.integers(2, 6))]]
    count = draw(st.integers(8, 30))
    cells = [(r, s) for r in rings for s in segments]
    taken: dict[tuple[str, str], int] = {}
    lines = [f"rings: [{', '.join(rings)}]", f"segments: [{', '.join(segments)}]", "trends:"]
    names: list[str] = []
    for i in range(count):
        free = [c for c in cells if taken.get(c, 0) < 5]
        ring, segment = draw(st.sampled_from(free))
        taken[(ring, segment)] = taken.get((ring, segment), 0) + 1
        name = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3)))
        name = f"{name[:36].strip()} {i}"
        names.append(name)
        lines.append(f"  - {{name: '{name}', ring: {ring}, segment: {segment}, "
                     f"strength: {draw(st.integers(1, 5))}, concept: true}}")
    pairs = draw(st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)),
                          max_size=count // 2))
    lines.append("connections:")
    lines += [f"  - {{from: '{names[a]}', to: '{names[b]}', intensity: {1 + (a + b) % 3}}}"
              for a, b in pairs if a != b]
    if lines[-1] == "connections:":
        lines[-1] = "connections: []"
    return "\n".join(lines) + "\n"


@pytest.mark.slow  # README's test command stays under two minutes
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(radars())
def test_random_radars_meet_the_rules_or_say_which_labels_found_no_place(text: str) -> None:
    measurer, theme = _setting()
    data, smap = sourcemap.parse(text, "content/radar.yaml")
    radar = _validate(RadarFile, data, smap)
    palette, problems = radar_palette(theme, len(radar.rings), "FFFFFF", "radar-label")  # type: ignore[arg-type]
    assert not problems
    s = theme.style("radar-label")  # type: ignore[attr-defined]
    area = Box(400, 0, 500, 470)
    try:
        geo = radar_geometry(radar, {}, area, measurer, LabelStyle(s.face, s.size, s.leading),
                             palette)
    except ContentError as refused:
        names = {t.name: t.loc.line for t in radar.trends}
        names |= {r: radar.where(f"rings[{i}]").line for i, r in enumerate(radar.rings)}
        for d in refused.diagnostics:
            assert "no free place" in d.message
            name = d.message.split("'")[1]
            assert d.location.line == names[name] and d.location.file == "content/radar.yaml"
        return
    sizes = theme.sizes.radar  # type: ignore[attr-defined]
    texts = [Text(lb.lines, lb.box.x, lb.box.y, lb.box.w, lb.size, s.leading,
                  (measurer.paths[lb.face], measurer.fallback_paths[lb.face]), lb.color,
                  lb.owner, lb.plate is not None) for lb in geo.labels]
    lines = [Line(a.x1, a.y1, a.x2, a.y2, sizes.line_width) for a in geo.axes]
    lines += [Line(e.x1, e.y1, e.x2, e.y2, e.width) for e in geo.edges]
    lines += [Line(lb.leader.x1, lb.leader.y1, lb.leader.x2, lb.leader.y2, sizes.leader_width,
                   lb.owner) for lb in geo.labels if lb.leader is not None]
    dots = [Dot(n.name, n.x, n.y, n.r) for n in geo.nodes]
    assert broken_rules(texts, dots, lines, (area.x, area.y, area.right, area.bottom)) == []
