"""What deckbuilder reads from a font file with fontTools, kept by the file's hash.

The licence bits (fsType, checked for every build) and the EOT header of each embedded
face (written into every deck) come from fontTools, whose import and table parsing cost
0.1-0.2 s of every build. A font file's facts do not change while its bytes do not, so
they are kept in the output folder's cache under the file's SHA-256, and fontTools is
imported only for a font the cache has not seen. The cache only saves time
(cache_file.py): without it the facts are read from the file again.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from pathlib import Path

from . import cache_file

FILE = "font-facts.json"


@dataclass(frozen=True)
class FontFacts:
    fs_type: int  # the OS/2 licence bits
    eot_header: bytes  # what precedes the font's bytes in its EOT container


def facts(data: bytes, cache: Path | None) -> FontFacts:
    """The facts of the font file ``data``, from ``cache`` (a folder) when it has them."""
    key = hashlib.sha256(data).hexdigest()
    where = cache / FILE if cache is not None else None
    known = cache_file.read(where)
    known = known if isinstance(known, dict) else {}
    entry = known.get(key)
    if isinstance(entry, dict):
        try:
            return FontFacts(int(entry["fs_type"]),
                             base64.b64decode(entry["eot_header"], validate=True))
        except (TypeError, KeyError, ValueError):
            pass  # a damaged entry: read the font
    from .eot import eot_header, fs_type

    found = FontFacts(fs_type(data), eot_header(data))
    known[key] = {"fs_type": found.fs_type,
                  "eot_header": base64.b64encode(found.eot_header).decode("ascii")}
    cache_file.write(where, known)
    return found
