"""PowerPoint files that come from outside (a corporate template, a deck edited by hand),
checked from the ZIP's directory before a byte of them is unpacked.

python-pptx reads every part of a package into memory, and a .pptx is a ZIP: a 1.5 MB
template whose one part unpacks to 1.5 GB of zeros took 3.1 GB of memory and 11 s before
anything was said. The central directory states each part's packed and unpacked size, so
a package that would unpack to too much is refused before it is read. The sizes cannot
lie: Python's zipfile stops a part at its stated size and checks its CRC.

Every reader of a .pptx that deckbuilder did not just write itself opens it through
``check_package``: the template (render/pptx/template.py, master.py) and decks read back
for the edit guard and ``pull`` (edits/deck_summary.py).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

#: All parts together may unpack to at most this much: a template with every picture of a
#: corporate design is a few tens of MB.
MAX_UNPACKED = 200 * 1024 * 1024

#: A part may unpack to at most this many times its packed size; XML packs 5-20 to 1,
#: pictures hardly at all, and zeros 1000 to 1.
MAX_RATIO = 100

#: Parts smaller than this unpacked are not held to the ratio: a few kB of repeated XML
#: may pack very well and cost nothing.
RATIO_FROM = 1024 * 1024

#: A package with more parts than this is not a slide deck a person made.
MAX_PARTS = 10_000

_MB = 1024 * 1024


class PackageProblem(ValueError):
    """Why a .pptx is not read. ``str()`` completes "'corporate.pptx' is ..." so each
    reader can name the file its own way; ``hint`` says what to do."""

    def __init__(self, what: str, hint: str = "") -> None:
        super().__init__(what)
        self.hint = hint


def _size(count: int) -> str:
    return f"{count / (1024 * _MB):.1f} GB" if count >= 1024 * _MB else f"{count / _MB:.0f} MB"


def _parts(path: Path) -> list[zipfile.ZipInfo]:
    """The package's directory; PackageProblem for what is no ZIP at all."""
    if not path.exists():
        raise PackageProblem("missing", "check the file's name and folder")
    if path.is_dir():
        raise PackageProblem("a folder, not a presentation",
                             "name the .pptx file inside the folder")
    if path.stat().st_size == 0:
        raise PackageProblem("empty (0 bytes)", "save the presentation again from PowerPoint")
    try:
        with zipfile.ZipFile(path) as package:
            return package.infolist()
    except (OSError, zipfile.BadZipFile, ValueError, EOFError):
        raise PackageProblem("not a PowerPoint file (.pptx) that can be read",
                             "save it from PowerPoint as a .pptx presentation") from None


def check_package(path: Path) -> None:
    """Raises PackageProblem unless ``path`` is a ZIP with the parts of a presentation
    whose parts unpack to a sane size (MAX_UNPACKED in all, MAX_RATIO each)."""
    parts = _parts(path)
    names = {info.filename for info in parts}
    if "[Content_Types].xml" not in names or "ppt/presentation.xml" not in names:
        raise PackageProblem("not a PowerPoint file (.pptx): it is a ZIP archive without a "
                             "presentation in it", "save it from PowerPoint as a .pptx "
                             "presentation")
    if len(parts) > MAX_PARTS:
        raise PackageProblem(f"made of {len(parts)} parts (at most {MAX_PARTS} are read)",
                             "save it again from PowerPoint")
    total = sum(info.file_size for info in parts)
    if total > MAX_UNPACKED:
        raise PackageProblem(
            f"too large when unpacked: its parts come to {_size(total)} (at most "
            f"{_size(MAX_UNPACKED)} are read)", "remove large media such as videos and sounds "
            "from it")
    for info in parts:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size >= RATIO_FROM and ratio > MAX_RATIO:
            raise PackageProblem(
                f"refused: its part '{info.filename}' would unpack to {ratio:.0f} times its "
                f"packed size ({_size(info.file_size)}; a presentation's parts grow at most "
                f"{MAX_RATIO} times)", "the file may be damaged or made to fill the "
                "computer's memory: save the presentation again from PowerPoint")
