"""Small geometric helpers shared by the slide and page layouts."""

from __future__ import annotations


def cover_crop(image_w: int, image_h: int, box_w: float, box_h: float,
               focus: tuple[float, float] = (0.5, 0.5)) -> tuple[float, float, float, float]:
    """Fractions to cut (left, top, right, bottom) so the image fills the box undistorted.

    The visible window is centred on ``focus`` (0..1 in each direction) as far as the
    image's edges allow.
    """
    image_ratio = image_w / image_h
    box_ratio = box_w / box_h
    if abs(image_ratio - box_ratio) < 1e-6:
        return (0.0, 0.0, 0.0, 0.0)
    if image_ratio > box_ratio:
        keep = box_ratio / image_ratio
        left = min(max(focus[0] - keep / 2, 0.0), 1.0 - keep)
        return (left, 0.0, 1.0 - keep - left, 0.0)
    keep = image_ratio / box_ratio
    top = min(max(focus[1] - keep / 2, 0.0), 1.0 - keep)
    return (0.0, top, 0.0, 1.0 - keep - top)
