"""An independent checker of the radar's rules (issue 27), for the suite.

It takes what is drawn (label texts with their box and size, dots, lines) and measures the
text itself with the font files through Pillow, not with deckbuilder's measurer, so a
wrong measurement in the layout shows up here as a broken rule. A text's box is where a
renderer draws it: centred in its shape, one line per paragraph, as wide as the wider of
the deck's face and its fallback.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from itertools import combinations
from pathlib import Path

from PIL import ImageFont

from deckbuilder.text import contrast

REACH = 14.0  # a label within this many points of its dot's edge needs no leader
AA = 4.5


@dataclass(frozen=True)
class Text:
    lines: tuple[str, ...]
    x: float  # the shape the text is centred in
    y: float
    w: float
    size: float
    leading: float
    fonts: tuple[Path, ...]  # the face and its fallback: the wider counts
    color: str
    owner: str = ""  # a trend's name; empty for ring and segment names
    plated: bool = False  # drawn on a plate over the lines beneath it


@dataclass(frozen=True)
class Dot:
    name: str
    x: float
    y: float
    r: float


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    leader_of: str = ""  # a leader line: the trend it belongs to


@cache
def _font(path: Path, size: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), round(size * 64))


def ink_box(t: Text) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of the text as drawn, from the fonts' advance widths."""
    widest = max(_font(f, t.size).getlength(line) / 64 for line in t.lines for f in t.fonts)
    mid = t.x + t.w / 2
    return (mid - widest / 2, t.y, mid + widest / 2, t.y + t.size * t.leading * len(t.lines))


def _meet(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _to_dot(box: tuple[float, ...], d: Dot) -> float:
    dx = max(box[0] - d.x, 0.0, d.x - box[2])
    dy = max(box[1] - d.y, 0.0, d.y - box[3])
    return math.hypot(dx, dy) - d.r


def _crosses(line: Line, box: tuple[float, ...]) -> bool:
    """Whether a stroked line passes through a box (sampled finely: an independent
    method from the layout's clipping)."""
    half = line.width / 2
    steps = max(2, int(math.hypot(line.x2 - line.x1, line.y2 - line.y1) / 0.25))
    for i in range(steps + 1):
        x = line.x1 + (line.x2 - line.x1) * i / steps
        y = line.y1 + (line.y2 - line.y1) * i / steps
        if box[0] - half < x < box[2] + half and box[1] - half < y < box[3] + half:
            return True
    return False


def broken_rules(texts: list[Text], dots: list[Dot], lines: list[Line],
                 area: tuple[float, float, float, float],
                 fills_under: dict[str, list[str]] | None = None) -> list[str]:
    """Every broken rule, in words; empty when the radar obeys them all. ``fills_under``
    gives, per label owner or text, the colours drawn under it (for contrast)."""
    found: list[str] = []
    boxes = [(t, ink_box(t)) for t in texts]
    for (a, ba), (b, bb) in combinations(boxes, 2):
        if _meet(ba, bb):
            found.append(f"labels overlap: {a.lines} and {b.lines}")
    by_name = {d.name: d for d in dots}
    for t, box in boxes:
        if not (area[0] - 0.5 <= box[0] and box[2] <= area[2] + 0.5
                and area[1] - 0.5 <= box[1] and box[3] <= area[3] + 0.5):
            found.append(f"label outside the radar's area: {t.lines}")
        for d in dots:
            if d.name != t.owner and _to_dot(box, d) < 0:
                found.append(f"label {t.lines} covers the dot of {d.name}")
        for line in lines:
            if line.leader_of == t.owner and t.owner:
                continue
            if t.plated and not line.leader_of:
                continue  # drawn under the plate
            if _crosses(line, box):
                what = f"the leader of {line.leader_of}" if line.leader_of else "a line"
                found.append(f"{what} crosses the label {t.lines}")
        if t.owner:
            found += _tied(t, box, by_name[t.owner], lines)
        for fill in (fills_under or {}).get(t.owner or " ".join(t.lines), []):
            if contrast.ratio(t.color, fill) < AA:
                found.append(f"label {t.lines} (#{t.color}) reaches "
                             f"{contrast.ratio(t.color, fill):.2f}:1 on #{fill}")
    return found


def _tied(t: Text, box: tuple[float, ...], dot: Dot, lines: list[Line]) -> list[str]:
    """A label within REACH of its dot, or joined to it by a leader from the dot's edge
    to the label's box."""
    if _to_dot(box, dot) <= REACH:
        return []
    for line in lines:
        if line.leader_of != t.owner:
            continue
        ends = ((line.x1, line.y1), (line.x2, line.y2))
        at_dot = any(abs(math.hypot(x - dot.x, y - dot.y) - dot.r) < 0.5 for x, y in ends)
        at_box = any(box_distance(box, x, y) < 1.0 + _slack(t) for x, y in ends)
        if at_dot and at_box:
            return []
    return [f"label {t.lines} lies {_to_dot(box, dot):.1f} pt from its dot, without a leader"]


def box_distance(box: tuple[float, ...], x: float, y: float) -> float:
    dx = max(box[0] - x, 0.0, x - box[2])
    dy = max(box[1] - y, 0.0, y - box[3])
    return math.hypot(dx, dy)


def _slack(t: Text) -> float:
    """A leader ends at the label's shape, which is a little wider than its ink."""
    return max(0.0, (t.w - (ink_box(t)[2] - ink_box(t)[0])) / 2)

