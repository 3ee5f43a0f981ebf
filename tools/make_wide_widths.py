"""Writes src/deckbuilder/fonts/wide-fallback.json: DejaVu Sans's advance widths (run by
hand on a machine with Debian's fonts-dejavu-core; the file is committed).

A viewer without the deck's fonts draws DejaVu Sans on most Linux desktops, and it is
the widest of the common fallbacks (21 % wider than Source Sans Pro in German body text,
Liberation Sans 6 %). Slide layout measures titles, radar labels and every single word
in it too (text/measure.py), so that nothing breaks without a hyphen where it is drawn.
Only the widths are shipped, not the fonts (2.7 MB): reportlab reads them from the
files as it reads the deck's own, in thousandths of the size, for the characters a
German or European deck uses.

    python tools/make_wide_widths.py [FOLDER-WITH-DEJAVU]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFontFile

FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf",
         "italic": "DejaVuSans-Oblique.ttf", "bold_italic": "DejaVuSans-BoldOblique.ttf"}
#: Latin with its extensions, Greek, punctuation, super- and subscripts, currency,
#: letter-like symbols, arrows, mathematical operators, geometric shapes (bullets).
RANGES = ((0x20, 0x24F), (0x370, 0x3FF), (0x2000, 0x20CF), (0x2100, 0x215F),
          (0x2190, 0x21FF), (0x2200, 0x22FF), (0x25A0, 0x25FF))


def main(folder: Path) -> None:
    out = {"family": "DejaVu Sans", "source": "fonts-dejavu-core (Debian), via reportlab",
           "faces": {}}
    for slot, name in FILES.items():
        face = TTFontFile(str(folder / name))
        widths = face.charWidths
        out["faces"][slot] = {"default": face.defaultWidth, "widths": {
            str(code): widths[code] for lo, hi in RANGES for code in range(lo, hi + 1)
            if code in widths}}
    target = Path(__file__).parents[1] / "src" / "deckbuilder" / "fonts" / "wide-fallback.json"
    target.write_text(json.dumps(out, separators=(",", ":"), sort_keys=True) + "\n", "utf-8")
    print(f"wrote {target} ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/dejavu"))
