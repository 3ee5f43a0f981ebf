"""The ways a radar label can be set: one line, or two or three lines broken where German
allows it, each with the room it needs and what it costs the reader.

A long name beside a crowded dot often fits only when it is narrower; the placement picks
among these the cheapest wording that finds a free place. Lines break at spaces first,
then after a hyphen of the name; a hyphenation point (pyphen's German patterns) is used
only where those leave a line too wide, and it shows its hyphen: every line is a separate
paragraph, so no renderer has to draw a soft hyphen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations

from ..text.linebreak import HARD_HYPHENS

#: The least letters on either side of a hyphenation point: never one letter alone.
MIN_PART = 3
#: What the reader pays for a line more, and for a word broken by hyphenation (more
#: than a leader line: a name reads whole at the end of a line sooner than broken).
LINE_COST = (0.0, 0.5, 1.3)
HYPHEN_COST = 3.0
HARD_HYPHEN_COST = 1.0  # a break after the name's own hyphen splits a word too
WIDE_COST = 2.0  # per width of ``wide`` a line runs beyond it
TREND_LINES = 3  # a trend's name takes at most this many lines
SEGMENT_LINES = 2  # a segment's name, outside the rim, at most this many


@dataclass(frozen=True)
class Wording:
    """A label's lines and the box they need (``w`` × ``h`` points)."""

    lines: tuple[str, ...]
    w: float
    h: float
    cost: float


@dataclass(frozen=True)
class _Break:
    at: int  # the index of the character after which the line breaks
    kind: str  # "space", "hyphen" (the name's own) or "split" (a hyphenation point)


def _breaks(name: str, splits: Callable[[str], Iterable[tuple[str, str]]]) -> list[_Break]:
    found = [_Break(i, "space") for i, ch in enumerate(name) if ch == " "]
    found += [_Break(i, "hyphen") for i, ch in enumerate(name)
              if ch in HARD_HYPHENS and 0 < i < len(name) - 1
              and name[i - 1].isalpha() and name[i + 1].isalpha()]
    start = 0
    for word in name.replace("-", " ").split(" "):
        if len(word) >= 2 * MIN_PART and word.isalpha():
            for head, _tail in splits(word):
                if MIN_PART <= len(head) <= len(word) - MIN_PART:
                    found.append(_Break(start + len(head) - 1, "split"))
        start += len(word) + 1
    return sorted(set(found), key=lambda b: b.at)


def _cut(name: str, cuts: tuple[_Break, ...]) -> tuple[str, ...]:
    lines, start = [], 0
    for cut in cuts:
        if cut.kind == "space":
            lines.append(name[start:cut.at])
        elif cut.kind == "hyphen":
            lines.append(name[start:cut.at + 1])
        else:
            lines.append(name[start:cut.at + 1] + "-")
        start = cut.at + 1
    lines.append(name[start:])
    return tuple(line.strip() for line in lines)


def wordings(name: str, width: Callable[[str], float], line_height: float, wide: float,
             splits: Callable[[str], Iterable[tuple[str, str]]], max_lines: int = TREND_LINES,
             ) -> list[Wording]:
    """The label's wordings, cheapest first. ``width`` measures a line as the box needs
    it; ``wide`` is the width beyond which a line starts to cost (a label should not
    run across the radar); the cheapest wording of each line count is kept."""
    breaks = _breaks(name, splits)
    natural = [b for b in breaks if b.kind != "split"]
    found: list[Wording] = []
    for count in range(1, max_lines + 1):
        best: Wording | None = None
        for pool in (natural, breaks):
            if best is not None and best.w <= wide:
                break  # hyphenation only where the name's own breaks leave it too wide
            for cuts in combinations(pool, count - 1):
                lines = _cut(name, cuts)
                if any(not line for line in lines):
                    continue
                w = max(width(line) for line in lines)
                cost = (LINE_COST[count - 1] + HYPHEN_COST * sum(c.kind == "split" for c in cuts)
                        + HARD_HYPHEN_COST * sum(c.kind == "hyphen" for c in cuts)
                        + WIDE_COST * max(0.0, w - wide) / wide)
                if best is None or (cost, w) < (best.cost, best.w):
                    best = Wording(lines, w, line_height * count, cost)
        if best is not None and all(best.w < other.w for other in found):
            found.append(best)
    return sorted(found, key=lambda wd: wd.cost)
