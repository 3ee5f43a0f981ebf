"""Embedded OpenType (EOT) containers, the form PowerPoint keeps embedded fonts in.

Follows the W3C EOT submission (https://www.w3.org/Submission/EOT/), version 0x00020002,
with the font data uncompressed and not XOR-obfuscated (flags 0), as LibreOffice's PPTX
export writes it: a little-endian header with facts copied from the font's OS/2, head and
name tables, the four names in UTF-16LE, an empty root string, no signature, no EUDC
font, then the TrueType file byte for byte.
"""

from __future__ import annotations

import io
import struct
from typing import Any

VERSION = 0x00020002
MAGIC = 0x504C
#: The checksum of an empty root string: the XOR key 0x50475342 itself.
EMPTY_ROOT_CHECKSUM = 0x50475342
#: The EUDC code page field; 1252 (Western) as Windows writes it, no EUDC font follows.
EUDC_CODEPAGE = 1252
DEFAULT_CHARSET = 1
#: name table ids, in the order the header holds them: family, style, version, full name.
NAME_IDS = (1, 2, 5, 4)

#: EOTSize .. Reserved4: the fixed part of the header, 80 bytes.
_FIXED = struct.Struct("<IIII10sBBIHH4I2II4I")

#: fsType bits that keep a font from travelling in an editable document.
FS_RESTRICTED, FS_PREVIEW_PRINT, FS_EDITABLE, FS_BITMAP_ONLY = 0x0002, 0x0004, 0x0008, 0x0200


def _name(font: Any, name_id: int) -> bytes:
    """A name in UTF-16LE: the Windows English one if present, else any Unicode one."""
    table = font["name"]
    record = table.getName(name_id, 3, 1, 0x409) or table.getDebugName(name_id)
    text = str(record) if record is not None else ""
    return text.encode("utf-16-le")


def embedding_allowed(fs_type: int) -> bool:
    """True when the OS/2 fsType lets a document carry the font and stay editable:
    installable (0) or editable embedding; restricted, print-and-preview-only and
    bitmap-only fonts are not."""
    if fs_type & (FS_RESTRICTED | FS_BITMAP_ONLY):
        return False
    return not (fs_type & FS_PREVIEW_PRINT and not fs_type & FS_EDITABLE)


def fs_type(data: bytes) -> int:
    """The OS/2 fsType of a TrueType or OpenType file."""
    from fontTools.ttLib import TTFont  # here: embedding_allowed is asked in every build

    return int(TTFont(io.BytesIO(data), lazy=True)["OS/2"].fsType)


def to_eot(data: bytes) -> bytes:
    """The EOT container (version 0x00020002, uncompressed, no XOR) around ``data``."""
    return eot_header(data) + data


def eot_header(data: bytes) -> bytes:
    """The part of the EOT container around ``data`` that precedes it."""
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data), lazy=True)
    os2, head = font["OS/2"], font["head"]
    panose = os2.panose
    panose_bytes = bytes([panose.bFamilyType, panose.bSerifStyle, panose.bWeight,
                          panose.bProportion, panose.bContrast, panose.bStrokeVariation,
                          panose.bArmStyle, panose.bLetterForm, panose.bMidline,
                          panose.bXHeight])
    strings = b""
    for name_id in NAME_IDS:
        text = _name(font, name_id)
        strings += struct.pack("<HH", 0, len(text)) + text  # padding, size, UTF-16LE
    tail = struct.pack("<HH", 0, 0)  # Padding5, RootStringSize (no root string)
    tail += struct.pack("<IIHH", EMPTY_ROOT_CHECKSUM, EUDC_CODEPAGE, 0, 0)  # ..Signature
    tail += struct.pack("<II", 0, 0)  # EUDCFlags, EUDCFontSize
    size = _FIXED.size + len(strings) + len(tail) + len(data)
    ranges = (os2.ulUnicodeRange1, os2.ulUnicodeRange2, os2.ulUnicodeRange3,
              os2.ulUnicodeRange4)
    code_pages = (getattr(os2, "ulCodePageRange1", 0), getattr(os2, "ulCodePageRange2", 0))
    header = _FIXED.pack(size, len(data), VERSION, 0, panose_bytes, DEFAULT_CHARSET,
                         os2.fsSelection & 1, os2.usWeightClass, os2.fsType, MAGIC,
                         *ranges, *code_pages, head.checkSumAdjustment, 0, 0, 0, 0)
    return header + strings + tail
