"""Every command that writes, on a full disk, a read-only folder, without permission, with a
name too long or a file in use: one line naming the file and what to do, exit 1 (2 for a
file in use), no traceback, and every file as it was (fault injection in this process)."""

from __future__ import annotations

import errno
import os
import shutil
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from deckbuilder import atomic
from deckbuilder.cli.refusals import refusal, target_of
from deckbuilder.content import dates
from deckbuilder.edits.output_state import STATE

from .conftest import BUILD_EPOCH, MakeProject, replace_in, run_cli
from .test_history import _run, mini_built  # noqa: F401 - the fixture, shared

#: What each refusal says, and the exit status.
SAYS = {errno.ENOSPC: ("the disk is full: free some space", 1),
        errno.EROFS: ("the folder is read-only: copy the project", 1),
        errno.EACCES: ("permission denied: check that you may change", 1),
        errno.ENAMETOOLONG: ("the path is too long for this computer", 1),
        errno.EBUSY: ("the file is in use by another program: close it", 2)}


def _inject(monkeypatch: pytest.MonkeyPatch, code: int, at: str) -> None:
    """Makes flushing (``fsync``: where a full disk shows on some file systems) or the
    rename (``replace``) fail with ``code`` from now on."""
    exc = OSError(code, os.strerror(code))

    def fail(*args: object) -> None:
        raise exc

    monkeypatch.setattr(os, "fsync" if at == "fsync" else "replace", fail)


def _files(*roots: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for root in roots if root.exists()
            for p in sorted(root.rglob("*")) if p.is_file()}


Setup = Callable[[Path, MakeProject], tuple[list[str | Path], list[Path]]]


def _project(make: MakeProject, built: bool = False) -> Path:
    project = make()
    if built:
        assert run_cli("build", project).returncode == 0
    return project


def _events(sub: list[str]) -> Setup:
    def setup(tmp: Path, make: MakeProject) -> tuple[list[str | Path], list[Path]]:
        project = _project(make)
        if sub[0] == "remove":  # the small project's lists have one entry each
            assert run_cli("events", "add", "2026-12-03", sub[1], project).returncode == 0
        return ["events", *sub, project], [project]
    return setup


def _undo(tmp: Path, make: MakeProject) -> tuple[list[str | Path], list[Path]]:
    project = _project(make)
    assert run_cli("events", "move", "Workshop", "2026-11-19", project).returncode == 0
    return ["undo", project], [project]


def _fonts(tmp: Path, make: MakeProject) -> tuple[list[str | Path], list[Path]]:
    project = _project(make)
    return ["fonts", "--install", project], [project, tmp / "home"]


def _new(tmp: Path, make: MakeProject) -> tuple[list[str | Path], list[Path]]:
    return ["new", tmp / "fresh"], [tmp / "fresh"]


def _built(command: str) -> Setup:
    def setup(tmp: Path, make: MakeProject) -> tuple[list[str | Path], list[Path]]:
        project = _project(make, built=True)
        return [command, project, *(["--force"] if command == "build" else [])], [project]
    return setup


COMMANDS: dict[str, Setup] = {
    "events move": _events(["move", "Workshop", "2026-11-19"]),
    "events add": _events(["add", "2026-12-03", "Messe"]),
    "events remove": _events(["remove", "Messe"]),
    "undo": _undo, "fonts --install": _fonts, "new": _new,
    "schema": lambda tmp, make: (["schema", _project(make)], [tmp]),
    "build": _built("build"), "preview": _built("preview"),
    "build --all-editions": lambda tmp, make: (
        ["build", "--all-editions", "--force", _project(make, built=True)], [tmp]),
}


def _refused(tmp: Path, make: MakeProject, monkeypatch: pytest.MonkeyPatch,
             capsys: pytest.CaptureFixture[str], setup: Setup, code: int, at: str) -> str:
    """Runs the command with the fault; checks exit status, message and files; returns
    the message."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    monkeypatch.setenv("HOME", str(tmp / "home"))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    args, roots = setup(tmp, make)
    before = _files(*roots)
    _inject(monkeypatch, code, at)
    status, _, err = _run(capsys, *args)
    monkeypatch.undo()
    said = {SAYS[code]}
    if at == "replace" and code == errno.EACCES:  # a set of files: as Windows says "in use"
        said.add(("could not be replaced: it is open in another program", 2))
    assert "Traceback" not in err and "bug" not in err, err
    assert any(status == exit_code and expected in err for expected, exit_code in said), err
    assert _files(*roots) == before
    return err


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_full_disk_leaves_every_file_as_it_was(
        command: str, tmp_path: Path, make_project: MakeProject,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(tmp_path, make_project, monkeypatch, capsys, COMMANDS[command],
                   errno.ENOSPC, "fsync")
    (line,) = [line for line in err.splitlines() if "error:" in line]
    named = Path(line.split(": error: ")[0])
    assert named.name and not named.name.endswith(".tmp"), line  # the file, not a temporary


def test_pull_on_a_full_disk_keeps_content_and_history(
        mini_built: Path, tmp_path: Path, make_project: MakeProject,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def setup(tmp: Path, make: MakeProject) -> tuple[list[str | Path], list[Path]]:
        project = tmp / "pulled"
        for part in ("content", "assets"):
            shutil.copytree(mini_built / "project" / part, project / part)
        (project / "output").mkdir()
        shutil.copy(mini_built / "project" / "output" / STATE, project / "output" / STATE)
        return ["pull", "--from", mini_built / "title.pptx", project], [project]

    err = _refused(tmp_path, make_project, monkeypatch, capsys, setup, errno.ENOSPC, "fsync")
    assert "pulled/.deckbuilder/history: error: the disk is full" in err  # kept first


def test_a_change_whose_files_cannot_be_written_leaves_no_history(
        make_project: MakeProject, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The history was kept, then the content file could not be written: the change is
    taken off the history again, so undo has nothing to take back."""
    project = make_project()
    before = _files(project)

    def full(path: Path) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic, "flush_to_disk", full)
    status, _, err = _run(capsys, "events", "move", "Workshop", "2026-11-19", project)
    monkeypatch.undo()
    assert status == 1
    assert err == f"{project / 'content' / 'program.yaml'}: error: the disk is full: free " \
        "some space (empty the recycle bin, delete old outputs) and run the command again\n"
    assert _files(project) == before  # no change in .deckbuilder/history either
    assert _run(capsys, "undo", project)[0] == 1


@pytest.mark.parametrize("at", ["fsync", "replace"])
@pytest.mark.parametrize("code", sorted(SAYS))
def test_each_refusal_has_its_message(
        code: int, at: str, tmp_path: Path, make_project: MakeProject,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(tmp_path, make_project, monkeypatch, capsys, COMMANDS["events move"],
                   code, at)
    assert any(f"{place}{said}" in err for place in (
        "content/program.yaml", ".deckbuilder/history") for said in (
            ": error: ", " could not be replaced")), err  # the history is kept first


@pytest.mark.slow  # every command with every refusal at both places: a sweep
@pytest.mark.parametrize("at", ["fsync", "replace"])
@pytest.mark.parametrize("code", sorted(SAYS))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_with_every_refusal(
        command: str, code: int, at: str, tmp_path: Path, make_project: MakeProject,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _refused(tmp_path, make_project, monkeypatch, capsys, COMMANDS[command], code, at)


def test_windows_sharing_violations_are_files_in_use() -> None:
    exc = PermissionError(errno.EACCES, "The process cannot access the file because it is "
                          "being used by another process", "deck.pptx")
    exc.winerror = 32  # type: ignore[attr-defined]
    assert refusal(exc, "deck.pptx") == (
        "deck.pptx: error: the file is in use by another program: close it and run the "
        "command again", 2)
    long = OSError(errno.EINVAL, "The filename or extension is too long")
    long.winerror = 206  # type: ignore[attr-defined]
    assert refusal(long)[0].startswith("error: the path is too long for this computer")


def test_a_temporary_file_is_named_by_its_target(tmp_path: Path) -> None:
    tmp = atomic.temporary_beside(tmp_path / "program.yaml")
    assert target_of(str(tmp)) == tmp_path / "program.yaml"
    assert target_of(str(tmp_path / ".deck.pptx.123.old.tmp")) == tmp_path / "deck.pptx"
    assert target_of(None) is None


def test_a_write_is_flushed_before_the_rename_and_the_folder_after(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The order a power cut needs: the file's bytes, then its name, then the folder."""
    steps: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        steps.append("folder" if os.path.isdir(f"/proc/self/fd/{fd}") else "file")
        real_fsync(fd)

    def replace(src: str, dst: str) -> None:
        steps.append("rename")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    atomic.write_all({tmp_path / "a": lambda t: (t.write_bytes(b"a"), "")[1]})
    if os.name != "nt" and Path("/proc/self/fd").is_dir():
        assert steps == ["file", "rename", "folder"]


def test_a_pull_that_cannot_record_what_it_carried_puts_content_back(
        mini_built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture[str]) -> None:
    """The texts were written, then keeping the edited deck under output/replaced/ failed:
    the content files go back (else the next build would replace the edited deck), and no
    copy nor change in the history stays."""
    from deckbuilder.edits import guard

    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    project = tmp_path / "pulled"
    shutil.copytree(mini_built / "project", project)
    (deck,) = (project / "output").glob("*.pptx")
    shutil.copy(mini_built / "title.pptx", deck)
    before = _files(project)

    def full(path: Path) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(guard, "flush_to_disk", full)
    status, out, err = _run(capsys, "pull", project)
    monkeypatch.undo()
    assert status == 1, err
    assert "output/replaced/" in err and ": error: the disk is full" in err
    assert _files(project) == before
    assert _run(capsys, "undo", project)[0] == 1


@pytest.mark.parametrize(("command", "at"), [("build", 1), ("build", 2), ("events move", 1)])
def test_ctrl_c_while_writing_says_interrupted_and_keeps_every_file(
        command: str, at: int, tmp_path: Path, make_project: MakeProject,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Click turns Ctrl+C into its own Abort; users still read "interrupted", exit 130.
    ``at``: the file being moved into place when it comes (2: the first one is in place
    already, and goes back)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    monkeypatch.setattr(dates, "_KEPT", dates._Kept())  # as a new process starts: the
    # dates other tests wrote in this one would go into the project's cache
    args, roots = COMMANDS[command](tmp_path, make_project)
    before = _files(*roots)
    aside = atomic._move_aside
    moved = []

    def pressed(target: Path) -> Path | None:
        moved.append(target)
        if len(moved) == at:
            raise KeyboardInterrupt
        return aside(target)

    monkeypatch.setattr(atomic, "_move_aside", pressed)
    status, _, err = _run(capsys, *args)
    monkeypatch.undo()
    assert status == 130, err
    assert err.strip().endswith("interrupted; earlier results are unchanged"), err
    assert "aborted" not in err and "Traceback" not in err, err
    assert _files(*roots) == before


def test_ctrl_c_while_the_outputs_are_replaced_comes_after_them_and_their_record(
        tmp_path: Path, make_project: MakeProject, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """New outputs with the old record would look edited to the next build: a Ctrl+C
    during the replace waits for the record, and the message says what is there."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    monkeypatch.setattr(dates, "_KEPT", dates._Kept())
    project = _project(make_project, built=True)
    deck = project / "output" / "my-deck.pptx"
    before = deck.read_bytes()
    replace_in(project, "deck.yaml", "title: ", "title: NEU ")
    flush = atomic.flush_folders

    def pressed(targets: object) -> None:
        signal.raise_signal(signal.SIGINT)  # between the replace and the record
        flush(targets)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic, "flush_folders", pressed)
    status, _, err = _run(capsys, "build", project)
    monkeypatch.undo()
    assert status == 130, err
    assert err.strip().endswith(
        "interrupted; the files were written in full before it took effect"), err
    assert deck.read_bytes() != before
    again = run_cli("build", project)
    assert again.returncode == 0 and again.stdout.startswith("up to date"), again.stderr
