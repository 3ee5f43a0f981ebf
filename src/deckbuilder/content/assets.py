"""Picture files: found only inside the project, and readable before anything is built."""

from __future__ import annotations

import hashlib
import warnings
from pathlib import Path, PurePosixPath
from typing import Any

from PIL import Image

from .. import cache_file
from .model import ImageInfo

ORIENTATION = 0x0112  # the EXIF tag that says how the camera was held

#: Larger images are refused: they would exhaust memory (decompression bombs).
MAX_PIXELS = 80_000_000


class AssetProblem(Exception):
    """A picture that cannot be used; the message names what to do."""


def resolve_inside(root: Path, reference: str) -> Path:
    """The file a content reference names, refusing any path that leaves the project."""
    pure = PurePosixPath(reference.replace("\\", "/"))
    if pure.is_absolute() or (pure.parts and ":" in pure.parts[0]):
        raise AssetProblem(f"'{reference}' is an absolute path; write it relative to the project")
    if ".." in pure.parts:
        raise AssetProblem(f"'{reference}' leaves the project folder ('..' is not allowed)")
    base = root.resolve()
    target = (base / Path(*pure.parts)).resolve()
    if not target.is_relative_to(base):
        raise AssetProblem(f"'{reference}' points outside the project folder (through a link)")
    if not target.is_file():
        raise AssetProblem(f"the picture '{reference}' does not exist")
    return target


def inspect_image(path: Path, reference: str) -> ImageInfo:
    """Opens and decodes the image once, so a corrupt file fails here, not mid-build."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as probe:
                width, height = probe.size
                if probe.getexif().get(ORIENTATION, 1) in (5, 6, 7, 8):
                    width, height = height, width  # shown turned by a quarter
                if width * height > MAX_PIXELS:
                    raise AssetProblem(
                        f"the picture '{reference}' is too large ({width} × {height} pixels); "
                        "scale it down below 80 megapixels")
                # A JPEG is decoded at an eighth of its size: every byte of it is still read
                # and checked, at a third of the cost of a full decode.
                probe.draft(probe.mode, (max(1, probe.width // 8), max(1, probe.height // 8)))
                probe.load()
    except AssetProblem:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise AssetProblem(f"the picture '{reference}' is too large (more pixels than "
                           "deckbuilder will decode); scale it down below 80 megapixels"
                           ) from None
    except (OSError, SyntaxError, ValueError):
        raise AssetProblem(
            f"the picture '{reference}' is not a readable image (corrupt or truncated?)"
        ) from None
    return ImageInfo(width, height)


class CheckedPictures:
    """Pictures already read in full without fault, by the SHA-256 of their bytes.

    Every build checked every picture by decoding it (0.1-0.15 s for the IHK deck's 21);
    a file whose bytes were checked before decodes the same, so only its size is read
    back. A picture with a problem is never kept: it is checked, and reported, each time.
    ``save`` keeps what was checked anew, once the build's content proved sound.
    """

    #: The cache file; its version changes when what a check tests changes.
    FILE = "pictures-checked-v1.json"

    def __init__(self, cache: Path | None) -> None:
        self._where = cache / self.FILE if cache is not None else None
        kept = cache_file.read(self._where)
        self._known: dict[str, Any] = kept if isinstance(kept, dict) else {}
        self._new = False

    def inspect(self, path: Path, reference: str) -> ImageInfo:
        """As ``inspect_image``, without the decoding for a file checked before."""
        if self._where is None:
            return inspect_image(path, reference)
        key = hashlib.sha256(path.read_bytes()).hexdigest()
        size = self._known.get(key)
        if isinstance(size, list) and len(size) == 2 and all(
                type(n) is int and n > 0 for n in size):
            return ImageInfo(size[0], size[1])
        info = inspect_image(path, reference)
        self._known[key] = [info.width, info.height]
        self._new = True
        return info

    def save(self) -> None:
        if self._new:
            cache_file.write(self._where, self._known)
            self._new = False
