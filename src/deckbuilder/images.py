"""Pictures prepared for a placed size: cropped to fill, downsampled, encoded once."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageOps

from .layout.geometry import cover_crop


def prepare(path: Path, width_pt: float, height_pt: float, focus: tuple[float, float],
            ppi: float = 250.0) -> io.BytesIO:
    """A JPEG of the picture cropped to the box's proportions at no more than ``ppi``.

    reportlab embeds JPEG bytes as they are; any other format it decodes and re-compresses
    in Python, which costs seconds per picture.
    """
    with Image.open(path) as source:
        image = ImageOps.exif_transpose(source).convert("RGB")
    left, top, right, bottom = cover_crop(image.width, image.height, width_pt, height_pt, focus)
    box = (round(left * image.width), round(top * image.height),
           round(image.width * (1 - right)), round(image.height * (1 - bottom)))
    image = image.crop(box)
    target = (max(1, round(width_pt / 72 * ppi)), max(1, round(height_pt / 72 * ppi)))
    if image.width > target[0]:
        image = image.resize(target, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, optimize=True)
    out.seek(0)
    return out
