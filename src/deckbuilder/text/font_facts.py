"""What a build reads from a font file, kept in the output folder's cache by its hash.

Layout measures every line in the deck's faces and in their fallbacks (reportlab's
widths of nine TrueType files), the licence bits (fsType) are checked and each embedded
face needs its EOT header (fontTools). Parsing all of that took 0.2-0.3 s of every build,
for facts that do not change while a file's bytes do not: they are kept in
``.cache/fonts/`` under the file's SHA-256 (and reportlab's version, whose parse the
widths are) and read back in milliseconds; a process that builds again (serve, watch,
the workers of ``--all-editions``) also keeps them in memory under the same hash. A
text measures exactly as reportlab's ``stringWidth`` measures it: the same widths,
summed in the same order. Without a cache, or with a damaged one, the file is parsed
again (cache_file.py).
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import Any

from .. import cache_file

FOLDER = "fonts"


@dataclass(frozen=True)
class FontFacts:
    widths: dict[int, float]  # code point -> advance width in thousandths of the size
    default: float  # the width of a character the font lacks (its glyph 0)
    chars: frozenset[int]  # the code points the font has a glyph for
    fs_type: int  # the OS/2 licence bits
    eot_header: bytes  # what precedes the font's bytes in its EOT container

    def string_width(self, text: str, size: float) -> float:
        """reportlab's sum (pdfmetrics.stringWidth for a TrueType font), term by term."""
        return at_size(self.advance(text), size)

    def advance(self, text: str) -> float:
        """The sum of the text's advance widths, in thousandths of the size: the part of
        ``string_width`` that does not depend on the size."""
        return sum(map(self.widths.get, map(ord, text), repeat(self.default)))


def at_size(advance: float, size: float) -> float:
    """An ``advance`` sum at ``size`` points, in reportlab's expression (the same float)."""
    return 0.001 * size * advance


#: Facts this process has read, by the name of their cache file (the bytes' hash): the
#: same bytes have the same facts, whichever project or path they come from.
_KNOWN: dict[str, FontFacts] = {}


class FontFactsCache:
    """The facts of font files, from ``folder`` (an output folder's cache) where kept.
    Facts read anew are kept when ``save`` is called: a build calls it once its content
    proved sound, so a build that fails leaves no output folder behind."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder / FOLDER if folder is not None else None
        self._new: dict[Path, dict[str, Any]] = {}

    def facts(self, path: Path) -> FontFacts:
        import reportlab

        data = path.read_bytes()
        name = f"{hashlib.sha256(data).hexdigest()[:32]}-reportlab{reportlab.Version}.json"
        where = self.folder / name if self.folder is not None else None
        known = _KNOWN.get(name)
        if known is not None:
            if where is not None and not where.is_file():  # this folder keeps them too
                self._new[where] = _to_json(known)
            return known
        found = _from_json(cache_file.read(where))
        if found is None:
            found = parse(path)
            if where is not None:
                self._new[where] = _to_json(found)
        _KNOWN[name] = found
        return found

    def save(self) -> None:
        for where, value in self._new.items():
            cache_file.write(where, value)
        self._new.clear()


def parse(path: Path) -> FontFacts:
    """The facts of a font file, read by reportlab (widths, as its PDFs use them) and
    fontTools (licence bits, EOT header)."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    from .eot import eot_header, fs_type

    face = TTFontFile(str(path))
    data = path.read_bytes()
    return FontFacts(dict(face.charWidths), face.defaultWidth, frozenset(face.charToGlyph),
                     fs_type(data), eot_header(data))


def _to_json(facts: FontFacts) -> dict[str, Any]:
    return {"codes": list(facts.widths), "advances": list(facts.widths.values()),
            "default": facts.default, "chars": sorted(facts.chars), "fs_type": facts.fs_type,
            "eot_header": base64.b64encode(facts.eot_header).decode("ascii")}


def _from_json(kept: Any) -> FontFacts | None:
    """The kept facts, or None for a missing or damaged file. Widths stay reportlab's
    ints or floats (the sums stay reportlab's); checked by type in one pass each."""
    try:
        codes, advances, chars = kept["codes"], kept["advances"], kept["chars"]
        default, fs_type = kept["default"], kept["fs_type"]
        if not (set(map(type, codes)) | set(map(type, chars)) | {type(fs_type)} <= {int}
                and set(map(type, advances)) | {type(default)} <= {int, float}
                and len(codes) == len(advances)):
            return None
        return FontFacts(dict(zip(codes, advances, strict=True)), default, frozenset(chars),
                         fs_type, base64.b64decode(kept["eot_header"], validate=True))
    except (TypeError, KeyError, ValueError):
        return None
