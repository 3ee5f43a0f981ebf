"""PowerPoint files that come from outside (a corporate template, a deck edited by hand),
checked before python-pptx reads them: each way such a file can be unreadable (missing,
a folder, empty, no ZIP, a ZIP without a presentation) has its own message and hint,
where python-pptx raises a different exception for each.
"""

from __future__ import annotations

import zipfile
from pathlib import Path


class PackageProblem(ValueError):
    """Why a .pptx is not read. ``str()`` completes "'corporate.pptx' is ..." so each
    reader can name the file its own way; ``hint`` says what to do."""

    def __init__(self, what: str, hint: str = "") -> None:
        super().__init__(what)
        self.hint = hint


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
    """Raises PackageProblem unless ``path`` is a ZIP with the parts of a presentation."""
    parts = _parts(path)
    names = {info.filename for info in parts}
    if "[Content_Types].xml" not in names or "ppt/presentation.xml" not in names:
        raise PackageProblem("not a PowerPoint file (.pptx): it is a ZIP archive without a "
                             "presentation in it", "save it from PowerPoint as a .pptx "
                             "presentation")
