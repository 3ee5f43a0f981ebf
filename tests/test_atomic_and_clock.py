"""The one atomic-write helper and the one reading of SOURCE_DATE_EPOCH."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from deckbuilder.atomic import write_atomically
from deckbuilder.build.clock import build_timestamp, source_date_epoch

from .conftest import MakeProject, run_cli


def test_a_file_is_replaced_whole_and_readable(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "state.json"
    write_atomically(target, b"old")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["state.json"]


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
