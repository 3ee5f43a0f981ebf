"""WCAG 2.x contrast: relative luminance, contrast ratio, and a readable text colour.

The formulas are WCAG 2.2's (success criteria 1.4.3 for text, 1.4.11 for graphics):
body text needs 4.5:1 against what lies behind it, large text (18 pt, or 14 pt bold) 3:1,
and a shape that carries meaning (a radar dot) 3:1 against its surroundings.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

BODY = 4.5
LARGE = 3.0
GRAPHIC = 3.0
#: Blending steps when looking for a darker or lighter variant of a colour.
STEPS = 20


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


@lru_cache(maxsize=4096)
def luminance(hex_color: str) -> float:
    """WCAG relative luminance of an RRGGBB colour, 0 (black) to 1 (white). Kept per
    colour: a deck's few colours are judged against each other for every run of text."""
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def ratio(a: str, b: str) -> float:
    """The contrast ratio of two RRGGBB colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def needed(size: float, bold: bool) -> float:
    """The ratio text of this size (points) and weight needs."""
    return LARGE if size >= 18 or (bold and size >= 14) else BODY


def blend(a: str, b: str, share: float) -> str:
    """``a`` moved ``share`` (0..1) of the way towards ``b``."""
    mixed = (round(int(a[i:i + 2], 16) * (1 - share) + int(b[i:i + 2], 16) * share)
             for i in (0, 2, 4))
    return "".join(f"{v:02X}" for v in mixed)


def passes(color: str, backgrounds: list[str], need: float) -> bool:
    return all(ratio(color, bg) >= need for bg in backgrounds)


def variants(color: str, dark: str, light: str) -> Iterator[str]:
    """The colour itself, then ever darker and lighter variants of it (towards the theme's
    dark and light text colours), nearest first, ending with those two colours."""
    yield color
    for step in range(1, STEPS + 1):
        share = step / STEPS
        yield blend(color, dark, share)
        yield blend(color, light, share)


def readable(color: str, backgrounds: list[str], need: float, dark: str, light: str
             ) -> str | None:
    """The variant of ``color`` nearest to it that reaches ``need`` on every background,
    or None when not even the theme's dark or light colour does."""
    for candidate in variants(color, dark, light):
        if passes(candidate, backgrounds, need):
            return candidate
    return None


#: Below this a logo hardly stands out from the colour it lies on (a dark green logo on
#: a slide filled dark green). WCAG asks 3:1 of graphical objects that carry meaning;
#: a brand's logo on a brand colour is asked far less, but not nothing.
LOGO_MINIMUM = 1.5
