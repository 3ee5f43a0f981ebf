"""The one atomic-write helper and the one reading of SOURCE_DATE_EPOCH."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from deckbuilder.atomic import replace_all, write_atomically, write_bytes_all
from deckbuilder.build.clock import build_timestamp, source_date_epoch
from deckbuilder.errors import PreviousKept

from .conftest import MakeProject, run_cli


def test_a_file_is_replaced_whole_and_readable(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "state.json"
    write_atomically(target, b"old")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["state.json"]


@pytest.mark.parametrize("mode", [0o664, 0o600, 0o444], ids=oct)
def test_a_replaced_file_keeps_its_permissions(tmp_path: Path, mode: int) -> None:
    """A content file shared with a group stays writable for it after an edit; a private
    or read-only one stays so (every write used to leave 644)."""
    for name, write in (("one.yaml", lambda t: write_atomically(t, b"new")),
                        ("set.yaml", lambda t: write_bytes_all({t: b"new"}))):
        target = tmp_path / name
        target.write_bytes(b"old")
        target.chmod(mode)
        write(target)
        assert target.read_bytes() == b"new"
        assert stat.S_IMODE(target.stat().st_mode) == mode, name


def test_events_move_keeps_a_group_writable_program(make_project: MakeProject) -> None:
    project = make_project()
    program = project / "content" / "program.yaml"
    program.chmod(0o664)
    before = program.read_bytes()
    assert run_cli("events", "move", "Workshop", "2026-11-19", project).returncode == 0
    assert program.read_bytes() != before
    assert stat.S_IMODE(program.stat().st_mode) == 0o664


def test_a_failed_write_keeps_the_old_file(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"the good deck")

    def full_disk(self: Path, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    with pytest.raises(OSError):
        write_atomically(target, b"half a deck")
    monkeypatch.undo()
    assert target.read_bytes() == b"the good deck"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]


def _failing_replace(monkeypatch: pytest.MonkeyPatch, fail_onto: str,
                     restore_fails: set[str]) -> None:
    """os.replace that fails moving a new file onto ``fail_onto`` and putting the previous
    file of each of ``restore_fails`` back (a disk or share that stops accepting renames)."""
    real = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        source, target = Path(src), Path(dst)
        restoring = source.name.endswith(".old.tmp")
        if (target.name == fail_onto and not restoring) or \
                (restoring and target.name in restore_fails):
            raise OSError(5, "Input/output error", str(src), None, str(dst))
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)


def _outputs(folder: Path) -> dict[Path, Path]:
    """Two previous outputs and the new files that are to replace them."""
    temps = {}
    for name in ("deck.pptx", "deck.pdf"):
        (folder / name).write_bytes(f"previous {name}".encode())
        (folder / f".{name}.new.tmp").write_bytes(f"new {name}".encode())
        temps[folder / name] = folder / f".{name}.new.tmp"
    return temps


def test_a_previous_output_that_cannot_be_put_back_is_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The deck was replaced, the dossier failed, and neither previous file could be put
    back: the error names the hidden file each previous output is in (it named only the
    dossier's backup as a file it could not write), and both are still there."""
    temps = _outputs(tmp_path)
    _failing_replace(monkeypatch, "deck.pdf", {"deck.pptx", "deck.pdf"})
    with pytest.raises(PreviousKept) as caught:
        replace_all(temps)
    monkeypatch.undo()
    kept = caught.value.kept
    assert list(kept) == [tmp_path / "deck.pptx", tmp_path / "deck.pdf"]
    for target, backup in kept.items():
        assert backup.parent == tmp_path and backup.name.startswith(f".{target.name}.")
        assert backup.read_bytes() == f"previous {target.name}".encode()
    message = caught.value.describe(lambda p: p.name)
    assert message.startswith("cannot write deck.pdf (Input/output error), and putting the "
                              "previous files back failed too: the previous deck.pptx is in "
                              f"{kept[tmp_path / 'deck.pptx'].name}, the previous deck.pdf is "
                              f"in {kept[tmp_path / 'deck.pdf'].name} (hidden files: ")


def test_previous_outputs_put_back_are_not_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the dossier's previous file stays aside; the deck's goes back (one failure no
    longer stops the roll-back of the files before it)."""
    temps = _outputs(tmp_path)
    _failing_replace(monkeypatch, "deck.pdf", {"deck.pdf"})
    with pytest.raises(PreviousKept) as caught:
        replace_all(temps)
    monkeypatch.undo()
    assert list(caught.value.kept) == [tmp_path / "deck.pdf"]
    assert (tmp_path / "deck.pptx").read_bytes() == b"previous deck.pptx"
    assert not (tmp_path / "deck.pdf").exists()


def test_a_failed_replace_that_rolls_back_stays_a_plain_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    temps = _outputs(tmp_path)
    _failing_replace(monkeypatch, "deck.pdf", set())
    with pytest.raises(OSError) as caught:
        replace_all(temps)
    monkeypatch.undo()
    assert not isinstance(caught.value, PreviousKept)
    assert caught.value.filename == str(tmp_path / "deck.pdf")
    assert [(tmp_path / n).read_bytes() for n in ("deck.pptx", "deck.pdf")] == [
        b"previous deck.pptx", b"previous deck.pdf"]


def test_build_names_where_the_previous_deck_is_kept(
        make_project: MakeProject, monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole command: the calendar cannot be written, and neither it nor the deck
    already replaced can be put back (the monkeypatch carries into the forked command)."""
    project = make_project()
    assert run_cli("build", project, "--format", "pptx,ics").returncode == 0
    (deck,) = (project / "output").glob("*.pptx")
    (ics,) = (project / "output").glob("*.ics")
    previous = deck.read_bytes()
    _failing_replace(monkeypatch, ics.name, {deck.name, ics.name})
    result = run_cli("build", project, "--format", "pptx,ics", cwd=project,
                     epoch="1763078400")  # a later date: a new deck to write
    monkeypatch.undo()
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    (kept,) = (project / "output").glob(f".{deck.name}.*.old.tmp")
    assert kept.read_bytes() == previous
    assert line.startswith(f"error: cannot write output/{ics.name} (Input/output error), "
                           "and putting the previous files back failed too: the previous "
                           f"{deck.name} is in output/{kept.name}, the previous {ics.name} "
                           f"is in output/.{ics.name}.")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("value", "expected"), [
    (None, None), ("", None), (" ", None), ("1762214400", 1762214400), (" 86400\n", 86400)])
def test_source_date_epoch(value: str | None, expected: int | None,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    if value is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert source_date_epoch() == expected


@pytest.mark.parametrize("value", ["-5", "1.5", "gestern", "99999999999999999999"])
def test_a_malformed_epoch_is_refused(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        build_timestamp()


def test_the_build_says_what_is_wrong_with_the_epoch(make_project: MakeProject) -> None:
    result = run_cli("build", make_project(), "--format", "ics", epoch="gestern")
    assert (result.returncode, result.stderr.strip()) == (
        2, "error: SOURCE_DATE_EPOCH='gestern' is not a number of seconds")
