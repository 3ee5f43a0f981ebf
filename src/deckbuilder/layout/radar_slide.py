"""The radar as slide elements: one editable group of ovals, lines and labels, and its legend."""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..content.model import LegendItem, Loaded
from ..theme_sizes import LegendSymbols, Radar
from .plan import Box, GroupBox, LineBox, Para, Run, ShapeBox, TextBox
from .radar import RadarGeometry, radar_geometry
from .text import Typesetter

RING_FILLS = ("tint", "paper")


def trend_colors(loaded: Loaded) -> dict[str, str]:
    """Each trend's palette colour by title, as on its own slide."""
    return {t.title: t.color for t in loaded.project.trends.trends}


def geometry_for(loaded: Loaded, ts: Typesetter, box: Box, style: str) -> RadarGeometry:
    s = ts.theme.style(style)
    return radar_geometry(loaded.project.radar_file, trend_colors(loaded), box, ts.measurer,
                          s.face, s.size, s.leading)


def radar_group(geo: RadarGeometry, style: str, style_size: float,
                source, sizes: Radar) -> GroupBox:  # type: ignore[no-untyped-def]
    """Rings and segment lines (decorative), connections, dots (described) and labels."""
    parts: list[TextBox | ShapeBox | LineBox] = []
    for i, r in reversed(list(enumerate(geo.ring_radii))):
        fill = "accent" if i == 0 else RING_FILLS[i % 2]
        parts.append(ShapeBox(Box(geo.cx - r, geo.cy - r, 2 * r, 2 * r), "oval", fill=fill,
                              line="rule", line_width=sizes.line_width))
    for a in geo.segment_angles:
        parts.append(LineBox(geo.cx, geo.cy, geo.cx + geo.radius * math.cos(a),
                             geo.cy + geo.radius * math.sin(a), "rule", sizes.line_width))
    for e in geo.edges:
        parts.append(LineBox(e.x1, e.y1, e.x2, e.y2, "muted", e.width))
    for n in geo.nodes:
        kind = "Trendkonzept" if n.concept else "Trend"
        alt = (f"{kind} {n.name}: Ring {n.ring}, Segment {n.segment}, "
               f"Signalstärke {n.strength} von 5")
        parts.append(ShapeBox(Box(n.x - n.r, n.y - n.r, 2 * n.r, 2 * n.r), "oval",
                              fill=None if n.concept else n.color, line="ink" if n.concept
                              else "paper", alt=alt,
                              line_width=sizes.concept_outline if n.concept else sizes.line_width))
    for label in geo.labels:
        color = None if label.kind == "trend" else "muted"
        paras = tuple(Para((Run(line),), style, align="center", color=color)
                      for line in label.lines)
        scale = label.size / style_size
        parts.append(TextBox(label.box, paras, source, scale, "top", label.box.h,
                             "body", wrap=False))
    everything = [p.box for p in parts]
    left = min(b.x for b in everything)
    top = min(b.y for b in everything)
    right = max(b.right for b in everything)
    bottom = max(b.bottom for b in everything)
    box = Box(left, top, right - left, bottom - top)
    return GroupBox(box, tuple(parts), "Trendradar")


def legend_height(items: int, rings: int, ts: Typesetter, style: str = "legend") -> float:
    s = ts.theme.style(style)
    return (ts.theme.sizes.legend.heading_height
            + -(-(items + rings) // 2) * (s.size * s.leading + s.space_before))


def legend_elements(items: list[LegendItem], title: str, rings: list[str], ts: Typesetter,
                    box: Box, source, style_name: str = "legend",  # type: ignore[no-untyped-def]
                    head_style: str = "kicker") -> list[TextBox | ShapeBox | LineBox]:
    """The legend as shapes: each symbol drawn as it appears in the radar, text beside it."""
    style, size = ts.theme.style(style_name), ts.theme.sizes.legend
    pitch = style.size * style.leading + style.space_before
    symbol_w, to_text = size.symbol_width, size.symbol_to_text
    found: list[TextBox | ShapeBox | LineBox] = []
    head = ts.fit([Para((Run(title),), head_style)],
                  Box(box.x, box.y, box.w, size.heading_height), source)
    found.append(head)
    y = box.y + head.height + size.heading_to_items
    half = (box.w - size.column_gap) / 2
    column_x = [box.x, box.x + half + size.column_gap]
    entries = [(item.text, item.symbol) for item in items] + [(r, f"ring{i}")
                                                                for i, r in enumerate(rings)]
    rows = -(-len(entries) // 2)
    for index, (text, symbol) in enumerate(entries):
        x = column_x[index // rows]
        row_y = y + (index % rows) * pitch
        mid = row_y + style.size * style.leading / 2
        found += _symbol(symbol, x, mid, symbol_w, ts.theme.sizes.radar,
                         ts.theme.sizes.legend_symbols)
        label = ts.fit([Para((Run(text),), style_name)],
                       Box(x + symbol_w + to_text, row_y, half - symbol_w - to_text, pitch),
                       source)
        found.append(label)
    return found


def _symbol(kind: str, x: float, mid: float, width: float, radar: Radar, s: LegendSymbols
            ) -> Sequence[TextBox | ShapeBox | LineBox]:
    """A legend entry's symbol drawn as the radar draws it, in a ``width`` wide cell, around
    the middle of the entry's first line: its sizes are sizes.legend_symbols, its line
    weights the radar's."""
    if kind in ("concept", "trend"):
        box = Box(x + s.dot_inset, mid - s.dot / 2, s.dot, s.dot)
        return [ShapeBox(box, "oval", line="ink", line_width=radar.concept_outline)
                if kind == "concept" else ShapeBox(box, "oval", fill="accent")]
    if kind == "strength":
        sizes = [s.strength_dot + i * s.strength_growth for i in range(s.steps)]
        return [ShapeBox(Box(x + i * s.strength_pitch, mid - d / 2, d, d), "oval", fill="muted")
                for i, d in enumerate(sizes)]
    if kind == "proximity":
        return [ShapeBox(Box(x + left, mid - s.proximity_rise, s.proximity_dot, s.proximity_dot),
                         "oval", fill="muted")
                for left in (s.proximity_inset, s.proximity_inset + s.proximity_pitch)]
    if kind == "intensity":
        top = mid - s.intensity_pitch * (s.steps - 1) / 2
        return [LineBox(x, top + i * s.intensity_pitch, x + width - s.intensity_inset,
                        top + i * s.intensity_pitch, "muted",
                        s.intensity_width + i * s.intensity_step) for i in range(s.steps)]
    ring = int(kind[4:])
    fills = ["accent", "tint", "paper", "tint", "paper", "tint"]
    return [ShapeBox(Box(x + s.ring_inset, mid - s.ring_height / 2, s.ring_width, s.ring_height),
                     "rect", fill=fills[ring % len(fills)], line="rule",
                     line_width=radar.line_width)]
