"""The radar as slide elements: one editable group of ovals, lines and labels, and its legend."""

from __future__ import annotations

from collections.abc import Sequence

from ..content.model import LegendItem, Loaded
from ..errors import ContentError
from ..theme_sizes import LegendSymbols, Radar
from .plan import Box, GroupBox, LineBox, Para, Run, ShapeBox, TextBox
from .radar import LabelStyle, Node, RadarGeometry, radar_geometry
from .radar_colors import RadarPalette, radar_palette
from .text import Typesetter


def trend_colors(loaded: Loaded) -> dict[str, str]:
    """Each trend's palette colour by title, as on its own slide."""
    return {t.title: t.color for t in loaded.project.trends.trends}


def geometry_for(loaded: Loaded, ts: Typesetter, box: Box, style: str, background: str
                 ) -> RadarGeometry:
    """The radar in ``box`` on ``background`` (hex). Raises ContentError for a radar colour
    of theme.yaml its labels cannot read on, or labels that find no place."""
    s = ts.theme.style(style)
    radar = loaded.project.radar_file
    palette, problems = radar_palette(ts.theme, len(radar.rings), background, style,
                                      loaded.root)
    if problems:
        raise ContentError(problems)
    # On a slide its labels are measured in the widest fallback too: a viewer without the
    # deck's fonts draws them wider, and a label has no room to grow.
    return radar_geometry(radar, trend_colors(loaded), box, ts.alone or ts.measurer,
                          LabelStyle(s.face, s.size, s.leading), palette)


def radar_group(geo: RadarGeometry, style: str, style_size: float,
                source, sizes: Radar) -> GroupBox:  # type: ignore[no-untyped-def]
    """Rings and axes (decorative), connections, plates, leaders, dots (described) and
    labels, bottom to top; every colour is the radar palette's, as hex."""
    pal = geo.palette
    parts: list[TextBox | ShapeBox | LineBox] = []
    for i, r in reversed(list(enumerate(geo.ring_radii))):
        parts.append(ShapeBox(Box(geo.cx - r, geo.cy - r, 2 * r, 2 * r), "oval",
                              fill="#" + pal.rings[i], line="#" + pal.lines,
                              line_width=sizes.line_width))
    for axis in geo.axes:
        parts.append(LineBox(axis.x1, axis.y1, axis.x2, axis.y2, "#" + pal.lines,
                             sizes.line_width))
    for e in geo.edges:
        parts.append(LineBox(e.x1, e.y1, e.x2, e.y2, "muted", e.width))
    for label in geo.labels:
        if label.plate is not None:
            parts.append(ShapeBox(label.plate, "rect", fill="#" + label.plate_color))
        if label.leader is not None:
            lead = label.leader
            parts.append(LineBox(lead.x1, lead.y1, lead.x2, lead.y2, "#" + label.color,
                                 sizes.leader_width))
    parts += [_dot(n, pal, sizes) for n in geo.nodes]
    for label in geo.labels:
        paras = tuple(Para((Run(line),), style, align="center", color="#" + label.color)
                      for line in label.lines)
        parts.append(TextBox(label.box, paras, source, label.size / style_size, "top",
                             label.box.h, "body", wrap=False))
    everything = [p.box for p in parts]
    left = min(b.x for b in everything)
    top = min(b.y for b in everything)
    right = max(b.right for b in everything)
    bottom = max(b.bottom for b in everything)
    return GroupBox(Box(left, top, right - left, bottom - top), tuple(parts), "Trendradar")


def _dot(n: Node, pal: RadarPalette, sizes: Radar) -> ShapeBox:
    kind = "Trendkonzept" if n.concept else "Trend"
    alt = f"{kind} {n.name}: Ring {n.ring}, Segment {n.segment}, Signalstärke {n.strength} von 5"
    box = Box(n.x - n.r, n.y - n.r, 2 * n.r, 2 * n.r)
    if n.concept:
        return ShapeBox(box, "oval", line="#" + pal.label, alt=alt,
                        line_width=sizes.concept_outline)
    return ShapeBox(box, "oval", fill=n.color, line="paper", alt=alt, line_width=sizes.line_width)


def legend_height(items: int, rings: int, ts: Typesetter, style: str = "legend") -> float:
    s = ts.theme.style(style)
    return (ts.theme.sizes.legend.heading_height
            + -(-(items + rings) // 2) * (s.size * s.leading + s.space_before))


def legend_elements(items: list[LegendItem], title: str, rings: list[str], fills: tuple[str, ...],
                    ts: Typesetter,
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
                         ts.theme.sizes.legend_symbols, fills)
        label = ts.fit([Para((Run(text),), style_name)],
                       Box(x + symbol_w + to_text, row_y, half - symbol_w - to_text, pitch),
                       source)
        found.append(label)
    return found


def _symbol(kind: str, x: float, mid: float, width: float, radar: Radar, s: LegendSymbols,
            fills: tuple[str, ...]) -> Sequence[TextBox | ShapeBox | LineBox]:
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
    return [ShapeBox(Box(x + s.ring_inset, mid - s.ring_height / 2, s.ring_width, s.ring_height),
                     "rect", fill="#" + fills[ring], line="rule",
                     line_width=radar.line_width)]
