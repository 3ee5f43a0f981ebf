"""Generates the deck's artwork under assets/pictures/ (run by hand; the files are committed).

The original deck's photographs are not ours to ship. These abstract pictures are made
from the theme's colours alone, so they are ours, licence-clean and on brand: orbits,
planets and a network of connected nodes (the megatrend is connectivity), one colour per
trend, a darker variant for the title, and a banded one for each scenario divider.
Deterministic: the same content and theme give the same files.

    python tools/make_artwork.py [PROJECT]
"""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFilter

SIZE = (1600, 1200)


def _rgb(hex_value: str) -> tuple[int, int, int]:
    return tuple(int(hex_value[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def draw(path: Path, base: str, seed: str, dark: bool = False) -> None:
    rnd = random.Random(hashlib.sha256(seed.encode()).hexdigest())
    colour = _rgb(base)
    background = _mix(colour, (20, 20, 28), 0.82) if dark else colour
    image = Image.new("RGB", SIZE, background)
    d = ImageDraw.Draw(image, "RGBA")
    w, h = SIZE
    for _ in range(6):  # soft orbits
        cx, cy = rnd.uniform(0.2, 0.8) * w, rnd.uniform(0.2, 0.8) * h
        rx, ry = rnd.uniform(0.3, 0.9) * w, rnd.uniform(0.1, 0.4) * h
        d.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), outline=(255, 255, 255, 110), width=4)
    for _ in range(5):  # planets
        r = rnd.uniform(40, 260)
        cx, cy = rnd.uniform(0, w), rnd.uniform(0, h)
        shade = _mix(colour, (255, 255, 255) if rnd.random() < 0.5 else (30, 30, 40), 0.35)
        d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(*shade, 230))
    nodes = [(rnd.uniform(0.05, 0.95) * w, rnd.uniform(0.05, 0.95) * h) for _ in range(14)]
    for i, a in enumerate(nodes):  # network
        for b in nodes[i + 1 : i + 3]:
            d.line((a, b), fill=(255, 255, 255, 150), width=3)
    for x, y in nodes:
        d.ellipse((x - 9, y - 9, x + 9, y + 9), fill=(255, 255, 255, 235))
    image = image.filter(ImageFilter.GaussianBlur(0.8))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=82, optimize=True)


def main(project: Path) -> None:
    theme = yaml.safe_load((project / "content/theme.yaml").read_text("utf-8"))
    trends = yaml.safe_load((project / "content/trends.yaml").read_text("utf-8"))
    scenarios = yaml.safe_load((project / "content/scenarios.yaml").read_text("utf-8"))
    colors = theme["colors"]
    for trend in trends["trends"]:
        draw(project / trend["picture"]["path"], colors[trend["color"]], trend["title"])
    for scenario in scenarios["scenarios"]:
        if "picture" in scenario:
            draw(project / scenario["picture"]["path"], colors[scenario["color"]],
                 scenario["title"], dark=True)
    draw(project / "assets/pictures/title.jpg", colors["golden"], "title", dark=True)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "."))
