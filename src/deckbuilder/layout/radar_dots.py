"""Where the dots sit inside their cell (a ring's slice of a segment).

A cell of the inner ring is small: five dots spread along one arc there would cover one
another, and a covered dot can carry no label. The dots of a cell are set in one, two or
three rows across the ring, each row spread evenly over the slice and the rows staggered;
the arrangement that keeps the dots farthest apart (from each other and from the cell's
axis lines) wins, the fewest rows on a tie.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

#: Arrangements closer than this (points) count as a tie, so the simpler one wins.
TIE = 0.5
MAX_ROWS = 3  # rows of dots across a ring, at most


def cell_positions(radii: Sequence[float], inner: float, outer: float, start: float,
                   span: float) -> list[tuple[float, float]]:
    """(radius, angle) for dots of the given ``radii`` in the cell between the circles
    ``inner`` and ``outer`` and the angles ``start`` .. ``start + span``."""
    count = len(radii)
    best: list[tuple[float, float]] = []
    best_room = -math.inf
    for rows in range(1, min(MAX_ROWS, count) + 1):
        spots = _rows(count, rows, inner, outer, start, span)
        room = _room(spots, radii, start, span)
        if room > best_room + TIE:
            best, best_room = spots, room
    return best


def _rows(count: int, rows: int, inner: float, outer: float, start: float, span: float
          ) -> list[tuple[float, float]]:
    """``count`` spots in ``rows`` rows, outer rows first taking the extra spot (the outer
    arc is the longer), each spread evenly over the slice."""
    per_row = [count // rows + (r < count % rows) for r in range(rows)][::-1]
    depth = outer - inner
    spots = []
    for r, n in enumerate(per_row):
        radius = inner + depth * (r + 1) / (rows + 1)
        spots += [(radius, start + span * (t + 1) / (n + 1)) for t in range(n)]
    return spots


def _room(spots: list[tuple[float, float]], radii: Sequence[float], start: float,
          span: float) -> float:
    """The least clearance between two dots, or between a dot and its cell's axis lines."""
    xy = [(r * math.cos(a), r * math.sin(a)) for r, a in spots]
    room = math.inf
    for i, p in enumerate(xy):
        for j in range(i):
            room = min(room, math.dist(p, xy[j]) - radii[i] - radii[j])
    for (r, a), size in zip(spots, radii, strict=True):
        to_axis = r * math.sin(min(a - start, start + span - a, math.pi / 2))
        room = min(room, to_axis - size)
    return room
