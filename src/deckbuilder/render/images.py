"""Pictures prepared for a placed size: upright, cropped to fill, downsampled, cached.

Every renderer asks the store for a picture at the size it places it; the store decodes
the source once, handles EXIF orientation and odd modes (CMYK, palette, 16-bit,
transparency), and keeps the result under a name derived from the source bytes and the
request, so an unchanged rebuild reuses it.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import ExifTags, Image, ImageOps

from ..atomic import write_atomically
from ..errors import Diagnostic, warning
from ..layout.geometry import cover_crop
from ..layout.plan import DeckPlan, PictureBox

if TYPE_CHECKING:  # the model (pydantic, 0.2 s) stays out of the PDF process's imports
    from ..content.model import ImageInfo

#: A picture with at most this many colours (or with transparency) is flat art: PNG.
FLAT_ART_COLOURS = 64
#: Modes only drawn art comes in (palette, transparency, black and white).
DRAWN_MODES = ("P", "RGBA", "LA", "1")
#: Below this many pixels per inch a placed picture looks soft on a projector or in print.
LOW_PPI = 150


def effective_ppi(info: ImageInfo, placed: PictureBox) -> float:
    """Pixels per inch of the part of the picture that fills the box (after cropping)."""
    left, top, right, bottom = placed.crop
    across = info.width * (1 - left - right) / (placed.box.w / 72)
    down = info.height * (1 - top - bottom) / (placed.box.h / 72)
    return min(across, down)


def low_resolution(plan: DeckPlan, images: dict[str, ImageInfo]) -> list[Diagnostic]:
    """A warning for each picture placed on a slide at less than LOW_PPI, with the pixels
    it would need. Only a warning: the staff decide whether the picture will do."""
    found: list[Diagnostic] = []
    for slide in plan.slides:
        for placed in (e for e in slide.elements if isinstance(e, PictureBox)):
            info = images.get(placed.path)
            if info is None or placed.box.w <= 0 or placed.box.h <= 0:
                continue
            ppi = effective_ppi(info, placed)
            if ppi >= LOW_PPI:
                continue
            factor = LOW_PPI / ppi
            found.append(warning(
                placed.source, f"the picture '{placed.path}' ({info.width} × {info.height} "
                f"pixels) shows at {ppi:.0f} ppi on slide {slide.number}, below {LOW_PPI} ppi; "
                "it will look blurry",
                f"use one of at least {math.ceil(info.width * factor)} × "
                f"{math.ceil(info.height * factor)} pixels"))
    return found


def upright_rgb(image: Image.Image, background: tuple[int, int, int] = (255, 255, 255)
                ) -> Image.Image:
    """An 8-bit RGB image the right way up; transparency is laid over ``background``.
    An RGB picture that needs no turning is returned as it is, not copied (8 ms a photo):
    the caller uses it before it closes the file."""
    if image.getexif().get(ExifTags.Base.Orientation, 1) != 1:
        image = ImageOps.exif_transpose(image)
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.point(lambda value: value / 256).convert("L")  # 16-bit to 8-bit grey
    if image.mode == "P":
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, background)
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image if image.mode == "RGB" else image.convert("RGB")


def is_flat_art(image: Image.Image) -> bool:
    """Few colours or transparency: drawn art that PNG keeps sharp and small."""
    if image.mode in DRAWN_MODES or "transparency" in image.info:
        return True
    # Colours are counted on every n-th pixel of every n-th row (about 256 × 256 of
    # them): sampled, not averaged, so that no blend of two flat colours is counted as a
    # third, and in 0.1 ms rather than the 13 ms a smoothed thumbnail took per picture.
    step = max(1, max(image.size) // 256)
    probe = image if image.mode == "RGB" else image.convert("RGB")
    probe = probe.resize((max(1, image.width // step), max(1, image.height // step)),
                         Image.Resampling.NEAREST)
    return probe.getcolors(FLAT_ART_COLOURS) is not None


def prepare(path: Path, width_pt: float, height_pt: float, focus: tuple[float, float],
            ppi: float, quality: int = 85) -> tuple[bytes, str]:
    """The picture cropped to the box's proportions around ``focus`` at no more than
    ``ppi``; returns the encoded bytes and their format ("jpeg" or "png").

    reportlab embeds JPEG bytes as they are; other formats it decodes and re-compresses
    in Python, which costs seconds per picture.
    """
    with Image.open(path) as source:
        _decode_small(source, width_pt, height_pt, focus, ppi)
        drawn = source.mode in DRAWN_MODES or "transparency" in source.info
        image = upright_rgb(source)  # maybe the source itself: used before the file closes
        flat = drawn or is_flat_art(image)  # counted on the decoded picture: no second decode
        left, top, right, bottom = cover_crop(image.width, image.height, width_pt, height_pt,
                                              focus)
        box = (round(left * image.width), round(top * image.height),
               round(image.width * (1 - right)), round(image.height * (1 - bottom)))
        image = image.crop(box)  # a new image
    target = (max(1, round(width_pt / 72 * ppi)), max(1, round(height_pt / 72 * ppi)))
    if image.width > target[0]:
        image = image.resize(target, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if flat:
        image.save(out, "PNG", optimize=True)
        return out.getvalue(), "png"
    image.save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue(), "jpeg"


def _decode_small(source: Image.Image, width_pt: float, height_pt: float,
                  focus: tuple[float, float], ppi: float) -> None:
    """Lets libjpeg decode at 1/2, 1/4 or 1/8 of the size while the cropped part still has
    at least the pixels the box needs: a photo four times too large decodes in a sixth of
    the time. Other formats are decoded whole (``draft`` does nothing for them)."""
    width, height = source.size
    turned = source.getexif().get(ExifTags.Base.Orientation, 1) in (5, 6, 7, 8)
    if turned:
        width, height = height, width
    left, top, right, bottom = cover_crop(width, height, width_pt, height_pt, focus)
    need_w = width_pt / 72 * ppi / max(1e-6, 1 - left - right)
    need_h = height_pt / 72 * ppi / max(1e-6, 1 - top - bottom)
    size = (math.ceil(need_h), math.ceil(need_w)) if turned else (math.ceil(need_w),
                                                                 math.ceil(need_h))
    source.draft(None, size)


#: A request for a prepared picture: source reference, width and height in points, focus,
#: pixels per inch (None: the store's).
Request = tuple[str, float, float, tuple[float, float], float | None]
#: What a picture frame cuts off the picture it shows: fractions of left, top, right, bottom.
Crop = tuple[float, float, float, float]
NO_CROP: Crop = (0.0, 0.0, 0.0, 0.0)
#: A source shown as it is keeps at least this share of its pixels in view.
AS_IS_SHOWN = 0.5
#: The only segments a JPEG may carry to go into a deck as it is: JFIF, an ICC colour
#: profile, Adobe's colour transform. EXIF and XMP (APP1: camera, GPS position, author),
#: IPTC (APP13), comments and the rest would travel inside the handed-out deck; a
#: prepared copy leaves them behind.
AS_IS_SEGMENTS = {"APP0": b"JFIF", "APP2": b"ICC_PROFILE", "APP14": b"Adobe"}


def as_it_is(path: Path, width_pt: float, height_pt: float, focus: tuple[float, float],
             ppi: float) -> Crop | None:
    """The crop with which a deck can show the source file itself in the box, or None when
    it needs a prepared copy. The file itself will do when it is a JPEG in RGB or grey
    with no metadata (AS_IS_SEGMENTS; so nothing turns it either), has no more pixels
    than ``ppi`` asks for (a copy would only be cropped and compressed again: one more
    generation of JPEG loss, for 30 ms a picture in a first build) and shows at least
    AS_IS_SHOWN of them. PowerPoint crops it with the frame, and an editor can move the
    crop later."""
    try:
        with Image.open(path) as source:
            segments = getattr(source, "applist", None)
            if source.format != "JPEG" or source.mode not in ("RGB", "L") or segments is None \
                    or not all(data.startswith(AS_IS_SEGMENTS.get(name, b"\xff"))
                               for name, data in segments):
                return None
            width, height = source.size
    except (OSError, ValueError, SyntaxError):  # the build reports unreadable pictures
        return None
    crop = cover_crop(width, height, width_pt, height_pt, focus)
    left, top, right, bottom = crop
    shown = (1 - left - right) * (1 - top - bottom)
    if round(width * (1 - left - right)) > max(1, round(width_pt / 72 * ppi)) \
            or shown < AS_IS_SHOWN:
        return None
    return crop


@dataclass
class ImageStore:
    """Prepared pictures, cached on disk by content hash (source bytes plus request).

    ``prepare_ahead`` starts preparing pictures on worker threads; ``get`` then waits for
    the one it asks for. Pillow decodes, resamples and encodes without holding the GIL, so
    in a cold build the pictures are made on a second core while this thread writes the
    slides. The threads stay in this process: a pickled store (the PDF process's) has none.
    """

    root: Path
    cache: Path
    ppi: float = 200.0
    quality: int = 85
    _ahead: dict[Request, Future[Path]] = field(default_factory=dict, init=False, repr=False,
                                                compare=False)
    _as_is: dict[Request, Crop | None] = field(default_factory=dict, init=False, repr=False,
                                               compare=False)

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_ahead": {}}

    def get(self, reference: str, width_pt: float, height_pt: float,
            focus: tuple[float, float] = (0.5, 0.5), ppi: float | None = None) -> Path:
        ahead = self._ahead.get((reference, width_pt, height_pt, focus, ppi))
        if ahead is not None and not ahead.cancel():  # cancelled: not begun, made here
            return ahead.result()  # re-raises what preparing it raised
        return self._get(reference, width_pt, height_pt, focus, ppi)

    def as_is(self, reference: str, width_pt: float, height_pt: float,
              focus: tuple[float, float] = (0.5, 0.5)) -> Crop | None:
        """A deck's crop of the source itself (see ``as_it_is``), or None: use ``get``."""
        request = (reference, width_pt, height_pt, focus, None)
        if request not in self._as_is:
            self._as_is[request] = as_it_is(self.root / reference, width_pt, height_pt,
                                             focus, self.ppi)
        return self._as_is[request]

    def for_deck(self, reference: str, width_pt: float, height_pt: float,
                 focus: tuple[float, float] = (0.5, 0.5)) -> tuple[Path, Crop]:
        """The file a deck embeds for the box and the crop its frame applies: the source
        itself when it will do as it is, else a prepared copy, cropped already."""
        crop = self.as_is(reference, width_pt, height_pt, focus)
        if crop is not None:
            return self.root / reference, crop
        return self.get(reference, width_pt, height_pt, focus), NO_CROP

    def prepare_ahead(self, requests: Iterable[Request], workers: int | None = None) -> None:
        """Starts preparing ``requests`` on ``workers`` threads (one per core but one:
        the thread that asks for them works too); nothing on a single core. The threads
        take them from the last, ``get`` makes any not yet begun itself: the two meet in
        the middle rather than wait for each other on the same picture."""
        count = (os.cpu_count() or 1) - 1 if workers is None else workers
        todo = [r for r in dict.fromkeys(requests) if r not in self._ahead]
        if count < 1 or not todo:
            return
        pool = ThreadPoolExecutor(max_workers=count, thread_name_prefix="pictures")
        for request in reversed(todo):
            self._ahead[request] = pool.submit(self._get, *request)
        pool.shutdown(wait=False)  # the threads end when the queue is empty

    def _get(self, reference: str, width_pt: float, height_pt: float,
             focus: tuple[float, float], ppi: float | None) -> Path:
        source = self.root / reference
        density = ppi or self.ppi
        request = f"{width_pt:.2f}x{height_pt:.2f}@{density:.0f}q{self.quality}" \
                  f"f{focus[0]:.3f},{focus[1]:.3f}v3"
        digest = hashlib.sha256(source.read_bytes() + request.encode()).hexdigest()[:32]
        for suffix in (".jpg", ".png"):
            cached = self.cache / f"{digest}{suffix}"
            if cached.is_file():
                return cached
        data, kind = prepare(source, width_pt, height_pt, focus, density, self.quality)
        target = self.cache / f"{digest}{'.png' if kind == 'png' else '.jpg'}"
        write_atomically(target, data)
        return target


def deck_pictures(plan: DeckPlan) -> list[Request]:
    """The pictures the deck places, in slide order, as its renderers ask for them."""
    return [(e.path, e.box.w, e.box.h, e.focus, None) for slide in plan.slides
            for e in slide.elements if isinstance(e, PictureBox)]


def deck_copies(plan: DeckPlan, store: ImageStore) -> list[Request]:
    """The deck's pictures that need a prepared copy (the rest go in as they are)."""
    return [r for r in deck_pictures(plan) if store.as_is(r[0], r[1], r[2], r[3]) is None]
