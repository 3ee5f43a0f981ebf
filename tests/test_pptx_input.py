"""PowerPoint files deckbuilder reads but did not write (a corporate template, a deck
edited by hand): anything that is no readable .pptx is a clean, located error (exit 1),
and a zip bomb is refused from the ZIP's directory before any part of it is unpacked."""

from __future__ import annotations

import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pptx import Presentation

from deckbuilder.content.pptx_package import MAX_UNPACKED, PackageProblem, check_package
from deckbuilder.edits.deck_summary import read_deck

from .conftest import MakeProject, line_of, run_cli


def _pptx(path: Path) -> Path:
    """python-pptx's default presentation at 16:9: a template deckbuilder accepts."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = 12192000, 6858000
    prs.save(str(path))
    return path


def _bomb(path: Path, unpacked: int) -> Path:
    """A real presentation with one more part of ``unpacked`` zeros, streamed in at the
    fastest compression (256 MB: 0.3 s, 1 MB on disk)."""
    _pptx(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        with package.open("ppt/media/zeros.bin", "w", force_zip64=True) as part:
            block = bytes(1 << 22)
            for _ in range(unpacked // len(block)):
                part.write(block)
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


def test_a_zip_bomb_is_refused_from_its_directory_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """256 MB of zeros packed into 1 MB: refused without unpacking a byte of any part
    (reading one fails here), where python-pptx would have held it all in memory."""
    bomb = _bomb(tmp_path / "bomb.pptx", 256 << 20)
    assert bomb.stat().st_size < 4 << 20

    def no_unpacking(*args: object, **kwargs: object) -> None:
        raise AssertionError("a part was unpacked")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_unpacking)
    started = time.perf_counter()
    with pytest.raises(PackageProblem, match=r"too large when unpacked: its parts come to "
                       r"256 MB \(at most 200 MB are read\)"):
        check_package(bomb)
    assert time.perf_counter() - started < 0.5
    with pytest.raises(PackageProblem, match="too large when unpacked"):
        read_deck(bomb)  # a deck read back for the edit guard or pull


def test_one_part_packed_too_tightly_is_refused(tmp_path: Path) -> None:
    """8 MB of zeros in a presentation well under the total limit: its ratio (1:200 and
    more) is that of a bomb, never of a picture or of XML."""
    path = _bomb(tmp_path / "dense.pptx", 8 << 20)
    assert sum(i.file_size for i in zipfile.ZipFile(path).infolist()) < MAX_UNPACKED
    with pytest.raises(PackageProblem, match=r"refused: its part 'ppt/media/zeros.bin' would "
                       r"unpack to \d+ times its packed size \(8 MB"):
        check_package(path)
    check_package(_pptx(tmp_path / "plain.pptx"))  # a real one passes


def test_build_refuses_a_bomb_template_at_its_line(make_project: MakeProject) -> None:
    project = make_project()
    _bomb(project / "assets" / "firma.pptx", 8 << 20)
    theme = project / "content" / "theme.yaml"
    theme.write_text(theme.read_text("utf-8") + "\ntemplate:\n  file: assets/firma.pptx\n",
                     "utf-8")
    result = run_cli("build", project, cwd=project)
    assert result.returncode == 1
    line = line_of(project, "theme.yaml", "  file: assets/firma.pptx")
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"content/theme.yaml:{line}:9: error: the template "
                            "'assets/firma.pptx' is refused: its part 'ppt/media/zeros.bin'")
    assert "Traceback" not in result.stderr
    assert not (project / "output").exists() or not any((project / "output").glob("*.pptx"))


def test_pull_refuses_a_bomb_deck(make_project: MakeProject) -> None:
    """A deck in output/ replaced by a bomb: pull says so instead of reading it."""
    project = make_project()
    assert run_cli("build", project, "--format", "pptx").returncode == 0
    (deck,) = (project / "output").glob("*.pptx")
    _bomb(deck, 8 << 20)
    result = run_cli("pull", project, "--dry-run", cwd=project)
    assert result.returncode == 2, result.stderr
    assert "is refused: its part 'ppt/media/zeros.bin'" in result.stderr
    assert "Traceback" not in result.stderr
