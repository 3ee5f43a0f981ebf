"""The trend radar's geometry, computed once for any box and shared by every renderer.

Positions follow from ring and segment (radar_dots.py), dot sizes from signal strength,
line weights from network intensity. Ring names sit on the upward axis on a plate of their
ring's colour, segment names outside the rim; the trends' labels are placed around them
(radar_place.py), so the slide and the dossier obey the same rules.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..content.model import RadarFile
from ..errors import ContentError, Diagnostic, error
from ..text.measure import Measurer
from ..theme_sizes import Radar as RadarSizes
from .plan import Box
from .radar_candidates import Rules, candidates
from .radar_colors import RadarPalette
from .radar_dots import cell_positions
from .radar_geom import Circle, Segment, box_to_circle, grow
from .radar_names import SEGMENT_LINES, wordings
from .radar_place import Fixed, place


@dataclass(frozen=True)
class Node:
    name: str
    x: float
    y: float
    r: float
    color: str
    concept: bool
    ring: str
    segment: str
    strength: int
    ring_index: int = 0


@dataclass(frozen=True)
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float


@dataclass(frozen=True)
class Label:
    """Text placed in ``box`` (lines top to bottom), at ``size`` points in ``face`` and
    ``color`` (hex); a trend's label may hang on a ``leader`` line from its dot, a name on
    an axis lies on a ``plate`` of ``plate_color``."""

    box: Box
    lines: tuple[str, ...]
    size: float
    face: str
    kind: str  # "trend", "ring" or "segment"
    color: str = ""
    leader: Segment | None = None
    plate: Box | None = None
    plate_color: str = ""
    owner: str = ""  # a trend's label: the trend's name, as its dot's


@dataclass(frozen=True)
class RadarGeometry:
    cx: float
    cy: float
    radius: float
    ring_radii: tuple[float, ...]
    segment_angles: tuple[float, ...]  # radians, clockwise from the top, screen coordinates
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    labels: tuple[Label, ...]
    palette: RadarPalette

    @property
    def axes(self) -> tuple[Segment, ...]:
        return tuple(Segment(self.cx, self.cy, self.cx + self.radius * math.cos(a),
                             self.cy + self.radius * math.sin(a)) for a in self.segment_angles)


@dataclass(frozen=True)
class LabelStyle:
    face: str
    size: float
    leading: float


def _box(lines: tuple[str, ...], measurer: Measurer, st: LabelStyle, cx: float, cy: float
         ) -> Box:
    """The box a label needs, with the theme's width reserve so no renderer wraps it."""
    w = _width(lines, measurer, st)
    h = st.size * st.leading * len(lines)
    return Box(cx - w / 2, cy - h / 2, w, h)


def _width(lines: tuple[str, ...], measurer: Measurer, st: LabelStyle) -> float:
    widest = max(measurer.width(line, st.face, st.size) for line in lines)
    return widest / measurer.theme.fit.width_safety + measurer.theme.sizes.radar.label_extra_width


def radar_geometry(radar: RadarFile, colors: dict[str, str], box: Box, measurer: Measurer,
                   style: LabelStyle, palette: RadarPalette) -> RadarGeometry:
    """The radar fitted into ``box`` (points); ``colors`` maps trend names to palette names.
    Raises ContentError naming the trends whose labels find no place."""
    sizes = measurer.theme.sizes.radar
    radius = min(box.w, box.h) / 2 - style.size * sizes.rim_margin
    cx, cy = box.x + box.w / 2, box.y + box.h / 2
    span = 2 * math.pi / len(radar.segments)
    angles = tuple(-math.pi / 2 + j * span for j in range(len(radar.segments)))
    while True:  # the segments' names must fit the box too: a smaller radar where they do not
        band = radius / len(radar.rings)
        geo = RadarGeometry(cx, cy, radius, tuple(band * (i + 1) for i in range(len(radar.rings))),
                            angles, (), (), (), palette)
        segments = _segment_names(radar, geo, measurer, style)
        over = max(_overrun(label.box, box) for label in segments)
        if over <= 0 or radius <= band:
            break
        radius -= over
    widths = [label.plate.w / 2 for label in _ring_names(radar, geo, measurer, style, ())
              if label.plate is not None]
    nodes = _nodes(radar, colors, geo, sizes, widths)
    fixed = _ring_names(radar, geo, measurer, style, nodes) + segments
    by_name = {n.name: n for n in nodes}
    edges = tuple(Edge(by_name[c.source].x, by_name[c.source].y, by_name[c.target].x,
                       by_name[c.target].y,
                       sizes.connection_width + sizes.connection_step * c.intensity)
                  for c in radar.connections if c.source in by_name and c.target in by_name)
    geo = RadarGeometry(cx, cy, radius, geo.ring_radii, angles, nodes, edges, (), palette)
    trends = _trend_labels(radar, geo, fixed, box, measurer, style)
    return RadarGeometry(cx, cy, radius, geo.ring_radii, angles, nodes, edges,
                         tuple(fixed + trends), palette)


def _overrun(inner: Box, outer: Box) -> float:
    """How far ``inner`` reaches past ``outer`` on its worst side (negative: inside)."""
    return max(outer.x - inner.x, inner.right - outer.right, outer.y - inner.y,
               inner.bottom - outer.bottom)


def _ring_names(radar: RadarFile, geo: RadarGeometry, measurer: Measurer, st: LabelStyle,
                nodes: tuple[Node, ...]) -> list[Label]:
    """Each ring's name in its band on an axis, on a plate of the ring's colour, where the
    plate clears every dot: the upward axis and the middle of the band first, then shifted
    along the band, then the other axes (and the centre, for the innermost ring)."""
    sizes = measurer.theme.sizes.radar
    ring_style = LabelStyle(st.face, st.size * sizes.ring_label_size, st.leading)
    band = geo.ring_radii[0]
    found = []
    for i, ring in enumerate(radar.rings):
        probe = grow(_box((ring,), measurer, ring_style, 0, 0), sizes.plate_padding)
        room = max(0.0, (band - probe.h) / 2)
        shifts = sorted({0.0, *(s * d for d in _steps(room, sizes.label_gap) for s in (-1, 1))},
                        key=abs)
        spots = [(a, band * (i + 0.5) + shift) for a in geo.segment_angles for shift in shifts]
        spots += [(0.0, 0.0)] if i == 0 else []
        for a, rho in spots:
            box = _box((ring,), measurer, ring_style, geo.cx + rho * math.cos(a),
                       geo.cy + rho * math.sin(a))
            plate = grow(box, sizes.plate_padding)
            if all(box_to_circle(plate, Circle(n.x, n.y, n.r)) >= sizes.label_gap
                   for n in nodes):
                break
        else:
            raise ContentError([error(radar.where(f"rings[{i}]"), f"the ring name '{ring}' "
                                      "finds no free place on the radar's axes",
                                      f"place fewer trends in the ring '{ring}', or shorten "
                                      "the name")])
        found.append(Label(box, (ring,), ring_style.size, st.face, "ring",
                           geo.palette.ring_name, plate=plate, plate_color=geo.palette.rings[i]))
    return found


def _steps(room: float, step: float) -> list[float]:
    """0 < d <= room in steps of ``step`` (a ring name's shifts along its band)."""
    return [step * k for k in range(1, int(room / step) + 1)] if step > 0 else []


def _segment_names(radar: RadarFile, geo: RadarGeometry, measurer: Measurer, st: LabelStyle
                   ) -> list[Label]:
    """Each segment's name outside the rim, in the middle of its slice."""
    sizes = measurer.theme.sizes.radar
    span = 2 * math.pi / len(radar.segments)
    found = []
    for j, segment in enumerate(radar.segments):
        a = geo.segment_angles[j] + span / 2
        options = wordings(segment, lambda line: _width((line,), measurer, st),
                           st.size * st.leading, geo.radius * sizes.segment_label_width,
                           measurer.splits, max_lines=SEGMENT_LINES)
        lines = options[0].lines
        probe = _box(lines, measurer, st, 0, 0)
        reach = (geo.radius + sizes.segment_label_gap + abs(math.cos(a)) * probe.w / 2
                 + abs(math.sin(a)) * probe.h / 2)
        found.append(Label(_box(lines, measurer, st, geo.cx + reach * math.cos(a),
                                geo.cy + reach * math.sin(a)),
                           lines, st.size, st.face, "segment", geo.palette.segment_name))
    return found


def _nodes(radar: RadarFile, colors: dict[str, str], geo: RadarGeometry, sizes: RadarSizes,
           plates: list[float]) -> tuple[Node, ...]:
    """Each trend's dot in its cell; the cells beside the upward axis keep clear of the
    ring's name on it (``plates``: each ring name's half width)."""
    band, span = geo.ring_radii[0], 2 * math.pi / len(radar.segments)
    cells: dict[tuple[int, int], list[int]] = {}
    for index, trend in enumerate(radar.trends):
        key = (radar.rings.index(trend.ring), radar.segments.index(trend.segment))
        cells.setdefault(key, []).append(index)
    placed: dict[int, Node] = {}
    for (ring, segment), members in cells.items():
        dots = [geo.radius * (sizes.dot_size + sizes.dot_size_step * radar.trends[i].strength)
                for i in members]
        inner = band * ring if ring else band * sizes.centre_clearance
        trim = min(math.atan((plates[ring] + max(dots) + sizes.label_gap)
                             / (band * (ring + 0.5))), span * sizes.axis_name_share)
        start = geo.segment_angles[segment] + (trim if segment == 0 else 0.0)
        end = geo.segment_angles[segment] + span - (trim if segment == len(radar.segments) - 1
                                                     else 0.0)
        spots = cell_positions(dots, inner, band * (ring + 1), start, end - start)
        for index, dot, (r_pos, a) in zip(members, dots, spots, strict=True):
            trend = radar.trends[index]
            placed[index] = Node(trend.name, geo.cx + r_pos * math.cos(a),
                                 geo.cy + r_pos * math.sin(a), dot,
                                 "muted" if trend.concept else colors.get(trend.name, "accent"),
                                 trend.concept, trend.ring, trend.segment, trend.strength, ring)
    return tuple(placed[i] for i in range(len(radar.trends)))


def _trend_labels(radar: RadarFile, geo: RadarGeometry, fixed: list[Label], area: Box,
                  measurer: Measurer, st: LabelStyle) -> list[Label]:
    sizes = measurer.theme.sizes.radar
    rules = Rules(sizes.label_gap, sizes.near_distances, sizes.leader_from,
                  sizes.leader_distances, sizes.leader_directions, sizes.leader_width)
    dots = tuple(Circle(n.x, n.y, n.r) for n in geo.nodes)
    lines = geo.axes + tuple(Segment(e.x1, e.y1, e.x2, e.y2, e.width) for e in geo.edges)
    taken = Fixed(area, dots, tuple(label.plate or label.box for label in fixed), lines)
    pools = []
    for node, dot in zip(geo.nodes, dots, strict=True):
        options = wordings(node.name, lambda line: _width((line,), measurer, st),
                           st.size * st.leading, geo.radius * sizes.trend_label_width,
                           measurer.splits)
        outward = math.atan2(node.y - geo.cy, node.x - geo.cx)
        pools.append(candidates(dot, options, rules, outward))
    near = geo.radius / len(geo.ring_radii)
    chosen = place(pools, taken, rules, lambda i: sum(
        box_to_circle(Box(dots[i].x, dots[i].y, 0, 0), d) < near for d in dots))
    missing = [i for i, c in enumerate(chosen) if c is None]
    if missing:
        raise ContentError([_no_room(radar, geo, i) for i in missing])
    return [Label(c.box, c.wording.lines, st.size, st.face, "trend", geo.palette.label,
                  leader=c.leader, owner=node.name)
            for c, node in zip(chosen, geo.nodes, strict=True) if c is not None]


def _no_room(radar: RadarFile, geo: RadarGeometry, index: int) -> Diagnostic:
    trend = radar.trends[index]
    crowd = [t.name for t in radar.trends if (t.ring, t.segment) == (trend.ring, trend.segment)]
    others = f" with {len(crowd) - 1} more" if len(crowd) > 1 else ""
    return error(trend.loc, f"the radar has no free place for the label '{trend.name}' "
                 f"(ring {trend.ring}, segment {trend.segment}{others})",
                 "move a trend of that ring and segment to another one, shorten the name, "
                 "or give the radar fewer connections there")
