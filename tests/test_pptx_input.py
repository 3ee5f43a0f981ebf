"""PowerPoint files deckbuilder reads but did not write (a corporate template, a deck
edited by hand): anything that is no readable .pptx is a clean, located error (exit 1)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pptx import Presentation

from .conftest import run_cli


def _pptx(path: Path) -> Path:
    """python-pptx's default presentation at 16:9: a template deckbuilder accepts."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = 12192000, 6858000
    prs.save(str(path))
    return path


def _not_a_pptx(tmp: Path) -> Path:
    path = tmp / "archive.pptx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("notes.txt", "not a presentation")
    return path


def _folder(tmp: Path) -> Path:
    (tmp / "folder.pptx").mkdir()
    return tmp / "folder.pptx"


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        (tmp / name).write_bytes(data)
        return tmp / name
    return make


BAD_FILES: list[tuple[str, Callable[[Path], Path], str]] = [
    ("random bytes", _write("random.pptx", bytes(range(256)) * 40),
     "random.pptx: error: the file is not a PowerPoint file (.pptx) that can be read "
     "(save it from PowerPoint as a .pptx presentation)"),
    ("a zip without a presentation", _not_a_pptx,
     "archive.pptx: error: the file is not a PowerPoint file (.pptx): it is a ZIP archive "
     "without a presentation in it (save it from PowerPoint as a .pptx presentation)"),
    ("an empty file", _write("empty.pptx", b""),
     "empty.pptx: error: the file is empty (0 bytes) (save the presentation again from "
     "PowerPoint)"),
    ("a folder", _folder,
     "folder.pptx: error: the file is a folder, not a presentation (name the .pptx file "
     "inside the folder)"),
    ("a missing file", lambda tmp: tmp / "missing.pptx",
     "missing.pptx: error: the file is missing (check the file's name and folder)"),
]


@pytest.mark.parametrize(("what", "make", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_template_check_reports_an_unreadable_file_cleanly(
        tmp_path: Path, what: str, make: Callable[[Path], Path], message: str) -> None:
    """Before, each of these (but the folder: a usage error, exit 2) ended in a traceback
    and "This is a bug in deckbuilder" (exit 3)."""
    result = run_cli("template", "check", make(tmp_path), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines() == [message, "1 error; nothing was written."]
    assert result.stdout == ""


def test_template_check_still_lists_a_good_template(tmp_path: Path) -> None:
    result = run_cli("template", "check", _pptx(tmp_path / "firma.pptx"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("firma.pptx: slides 960 × 540 pt (16:9)")
