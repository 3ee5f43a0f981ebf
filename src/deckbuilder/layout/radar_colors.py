"""The radar's colours: ring fills, lines, and the colours its names are set in.

A trend's label lies across two rings as often as on one, so its text colour must read on
every ring at once; with the accent as the centre's fill, a dark brand colour made that
impossible (dark centre, light rings). The fills are therefore derived: each is the
theme's choice (the accent in the centre, then paper and tint) unless the labels' colour
misses WCAG AA on it, in which case it is moved towards the radar's background until the
labels read. A fill set in theme.yaml's ``radar:`` is used as it is, and one the labels
cannot read on is an error at its line, with the contrast it reaches.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content.sourcemap import locate_in
from ..errors import Diagnostic, error
from ..text import contrast
from ..theme import Theme
from .legible import counts_as_bold

THEME_FILE = "content/theme.yaml"
DEFAULT_RINGS = ("paper", "tint")  # the rings after the centre, repeated
#: How far a fill moves towards the background per step, until its labels read.
STEP = 0.05


@dataclass(frozen=True)
class RadarPalette:
    """Hex colours (RRGGBB) for one radar on one background."""

    rings: tuple[str, ...]  # each ring's fill, inside out
    lines: str
    background: str
    label: str  # the trends' names
    ring_name: str  # the rings' names, on their plates
    segment_name: str  # the segments' names, outside the rim


def radar_palette(theme: Theme, rings: int, background: str, style: str,
                  root: Path | None = None) -> tuple[RadarPalette, list[Diagnostic]]:
    """The radar's colours on ``background`` (hex) for labels in ``style``, and an error
    for each colour set in theme.yaml that its labels cannot read on."""
    s = theme.style(style)
    need = contrast.needed(s.size * theme.sizes.radar.ring_label_size,
                           counts_as_bold(theme, s.face))
    label = theme.color(s.color)
    set_in_theme = theme.radar.named()
    problems: list[Diagnostic] = []
    reported: set[str] = set()
    fills = []
    for i in range(rings):
        key = "centre" if i == 0 else f"rings[{(i - 1) % len(theme.radar.rings)}]" \
            if theme.radar.rings else ""
        given = set_in_theme.get(key)
        if given is None:
            name = "accent" if i == 0 else DEFAULT_RINGS[(i - 1) % len(DEFAULT_RINGS)]
            fill = background if name == "paper" else theme.color(name)
            fills.append(_readable_fill(fill, label, background, need))
            continue
        fill = _hex(theme, given)
        fills.append(fill)
        if not contrast.passes(label, [fill], need) and key not in reported:
            reported.add(key)
            problems.append(error(
                locate_in(root, THEME_FILE, ("radar", *_path(key))),
                f"the radar's labels (#{label}) reach {contrast.ratio(label, fill):.1f}:1 on "
                f"its '{key}' colour #{fill}, where WCAG AA asks for {need}:1",
                f"choose a colour on which #{label} reads, or leave radar.{key} out and "
                "the radar derives one from the palette"))
    lines = _hex(theme, theme.radar.lines) if theme.radar.lines else theme.color("rule")
    muted, ink, paper = theme.color("muted"), theme.color("ink"), theme.color("paper")
    return RadarPalette(tuple(fills), lines, background, label,
                        ring_name=contrast.readable(muted, fills, need, ink, paper) or label,
                        segment_name=contrast.readable(muted, [background], need, ink, paper)
                        or label), problems


def _readable_fill(fill: str, label: str, background: str, need: float) -> str:
    """``fill``, or the nearest blend of it towards the background that ``label`` reads on."""
    steps = round(1 / STEP)
    for step in range(steps + 1):
        candidate = contrast.blend(fill, background, step * STEP)
        if contrast.passes(label, [candidate], need):
            return candidate
    return background


def _hex(theme: Theme, value: str) -> str:
    return theme.color(value) if value in theme.colors else value.upper()


def _path(key: str) -> tuple[str | int, ...]:
    if key.startswith("rings["):
        return ("rings", int(key[6:-1]))
    return (key,)
