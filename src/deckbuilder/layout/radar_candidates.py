"""A radar label's candidate places, cheapest first: Imhof's positions beside its dot in
each of its wordings, then rings of farther places joined to the dot by a leader line.

Each has a cost: farther, above or below rather than beside, turned towards the centre,
more lines, a hyphen, a leader and its length. A crowded radar asks for ten thousand of
them, so they are plain objects with slots, and the farther rings are made a cost band at
a time, when the search reaches them (radar_place.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .plan import Box
from .radar_geom import Circle, Segment
from .radar_names import Wording

SQRT_HALF = math.sqrt(0.5)
BAND = 0.75  # the candidates a pool makes at a time: those within this much cost
#: Imhof's order of the positions around a point: beside it first, then the corners,
#: above and below last: (direction x, direction y, cost).
AROUND = ((1, 0, 0.0), (-1, 0, 0.1), (1, -1, 0.2), (-1, -1, 0.25), (1, 1, 0.3),
          (-1, 1, 0.35), (0, -1, 0.4), (0, 1, 0.45))
SHIFT_COST = 0.15  # a label beside its dot but level with its first or last line
LEADER_COST = 2.5  # any leader costs more than any place beside the dot
OUTWARD_COST = 0.3  # a label towards the centre rather than away from it
LEADER_LENGTH_COST = 0.25  # per ``reach`` of a leader's length


@dataclass(frozen=True)
class Rules:
    """The distances of the radar's rules (theme sizes), in points."""

    gap: float  # least space between a label and another label, a foreign dot or a line
    near: tuple[float, ...]  # distances from a dot's edge tried without a leader
    reach: float  # a label farther from its dot than this needs a leader
    leader: tuple[float, ...]  # distances tried with a leader
    directions: int  # directions around a dot tried with a leader
    leader_width: float  # a leader's stroke


class Candidate:
    """A place for a label: its box as (left, top, right, bottom), its wording, the leader
    line joining it to its dot (None beside the dot) and its cost. A plain class with
    slots: a crowded radar makes ten thousand of them."""

    __slots__ = ("rect", "wording", "leader", "reach", "cost", "span")

    def __init__(self, rect: tuple[float, float, float, float], wording: Wording,
                 leader: Segment | None, cost: float, span: float) -> None:
        self.rect, self.wording, self.leader, self.cost = rect, wording, leader, cost
        self.span = span  # no point of it is farther than this from its dot's centre
        # what the candidate covers, leader included: a cheap first test of any meeting
        self.reach = rect if leader is None else (
            min(rect[0], leader.x1), min(rect[1], leader.y1), max(rect[2], leader.x1),
            max(rect[3], leader.y1))

    @property
    def box(self) -> Box:
        x0, y0, x1, y1 = self.rect
        return Box(x0, y0, x1 - x0, y1 - y0)


def candidates(dot: Circle, wordings: Sequence[Wording], rules: Rules, outward: float
               ) -> Pool:
    """Every place considered for a label, cheapest first: those beside the dot at once,
    those with a leader (which all cost more) a cost band at a time, when asked for."""
    near: list[Candidate] = []
    ox, oy = math.cos(outward), math.sin(outward)
    for wd in wordings:
        for d in rules.near:
            far = (d - rules.near[0]) / rules.reach
            for ux, uy, cost in AROUND:
                shifts = (0.0, -0.5, 0.5) if uy == 0 and d == rules.near[0] else (0.0,)
                away = _outward(ux, uy, ox, oy)
                for shift in shifts:
                    near.append(Candidate(_beside(dot, wd, d, ux, uy, shift), wd, None,
                                          wd.cost + cost + far + away
                                          + SHIFT_COST * (shift != 0), dot.r + d + wd.w + wd.h))
    turns = [(ux, uy, abs(ux) / 2, abs(uy) / 2, _outward(ux, uy, ox, oy))
             for ux, uy in ((math.cos(a), math.sin(a)) for a in
                            (2 * math.pi * k / rules.directions
                             for k in range(rules.directions)))]
    groups = sorted(((wd.cost + LEADER_COST + LEADER_LENGTH_COST * d / rules.reach, n, d)
                     for n, wd in enumerate(wordings) for d in rules.leader))

    def ring(group: tuple[float, int, float]) -> list[Candidate]:
        base, n, d = group
        return _with_leader(dot, wordings[n], d, base, turns, rules.leader_width)

    return Pool(near, groups, ring)


def _with_leader(dot: Circle, wd: Wording, d: float, base: float,
                 turns: list[tuple[float, float, float, float, float]], width: float
                 ) -> list[Candidate]:
    """The places at distance ``d`` from the dot's edge, one per direction of ``turns``
    (with its share of the width and height, and its cost), each joined by a leader."""
    found = []
    x, y, r = dot
    w, h = wd.w, wd.h
    for ux, uy, half_x, half_y, away in turns:
        reach = r + d + half_x * w + half_y * h
        x0, y0 = x + ux * reach - w / 2, y + uy * reach - h / 2
        x1, y1 = x0 + w, y0 + h
        px = x0 if x < x0 else x1 if x > x1 else x
        py = y0 if y < y0 else y1 if y > y1 else y
        share = r / math.hypot(px - x, py - y)
        leader = Segment(x + (px - x) * share, y + (py - y) * share, px, py, width)
        found.append(Candidate((x0, y0, x1, y1), wd, leader, base + away, r + d + w + h))
    return found


class Pool:
    """One label's candidates, cheapest first, made a cost band at a time: most labels
    find a place beside their dot, and a crowded one seldom needs its farthest leaders.
    ``groups`` are (least cost, wording, distance) of the leader rings not yet made;
    every candidate of one costs at most OUTWARD_COST more than its least."""

    def __init__(self, near: list[Candidate], groups: list[tuple[float, int, float]],
                 make: Callable[[tuple[float, int, float]], list[Candidate]]) -> None:
        self.items: list[Candidate] = []
        self._waiting = sorted(near, key=lambda c: c.cost)
        self._groups, self._make = groups, make
        self._limit = 0.0
        self.extend()

    def extend(self) -> bool:
        """Adds the next band of candidates; False when there is no more."""
        if not self._waiting and not self._groups:
            return False
        self._limit = max(self._limit + BAND, min(
            [c.cost for c in self._waiting[:1]] + [g[0] for g in self._groups[:1]]) + BAND)
        while self._groups and self._groups[0][0] < self._limit:
            self._waiting += self._make(self._groups.pop(0))
        self._waiting.sort(key=lambda c: c.cost)
        cut = next((n for n, c in enumerate(self._waiting) if c.cost >= self._limit),
                   len(self._waiting))
        self.items += self._waiting[:cut]
        del self._waiting[:cut]
        return True

    def __getitem__(self, k: int) -> Candidate:
        return self.items[k]

    def __len__(self) -> int:
        return len(self.items)


def _beside(dot: Circle, wd: Wording, d: float, ux: int, uy: int, shift: float
            ) -> tuple[float, float, float, float]:
    """The box at distance ``d`` from the dot's edge in one of Imhof's directions."""
    reach = dot.r + d
    if ux and uy:
        px, py = dot.x + ux * reach * SQRT_HALF, dot.y + uy * reach * SQRT_HALF
        x, y = (px if ux > 0 else px - wd.w), (py if uy > 0 else py - wd.h)
    elif ux:
        x = dot.x + reach if ux > 0 else dot.x - reach - wd.w
        y = dot.y - wd.h / 2 + shift * wd.h
    else:
        x = dot.x - wd.w / 2
        y = dot.y + reach if uy > 0 else dot.y - reach - wd.h
    return (x, y, x + wd.w, y + wd.h)


def _outward(ux: float, uy: float, ox: float, oy: float) -> float:
    """The cost of a direction that turns from the outward one (``ox``, ``oy``)."""
    along = (ux * ox + uy * oy) / math.hypot(ux, uy)
    return OUTWARD_COST * (1 - along) / 2
