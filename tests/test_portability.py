"""deckbuilder on Windows and macOS: no "fork", open outputs, paths, code pages, fonts."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path, PureWindowsPath

import psutil
import pytest

from deckbuilder import atomic
from deckbuilder.build import aside, locks
from deckbuilder.build import stages as build_module
from deckbuilder.cli import main as cli
from deckbuilder.cli.places import in_project, shown

from .conftest import BUILD_EPOCH, ROOT, MakeProject, run_cli

NAME = "szenarien-ihk-ruhr"
OUTPUTS = (f"{NAME}.pptx", f"{NAME}.pdf", f"{NAME}.ics")


def _build_in_process(out: Path, monkeypatch: pytest.MonkeyPatch, cache: Path | None) -> dict:
    """The IHK deck built here (two cores pretended, so the second process is used);
    ``cache`` (an earlier build's .cache) only saves time, it never changes a byte."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    monkeypatch.setattr(build_module.os, "cpu_count", lambda: 2)
    if cache is not None:
        shutil.copytree(cache, out / ".cache")
    build_module.build(ROOT, out)
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def _no_fork(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Makes "fork" unavailable, as on Windows; returns the start methods asked for."""
    asked: list[str] = []
    real = multiprocessing.get_context

    def get_context(method: str | None = None):  # type: ignore[no-untyped-def]
        asked.append(str(method))
        if method == "fork":
            raise ValueError("cannot find context for 'fork'")
        return real(method)

    monkeypatch.setattr(multiprocessing, "get_context", get_context)
    monkeypatch.delattr(os, "fork", raising=False)
    return asked


@pytest.mark.slow  # README's test command stays under two minutes
def test_without_fork_and_with_spawn_forced_the_outputs_are_the_same_bytes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DECKBUILDER_SERIAL", "1")
    serial = _build_in_process(tmp_path / "serial", monkeypatch, None)
    cache = tmp_path / "serial" / ".cache"
    monkeypatch.delenv("DECKBUILDER_SERIAL")
    references = [serial]
    if "fork" in multiprocessing.get_all_start_methods():  # how Linux built until now
        with monkeypatch.context() as m:
            m.setenv("DECKBUILDER_START_METHOD", "fork")
            references.append(_build_in_process(tmp_path / "fork", m, cache))
    with monkeypatch.context() as m:
        asked = _no_fork(m)
        without_fork = _build_in_process(tmp_path / "no-fork", m, cache)
        assert asked == ["spawn"]
    with monkeypatch.context() as m:
        m.setenv("DECKBUILDER_START_METHOD", "spawn")
        spawned = _build_in_process(tmp_path / "spawn", m, cache)
    for reference in references:
        for name in OUTPUTS:
            assert without_fork[name] == reference[name], name
            assert spawned[name] == reference[name], name


KILLED_PARENT = '''
import sys, time
from pathlib import Path
from deckbuilder.build.aside import Aside

class SlowWriter:
    def __call__(self, path):
        Path(path).with_name("started").write_text("")
        time.sleep(2)
        Path(path).write_text("written after the parent was killed")
        return ""

if __name__ == "__main__":
    aside = Aside()
    target = Path(sys.argv[1])
    aside.submit({target: (SlowWriter(), target)})
    print(aside._process.pid, flush=True)
    time.sleep(60)
'''


def _gone(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def test_the_pdf_process_started_early_is_taken_over_or_ended(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The command starts the PDF process before it reads its options (aside.start_early):
    a build that wants it takes that very process over; one that needs none (no PDF asked
    for, or nothing changed) ends it; any other command starts none."""
    monkeypatch.delenv("DECKBUILDER_SERIAL", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    aside.start_early(["check"])
    aside.start_early(["build", "--help"])
    assert aside._EARLY == []
    aside.start_early(["build", "--force"])
    (early,) = aside._EARLY
    taken = aside.start_for(("pptx", "pdf"))
    assert taken is early and aside._EARLY == [] and early._process.is_alive()
    taken.close()
    aside.start_early(["build"])
    (unwanted,) = aside._EARLY
    assert aside.start_for(("pptx", "ics")) is None  # no PDF: the process is ended
    assert not unwanted._process.is_alive() and aside._EARLY == []
    aside.start_early(["build"])
    (unchanged,) = aside._EARLY
    aside.end_early()
    assert not unchanged._process.is_alive() and aside._EARLY == []


def test_the_early_start_forks_on_linux_only_while_no_thread_runs(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Forking skips a new interpreter's start, but a thread running at the fork would be
    missing in the child: the early start forks on Linux before any thread exists, and
    spawns otherwise; DECKBUILDER_START_METHOD still decides when set."""
    monkeypatch.delenv("DECKBUILDER_START_METHOD", raising=False)
    linux = sys.platform.startswith("linux")
    with monkeypatch.context() as m:  # as in the command: its main thread only
        m.setattr(aside.threading, "active_count", lambda: 1)
        assert aside.early_method() == ("fork" if linux else "spawn")
    release = threading.Event()
    worker = threading.Thread(target=release.wait)
    worker.start()
    try:
        assert aside.early_method() == "spawn"
    finally:
        release.set()
        worker.join()
    monkeypatch.setenv("DECKBUILDER_START_METHOD", "spawn")
    assert aside.early_method() == "spawn"


@pytest.mark.parametrize("method", [
    m for m in ("fork", "spawn") if m in multiprocessing.get_all_start_methods()])
def test_the_second_process_ends_when_the_parent_closes_the_connection(method: str) -> None:
    """A forked process holds a copy of the parent's end of the pipe; it closes that copy,
    so the parent closing its end (without a kill) ends it, as it ends a spawned one."""
    second = aside.Aside(method)
    second._conn.close()
    second._process.join(timeout=20)
    alive = second._process.is_alive()
    second._done = False
    second._process.kill()
    second._process.join()
    assert not alive


@pytest.mark.slow  # README's test command stays under two minutes
def test_a_build_from_the_command_line_writes_the_same_bytes_forked_or_spawned(
        make_project: MakeProject, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command's own start (fork on Linux) against spawn forced, in fresh processes."""
    project = make_project()
    monkeypatch.delenv("DECKBUILDER_SERIAL", raising=False)
    outputs = []
    for method in ("", "spawn"):
        monkeypatch.setenv("DECKBUILDER_START_METHOD", method)
        out = project / f"out-{method or 'default'}"
        done = run_cli("build", project, "--out", out)
        assert done.returncode == 0, done.stderr
        outputs.append({p.name: p.read_bytes() for p in out.iterdir() if p.is_file()
                        and p.suffix in (".pptx", ".pdf", ".ics")})
    assert len(outputs[0]) == 3 and outputs[0] == outputs[1]


@pytest.mark.slow  # README's test command stays under two minutes
def test_a_killed_build_leaves_no_process_writing(tmp_path: Path) -> None:
    script = tmp_path / "parent.py"
    script.write_text(KILLED_PARENT, "utf-8")
    target = tmp_path / "out.pdf"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    parent = subprocess.Popen([sys.executable, str(script), str(target)], env=env,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        deadline = time.monotonic() + 60
        while not (tmp_path / "started").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert (tmp_path / "started").exists()
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 5
        while not _gone(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _gone(child)
        time.sleep(2.5)  # past the moment the writer would have written
        assert not target.exists()
    finally:
        parent.kill()
        parent.wait()
        if parent.stdout is not None:
            parent.stdout.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with its outputs built, which tests copy and then try to replace."""
    project = tmp_path_factory.mktemp("built") / "proj"
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "assets", project / "assets")
    assert run_cli("build", project).returncode == 0
    return project


def _copy(built: Path, tmp_path: Path) -> Path:
    project = tmp_path / "proj"
    shutil.copytree(built, project)
    return project


def _state(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()
            if p.is_file()}


def test_a_deck_open_in_powerpoint_stops_the_build_and_changes_nothing(
        built: Path, tmp_path: Path) -> None:
    project = _copy(built, tmp_path)
    out = project / "output"
    (out / f"~${NAME}.pptx").write_bytes(b"\0")
    before = _state(out)
    result = run_cli("build", "proj", "--force", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (f"error: proj/output/{NAME}.pptx is open in PowerPoint; close it "
                             "and build again (if it is not open, delete the lock file "
                             f"proj/output/~${NAME}.pptx)\n")
    assert _state(out) == before
    shutil.copytree(out / ".cache", tmp_path / "copy" / ".cache")  # only saves time
    elsewhere = run_cli("build", "proj", "--out", "copy", cwd=tmp_path)
    assert elsewhere.returncode == 0, elsewhere.stderr
    assert (tmp_path / "copy" / f"{NAME}.pptx").is_file()


@pytest.mark.parametrize(("lock", "program", "target"), [
    (f"~${NAME}.pptx", "PowerPoint", f"{NAME}.pptx"),
    (f"~${NAME[2:]}.pptx", "PowerPoint", f"{NAME}.pptx"),  # Office's form for long names
    (f".~lock.{NAME}.pptx#", "LibreOffice", f"{NAME}.pptx"),
    (f".~lock.{NAME}.pdf#", "LibreOffice", f"{NAME}.pdf")])
def test_lock_files_of_powerpoint_and_libreoffice_are_found(tmp_path: Path, lock: str,
                                                            program: str, target: str) -> None:
    targets = [tmp_path / name for name in OUTPUTS]
    locks.refuse_open_outputs(targets)  # no lock file: nothing to say
    (tmp_path / lock).write_bytes(b"")
    with pytest.raises(locks.OutputInUse) as caught:
        locks.refuse_open_outputs(targets)
    assert (caught.value.path, caught.value.program, caught.value.lock) == (
        tmp_path / target, program, tmp_path / lock)


@pytest.mark.parametrize("step", ["new file onto the old", "old file aside"])
def test_a_failed_replace_puts_back_the_outputs_already_replaced(
        built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], step: str) -> None:
    """Windows refuses to replace or rename a file another program has open: the deck is
    replaced first, then the dossier fails; the deck must be the previous one again."""
    project = _copy(built, tmp_path)
    out = project / "output"
    before = _state(out)
    real = os.replace
    replaced: list[str] = []

    def replace(src: str | Path, dst: str | Path) -> None:
        new = Path(src).name.startswith(f".{NAME}.pdf.") and ".old." not in Path(src).name
        if (Path(dst).name == f"{NAME}.pdf" and new) if step.startswith("new") else \
                Path(src).name == f"{NAME}.pdf":
            raise PermissionError(13, "The process cannot access the file because it is "
                                  "being used by another process")
        replaced.append(Path(dst).name)
        real(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    with pytest.raises(SystemExit) as exited:
        cli.main(["build", "proj", "--force"])
    assert exited.value.code == 2
    assert f"{NAME}.pptx" in replaced  # the deck had been replaced before the failure
    assert capsys.readouterr().err == (
        f"error: {Path('proj/output', NAME + '.pdf')} could not be replaced: it is open in "
        "another program (or write-protected); close it and build again\n")
    assert _state(out) == before


def test_windows_paths_are_shown_as_typed() -> None:
    cwd = PureWindowsPath(r"C:\Users\anna")
    assert shown(PureWindowsPath(r"D:\Decks\ihk\output\x.pptx"), cwd) == \
        r"D:\Decks\ihk\output\x.pptx"
    assert shown(PureWindowsPath(r"c:\users\anna\ihk\output\x.pptx"), cwd) == \
        r"ihk\output\x.pptx"
    assert in_project(PureWindowsPath(r"..\ihk"), "content/program.yaml", cwd) == \
        r"..\ihk\content\program.yaml"


def test_places_are_shown_from_the_folder_the_command_ran_in(
        tmp_path: Path, built: Path) -> None:
    project = _copy(built, tmp_path)
    program = project / "content" / "program.yaml"
    program.write_text(program.read_text("utf-8").replace("2026-03-04", "2026-13-04", 1),
                       "utf-8")
    result = run_cli("check", "proj", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("proj/content/program.yaml:"), result.stderr
    inside = run_cli("check", cwd=project)
    assert inside.stderr.startswith("content/program.yaml:"), inside.stderr


def test_the_next_step_names_the_project_and_a_missing_folder_is_named(
        tmp_path: Path, built: Path) -> None:
    _copy(built, tmp_path)
    moved = run_cli("events", "move", "Future Day Frankfurt", "2026-11-19", "proj",
                    cwd=tmp_path)
    assert moved.returncode == 0, moved.stderr
    # the IHK project's two editions show the shared program: both are built
    assert "run 'deckbuilder build --all-editions proj' to update" in moved.stdout
    here = run_cli("events", "move", "Future Day Frankfurt", "2026-11-20", cwd=tmp_path / "proj")
    assert "run 'deckbuilder build --all-editions' to update" in here.stdout
    missing = run_cli("build", "nowhere", cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr == "error: the project folder 'nowhere' does not exist\n"


def test_messages_print_on_a_cp1252_console(tmp_path: Path, built: Path) -> None:
    _copy(built, tmp_path)
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    result = subprocess.run([sys.executable, "-m", "deckbuilder", "events", "add",
                             "2026-12-03", "CO₂-Tag „Grün“", "proj"], cwd=tmp_path, env=env,
                            capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    assert "added 'CO2-Tag „Grün“' on 2026-12-03".encode("cp1252") in result.stdout


@pytest.mark.parametrize(("platform", "expected"), [
    ("win32", "AppData/Local/Microsoft/Windows/Fonts"), ("darwin", "Library/Fonts"),
    ("linux", ".local/share/fonts")])
def test_fonts_install_where_each_platform_expects_them(tmp_path: Path, platform: str,
                                                        expected: str) -> None:
    from deckbuilder.content.load import load_theme
    from deckbuilder.text.fonts_install import (
        deck_fonts,
        font_folders,
        install,
        missing,
        user_font_folder,
    )

    env = {"LOCALAPPDATA": str(tmp_path / "AppData" / "Local")} if platform == "win32" else {}
    files = deck_fonts(load_theme(ROOT), ROOT)
    assert [f.name for f in files] == ["SourceSansPro-Regular.ttf", "SourceSansPro-It.ttf",
                                       "SourceSansPro-Bold.ttf", "SourceSansPro-BoldIt.ttf",
                                       "SourceSansPro-Black.ttf"]
    folders = font_folders(platform, tmp_path, env)
    assert missing(files, folders) == files or platform == sys.platform
    folder = user_font_folder(platform, tmp_path, env)
    assert folder == tmp_path / expected
    for copied in install(files, folder):
        assert copied.parent == folder
        assert copied.read_bytes() == (files[[f.name for f in files].index(copied.name)]
                                       .read_bytes())
    assert missing(files, folders) == []


@pytest.mark.slow  # README's test command stays under two minutes
def test_fonts_command_installs_for_this_user_and_check_then_is_quiet(
        tmp_path: Path, built: Path) -> None:
    project = _copy(built, tmp_path)
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "USERPROFILE": str(home),
           "LOCALAPPDATA": str(home / "AppData" / "Local"), "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    env.pop("XDG_DATA_HOME", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "deckbuilder", *args], cwd=project,
                              env=env, capture_output=True, text=True, timeout=120)

    listing = run("fonts")
    assert listing.returncode == 0, listing.stderr
    paths = [Path(line.split("  (")[0]) for line in listing.stdout.splitlines()[:5]]
    assert all(p.is_file() and p.suffix == ".ttf" for p in paths)
    installed = run("fonts", "--install")
    assert installed.returncode == 0, installed.stderr
    from deckbuilder.text.fonts_install import user_font_folder

    folder = user_font_folder(sys.platform, home, env)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in paths)
    assert "(not installed)" not in run("fonts").stdout
    assert "not installed" not in run("check").stderr


class SaysWhat:
    """A writer for the second process: writes and says ``what``, or raises it."""

    def __init__(self, what: str, fails: bool = False) -> None:
        self.what, self.fails = what, fails

    def __call__(self, path: Path) -> str:
        if self.fails:
            raise ValueError(self.what)
        path.write_text(self.what, "utf-8")
        return self.what


def test_the_second_process_takes_work_in_batches(tmp_path: Path) -> None:
    """The dossier goes there before the deck is laid out, the handouts (which draw the
    deck's slides) after: both batches are written there, and a failure in the later
    one is raised here once both have answered."""
    first, second = tmp_path / "dossier.pdf", tmp_path / "handout.pdf"
    there = aside.Aside()
    there.submit({first: (SaysWhat("15 pages"), first)})
    there.submit({second: (SaysWhat("12 pages"), second)})
    assert there.result() == {first: "15 pages", second: "12 pages"}
    assert second.read_text("utf-8") == "12 pages"
    failing = aside.Aside()
    failing.submit({first: (SaysWhat("written"), first)})
    failing.submit({second: (SaysWhat("no room", fails=True), second)})
    with pytest.raises(ValueError, match="no room"):
        failing.result()
    assert not failing._process.is_alive()


@pytest.mark.slow  # README's test command stays under two minutes
def test_handouts_are_drawn_in_the_second_process(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build that also writes the handouts hands them to the PDF process after the
    dossier (issue 30's cost: drawn in the deck's process they added 0.34 s)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    monkeypatch.setattr(build_module.os, "cpu_count", lambda: 2)
    batches: list[set[str]] = []
    real = aside.Aside.submit

    def submit(self: aside.Aside, jobs: dict) -> None:  # type: ignore[type-arg]
        batches.append({target.name for target in jobs})
        real(self, jobs)

    monkeypatch.setattr(aside.Aside, "submit", submit)
    build_module.build(project, tmp_path / "out",
                       ("pptx", "pdf", "ics", "handout", "notes"))
    assert batches == [{f"{NAME}.pdf", f"{NAME}.ics"},
                       {f"{NAME}-handout.pdf", f"{NAME}-notes.pdf"}]
    assert (tmp_path / "out" / f"{NAME}-notes.pdf").read_bytes().startswith(b"%PDF")
