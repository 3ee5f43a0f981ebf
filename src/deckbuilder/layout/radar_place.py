"""Where each radar label goes: the cartographers' point-feature labelling problem.

Every dot offers candidate places for its label (Imhof's positions around the point, in
one to three lines, then farther places joined to the dot by a leader line), each with a
cost: farther, above or below rather than beside, more lines, a hyphen, a leader.
Candidates that meet something fixed (a foreign dot, a line, a ring or segment name, the
edge of the radar's area) are never taken. Among the rest, the placement is the cheapest
set in which no two labels (or a leader and a label) meet, found in three steps as in
Christensen, Marks and Shieber's study (1995): a greedy pass, most crowded dots first;
where that leaves labels without a place, a local search over the conflicts (min-conflicts
with random walk, ``untangle``); then local improvement until no single label can move to
a cheaper free place. Every step is deterministic (the search's random numbers have a
fixed seed), so the same content gives the same deck.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import islice

from .plan import Box
from .radar_candidates import Candidate, Pool, Rules
from .radar_geom import (
    Circle,
    Segment,
    box_to_circle,
    rect_to_circle,
    segment_meets_box,
    segment_meets_circle,
    segment_meets_rect,
    segment_to_point,
    segments_cross,
)

EPS = 0.01
SPAN_STEP = 16.0  # points: candidates reaching about as far share their list of fixed things
CROSSING_COST = 1.5  # two leaders that cross
AMBIGUOUS_COST = 1.5  # a label as near to another dot as to its own
AMBIGUOUS_WITHIN = 2.0  # points: another dot this much nearer than its own is ambiguous
UNTANGLE_BREADTH = 24  # a label's cheapest free places among which the search moves it
IMPROVE_PASSES = 4  # rounds of local improvement, at most
UNTANGLE_STEPS = 20  # moves per label, at most (crowded radars only)
WALK = 0.15  # the share of moves to a place chosen at random


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


class Placement:
    """The search: ``pools`` holds each label's candidates, ``own`` its dot's index."""

    def __init__(self, pools: list[Pool], fixed: Fixed, rules: Rules) -> None:
        self.pools, self.fixed, self.rules = pools, fixed, rules
        self.chosen: list[int | None] = [None] * len(pools)
        self._free: list[list[int]] = [[] for _ in pools]  # free candidates found so far
        self._seen = [0] * len(pools)  # how many of each pool were tested for that
        self._around: dict[tuple[int, int], Around] = {}

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
                c = pool[k]
                if _clear(c, self.around(i, c.span), self.fixed, self.rules.gap):
                    found.append(k)

    def around(self, i: int, span: float) -> Around:
        """The fixed things that can meet a candidate of label ``i`` reaching ``span`` from
        its dot's centre (in steps of SPAN_STEP): most of a crowded radar's lines and dots
        are far from any one label's places."""
        key = (i, int(span // SPAN_STEP) + 1)
        known = self._around.get(key)
        if known is None:
            known = self._around[key] = _around(self.fixed, i, key[1] * SPAN_STEP
                                                + self.rules.gap)
        return known

    def meeting(self, i: int, k: int) -> Iterator[int]:
        """The placed labels that candidate ``k`` of label ``i`` would meet (their extents
        compared first, inline: this runs for every candidate the search weighs)."""
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
                yield j

    def blocks(self, i: int, k: int) -> list[int]:
        return list(self.meeting(i, k))

    def blocked(self, i: int, k: int) -> bool:
        return next(self.meeting(i, k), None) is not None

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

    def untangle(self, steps: int, breadth: int, seed: int = 0) -> None:
        """Min-conflicts local search with random walk (as WalkSAT), for the labels the
        greedy pass left without a place: each takes the free place that meets the fewest
        placed labels, even where it meets some; then, again and again, one label that
        meets another moves to the one of its ``breadth`` cheapest free places that meets
        the fewest (ties broken at random), or now and then (WALK) to any of them, which
        frees the search from a dead end. Christensen, Marks and Shieber's simulated
        annealing needed about ten times the steps on this machine's crowded radars. A
        fixed seed keeps the result the same every build. Labels still meeting another at
        the end are taken off, the most tangled first, and reported by the caller."""
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
        for _ in range(steps):
            tangled = [i for i, others in meets.items() if others]
            if not tangled:
                break
            i = rng.choice(tangled)
            if rng.random() < WALK:
                new = rng.choice(options(i))
                now = self.blocks(i, new)
            else:
                _, _, new, now = min((len(b), rng.random(), m, b) for m in options(i)
                                     for b in [self.blocks(i, m)])
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


Around = tuple[list[int], list[int], list[int]]  # dots (not its own), boxes, lines


def _around(fixed: Fixed, own: int, radius: float) -> Around:
    """The dots, boxes and lines within ``radius`` of dot ``own``'s centre."""
    me = fixed.dots[own]
    return ([j for j, d in enumerate(fixed.dots)
             if j != own and math.hypot(d.x - me.x, d.y - me.y) - d.r <= radius],
            [j for j, b in enumerate(fixed.boxes) if box_to_circle(b, me) + me.r <= radius],
            [j for j, s in enumerate(fixed.lines)
             if segment_to_point(s, me.x, me.y) <= radius + s.width])


def _clear(c: Candidate, near: Around, fixed: Fixed, gap: float) -> bool:
    """Whether a candidate keeps clear of the area's edge and the fixed things ``near``."""
    x0, y0, x1, y1 = c.rect
    area = fixed.area
    if x0 < area.x - EPS or y0 < area.y - EPS or x1 > area.right + EPS or y1 > area.bottom + EPS:
        return False
    leader = c.leader
    dots, boxes, lines = fixed.rects
    for j in near[2]:
        l0, m0, l1, m1 = lines[j]
        if not (x1 + gap <= l0 or l1 + gap <= x0 or y1 + gap <= m0 or m1 + gap <= y0) \
                and segment_meets_rect(fixed.lines[j], c.rect, gap):
            return False
    rect = c.rect
    r0, s0, r1, s1 = c.reach
    for j in near[0]:
        d0, e0, d1, e1 = dots[j]
        if r1 + gap <= d0 or d1 + gap <= r0 or s1 + gap <= e0 or e1 + gap <= s0:
            continue
        if rect_to_circle(rect, fixed.dots[j]) < gap or (
                leader is not None and segment_meets_circle(leader, fixed.dots[j], gap)):
            return False
    for j in near[1]:
        b0, c0, b1, c1 = boxes[j]
        if r1 + gap <= b0 or b1 + gap <= r0 or s1 + gap <= c0 or c1 + gap <= s0:
            continue
        if not (x1 + gap <= b0 or b1 + gap <= x0 or y1 + gap <= c0 or c1 + gap <= y0) or (
                leader is not None and segment_meets_rect(leader, boxes[j])):
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
    rect = c.rect
    mine = rect_to_circle(rect, dots[own]) + AMBIGUOUS_WITHIN
    return any(j != own and rect_to_circle(rect, dot) <= mine for j, dot in enumerate(dots))


def place(pools: list[Pool], fixed: Fixed, rules: Rules,
          crowding: Callable[[int], float]) -> list[Candidate | None]:
    """One candidate for each label, or None where none is free; ``crowding`` orders the
    greedy pass (the most crowded label chooses first)."""
    search = Placement(pools, fixed, rules)
    search.greedy(sorted(range(len(pools)), key=lambda i: (-crowding(i), i)))
    if None in search.chosen:
        search.untangle(steps=UNTANGLE_STEPS * len(pools), breadth=UNTANGLE_BREADTH)
    search.improve(passes=IMPROVE_PASSES)
    return [None if k is None else pools[i][k] for i, k in enumerate(search.chosen)]
