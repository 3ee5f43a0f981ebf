"""Where each radar label goes: the cartographers' point-feature labelling problem.

Every dot offers candidate places for its label (Imhof's positions around the point, in
one to three lines, then farther places joined to the dot by a leader line), each with a
cost: farther, above or below rather than beside, more lines, a hyphen, a leader.
Candidates that meet something fixed (a foreign dot, a line, a ring or segment name, the
edge of the radar's area) are never taken. Among the rest, the placement is the cheapest
set in which no two labels (or a leader and a label) meet, found as Christensen, Marks and
Shieber's study (1995) recommends: a greedy pass, most crowded dots first; where that leaves
labels without a place, simulated annealing over the conflicts; then local improvement
until no single label can move to a cheaper free place. Every step is deterministic (the
annealing's random numbers have a fixed seed), so the same content gives the same deck.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import islice

from .plan import Box
from .radar_geom import (
    Circle,
    Segment,
    box_to_circle,
    boxes_meet,
    segment_meets_box,
    segment_meets_circle,
    segments_cross,
)
from .radar_names import Wording

SQRT_HALF = math.sqrt(0.5)
EPS = 0.01
#: Imhof's order of the positions around a point: beside it first, then the corners,
#: above and below last: (direction x, direction y, cost).
AROUND = ((1, 0, 0.0), (-1, 0, 0.1), (1, -1, 0.2), (-1, -1, 0.25), (1, 1, 0.3),
          (-1, 1, 0.35), (0, -1, 0.4), (0, 1, 0.45))
SHIFT_COST = 0.15  # a label beside its dot but level with its first or last line
LEADER_COST = 2.5  # any leader costs more than any place beside the dot
CROSSING_COST = 1.5  # two leaders that cross
AMBIGUOUS_COST = 1.5  # a label as near to another dot as to its own
OUTWARD_COST = 0.3  # a label towards the centre rather than away from it
LEADER_LENGTH_COST = 0.25  # per ``reach`` of a leader's length
AMBIGUOUS_WITHIN = 2.0  # points: another dot this much nearer than its own is ambiguous
ANNEAL_BREADTH = 40  # a label's cheapest free places among which the annealing moves it
IMPROVE_PASSES = 4  # rounds of local improvement, at most
ANNEAL_STEPS = 100  # annealing moves per label, at most (crowded radars only)
ANNEAL_HEAT = 1.0  # the start temperature, in conflicts


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

    __slots__ = ("rect", "wording", "leader", "reach", "cost")

    def __init__(self, rect: tuple[float, float, float, float], wording: Wording,
                 leader: Segment | None, cost: float) -> None:
        self.rect, self.wording, self.leader, self.cost = rect, wording, leader, cost
        # what the candidate covers, leader included: a cheap first test of any meeting
        self.reach = rect if leader is None else (
            min(rect[0], leader.x1), min(rect[1], leader.y1), max(rect[2], leader.x1),
            max(rect[3], leader.y1))

    @property
    def box(self) -> Box:
        x0, y0, x1, y1 = self.rect
        return Box(x0, y0, x1 - x0, y1 - y0)


@dataclass(frozen=True)
class Fixed:
    """What the labels must keep clear of."""

    area: Box
    dots: tuple[Circle, ...]
    boxes: tuple[Box, ...]  # ring and segment names
    lines: tuple[Segment, ...]  # axes and connections

    @cached_property
    def rects(self) -> tuple[list[tuple[float, float, float, float]], ...]:
        """Each dot's, box's and line's extent as (left, top, right, bottom): the first,
        cheap test of whether a candidate can meet it at all."""
        return ([(d.x - d.r, d.y - d.r, d.x + d.r, d.y + d.r) for d in self.dots],
                [(b.x, b.y, b.right, b.bottom) for b in self.boxes],
                [(min(s.x1, s.x2) - s.width, min(s.y1, s.y2) - s.width,
                  max(s.x1, s.x2) + s.width, max(s.y1, s.y2) + s.width) for s in self.lines])


def candidates(dot: Circle, wordings: Sequence[Wording], rules: Rules, outward: float
               ) -> Pool:
    """Every place considered for a label, cheapest first: those beside the dot at once,
    the farther ones (which all cost more) only when the search asks for them."""
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
                                          + SHIFT_COST * (shift != 0)))
    near.sort(key=lambda c: c.cost)
    first = [c for c in near if c.cost < LEADER_COST]

    def rest() -> list[Candidate]:
        found = [c for c in near if c.cost >= LEADER_COST]
        found += _with_leader(dot, wordings, rules, ox, oy)
        found.sort(key=lambda c: c.cost)
        return found

    return Pool(first, rest)


def _with_leader(dot: Circle, wordings: Sequence[Wording], rules: Rules, ox: float, oy: float
                 ) -> list[Candidate]:
    found = []
    turns = [(ux, uy, abs(ux) / 2, abs(uy) / 2, _outward(ux, uy, ox, oy))
             for ux, uy in ((math.cos(a), math.sin(a)) for a in
                            (2 * math.pi * k / rules.directions
                             for k in range(rules.directions)))]
    x, y, r = dot
    for wd in wordings:
        w, h = wd.w, wd.h
        for d in rules.leader:
            base = wd.cost + LEADER_COST + LEADER_LENGTH_COST * d / rules.reach
            for ux, uy, half_x, half_y, away in turns:
                reach = r + d + half_x * w + half_y * h
                x0, y0 = x + ux * reach - w / 2, y + uy * reach - h / 2
                x1, y1 = x0 + w, y0 + h
                px = x0 if x < x0 else x1 if x > x1 else x
                py = y0 if y < y0 else y1 if y > y1 else y
                share = r / math.hypot(px - x, py - y)
                leader = Segment(x + (px - x) * share, y + (py - y) * share, px, py,
                                 rules.leader_width)
                found.append(Candidate((x0, y0, x1, y1), wd, leader, base + away))
    return found


class Pool:
    """One label's candidates, cheapest first; ``more`` makes the rest, which all cost
    more than these, when first asked for (most labels find a place beside their dot)."""

    def __init__(self, first: list[Candidate], more: Callable[[], list[Candidate]]) -> None:
        self.items = first
        self._more: Callable[[], list[Candidate]] | None = more

    def extend(self) -> bool:
        """Adds the rest; False when there is no more."""
        if self._more is None:
            return False
        self.items += self._more()
        self._more = None
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


class Placement:
    """The search: ``pools`` holds each label's candidates, ``own`` its dot's index."""

    def __init__(self, pools: list[Pool], fixed: Fixed, rules: Rules) -> None:
        self.pools, self.fixed, self.rules = pools, fixed, rules
        self.chosen: list[int | None] = [None] * len(pools)
        self._free: list[list[int]] = [[] for _ in pools]  # free candidates found so far
        self._seen = [0] * len(pools)  # how many of each pool were tested for that

    def frees(self, i: int) -> Iterator[int]:
        """The candidates of label ``i`` that keep clear of everything fixed, cheapest
        first; each is tested once, however often the search asks."""
        found, pool, n = self._free[i], self.pools[i], 0
        while True:
            while n < len(found):
                yield found[n]
                n += 1
            if self._seen[i] == len(pool) and not pool.extend():
                return
            while self._seen[i] < len(pool) and n == len(found):
                k = self._seen[i]
                self._seen[i] += 1
                if _clear(pool[k], i, self.fixed, self.rules.gap):
                    found.append(k)

    def blocks(self, i: int, k: int) -> list[int]:
        """The placed labels that candidate ``k`` of label ``i`` would meet."""
        c, gap = self.pools[i][k], self.rules.gap
        return [j for j, m in enumerate(self.chosen)
                if m is not None and j != i and _meet(c, self.pools[j][m], gap)]

    def blocked(self, i: int, k: int) -> bool:
        c, gap = self.pools[i][k], self.rules.gap
        r0, s0, r1, s1 = c.reach
        for j, m in enumerate(self.chosen):
            if m is None or j == i:
                continue
            other = self.pools[j][m]
            t0, u0, t1, u1 = other.reach
            if r1 + gap <= t0 or t1 + gap <= r0 or s1 + gap <= u0 or u1 + gap <= s0:
                continue
            if _meet(c, other, gap):
                return True
        return False

    def crossings(self, i: int, k: int) -> int:
        leader = self.pools[i][k].leader
        if leader is None:
            return 0
        return sum(1 for j, m in enumerate(self.chosen) if m is not None and j != i
                   and (other := self.pools[j][m].leader) is not None
                   and segments_cross(leader, other))

    def price(self, i: int, k: int) -> float:
        return (self.pools[i][k].cost + CROSSING_COST * self.crossings(i, k)
                + AMBIGUOUS_COST * _ambiguous(self.pools[i][k], i, self.fixed.dots))

    def greedy(self, order: Sequence[int]) -> None:
        for i in order:
            self.chosen[i] = self._first_free(i)

    def _first_free(self, i: int, below: float = math.inf) -> int | None:
        best, best_price = None, below
        pool = self.pools[i]
        for k in self.frees(i):
            if pool[k].cost >= best_price:
                break  # the rest cost more, whatever they cross
            if not self.blocked(i, k):
                price = self.price(i, k)
                if price < best_price:
                    best, best_price = k, price
        return best

    def anneal(self, steps: int, breadth: int, seed: int = 0) -> None:
        """Simulated annealing over the labels still in conflict, as Christensen, Marks
        and Shieber found best for crowded maps: every label takes a free place even where
        it meets another, then one conflicting label at a time moves to another of its
        ``breadth`` cheapest free places, a move that adds conflicts being taken the less
        often the cooler the search. A fixed seed keeps the result the same every build.
        Labels still meeting another at the end are taken off, the worst first."""
        rng = random.Random(seed)
        known: dict[int, list[int]] = {}

        def options(i: int) -> list[int]:
            if i not in known:
                known[i] = list(islice(self.frees(i), breadth))
            return known[i]

        for i, k in enumerate(self.chosen):
            if k is None and options(i):
                self.chosen[i] = min(options(i), key=lambda m: len(self.blocks(i, m)))
        meets = {i: set(self.blocks(i, k)) for i, k in enumerate(self.chosen) if k is not None}
        for step in range(steps):
            tangled = [i for i, others in meets.items() if others]
            if not tangled:
                break
            i = rng.choice(tangled)
            new = rng.choice(options(i))
            now = self.blocks(i, new)
            delta = len(now) - len(meets[i])
            heat = ANNEAL_HEAT * (1 - step / steps)
            if delta <= 0 or (heat > 0 and rng.random() < math.exp(-delta / heat)):
                for j in meets[i]:
                    meets[j].discard(i)
                for j in now:
                    meets[j].add(i)
                self.chosen[i], meets[i] = new, set(now)
        while any(meets.values()):  # the worst tangled label goes, until none meets another
            worst = max(meets, key=lambda i: (len(meets[i]), i))
            for j in meets.pop(worst):
                meets[j].discard(worst)
            self.chosen[worst] = None

    def improve(self, passes: int) -> None:
        """Moves single labels to cheaper free places until none can move."""
        for _ in range(passes):
            changed = False
            for i, k in enumerate(self.chosen):
                if k is None:
                    continue
                self.chosen[i] = None
                now = self.price(i, k)
                better = self._first_free(i, below=now - 1e-9)
                self.chosen[i] = k if better is None else better
                changed |= better is not None
            if not changed:
                return


def _clear(c: Candidate, own: int, fixed: Fixed, gap: float) -> bool:
    x0, y0, x1, y1 = c.rect
    area = fixed.area
    if x0 < area.x - EPS or y0 < area.y - EPS or x1 > area.right + EPS or y1 > area.bottom + EPS:
        return False
    box, leader = c.box, c.leader
    dots, boxes, lines = fixed.rects
    for line, (l0, m0, l1, m1) in zip(fixed.lines, lines, strict=True):
        if not (x1 + gap <= l0 or l1 + gap <= x0 or y1 + gap <= m0 or m1 + gap <= y0) \
                and segment_meets_box(line, box, gap):
            return False
    r0, s0, r1, s1 = c.reach
    for j, (d0, e0, d1, e1) in enumerate(dots):
        if j == own or r1 + gap <= d0 or d1 + gap <= r0 or s1 + gap <= e0 or e1 + gap <= s0:
            continue
        if box_to_circle(box, fixed.dots[j]) < gap or (
                leader is not None and segment_meets_circle(leader, fixed.dots[j], gap)):
            return False
    for j, (b0, c0, b1, c1) in enumerate(boxes):
        if r1 + gap <= b0 or b1 + gap <= r0 or s1 + gap <= c0 or c1 + gap <= s0:
            continue
        if boxes_meet(box, fixed.boxes[j], gap) or (
                leader is not None and segment_meets_box(leader, fixed.boxes[j])):
            return False
    return True


def _meet(a: Candidate, b: Candidate, gap: float) -> bool:
    r, t = a.reach, b.reach
    if r[2] + gap <= t[0] or t[2] + gap <= r[0] or r[3] + gap <= t[1] or t[3] + gap <= r[1]:
        return False
    p, q = a.rect, b.rect
    if not (p[2] + gap <= q[0] or q[2] + gap <= p[0] or p[3] + gap <= q[1]
            or q[3] + gap <= p[1]):
        return True
    return ((a.leader is not None and segment_meets_box(a.leader, b.box, gap))
            or (b.leader is not None and segment_meets_box(b.leader, a.box, gap)))


def _ambiguous(c: Candidate, own: int, dots: tuple[Circle, ...]) -> bool:
    """A label beside its dot that is as near to another dot reads as that dot's."""
    if c.leader is not None:
        return False
    mine = box_to_circle(c.box, dots[own])
    return any(j != own and box_to_circle(c.box, dot) <= mine + AMBIGUOUS_WITHIN
               for j, dot in enumerate(dots))


def place(pools: list[Pool], fixed: Fixed, rules: Rules,
          crowding: Callable[[int], float]) -> list[Candidate | None]:
    """One candidate for each label, or None where none is free; ``crowding`` orders the
    greedy pass (the most crowded label chooses first)."""
    search = Placement(pools, fixed, rules)
    search.greedy(sorted(range(len(pools)), key=lambda i: (-crowding(i), i)))
    if None in search.chosen:
        search.anneal(steps=ANNEAL_STEPS * len(pools), breadth=ANNEAL_BREADTH)
    search.improve(passes=IMPROVE_PASSES)
    return [None if k is None else pools[i][k] for i, k in enumerate(search.chosen)]
