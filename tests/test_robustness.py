"""Arbitrary text, interrupted and concurrent builds, and byte-identical rebuilds."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation
from pypdf import PdfReader

from deckbuilder.build.stages import build
from deckbuilder.content.load import load_theme
from deckbuilder.errors import ContentError
from deckbuilder.text.measure import Measurer

from .conftest import BUILD_EPOCH, ROOT, MakeProject, run_cli
from .pptx_text import flowing_text, normalize

# Where arbitrary text goes: (file, the line as it is, the line with {} for the text).
FIELDS = [
    ("trends.yaml", "      - Personalisierungsgrad\n", "      - {}\n"),
    ("trends.yaml", "  - title: GREEN TECH\n", "  - title: {}\n"),
    ("deck.yaml", "    title: SZENARIEN\n", "    title: {}\n"),
    ("future-circle.yaml", "  - title: Read the future\n", "  - title: {}\n"),
    ("program.yaml", "      title: Deep Dive Szenariotechnik\n", "      title: {}\n"),
    ("scenarios.yaml", "    title: Die abhängige Ruhrregion\n", "    title: {}\n"),
    ("deck.yaml", "{text: Nähe im Segment,", "{{text: {},"),
]


def _alphabet() -> list[str]:
    """Characters the font has (the success path) plus a few it lacks (the error path)."""
    measurer = Measurer(load_theme(ROOT), ROOT)
    chars = [chr(c) for c in sorted(measurer.common_characters())
             if unicodedata.category(chr(c))[0] not in "CZ" or chr(c) in " \u00a0"]
    return chars + ["😀", "\u4e2d", "\u0627"]


ALPHABET = _alphabet()


def _copy_project(tmp: Path) -> Path:
    dest = tmp / "proj"
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(ROOT / "content", dest / "content")
    shutil.copytree(ROOT / "assets", dest / "assets")
    return dest


@pytest.mark.slow
@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(field=st.sampled_from(FIELDS),
       text=st.text(alphabet=ALPHABET, min_size=1, max_size=60))
def test_any_text_builds_completely_or_fails_with_a_location(
        field: tuple[str, str, str], text: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    project = _copy_project(tmp_path)
    name, old, new = field
    path = project / "content" / name
    path.write_text(path.read_text("utf-8").replace(old, new.format(json.dumps(text)), 1),
                    "utf-8")
    try:
        build(project, project / "output", ("pptx", "pdf"))
    except ContentError as exc:
        assert exc.diagnostics
        for d in exc.diagnostics:
            assert d.location.file.startswith("content/") and d.location.line > 0, str(d)
        return
    shown = normalize(text)
    if not shown:
        return
    deck = flowing_text(project / "output" / "szenarien-ihk-ruhr.pptx")
    assert shown in deck
    pdf = "".join(p.extract_text() for p in
                  PdfReader(project / "output" / "szenarien-ihk-ruhr.pdf").pages)
    missing = {ch for ch in shown if not ch.isspace() and ch not in pdf}
    assert missing == set()


def _slow_project(project: Path) -> None:
    """Makes a build take seconds (long scenarios), so it can be interrupted mid-write."""
    path = project / "content" / "scenarios.yaml"
    text = path.read_text("utf-8")
    first, end = text.index("      - >-\n"), text.index("  - number: 2")
    path.write_text(text[:first] + text[first:end] * 40 + text[end:], "utf-8")


@pytest.mark.slow  # README's test command stays under two minutes
def test_a_killed_build_leaves_the_previous_outputs_whole(project: Path) -> None:
    assert run_cli("build", project).returncode == 0
    out = project / "output"
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()
              and not p.name.startswith(".")}
    _slow_project(project)
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    proc = subprocess.Popen([sys.executable, "-m", "deckbuilder", "build", str(project)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(out.glob(".*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert list(out.glob(".*.tmp")), "the build never started writing"
    time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()
            and not p.name.startswith(".")} \
        == before
    # The next build clears what the killed one left behind.
    assert run_cli("build", project).returncode == 0
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [
        ".cache", ".deckbuilder-state.json"]


@pytest.mark.slow  # README's test command stays under two minutes
def test_two_builds_at_once_do_not_corrupt_each_other(project: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    procs = [subprocess.Popen([sys.executable, "-m", "deckbuilder", "build", str(project)],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(2)]
    for proc in procs:
        proc.communicate(timeout=120)
    assert [p.returncode for p in procs] == [0, 0]
    out = project / "output"
    assert len(Presentation(str(out / "szenarien-ihk-ruhr.pptx")).slides) == 33
    assert len(PdfReader(out / "szenarien-ihk-ruhr.pdf").pages) == 15
    assert sorted(p.name for p in out.iterdir()) == [
        ".cache", ".deckbuilder-state.json", "szenarien-ihk-ruhr-changes.md",
        "szenarien-ihk-ruhr.ics", "szenarien-ihk-ruhr.pdf", "szenarien-ihk-ruhr.pptx"]


@pytest.mark.slow  # README's test command stays under two minutes
def test_same_content_and_epoch_give_identical_bytes(tmp_path: Path) -> None:
    outs = [tmp_path / "a", tmp_path / "b"]
    for out in outs:
        assert run_cli("build", ROOT, "--out", out, "--format", "pptx,pdf,ics,slides-pdf"
                       ).returncode == 0
    names = sorted(p.name for p in outs[0].iterdir() if p.is_file()
                   and p.name != ".deckbuilder-state.json")  # records times, not a result
    assert len(names) == 5  # the four results and the change log
    for name in names:
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_nothing_is_written_outside_out(tmp_path: Path) -> None:
    project = _copy_project(tmp_path)
    before = {p for p in tmp_path.rglob("*")}
    out = tmp_path / "results"
    assert run_cli("build", project, "--out", out).returncode == 0
    after = {p for p in tmp_path.rglob("*")}
    assert {p for p in after - before if out not in p.parents and p != out} == set()


@pytest.mark.parametrize(("command", "out", "shown", "read"), [
    *[(command, "content", "content", "content") for command in (
        ["build"], ["build", "--all-editions"], ["watch"], ["preview"], ["serve"],
        ["changes"], ["editions"])],
    (["build"], "assets/pictures", "assets/pictures", "assets"),
    (["watch"], "./content/../content", "content/../content", "content")])
def test_results_never_go_into_what_the_build_reads(
        command: list[str], out: str, shown: str, read: str, make_project: MakeProject
) -> None:
    """``watch --out content`` rebuilt after each of its own writes; ``build --out content``
    mixed results among the content files."""
    project = make_project()
    before = sorted(project.rglob("*"))
    result = run_cli(*command, "--out", out, cwd=project)
    assert result.returncode == 2, result.stderr
    assert result.stderr == (
        f"error: --out {shown}: the results cannot go into the project's {read}/ folder, "
        "which every build reads (leave --out away for output/, or name a folder outside "
        "content/ and assets/)\n"), result.stderr
    assert sorted(project.rglob("*")) == before


def test_out_through_a_link_into_content_is_refused_too(make_project: MakeProject) -> None:
    """Another spelling of content/ (a link here; on macOS and Windows also Content/)
    names the same folder: compared as folders, not as text."""
    project = make_project()
    (project / "results").symlink_to(project / "content", target_is_directory=True)
    (project / "extras").symlink_to(project / "content" / "editions",
                                    target_is_directory=True)
    for out in ("results/deck", "extras", "extras/x"):
        result = run_cli("build", "--out", out, cwd=project)
        assert result.returncode == 2, out
        assert "cannot go into the project's content/ folder" in result.stderr, out
    assert not (project / "content" / "deck").exists()
    assert sorted(p.name for p in (project / "content" / "editions").iterdir()) == [
        "standard.yaml"]


def test_an_out_folder_named_through_content_is_still_allowed(
        make_project: MakeProject) -> None:
    project = make_project()
    assert run_cli("build", "--out", "content/../results", cwd=project).returncode == 0
    assert (project / "results" / "my-deck.pptx").is_file()
