"""The few geometric tests the radar's label placement is made of: rectangles, dots
(circles) and straight lines (axes, connections, leader lines), in points.

Kept apart from the placement so the rules (a label overlaps no other label, no foreign dot,
no line) are stated once and read the same wherever they are asked. Circles and segments
are named tuples: a crowded radar makes thousands of leader lines, and a frozen dataclass
takes three times as long to make.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from .plan import Box


class Circle(NamedTuple):
    x: float
    y: float
    r: float


class Segment(NamedTuple):
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.0  # its stroke: a label keeps clear of the stroke, not of its middle

    @property
    def box(self) -> Box:
        return Box(min(self.x1, self.x2), min(self.y1, self.y2), abs(self.x2 - self.x1),
                   abs(self.y2 - self.y1))


def grow(box: Box, by: float) -> Box:
    return Box(box.x - by, box.y - by, box.w + 2 * by, box.h + 2 * by)


def boxes_meet(a: Box, b: Box, gap: float = 0.0) -> bool:
    """Whether two boxes overlap or come nearer than ``gap``."""
    return not (a.right + gap <= b.x or b.right + gap <= a.x
                or a.bottom + gap <= b.y or b.bottom + gap <= a.y)


def box_to_circle(box: Box, c: Circle) -> float:
    """From a box's edge to a circle's edge (negative where they overlap)."""
    return rect_to_circle((box.x, box.y, box.x + box.w, box.y + box.h), c)


def rect_to_circle(rect: tuple[float, float, float, float], c: Circle) -> float:
    """box_to_circle for a box as (left, top, right, bottom)."""
    dx = max(rect[0] - c.x, 0.0, c.x - rect[2])
    dy = max(rect[1] - c.y, 0.0, c.y - rect[3])
    return math.hypot(dx, dy) - c.r


def nearest_on_box(box: Box, x: float, y: float) -> tuple[float, float]:
    """The point of a box nearest to (x, y): where a leader line meets its label."""
    return min(max(x, box.x), box.right), min(max(y, box.y), box.bottom)


def segment_meets_box(s: Segment, box: Box, gap: float = 0.0) -> bool:
    """Whether a line, with its stroke, passes through a box grown by ``gap``."""
    return segment_meets_rect(s, (box.x, box.y, box.x + box.w, box.y + box.h), gap)


def segment_meets_rect(s: Segment, rect: tuple[float, float, float, float], gap: float = 0.0
                       ) -> bool:
    """segment_meets_box for a box as (left, top, right, bottom): Liang–Barsky clipping
    of the segment against the box grown by ``gap`` and half the stroke."""
    grown = gap + s.width / 2
    left, top, right, bottom = rect[0] - grown, rect[1] - grown, rect[2] + grown, rect[3] + grown
    dx, dy = s.x2 - s.x1, s.y2 - s.y1
    low, high = 0.0, 1.0
    for p, q in ((-dx, s.x1 - left), (dx, right - s.x1), (-dy, s.y1 - top),
                 (dy, bottom - s.y1)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            if t > low:
                low = t
        elif t < high:
            high = t
        if low > high:
            return False
    return True


def segment_to_point(s: Segment, x: float, y: float) -> float:
    dx, dy = s.x2 - s.x1, s.y2 - s.y1
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((x - s.x1) * dx + (y - s.y1) * dy) / length))
    return math.hypot(s.x1 + t * dx - x, s.y1 + t * dy - y)


def segment_meets_circle(s: Segment, c: Circle, gap: float = 0.0) -> bool:
    return segment_to_point(s, c.x, c.y) < c.r + gap + s.width / 2


def segments_cross(a: Segment, b: Segment) -> bool:
    """Whether two lines cross (touching ends do not count: two leaders from one dot)."""
    def side(px: float, py: float, s: Segment) -> float:
        return (s.x2 - s.x1) * (py - s.y1) - (s.y2 - s.y1) * (px - s.x1)

    d1, d2 = side(a.x1, a.y1, b), side(a.x2, a.y2, b)
    d3, d4 = side(b.x1, b.y1, a), side(b.x2, b.y2, a)
    return d1 * d2 < 0 and d3 * d4 < 0
