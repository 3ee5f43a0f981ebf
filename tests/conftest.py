"""Shared fixtures: small projects built from ``{path: text}``, a copy of the real project,
and one build of it to read.

Tests of messages and behaviour use the small projects (``make_project``): their expected
``file:line:col`` name lines the test owns, so editing content/ breaks none of them. Only
tests about the IHK deck itself (completeness, golden files) read content/.
"""

from __future__ import annotations

import atexit
import datetime as dt
import functools
import os
import shutil
import subprocess
import tempfile
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from hypothesis import settings

from . import forked

#: Hypothesis's example counts: modest in README's test run, large in .ci/run's second step
#: (``--hypothesis-profile=thorough``). Fuzz tests that build a project per example set
#: their own small counts and are marked slow.
settings.register_profile("default", deadline=None, max_examples=50)
settings.register_profile("thorough", deadline=None, max_examples=500)
settings.load_profile("default")

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "000_d31f371f938a50c8.txt"


#: The small project's content, owned by the tests (the scaffold's, frozen): a base that
#: ``make_project`` completes with the theme and pictures of ``deckbuilder new``.
MINI = Path(__file__).resolve().parent / "projects" / "mini"

MakeProject = Callable[..., Path]


@functools.cache
def _scaffold() -> Path:
    """What ``deckbuilder new`` writes, made once per test process and copied for each
    project (making it, with its schemas and pictures, took 0.2 s of each of some 230)."""
    from deckbuilder.content.scaffold import create_project

    folder = Path(tempfile.mkdtemp(prefix="deckbuilder-scaffold-")) / "new"
    atexit.register(shutil.rmtree, folder.parent, True)
    create_project(folder, dt.date(2025, 11, 4))  # theme and pictures only: the year is unused
    return folder


def write_project(dest: Path, files: Mapping[str, str | bytes] | None = None) -> Path:
    """A complete small project in ``dest``: the theme and pictures of ``deckbuilder new``,
    the content of tests/projects/mini, then ``files`` ({path: text}, dedented) over it."""
    shutil.copytree(_scaffold(), dest)
    shutil.copytree(MINI, dest, dirs_exist_ok=True)
    for rel, text in (files or {}).items():
        path = dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), "utf-8")
    return dest


@pytest.fixture()
def make_project(tmp_path: Path) -> MakeProject:
    """``make_project({"content/deck.yaml": "..."})``: a small project with these files."""
    count = iter(range(1000))

    def _make(files: Mapping[str, str | bytes] | None = None) -> Path:
        return write_project(tmp_path / f"small{next(count)}", files)

    return _make


def line_of(project: Path, name: str, text: str) -> int:
    """The number of the line of content/``name`` where ``text`` starts: messages name it,
    and a test that counts it stays right when a line is added above."""
    whole = (project / "content" / name).read_text("utf-8")
    assert text in whole, f"{text!r} is not in {name}"
    return whole[:whole.index(text)].count("\n") + 1


def replace_in(project: Path, name: str, old: str, new: str) -> Path:
    """Replaces one exact piece of text in a content file of ``project`` (it must occur)."""
    path = project / "content" / name
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return project


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A private copy of the IHK project (content and assets) that a test may change."""
    dest = tmp_path / "proj"
    shutil.copytree(ROOT / "content", dest / "content")
    shutil.copytree(ROOT / "assets", dest / "assets")
    return dest


@pytest.fixture()
def edit(project: Path) -> Callable[[str, str, str], Path]:
    """Replaces one exact piece of text in a content file (it must occur)."""

    def _edit(name: str, old: str, new: str) -> Path:
        path = project / "content" / name
        text = path.read_text("utf-8")
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new, 1), "utf-8")
        return project

    return _edit


#: The deck's own date (2025-11-04): builds in tests see the 2026 program as upcoming.
BUILD_EPOCH = "1762214400"


def run_cli(*args: str | Path, cwd: Path | None = None, epoch: str = BUILD_EPOCH
            ) -> subprocess.CompletedProcess[str]:
    """The real command in a process of its own, as a user runs it, on a fixed build date
    (forked from this one where it can: tests/forked.py).

    Without ``cwd`` it runs in the first project folder named, as a user usually does, so
    messages show places as ``content/...`` (they are relative to the folder run from)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch}
    if cwd is None:
        cwd = next((a for a in args if isinstance(a, Path) and (a / "content").is_dir()), None)
    return forked.run([str(a) for a in args], cwd, env, timeout=120)


def built_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]
               ) -> Path:
    """The folder ``make`` filled, made once per test run however many xdist workers ask:
    the first one builds under a file lock, the others wait and read. Tests only read
    these outputs; a test that changes a project or an output builds its own."""
    from filelock import FileLock

    base = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # this run's folder, shared by its workers (popen-gw0, ...)
    folder = base / f"built-{name}"
    with FileLock(str(folder) + ".lock"):
        if not (folder / ".complete").is_file():
            shutil.rmtree(folder, ignore_errors=True)
            make(folder)
            (folder / ".complete").touch()
    return folder


#: Every output format, as ``--format`` takes them.
ALL_FORMATS = "pptx,pdf,ics,slides-pdf,handout,notes"


@pytest.fixture(scope="session")
def ihk_outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The IHK project's four outputs, built once from the repository's own content."""

    def make(folder: Path) -> None:
        result = run_cli("build", ROOT, "--out", folder, "--format", ALL_FORMATS)
        assert result.returncode == 0, result.stderr

    return built_once(tmp_path_factory, "ihk", make)


@pytest.fixture(scope="session")
def new_outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A `deckbuilder new` project (in ``project/``) and its four outputs (in ``out/``),
    made once on the deck's own date."""

    def make(folder: Path) -> None:
        from deckbuilder.content.scaffold import create_project

        create_project(folder / "project", dt.date(2025, 11, 4))
        result = run_cli("build", folder / "project", "--out", folder / "out",
                         "--format", ALL_FORMATS)
        assert result.returncode == 0, result.stderr

    return built_once(tmp_path_factory, "new", make)


@pytest.fixture(scope="session")
def built_deck(ihk_outputs: Path) -> Path:
    """The IHK deck built once from the repository's own content."""
    (deck,) = ihk_outputs.glob("*.pptx")
    return deck
