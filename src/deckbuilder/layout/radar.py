"""The trend radar's geometry, computed once for any box and shared by every renderer.

Positions follow from ring and segment, dot sizes from signal strength, line weights
from network intensity; a placement pass puts each label where it overlaps no other
label, no ring or segment name and no dot.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..content.model import RadarFile
from ..errors import ContentError, error
from ..text.measure import Measurer
from ..theme_sizes import Radar as RadarSizes
from .plan import Box


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


@dataclass(frozen=True)
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float


@dataclass(frozen=True)
class Label:
    """Text placed in ``box`` (lines top to bottom), at ``size`` points in ``face``."""

    box: Box
    lines: tuple[str, ...]
    size: float
    face: str
    kind: str  # "trend", "ring" or "segment"


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


def overlaps(a: Box, b: Box, gap: float = 0.0) -> bool:
    return not (a.right + gap <= b.x or b.right + gap <= a.x
                or a.bottom + gap <= b.y or b.bottom + gap <= a.y)


def _lines(name: str, measurer: Measurer, face: str, size: float, limit: float
           ) -> tuple[str, ...]:
    """One line, or two split at the space nearest the middle when the name is long."""
    if measurer.width(name, face, size) <= limit or " " not in name:
        return (name,)
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return (name[:cut], name[cut + 1 :])


def _text_box(lines: tuple[str, ...], measurer: Measurer, face: str, size: float,
              leading: float, cx: float, cy: float) -> Box:
    """The box a label needs, with the theme's width reserve so no renderer wraps it;
    ``leading`` is the label style's, as the renderers draw the lines."""
    widest = max(measurer.width(line, face, size) for line in lines)
    w = widest / measurer.theme.fit.width_safety + measurer.theme.sizes.radar.label_extra_width
    h = size * leading * len(lines)
    return Box(cx - w / 2, cy - h / 2, w, h)


def radar_geometry(radar: RadarFile, colors: dict[str, str], box: Box, measurer: Measurer,
                   face: str, size: float, leading: float) -> RadarGeometry:
    """The radar fitted into ``box`` (points); ``colors`` maps trend names to palette names."""
    sizes = measurer.theme.sizes.radar
    margin = size * sizes.rim_margin
    radius = min(box.w, box.h) / 2 - margin
    cx, cy = box.x + box.w / 2, box.y + box.h / 2
    n_rings, n_segments = len(radar.rings), len(radar.segments)
    band = radius / n_rings
    ring_radii = tuple(band * (i + 1) for i in range(n_rings))
    span = 2 * math.pi / n_segments
    angles = tuple(-math.pi / 2 + j * span for j in range(n_segments))
    labels: list[Label] = []
    for i, ring in enumerate(radar.rings):  # ring names on the upward axis
        mid = band * (i + 0.5) if i else band * 0.5
        ring_size = size * sizes.ring_label_size
        labels.append(Label(_text_box((ring,), measurer, face, ring_size, leading, cx, cy - mid),
                            (ring,), ring_size, face, "ring"))
    for j, segment in enumerate(radar.segments):  # segment names outside the rim
        a = angles[j] + span / 2
        lines = _lines(segment, measurer, face, size, radius * sizes.segment_label_width)
        probe = _text_box(lines, measurer, face, size, leading, 0, 0)
        reach = (radius + sizes.segment_label_gap + abs(math.cos(a)) * probe.w / 2
                 + abs(math.sin(a)) * probe.h / 2)
        labels.append(Label(_text_box(lines, measurer, face, size, leading,
                                      cx + reach * math.cos(a), cy + reach * math.sin(a)),
                            lines, size, face, "segment"))
    nodes = _nodes(radar, colors, (cx, cy), band, angles, span, radius, sizes)
    by_name = {n.name: n for n in nodes}
    edges = tuple(Edge(by_name[c.source].x, by_name[c.source].y, by_name[c.target].x,
                       by_name[c.target].y,
                       sizes.connection_width + sizes.connection_step * c.intensity)
                  for c in radar.connections if c.source in by_name and c.target in by_name)
    labels += _place_labels(nodes, labels, box, measurer, (face, size, leading), radius, cx, cy,
                            radar)
    return RadarGeometry(cx, cy, radius, ring_radii, angles, nodes, edges, tuple(labels))


def _nodes(radar: RadarFile, colors: dict[str, str], centre: tuple[float, float],
           band: float, angles: tuple[float, ...], span: float, radius: float,
           sizes: RadarSizes) -> tuple[Node, ...]:
    cx, cy = centre
    cells: dict[tuple[int, int], list[int]] = {}
    for index, trend in enumerate(radar.trends):
        key = (radar.rings.index(trend.ring), radar.segments.index(trend.segment))
        cells.setdefault(key, []).append(index)
    placed: dict[int, Node] = {}
    for (ring, segment), members in cells.items():
        count = len(members)
        for t, index in enumerate(members):
            trend = radar.trends[index]
            a = angles[segment] + span * (t + 1) / (count + 1)
            inner = band * ring if ring else band * sizes.centre_clearance
            depth = 0.5 + (sizes.stagger if t % 2 else -sizes.stagger) * (count > 1)
            r_pos = inner + (band * (ring + 1) - inner) * depth
            dot = radius * (sizes.dot_size + sizes.dot_size_step * trend.strength)
            placed[index] = Node(trend.name, cx + r_pos * math.cos(a), cy + r_pos * math.sin(a),
                                 dot, "muted" if trend.concept else colors.get(trend.name,
                                                                               "accent"),
                                 trend.concept, trend.ring, trend.segment, trend.strength)
    return tuple(placed[i] for i in range(len(radar.trends)))


def _place_labels(nodes: tuple[Node, ...], fixed: list[Label], box: Box, measurer: Measurer,
                  style: tuple[str, float, float], radius: float, cx: float, cy: float,
                  radar: RadarFile) -> list[Label]:
    """Each trend's label beside its dot, clear of the other labels and dots; ``style``
    is the labels' face, size and leading."""
    face, size, leading = style
    sizes = measurer.theme.sizes.radar
    m = sizes.dot_margin
    dots = [Box(n.x - n.r - m, n.y - n.r - m, 2 * n.r + 2 * m, 2 * n.r + 2 * m) for n in nodes]
    taken = [label.box for label in fixed]
    found: list[Label] = []
    order = sorted(range(len(nodes)), key=lambda i: -nodes[i].r)
    for i in order:
        node = nodes[i]
        lines = _lines(node.name, measurer, face, size, radius * sizes.trend_label_width)
        probe = _text_box(lines, measurer, face, size, leading, 0, 0)
        outward = math.atan2(node.y - cy, node.x - cx)
        best: Box | None = None
        for distance in sizes.label_distances:
            for k in range(sizes.label_directions):
                step = (k + 1) // 2 * (1 if k % 2 else -1)
                a = outward + step * 2 * math.pi / sizes.label_directions
                ux, uy = math.cos(a), math.sin(a)
                reach = node.r + distance + abs(ux) * probe.w / 2 + abs(uy) * probe.h / 2
                candidate = _text_box(lines, measurer, face, size, leading,
                                      node.x + ux * reach, node.y + uy * reach)
                if not candidate.inside_box(box):
                    continue
                if any(overlaps(candidate, other, sizes.label_gap) for other in taken + dots):
                    continue
                best = candidate
                break
            if best is not None:
                break
        if best is None:
            trend = radar.trends[i]
            raise ContentError([error(trend.loc, f"the radar has no free place for the label "
                                      f"'{node.name}'", "shorten the name or move the trend "
                                      "to a less crowded ring or segment")])
        taken.append(best)
        found.append(Label(best, lines, size, face, "trend"))
    return found
